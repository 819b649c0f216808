"""Reading the latest ``SourceState`` of every source from the compacted cursor topic.

Writing happens through the source itself (``StatefulSource.commit``: posts acknowledged
first, then the record). Reading goes from the start of the topic to its end offsets at
the moment of the call, the last record of a key winning (a tombstone removes it).
"""

from __future__ import annotations

import logging
import time

from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError
from pydantic import ValidationError

from models.sources import SourceState
from streams.errors import BrokerUnavailableError
from streams.settings import Settings
from streams.topics import SOURCE_CURSORS

__all__ = ["read_states"]

log = logging.getLogger(__name__)


def read_states(settings: Settings, *, timeout_s: float = 20.0) -> dict[str, SourceState]:
    """``{source name: its latest state}`` (blocking; empty when the topic is empty)."""
    topic = SOURCE_CURSORS.name(settings)
    try:
        consumer = KafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap.split(","),
            client_id=f"{settings.app_id}-sources",
            group_id=None,
            enable_auto_commit=False,
            request_timeout_ms=int(min(timeout_s, 30) * 1000) + 1000,
        )
    except KafkaError as exc:
        raise BrokerUnavailableError(
            f"cannot reach Kafka at {settings.kafka_bootstrap}: {exc}"
        ) from exc
    try:
        return _read(consumer, topic, timeout_s)
    except KafkaError as exc:
        raise BrokerUnavailableError(f"cannot read {topic!r}: {exc}") from exc
    finally:
        consumer.close()


def _read(consumer: KafkaConsumer, topic: str, timeout_s: float) -> dict[str, SourceState]:
    partitions = consumer.partitions_for_topic(topic) or set()
    if not partitions:
        return {}
    assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
    consumer.assign(assigned)
    consumer.seek_to_beginning(*assigned)
    ends = consumer.end_offsets(assigned)
    states: dict[str, SourceState] = {}
    deadline = time.monotonic() + timeout_s
    while any(consumer.position(tp) < ends[tp] for tp in assigned):
        if time.monotonic() > deadline:
            raise BrokerUnavailableError(f"reading {topic!r} took over {timeout_s:.0f}s")
        for records in consumer.poll(timeout_ms=500).values():
            for record in records:
                if record.key is None:
                    continue
                name = record.key.decode("utf-8", "replace")
                if record.value is None:
                    states.pop(name, None)
                    continue
                try:
                    states[name] = SourceState.model_validate_json(record.value)
                except ValidationError as exc:
                    log.warning(
                        "cursor of %s at offset %d unreadable: %s", name, record.offset, exc
                    )
    return states
