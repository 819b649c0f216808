"""Is Kafka reachable? Asked once, before the worker starts (Faust would otherwise fail
deep in its start-up and log a traceback)."""

from __future__ import annotations

import asyncio
import logging

from aiokafka.client import AIOKafkaClient
from aiokafka.errors import KafkaError

from streams.errors import BrokerUnavailableError
from streams.settings import Settings

_TIMEOUT_S = 15.0


def _servers(settings: Settings) -> list[str]:
    return [s.strip() for s in settings.kafka_bootstrap.split(",") if s.strip()]


async def _connect_any(servers: list[str]) -> None:
    """Open a TCP connection to the first server that accepts one (the OS's reason when
    none does: aiokafka's own error drops it)."""
    last: OSError | None = None
    for server in servers:
        host, _, port = server.rpartition(":")
        try:
            _, writer = await asyncio.wait_for(
                asyncio.open_connection(host.strip("[]"), int(port)), _TIMEOUT_S
            )
        except (OSError, TimeoutError, ValueError) as exc:
            last = exc if isinstance(exc, OSError) else OSError(str(exc) or "timed out")
            continue
        writer.close()
        return
    raise last or OSError("no bootstrap server given")


async def _bootstrap(servers: list[str], client_id: str) -> None:
    await _connect_any(servers)
    client = AIOKafkaClient(
        bootstrap_servers=servers, client_id=client_id, request_timeout_ms=int(_TIMEOUT_S * 1000)
    )
    try:
        await client.bootstrap()
    finally:
        await client.close()


def check_kafka(settings: Settings) -> None:
    """Raise :class:`BrokerUnavailableError` when no bootstrap server answers."""
    # aiokafka logs each refused connection; with no logging set up yet Python would print
    # it to stderr: the coded error below says it once.
    logging.getLogger("aiokafka").addHandler(logging.NullHandler())
    try:
        asyncio.run(_bootstrap(_servers(settings), f"{settings.app_id}-probe"))
    except (KafkaError, OSError) as exc:
        raise BrokerUnavailableError(f"cannot reach Kafka at {settings.kafka_bootstrap}") from exc
