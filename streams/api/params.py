"""Query parameters shared by the data routes: paging and time ranges (documented in
OpenAPI through their descriptions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Query
from pydantic import StringConstraints

from streams.api.elastic import TOO_DEEP
from streams.durations import parse_time
from streams.errors import ConfigError

MAX_WINDOW = 10_000  # Elasticsearch's index.max_result_window
MAX_TERM_CHARS = 256  # an entity or topic id, source, language or handle filter
MAX_ID_BYTES = 512  # Elasticsearch refuses longer document ids: no post has one

# One value of a filter (`entity`, `topic`, ...): a longer one answers 422 naming the
# parameter instead of reaching Elasticsearch (which refuses terms past 32 KB).
Term = Annotated[str, StringConstraints(max_length=MAX_TERM_CHARS)]

# `category=news`, repeated or comma-separated (`category=news,chatter`); anything else is 422.
_CATEGORY = r"(?:spam|chatter|news|other)"
CategoryList = Annotated[str, StringConstraints(pattern=rf"^{_CATEGORY}(?:,{_CATEGORY})*$")]
CategoryParam = Annotated[
    list[CategoryList] | None,
    Query(
        description="Post category: `spam`, `chatter`, `news` or `other` (any of; repeat the"
        " parameter or separate with commas)."
    ),
]
MinSignalParam = Annotated[
    float | None,
    Query(
        ge=0.0,
        le=1.0,
        description="Posts whose category signal (how strongly they report a company event,"
        " 0-1) is at least this.",
    ),
]


def categories(values: list[str] | None) -> tuple[str, ...]:
    """The categories of repeated and comma-separated ``category`` values, in order, once."""
    return tuple(dict.fromkeys(c for v in values or () for c in v.split(",")))


PageNo = Annotated[
    int,
    Query(
        ge=1,
        description="Page number, from 1. Pages are `size` results long; page * size may not"
        " exceed 10,000 (narrow the query or the time range to go further).",
    ),
]
PageSize = Annotated[int, Query(ge=1, le=100, description="Results per page (1-100).")]
SinceParam = Annotated[
    str | None,
    Query(
        description="Start (inclusive): ISO 8601 (`2026-03-01`, `2026-03-01T12:00:00Z`; UTC"
        " when no zone) or a duration back from now (`30m`, `24h`, `7d`, `2w`).",
        examples=["7d"],
    ),
]
UntilParam = Annotated[
    str | None,
    Query(description="End (exclusive), same forms as `since`; default now.", examples=["1h"]),
]
IntervalParam = Annotated[
    str,
    Query(
        description="Bucket width: `30m`, `1h`, `1d`, `1w`... (at most 2,000 buckets).",
        pattern=r"^\d+[mhdw]$",
    ),
]


@dataclass(frozen=True)
class Paging:
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def next_page(self, total: int) -> int | None:
        return self.page + 1 if self.offset + self.size < min(total, MAX_WINDOW) else None


def paging(page: PageNo = 1, size: PageSize = 20) -> Paging:
    """``page``/``size`` (a FastAPI dependency); refuses pages past the first 10,000 hits."""
    if page * size > MAX_WINDOW:
        raise ConfigError(
            f"page {page} of size {size} is past the first {MAX_WINDOW} results:"
            " narrow the query or the time range",
            code=TOO_DEEP,
        )
    return Paging(page=page, size=size)


@dataclass(frozen=True)
class Window:
    since: datetime | None
    until: datetime | None
    now: datetime


def window(since: str | None, until: str | None, *, default_since: str | None = None) -> Window:
    """Parse ``since``/``until`` (400 with SCOUT-E042 when malformed); ``until`` defaults
    to now only when ``since`` is given or defaulted."""
    now = datetime.now(UTC)
    start_text = since or default_since
    start = parse_time(start_text, now=now) if start_text else None
    end = parse_time(until, now=now) if until else (now if start else None)
    return Window(since=start, until=end, now=now)


@dataclass(frozen=True)
class Span:
    since: datetime
    until: datetime


def bounded(since: str | None, until: str | None, *, default_since: str) -> Span:
    """Like :func:`window`, with ``since`` defaulted: both ends are always set."""
    now = datetime.now(UTC)
    end = parse_time(until, now=now) if until else now
    return Span(since=parse_time(since or default_since, now=now), until=end)
