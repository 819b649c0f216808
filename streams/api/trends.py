"""``GET /entities/{entity_id}/timeline`` and ``GET /share-of-voice``: mentions over time."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from streams.api.context import ApiContext, context
from streams.api.elastic import es_errors
from streams.api.params import IntervalParam, SinceParam, UntilParam, bounded
from streams.index.queries import (
    PostFilter,
    VoiceShare,
    histogram_agg,
    parse_histogram,
    parse_share_of_voice,
    posts_query,
    share_of_voice_aggs,
    top_competitors_agg,
)

router = APIRouter(tags=["trends"])

_DEFAULT_SINCE = "30d"
# Buckets grow with entities x histogram buckets: both are capped (MAX_BUCKETS for the latter).
MAX_COMPARED = 20


class Bucket(BaseModel):
    start: datetime = Field(description="Start of the bucket (UTC); it is `interval` long.")
    count: int


class Timeline(BaseModel):
    entity_id: str
    since: datetime
    until: datetime
    interval: str
    total: int = Field(description="Posts mentioning the entity in the range.")
    buckets: list[Bucket] = Field(description="Every bucket of the range, empty ones too.")


class Share(BaseModel):
    start: datetime | None = Field(description="Bucket start; null for the whole range.")
    total: int = Field(
        description="Mentions of the compared entities (a post naming two counts twice)."
    )
    counts: dict[str, int]
    shares: dict[str, float] = Field(description="count / total per entity (0 when total is 0).")

    @classmethod
    def of(cls, value: VoiceShare) -> Share:
        return cls(start=value.start, total=value.total, counts=value.counts, shares=value.shares)


class ShareOfVoice(BaseModel):
    entities: list[str]
    chosen: str = Field(description="`given`, or `top_competitors` when no entity was given.")
    since: datetime
    until: datetime
    interval: str
    overall: Share
    buckets: list[Share]


@router.get("/entities/{entity_id}/timeline", summary="Mentions of an entity over time")
def timeline(
    entity_id: str,
    ctx: Annotated[ApiContext, Depends(context)],
    since: SinceParam = None,
    until: UntilParam = None,
    interval: IntervalParam = "1d",
) -> Timeline:
    """A date histogram of the posts linked to `entity_id` (e.g. `company:MSFT`); the
    range defaults to the last 30 days."""
    span = bounded(since, until, default_since=_DEFAULT_SINCE)
    query = posts_query(PostFilter(entity_ids=(entity_id,), since=span.since, until=span.until))
    aggs = {"timeline": histogram_agg(interval, span.since, span.until)}
    with es_errors("entity timeline"):
        response = ctx.es.search(index=ctx.settings.posts_alias, query=query, aggs=aggs, size=0)
    histogram = parse_histogram(response["aggregations"]["timeline"])
    return Timeline(
        entity_id=entity_id,
        since=span.since,
        until=span.until,
        interval=interval,
        total=histogram.total,
        buckets=[
            Bucket(start=s, count=c)
            for s, c in zip(histogram.starts, histogram.counts, strict=True)
        ],
    )


@router.get("/share-of-voice", summary="Share of voice between entities over time")
def share_of_voice(
    ctx: Annotated[ApiContext, Depends(context)],
    entity: Annotated[
        list[str] | None,
        Query(
            description=f"Entity ids to compare (repeat the parameter, at most {MAX_COMPARED});"
            " default: the `top` watch-listed competitors most mentioned in the range.",
            max_length=MAX_COMPARED,
        ),
    ] = None,
    top: Annotated[int, Query(ge=1, le=20, description="How many competitors by default.")] = 5,
    since: SinceParam = None,
    until: UntilParam = None,
    interval: IntervalParam = "1d",
) -> ShareOfVoice:
    """Mentions per entity per bucket and each one's share of the compared total; the
    range defaults to the last 30 days."""
    span = bounded(since, until, default_since=_DEFAULT_SINCE)
    in_range = posts_query(PostFilter(since=span.since, until=span.until))
    entities = list(dict.fromkeys(entity or ()))
    chosen = "given"
    if not entities:
        chosen = "top_competitors"
        with es_errors("share of voice"):
            found = ctx.es.search(
                index=ctx.settings.posts_alias,
                query=in_range,
                aggs=top_competitors_agg(top),
                size=0,
            )
        entities = [str(b["key"]) for b in found["aggregations"]["competitors"]["buckets"]]
    aggs = share_of_voice_aggs(entities, interval, span.since, span.until)
    if entities:
        with es_errors("share of voice"):
            response = ctx.es.search(
                index=ctx.settings.posts_alias,
                query=posts_query(
                    PostFilter(entity_ids=tuple(entities), since=span.since, until=span.until)
                ),
                aggs=aggs,
                size=0,
            )
        overall, buckets = parse_share_of_voice(response["aggregations"], entities)
    else:
        overall, buckets = VoiceShare(start=None, total=0), []
    return ShareOfVoice(
        entities=entities,
        chosen=chosen,
        since=span.since,
        until=span.until,
        interval=interval,
        overall=Share.of(overall),
        buckets=[Share.of(b) for b in buckets],
    )
