"""Publishing from the event loop through the project's Kafka producer.

``streams.kafka.producer.make_producer`` (acks=all, idempotent) sends from its own I/O
thread; :class:`KafkaPublisher` turns each send into an asyncio future that completes when
Kafka acknowledged the record (or failed it), so a source awaits its own posts' acks and
only then writes its cursor.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from kafka.errors import KafkaError

from streams.errors import BrokerUnavailableError
from streams.sources.errors import E_TOPIC

__all__ = ["KafkaPublisher", "Publisher"]


class Publisher(Protocol):
    def send(self, topic: str, key: bytes, value: bytes) -> asyncio.Future[None]:
        """Queue a record; the future completes once Kafka acknowledged it."""
        ...


class KafkaPublisher:
    """:class:`Publisher` over a kafka-python ``KafkaProducer``."""

    def __init__(self, producer: Any) -> None:
        self._producer = producer

    def send(self, topic: str, key: bytes, value: bytes) -> asyncio.Future[None]:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()

        def acked(_metadata: Any) -> None:
            loop.call_soon_threadsafe(_settle, done, None)

        def failed(exc: BaseException) -> None:
            loop.call_soon_threadsafe(_settle, done, exc)

        try:
            sent = self._producer.send(topic, key=key, value=value)
        except KafkaError as exc:
            _settle(done, exc)
            return done
        sent.add_callback(acked)
        sent.add_errback(failed)
        return done

    def check_topics(self, topics: list[str]) -> None:
        """Fetch the topics' metadata now (a blocking call: run it off the loop), so
        sends do not block on it later; a missing topic is SCOUT-E709."""
        from streams.errors import ConfigError

        for topic in topics:
            try:
                partitions = self._producer.partitions_for(topic)
            except KafkaError as exc:
                raise BrokerUnavailableError(f"Kafka did not describe {topic!r}: {exc}") from exc
            if not partitions:
                raise ConfigError(
                    f"topic {topic!r} does not exist: run `scout setup`", code=E_TOPIC
                )

    def close(self, timeout_s: float = 10.0) -> None:
        """Send what is queued and close (blocking)."""
        self._producer.flush(timeout=timeout_s)
        self._producer.close(timeout=timeout_s)


def _settle(future: asyncio.Future[None], exc: BaseException | None) -> None:
    if future.done():
        return
    if exc is None:
        future.set_result(None)
    else:
        future.set_exception(
            BrokerUnavailableError(f"Kafka did not acknowledge a record: {exc}")
            if not isinstance(exc, BrokerUnavailableError)
            else exc
        )
