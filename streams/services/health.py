"""Health probes with bounded timeouts: Kafka answers metadata, ES reports green/yellow.

A TCP connect is not enough for Kafka (the socket opens before the broker can serve), and
this Elasticsearch distribution answers ``GET /`` with 405, so ES health is read from
``/_cluster/health``.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

from streams.services.ports import LOOPBACK

__all__ = ["tcp_open", "kafka_healthy", "es_health_status", "es_healthy"]


def tcp_open(port: int, timeout_s: float, host: str = LOOPBACK) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except OSError:
        return False


def kafka_healthy(port: int, timeout_s: float, host: str = LOOPBACK) -> bool:
    """True when the broker at ``host:port`` lists its topics within ``timeout_s``."""
    if not tcp_open(port, timeout_s, host):
        return False
    from kafka import KafkaAdminClient  # heavy import, only when probing
    from kafka.errors import KafkaError

    budget_ms = max(int(timeout_s * 1000), 100)
    try:
        client = KafkaAdminClient(
            bootstrap_servers=f"{host}:{port}",
            client_id="scout-services-probe",
            bootstrap_timeout_ms=budget_ms,
            request_timeout_ms=budget_ms,
        )
    except (KafkaError, OSError):
        return False
    try:
        client.list_topics()
    except (KafkaError, OSError):
        return False
    finally:
        client.close()
    return True


def es_health_status(port: int, timeout_s: float, host: str = LOOPBACK) -> str | None:
    """The cluster health status (green/yellow/red), or None when ES does not answer."""
    url = f"http://{host}:{port}/_cluster/health"
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:  # noqa: S310 - fixed http URL
            body = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError):
        return None
    status = body.get("status") if isinstance(body, dict) else None
    return status if isinstance(status, str) else None


def es_healthy(port: int, timeout_s: float, host: str = LOOPBACK) -> bool:
    return es_health_status(port, timeout_s, host) in ("green", "yellow")
