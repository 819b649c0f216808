"""The Elasticsearch clients' own logs: the scout's retry loop reports failures once."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from streams.index.client import make_client
from streams.settings import Settings

LOGGERS = ("elastic_transport.transport", "elastic_transport.node_pool")


@pytest.fixture(autouse=True)
def _restore_levels() -> Iterator[None]:
    saved = {name: logging.getLogger(name).level for name in LOGGERS}
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def test_the_transports_per_attempt_tracebacks_are_not_logged() -> None:
    make_client(Settings(log_level="info")).close()
    for name in LOGGERS:
        assert not logging.getLogger(name).isEnabledFor(logging.WARNING), name


def test_debug_keeps_the_clients_own_logs() -> None:
    make_client(Settings(log_level="debug")).close()
    for name in LOGGERS:
        assert logging.getLogger(name).level == logging.NOTSET, name
