"""An in-memory publisher for unit tests of sources (the integration tests use Kafka)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

import httpx

from streams.errors import BrokerUnavailableError
from streams.settings import Settings
from streams.sources.base import SourceContext
from streams.sources.pacing import HostPacer


@dataclass
class Record:
    topic: str
    key: str
    value: dict[str, Any]


@dataclass
class MemoryPublisher:
    """Acknowledges every record at once, or fails them while ``down``."""

    records: list[Record] = field(default_factory=list)
    down: bool = False

    def send(self, topic: str, key: bytes, value: bytes) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.down:
            future.set_exception(BrokerUnavailableError("Kafka is down (test)"))
        else:
            self.records.append(Record(topic, key.decode(), json.loads(value)))
            future.set_result(None)
        return future

    def on(self, topic: str) -> list[Record]:
        return [r for r in self.records if r.topic == topic]


def context(
    publisher: MemoryPublisher, handler: Any, settings: Settings | None = None
) -> SourceContext:
    settings = settings or Settings(topic_prefix="t.", sources_host_interval_s=0)
    return SourceContext(
        settings=settings,
        http=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        pacer=HostPacer(0),
        publisher=publisher,
    )
