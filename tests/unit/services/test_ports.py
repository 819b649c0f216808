from __future__ import annotations

import socket

import pytest

from streams.errors import ServiceError
from streams.services.ports import PortClaim, ensure_ports_free, port_in_use

from .conftest import free_port


def test_a_listening_port_is_in_use() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert port_in_use(port)


def test_a_free_port_is_not_in_use() -> None:
    assert not port_in_use(free_port())


def test_busy_port_error_names_the_port_and_the_setting() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        claims = [
            PortClaim(free_port(), "Kafka broker", "SCOUT_LOCAL_KAFKA_PORT"),
            PortClaim(port, "Elasticsearch HTTP", "SCOUT_LOCAL_ES_PORT"),
        ]
        with pytest.raises(ServiceError) as err:
            ensure_ports_free(claims, "elasticsearch")
    assert err.value.code == "SCOUT-E105"
    assert f"port {port} (Elasticsearch HTTP)" in err.value.message
    assert "SCOUT_LOCAL_ES_PORT=" in err.value.message
