"""The deals already indexed, read back at a worker's start-up so that its deal registry
(``streams.signals.ma.registry``) does not start empty.

A worker learns the deals it reads (two news stories or more); a restarted one would
otherwise forget them and read the next "the Initech deal" or "can Globex and Initech still
close their merger?" differently than before the restart. The posts read back are the ones
the registry learns from: ``news`` posts read as a deal with both parties named, within the
registry's horizon, the newest first up to ``limit``, learnt oldest first as the stream
would have taught them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from elasticsearch import Elasticsearch

from models.signals import MASignal

PAGE = 1_000
LIMIT = 50_000  # posts read back at most (the newest)
_FIELDS = ["ma", "story", "created_at"]


@dataclass(frozen=True)
class KnownDeal:
    """One indexed post's deal: what the registry learns from it."""

    ma: MASignal
    story: str
    seen: datetime


def deals_query(since: datetime) -> dict[str, Any]:
    """News posts read as a deal with both parties named, created since ``since``."""
    return {
        "bool": {
            "filter": [
                {"term": {"ma.is_ma": True}},
                {"term": {"category.label": "news"}},
                {"exists": {"field": "ma.acquirer.name.raw"}},
                {"exists": {"field": "ma.target.name.raw"}},
                {"exists": {"field": "story"}},
                {"range": {"created_at": {"gte": since.isoformat()}}},
            ]
        }
    }


def known_deal(source: dict[str, Any]) -> KnownDeal | None:
    """A hit's deal, or None when it does not hold one the registry can learn."""
    try:
        ma = MASignal.model_validate(source["ma"])
        seen = datetime.fromisoformat(str(source["created_at"]))
        story = str(source["story"])
    except (KeyError, TypeError, ValueError):
        return None
    if not ma.is_ma or ma.acquirer is None or ma.target is None or not story:
        return None
    return KnownDeal(ma=ma, story=story, seen=seen)


def indexed_deals(
    client: Elasticsearch,
    alias: str,
    *,
    now: datetime,
    horizon: timedelta,
    limit: int = LIMIT,
    page: int = PAGE,
) -> Iterator[KnownDeal]:
    """The deals of the newest ``limit`` matching posts, oldest first."""
    found: list[KnownDeal] = []
    after: list[Any] | None = None
    read = 0
    while read < limit:
        response = client.search(
            index=alias,
            query=deals_query(now - horizon),
            sort=[{"created_at": "desc"}, {"doc_id": "desc"}],
            size=min(page, limit - read),
            source_includes=_FIELDS,
            search_after=after,
            track_total_hits=False,
        )
        hits = response["hits"]["hits"]
        if not hits:
            break
        read += len(hits)
        found.extend(deal for hit in hits if (deal := known_deal(hit["_source"])) is not None)
        after = hits[-1]["sort"]
    return reversed(found)
