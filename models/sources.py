"""What ``scout listen`` keeps per live source in the compacted ``sources.cursors`` topic.

One record per source (the key is its name): its cursor, written only after Kafka
acknowledged the posts the cursor covers, and its status counters, so `scout sources
status` and ``GET /sources`` can read both from anywhere, running listener or not.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SOURCE_STATE_SCHEMA_VERSION = 1

SourceHealth = Literal["starting", "ok", "failing", "stopped"]


class SourceStatus(BaseModel):
    """Counters and times of one source (totals since its first run, kept across restarts)."""

    model_config = ConfigDict(frozen=True)

    state: SourceHealth = "starting"
    published: int = Field(0, ge=0, description="Posts Kafka acknowledged.")
    dropped: int = Field(0, ge=0, description="Posts the source's filter dropped.")
    dead_lettered: int = Field(0, ge=0, description="Items sent to posts.raw.dlq.")
    duplicates: int = Field(0, ge=0, description="Items already seen (not published again).")
    skipped: int = Field(
        0, ge=0, description="Items the platform gave as deleted, dead or missing (not sent)."
    )
    deleted: int = Field(0, ge=0, description="Deletions sent to posts.raw (models.deletion).")
    errors: int = Field(0, ge=0, description="Failed polls or connections.")
    consecutive_failures: int = Field(0, ge=0)
    polls: int = Field(0, ge=0)
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    cursor_saved_at: datetime | None = None
    interval_s: float | None = Field(None, description="Current wait between polls (s).")
    next_poll_at: datetime | None = None


class SourceState(BaseModel):
    """The value of one ``sources.cursors`` record."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = SOURCE_STATE_SCHEMA_VERSION
    source: str = Field(description="The source's name (also the record key).")
    kind: str
    scope: str = Field(
        description="What the cursor belongs to (e.g. the feed URL): a cursor whose scope"
        " is not the configured one is not used."
    )
    cursor: dict[str, Any] = Field(default_factory=dict)
    status: SourceStatus = Field(default_factory=SourceStatus)
    updated_at: datetime
