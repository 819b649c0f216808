"""Offsets of a topic and the lag of a consumer group on it (for ``GET /metrics``).

``consumer_lag`` is pure; ``topic_offsets`` and ``committed_offsets`` ask the brokers
through a ``KafkaAdminClient`` (:func:`probe_admin`: short timeouts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kafka import KafkaAdminClient, TopicPartition
from kafka.admin import OffsetSpec

from streams.settings import Settings

__all__ = ["TopicOffsets", "committed_offsets", "consumer_lag", "probe_admin", "topic_offsets"]


def probe_admin(settings: Settings, *, timeout_ms: int = 3000) -> Any:
    """An admin client that gives up within ``timeout_ms`` when Kafka is unreachable
    (a metrics scrape must answer before Prometheus' own timeout); raises KafkaError."""
    return KafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        client_id=f"{settings.app_id}-metrics",
        request_timeout_ms=timeout_ms,
        bootstrap_timeout_ms=timeout_ms,
    )


@dataclass(frozen=True)
class TopicOffsets:
    """Per partition: the first offset still retained and the next offset to be written.
    Empty when the topic does not exist."""

    earliest: dict[int, int] = field(default_factory=dict)
    latest: dict[int, int] = field(default_factory=dict)

    @property
    def messages(self) -> int:
        """Messages currently retained in the topic."""
        return sum(max(0, end - self.earliest.get(p, 0)) for p, end in self.latest.items())


def consumer_lag(offsets: TopicOffsets, committed: Mapping[int, int]) -> dict[int, int]:
    """Messages per partition the group has not committed yet. A partition without a
    commit counts from its earliest retained offset (what a new group reads first)."""
    lag = {}
    for partition, end in offsets.latest.items():
        start = committed.get(partition, offsets.earliest.get(partition, 0))
        lag[partition] = max(0, end - max(start, offsets.earliest.get(partition, 0)))
    return lag


def topic_offsets(admin: Any, topic: str) -> TopicOffsets:
    described = admin.describe_topics([topic])
    if not described or described[0].get("error_code") or not described[0].get("partitions"):
        return TopicOffsets()
    partitions = [TopicPartition(topic, p["partition_index"]) for p in described[0]["partitions"]]
    earliest = admin.list_partition_offsets({tp: OffsetSpec.EARLIEST for tp in partitions})
    latest = admin.list_partition_offsets({tp: OffsetSpec.LATEST for tp in partitions})
    return TopicOffsets(
        earliest={tp.partition: int(earliest[tp].offset) for tp in partitions},
        latest={tp.partition: int(latest[tp].offset) for tp in partitions},
    )


def committed_offsets(admin: Any, group: str, topic: str) -> dict[int, int]:
    found = admin.list_group_offsets({group: None}).get(group) or {}
    return {
        tp.partition: int(meta.offset)
        for tp, meta in found.items()
        if tp.topic == topic and meta.offset is not None and meta.offset >= 0
    }
