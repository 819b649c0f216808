"""Every topic of the scout, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from streams.settings import Settings


@dataclass(frozen=True)
class TopicSpec:
    logical: str
    key: str
    value: str
    description: str
    partitions: int | None = None  # None: settings.topic_partitions

    def name(self, settings: Settings) -> str:
        return settings.topic(self.logical)

    def partition_count(self, settings: Settings) -> int:
        return self.partitions or settings.topic_partitions


POSTS_RAW = TopicSpec(
    "posts.raw",
    key="post id (UTF-8)",
    value="models.Post as JSON (UTF-8)",
    description="Posts as published by `scout ingest` and connectors.",
)
POSTS_DLQ = TopicSpec(
    "posts.raw.dlq",
    key="post id or source reference",
    value="models.DeadLetter as JSON",
    description="Messages refused by ingest or the worker, with the reason.",
)

ALERTS = TopicSpec(
    "alerts",
    key="alert id (deterministic: rule + dedup value)",
    value="models.alerts.Alert as JSON",
    description="Alerts produced by the matcher, consumed by the dispatcher.",
)
ALERTS_DLQ = TopicSpec(
    "alerts.dlq",
    key="alert id",
    value="the alert, the channel (redacted) and the last error, as JSON",
    description="Alerts that could not be delivered after every retry.",
)

ALL_TOPICS: tuple[TopicSpec, ...] = (POSTS_RAW, POSTS_DLQ, ALERTS, ALERTS_DLQ)
