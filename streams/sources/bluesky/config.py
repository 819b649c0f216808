"""The ``bluesky`` kind's parameters."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from streams.sources.spec import SourceConfig, SourceFilter, read_interval

__all__ = ["JETSTREAM_URL", "BlueskyConfig"]

JETSTREAM_URL = "wss://jetstream2.us-east.bsky.network/subscribe"
"""One of Bluesky's public Jetstream instances (jetstream1/2, us-east/us-west)."""

_DID = re.compile(r"^did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}$")


class BlueskyConfig(SourceConfig):
    """Bluesky posts from Jetstream: ``app.bsky.feed.post`` creates, updates and deletes.

    A firehose: the whole network writes a few hundred to ~2,000 posts/s, so the filter is
    ``watchlist`` unless the source says otherwise. ``interval`` is the first wait before a
    reconnect (doubled on each failure in a row, up to ``max_interval`` and
    ``SCOUT_SOURCES_BACKOFF_CAP_S``).
    """

    default_interval: ClassVar[timedelta] = timedelta(seconds=2)

    kind: Literal["bluesky"]
    filter: SourceFilter = "watchlist"
    url: str = Field(
        JETSTREAM_URL,
        max_length=2048,
        description="The Jetstream subscribe endpoint (ws:// or wss://, no query).",
    )
    dids: tuple[str, ...] = Field(
        (),
        max_length=100,
        description="Only these accounts (at most 100 DIDs; Jetstream's wantedDids); empty:"
        " everyone.",
    )
    rewind: timedelta = Field(
        timedelta(seconds=5),
        description="How far before the last processed event a reconnect resumes (events"
        " seen again are skipped).",
    )
    stall: timedelta = Field(
        timedelta(seconds=30),
        description="A connection that sends nothing this long is dropped and reopened.",
    )

    @field_validator("url")
    @classmethod
    def _ws_url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in {"ws", "wss"} or not parts.hostname:
            raise ValueError(f"expected a ws:// or wss:// URL, got {value!r}")
        if parts.query or parts.fragment:
            raise ValueError("give the URL without a query: the source adds its parameters")
        return value.strip()

    @field_validator("dids")
    @classmethod
    def _valid_dids(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = next((d for d in value if not _DID.match(d)), None)
        if bad is not None:
            raise ValueError(f"{bad!r} is not a DID (did:plc:..., did:web:...)")
        return value

    @field_validator("rewind", "stall", mode="before")
    @classmethod
    def _seconds(cls, value: Any) -> Any:
        return read_interval(value)

    def scope(self) -> str:
        # Jetstream cursors are times, valid on every instance: the cursor follows the
        # accounts read, not the host.
        return "jetstream:" + (",".join(sorted(self.dids)) if self.dids else "*")

    def describe(self) -> str:
        accounts = f" ({len(self.dids)} accounts)" if self.dids else ""
        return self.url + accounts
