"""Thought leaders and rising voices, per author, from aggregations over the posts index.

* **Top voices**: authors ranked by their best per-post influence, boosted by how often
  they write about watched entities (posts with a linked entity) and the engagement
  their posts received.
* **Rising voices**: authors whose activity, engagement and mentions by others (``@handle``
  in other posts) in the recent window outgrow their own baseline (the
  ``baseline_windows`` windows before it), e.g. the last day against the previous seven.

Query building and ranking are pure; ``leaders()`` runs them against Elasticsearch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
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


def leaders_query(
    *, until: datetime, window: timedelta, baseline_windows: int, candidates: int
) -> dict[str, Any]:
    since = until - window * (baseline_windows + 1)
    recent_from = until - window
    return {
        "size": 0,
        "query": {"range": {"created_at": {"gte": since.isoformat(), "lt": until.isoformat()}}},
        "aggs": {
            "authors": {
                "terms": {
                    "field": "author.handle",
                    "size": candidates,
                    "order": {"_count": "desc"},
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
                "terms": {"field": "handles_mentioned", "size": candidates},
                "aggs": {
                    "recent": {
                        "filter": {"range": {"created_at": {"gte": recent_from.isoformat()}}}
                    }
                },
            },
        },
    }


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
        (v for v in voices if v.recent_posts >= 2 and v.growth > 1.5),
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
    body = leaders_query(
        until=until, window=window, baseline_windows=baseline_windows, candidates=max(200, top * 10)
    )
    response = client.search(index=alias, **body)
    return rank_voices(response.body, baseline_windows=baseline_windows, top=top)
