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
    configs: tuple[tuple[str, str], ...] = ()  # topic-level configs set at creation

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

SOURCE_CURSORS = TopicSpec(
    "sources.cursors",
    key="source name (UTF-8)",
    value="models.sources.SourceState as JSON: the cursor and status of one live source",
    description="Where `scout listen` keeps each source's cursor (compacted: latest per"
    " source); a cursor is written only after Kafka acknowledged the posts it covers.",
    partitions=1,
    # Compacted, in segments of at most an hour, so the topic stays about one record a source.
    configs=(
        ("cleanup.policy", "compact"),
        ("segment.ms", "3600000"),
        ("min.cleanable.dirty.ratio", "0.1"),
    ),
)

ALL_TOPICS: tuple[TopicSpec, ...] = (POSTS_RAW, POSTS_DLQ, ALERTS, ALERTS_DLQ, SOURCE_CURSORS)
