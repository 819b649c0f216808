"""Thought leaders and rising voices, per author, from aggregations over the posts index.

* **Top voices**: authors ranked by their best per-post influence, boosted by how often
  they write about watched entities (posts with a linked entity) and the engagement
  their posts received.
* **Rising voices**: authors whose activity, engagement and mentions by others (``@handle``
  in other posts) in the recent window outgrow their own baseline (the
  ``baseline_windows`` windows before it), e.g. the last day against the previous seven.

Two searches: the first picks candidate authors several ways (most posts, highest
influence, most engagement received, most active and most mentioned in the recent window),
so a voice with one widely shared post is not lost behind prolific accounts; the second
gathers the figures of exactly those authors. ``voice()`` gives one author's figures.
Query building and ranking are pure; ``leaders()`` and ``voice()`` run them against
Elasticsearch.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import Elasticsearch


@dataclass(frozen=True)
class Voice:
    handle: str
    posts: int
    relevant_posts: int
    max_influence: float
    engagement: int
    score: float
    recent_posts: int = 0
    baseline_posts: float = 0.0
    mentions: int = 0
    recent_mentions: int = 0
    growth: float = 0.0


def window_start(until: datetime, window: timedelta, baseline_windows: int) -> datetime:
    """Where the range searched starts: the recent window and its baseline windows."""
    return until - window * (baseline_windows + 1)


def _range(until: datetime, window: timedelta, baseline_windows: int) -> dict[str, Any]:
    since = window_start(until, window, baseline_windows)
    return {"range": {"created_at": {"gte": since.isoformat(), "lt": until.isoformat()}}}


def _recent(until: datetime, window: timedelta) -> dict[str, Any]:
    return {"range": {"created_at": {"gte": (until - window).isoformat()}}}


def candidates_query(
    *, until: datetime, window: timedelta, baseline_windows: int, size: int
) -> dict[str, Any]:
    """Authors worth ranking, picked by several orders (see the module's docstring)."""

    def authors(**order: str) -> dict[str, Any]:
        return {"field": "author.handle", "size": size, **({"order": order} if order else {})}

    return {
        "size": 0,
        "query": _range(until, window, baseline_windows),
        "aggs": {
            "by_posts": {"terms": authors()},
            "by_influence": {
                "terms": authors(top="desc"),
                "aggs": {"top": {"max": {"field": "influence.score"}}},
            },
            "by_engagement": {
                "terms": authors(total="desc"),
                "aggs": {"total": {"sum": {"field": "influence.engagement"}}},
            },
            "recent": {
                "filter": _recent(until, window),
                "aggs": {
                    "by_posts": {"terms": authors()},
                    "mentioned": {"terms": {"field": "handles_mentioned", "size": size}},
                },
            },
        },
    }


def candidate_handles(response: dict[str, Any]) -> list[str]:
    """Every handle the candidate search named, once, lower case."""
    aggs = response["aggregations"]
    groups = (
        aggs["by_posts"],
        aggs["by_influence"],
        aggs["by_engagement"],
        aggs["recent"]["by_posts"],
        aggs["recent"]["mentioned"],
    )
    return list(dict.fromkeys(str(b["key"]).lower() for g in groups for b in g["buckets"]))


def leaders_query(
    *,
    until: datetime,
    window: timedelta,
    baseline_windows: int,
    candidates: int,
    handles: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The figures per author: the ``candidates`` most prolific, or exactly ``handles``."""
    recent_from = until - window
    only: dict[str, Any] = {}
    if handles is not None:
        only = {"include": [h.lower() for h in handles]}
        candidates = max(1, len(handles))
    return {
        "size": 0,
        "query": _range(until, window, baseline_windows),
        "aggs": {
            "authors": {
                "terms": {
                    "field": "author.handle",
                    "size": candidates,
                    "order": {"_count": "desc"},
                    **only,
                },
                "aggs": {
                    "max_influence": {"max": {"field": "influence.score"}},
                    "engagement": {"sum": {"field": "influence.engagement"}},
                    "relevant": {"filter": {"exists": {"field": "entity_ids"}}},
                    "recent": {
                        "filter": {"range": {"created_at": {"gte": recent_from.isoformat()}}},
                        "aggs": {"engagement": {"sum": {"field": "influence.engagement"}}},
                    },
                },
            },
            "mentioned": {
                "terms": {"field": "handles_mentioned", "size": candidates, **only},
                "aggs": {
                    "recent": {
                        "filter": {"range": {"created_at": {"gte": recent_from.isoformat()}}}
                    }
                },
            },
        },
    }


RISING_GROWTH = 1.5
RISING_MIN_POSTS = 2


def is_rising(voice: Voice) -> bool:
    """Growing against the author's own baseline, with a few recent posts to show for it."""
    return voice.recent_posts >= RISING_MIN_POSTS and voice.growth > RISING_GROWTH


def rank_voices(
    response: dict[str, Any], *, baseline_windows: int, top: int
) -> tuple[list[Voice], list[Voice]]:
    """(top voices, rising voices) from the aggregation response."""
    aggs = response["aggregations"]
    mentioned = {
        str(b["key"]): (int(b["doc_count"]), int(b["recent"]["doc_count"]))
        for b in aggs.get("mentioned", {}).get("buckets", [])
    }
    voices = []
    for bucket in aggs["authors"]["buckets"]:
        posts = int(bucket["doc_count"])
        relevant = int(bucket["relevant"]["doc_count"])
        influence = float(bucket["max_influence"]["value"] or 0.0)
        engagement = int(bucket["engagement"]["value"] or 0)
        recent = int(bucket["recent"]["doc_count"])
        recent_engagement = float(bucket["recent"]["engagement"]["value"] or 0.0)
        mentions, recent_mentions = mentioned.get(str(bucket["key"]).lower(), (0, 0))
        baseline = (posts - recent) / baseline_windows
        baseline_engagement = (engagement - recent_engagement) / baseline_windows
        baseline_mentions = (mentions - recent_mentions) / baseline_windows
        growth = (
            ((recent + 1) / (baseline + 1))
            * math.sqrt((recent_engagement + 1) / (baseline_engagement + 1))
            * math.sqrt((recent_mentions + 1) / (baseline_mentions + 1))
        )
        score = (
            influence * (1 + math.log1p(relevant))
            + 5 * math.log1p(engagement)
            + 3 * math.log1p(mentions)
        )
        voices.append(
            Voice(
                handle=str(bucket["key"]),
                posts=posts,
                relevant_posts=relevant,
                max_influence=round(influence, 2),
                engagement=engagement,
                score=round(score, 2),
                recent_posts=recent,
                baseline_posts=round(baseline, 2),
                mentions=mentions,
                recent_mentions=recent_mentions,
                growth=round(growth, 2),
            )
        )
    top_voices = sorted(voices, key=lambda v: v.score, reverse=True)[:top]
    rising = sorted(
        (v for v in voices if is_rising(v)),
        key=lambda v: (v.growth, v.score),
        reverse=True,
    )[:top]
    return top_voices, rising


def leaders(
    client: Elasticsearch,
    alias: str,
    *,
    until: datetime,
    window: timedelta,
    baseline_windows: int = 7,
    top: int = 20,
) -> tuple[list[Voice], list[Voice]]:
    per_order = max(200, top * 10)
    picked = client.search(
        index=alias,
        **candidates_query(
            until=until, window=window, baseline_windows=baseline_windows, size=per_order
        ),
    )
    handles = candidate_handles(picked.body)
    if not handles:
        return [], []
    body = leaders_query(
        until=until,
        window=window,
        baseline_windows=baseline_windows,
        candidates=len(handles),
        handles=handles,
    )
    response = client.search(index=alias, **body)
    return rank_voices(response.body, baseline_windows=baseline_windows, top=top)


def voice(
    client: Elasticsearch,
    alias: str,
    handle: str,
    *,
    until: datetime,
    window: timedelta,
    baseline_windows: int = 7,
) -> Voice | None:
    """One author's figures (None when they wrote nothing in the range)."""
    wanted = handle.lstrip("@").lower()
    body = leaders_query(
        until=until,
        window=window,
        baseline_windows=baseline_windows,
        candidates=1,
        handles=[wanted],
    )
    response = client.search(index=alias, **body)
    voices = rank_voices(response.body, baseline_windows=baseline_windows, top=1)[0]
    return voices[0] if voices else None


@dataclass(frozen=True)
class PostSpan:
    """The oldest and newest ``created_at`` of the indexed posts."""

    oldest: datetime
    newest: datetime


def post_span(client: Elasticsearch, alias: str) -> PostSpan | None:
    """When the indexed posts were written (None when there are none): an empty window is
    explained with it."""
    response = client.search(
        index=alias,
        size=0,
        aggs={
            "oldest": {"min": {"field": "created_at"}},
            "newest": {"max": {"field": "created_at"}},
        },
    )
    return parse_post_span(response.body)


def parse_post_span(response: dict[str, Any]) -> PostSpan | None:
    aggs = response.get("aggregations") or {}
    oldest = (aggs.get("oldest") or {}).get("value")
    newest = (aggs.get("newest") or {}).get("value")
    if oldest is None or newest is None:
        return None
    return PostSpan(
        oldest=datetime.fromtimestamp(float(oldest) / 1000, tz=UTC),
        newest=datetime.fromtimestamp(float(newest) / 1000, tz=UTC),
    )


def _duration(span: timedelta) -> str:
    seconds = int(span.total_seconds())
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{max(1, seconds // 60)}m"


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def empty_window_message(
    *,
    until: datetime,
    window: timedelta,
    baseline_windows: int,
    span: PostSpan | None,
    option: Callable[[str, str], str],
) -> str:
    """One line for a range without posts: its bounds, where the posts are, how to widen or
    move it. ``option(name, value)`` spells a setting (``--window 7d`` or ``window=7d``)."""
    since = window_start(until, window, baseline_windows)
    head = (
        f"No posts from {_when(since)} to {_when(until)} (the last {_duration(window)} and the"
        f" {baseline_windows} window{'s' if baseline_windows != 1 else ''} before it)"
    )
    wider = option("window", _duration(window * 7))
    if span is None:
        return f"{head}: no posts are indexed yet; run `scout backfill` or `scout ingest` first."
    where = f"the indexed posts run from {_when(span.oldest)} to {_when(span.newest)}"
    if span.newest < since:  # a window that reaches back to the newest post, in whole days
        reach = -(-(until - span.newest) // (baseline_windows + 1) // timedelta(days=1)) + 1
        wider = option("window", _duration(max(window * 7, timedelta(days=reach))))
    if span.newest < since or span.oldest >= until:
        moved = (span.newest + timedelta(days=1)).strftime("%Y-%m-%dT00:00:00Z")
        return f"{head}; {where}: move it with {option('until', moved)} or widen it with {wider}."
    return f"{head}; {where}: widen it with {wider}."


def no_rising_message(window: timedelta) -> str:
    return (
        f"No rising voices: nobody wrote {RISING_MIN_POSTS} or more posts in the last"
        f" {_duration(window)} and grew more than x{RISING_GROWTH:g} over their own baseline."
    )
