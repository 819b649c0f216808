"""Query bodies over the posts alias for search, the M&A feed, timelines and share of voice
(pure: build and read request/response bodies, no client).

Filters of one kind are ORed (``entity_ids=(a, b)``: posts mentioning a or b), kinds are
ANDed. Time ranges are half-open, ``[since, until)``, on ``created_at``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from streams.alerts.query import signal_filter
from streams.durations import es_interval, parse_duration
from streams.errors import ConfigError

__all__ = [
    "MAX_BUCKETS",
    "NEWEST_FIRST",
    "SEARCH_FIELDS",
    "Histogram",
    "PostFilter",
    "VoiceShare",
    "histogram_agg",
    "parse_histogram",
    "parse_share_of_voice",
    "posts_query",
    "share_of_voice_aggs",
    "time_range",
    "top_competitors_agg",
]

SEARCH_FIELDS = ("text", "text_match", "mentions", "author.handle", "author.name")
MAX_BUCKETS = 2000
NEWEST_FIRST: list[dict[str, Any]] = [
    {"created_at": {"order": "desc", "missing": "_last"}},
    {"doc_id": {"order": "asc"}},
]


@dataclass(frozen=True)
class PostFilter:
    q: str | None = None  # Lucene query string over SEARCH_FIELDS (AND by default)
    entity_ids: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()  # watched topic ids (topic:...)
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()  # handles, with or without "@", any case
    signals: tuple[str, ...] = ()  # ma, move, competitor (each one required)
    ma_statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()  # category.label: spam, chatter, news, other (any of)
    min_signal: float | None = None  # category.signal at least this
    since: datetime | None = None
    until: datetime | None = None


def time_range(since: datetime | None, until: datetime | None) -> dict[str, Any] | None:
    """``{"range": {"created_at": ...}}`` for ``[since, until)``; None when unbounded."""
    if since is not None and until is not None and since >= until:
        raise ConfigError(
            f"since ({since.isoformat()}) must be before until ({until.isoformat()})",
            code="SCOUT-E503",
        )
    bounds: dict[str, str] = {}
    if since is not None:
        bounds["gte"] = since.isoformat()
    if until is not None:
        bounds["lt"] = until.isoformat()
    return {"range": {"created_at": bounds}} if bounds else None


def posts_query(f: PostFilter) -> dict[str, Any]:
    must: list[dict[str, Any]] = []
    if f.q and f.q.strip():
        must.append(
            {
                "query_string": {
                    "query": f.q,
                    "fields": list(SEARCH_FIELDS),
                    "default_operator": "AND",
                }
            }
        )
    filters: list[dict[str, Any]] = []
    for fieldname, values in (
        ("entity_ids", f.entity_ids),
        ("topics", f.topics),
        ("source", f.sources),
        ("lang", f.languages),
        ("author.handle", tuple(a.lstrip("@") for a in f.authors)),
        ("ma.status", f.ma_statuses),
        ("category.label", f.categories),
    ):
        if values:
            filters.append({"terms": {fieldname: list(values)}})
    filters.extend(signal_filter(s) for s in f.signals)
    if f.min_signal is not None:
        filters.append({"range": {"category.signal": {"gte": f.min_signal}}})
    window = time_range(f.since, f.until)
    if window is not None:
        filters.append(window)
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filters}}


def histogram_agg(interval: str, since: datetime, until: datetime) -> dict[str, Any]:
    """A ``date_histogram`` on ``created_at`` with every bucket of ``[since, until)``,
    empty ones included. Refuses more than ``MAX_BUCKETS`` buckets."""
    step = parse_duration(interval)
    fixed = es_interval(interval)
    if (until - since) / step > MAX_BUCKETS:
        raise ConfigError(
            f"interval {interval} over {until - since} gives more than {MAX_BUCKETS} buckets:"
            " use a longer interval or a shorter range",
            code="SCOUT-E502",
        )
    last = until - timedelta(milliseconds=1)
    return {
        "date_histogram": {
            "field": "created_at",
            "fixed_interval": fixed,
            "min_doc_count": 0,
            "extended_bounds": {"min": since.isoformat(), "max": last.isoformat()},
        }
    }


@dataclass(frozen=True)
class Histogram:
    starts: tuple[datetime, ...]
    counts: tuple[int, ...]
    total: int


def _start(bucket: Mapping[str, Any]) -> datetime:
    return datetime.fromtimestamp(int(bucket["key"]) / 1000, tz=UTC)


def parse_histogram(agg: Mapping[str, Any]) -> Histogram:
    buckets = agg.get("buckets") or []
    counts = tuple(int(b["doc_count"]) for b in buckets)
    return Histogram(starts=tuple(_start(b) for b in buckets), counts=counts, total=sum(counts))


def share_of_voice_aggs(
    entity_ids: Sequence[str], interval: str, since: datetime, until: datetime
) -> dict[str, Any]:
    """Totals and a histogram per entity (``filters`` on ``entity_ids``)."""
    per_entity = {"filters": {"filters": {e: {"term": {"entity_ids": e}} for e in entity_ids}}}
    return {
        "entities": per_entity,
        "timeline": {**histogram_agg(interval, since, until), "aggs": {"entities": per_entity}},
    }


def top_competitors_agg(size: int) -> dict[str, Any]:
    """The watch-listed competitors most mentioned (``competitors.id``)."""
    return {"competitors": {"terms": {"field": "competitors.id", "size": size}}}


@dataclass(frozen=True)
class VoiceShare:
    start: datetime | None  # None: the whole range
    total: int  # mentions of the compared entities (a post naming two counts for both)
    counts: dict[str, int] = field(default_factory=dict)
    shares: dict[str, float] = field(default_factory=dict)


def _share(start: datetime | None, counts: dict[str, int]) -> VoiceShare:
    total = sum(counts.values())
    shares = {e: round(n / total, 4) if total else 0.0 for e, n in counts.items()}
    return VoiceShare(start=start, total=total, counts=counts, shares=shares)


def parse_share_of_voice(
    aggs: Mapping[str, Any], entity_ids: Sequence[str]
) -> tuple[VoiceShare, list[VoiceShare]]:
    """(the whole range, one per histogram bucket): counts and shares per entity."""

    def counts(filters: Mapping[str, Any]) -> dict[str, int]:
        found = filters.get("buckets") or {}
        return {e: int((found.get(e) or {}).get("doc_count", 0)) for e in entity_ids}

    overall = _share(None, counts(aggs["entities"]))
    buckets = [_share(_start(b), counts(b["entities"])) for b in aggs["timeline"]["buckets"]]
    return overall, buckets
