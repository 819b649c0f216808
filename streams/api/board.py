"""The board: a page of live columns (saved queries) over the indexed posts.

Two routers:

- ``public_router``: the page shell ``GET /board`` and its static files. They hold no data,
  so a browser can load them without a token; they are left out of the OpenAPI document.
- ``router`` (behind the bearer token, like every data route): the columns (CRUD and
  order), a column's newest posts, the timeline of an unlinked name (linked entities use
  ``GET /entities/{id}/timeline``), the alert rules a column can show, and the live stream
  ``GET /board/stream`` (server-sent events).

The page asks for the API token once and keeps it in the browser's ``localStorage``; every
call, the stream included, sends it as ``Authorization: Bearer``. The stream is read with
``fetch`` (``EventSource`` cannot send headers), so the token never appears in a URL, a log
line or the browser history. The page's Content-Security-Policy allows only its own scripts,
and it builds post text with ``textContent`` only.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from elasticsearch import ApiError, TransportError
from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import FileResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from models.board import Column, ColumnSpec
from streams.alerts.store import RuleStore
from streams.api.board_query import CARD_FIELDS, NEWEST_FIRST, to_card
from streams.api.board_store import ColumnStore
from streams.api.context import ApiContext, context
from streams.api.elastic import BAD_RANGE, es_errors, es_problem, es_reason
from streams.api.errors import NotFoundError
from streams.api.live import LiveFeed, StreamCounter, stream
from streams.api.params import SinceParam, UntilParam, bounded
from streams.errors import ConfigError, IndexUnavailableError

STATIC = Path(__file__).resolve().parent / "static"
_STATIC_NAME = re.compile(r"^[a-z][a-z0-9_-]*\.(js|css|svg)$")
_MEDIA = {"js": "text/javascript", "css": "text/css", "svg": "image/svg+xml"}
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self';"
    " connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none';"
    " frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

public_router = APIRouter(include_in_schema=False)
router = APIRouter(prefix="/board", tags=["board"])
Ctx = Annotated[ApiContext, Depends(context)]


# --- the page (public) -------------------------------------------------------------------
@public_router.get("/board")
def board_page() -> FileResponse:
    return FileResponse(STATIC / "board.html", media_type="text/html", headers=_PAGE_HEADERS)


@public_router.get("/board/static/{name}")
def board_static(name: str) -> FileResponse:
    match = _STATIC_NAME.fullmatch(name)  # not .match: "$" also matches before a "\n"
    path = STATIC / name
    if match is None or not path.is_file():
        raise NotFoundError(f"no board file {name!r}", code="SCOUT-E096")
    return FileResponse(path, media_type=_MEDIA[match.group(1)], headers=_PAGE_HEADERS)


# --- columns -----------------------------------------------------------------------------
class ColumnOrder(BaseModel):
    ids: list[str] = Field(max_length=500, description="Column ids, left to right.")


class ColumnPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hide_noise: bool = Field(description="Hide spam and chatter posts in the column.")


class ColumnPosts(BaseModel):
    column: str
    posts: list[dict[str, Any]]
    note: str | None = None


class RuleChoice(BaseModel):
    id: str
    name: str
    enabled: bool


class TimelineBucket(BaseModel):
    date: str
    count: int


class Timeline(BaseModel):
    mention: str
    since: datetime
    until: datetime
    interval: Literal["hour", "day", "week"]
    total: int
    buckets: list[TimelineBucket]


@router.get("/columns", summary="The board's columns, left to right")
def list_columns(ctx: Ctx) -> list[Column]:
    return ColumnStore(ctx.es, ctx.settings).columns()


@router.post("/columns", status_code=status.HTTP_201_CREATED, summary="Add a column")
def add_column(spec: ColumnSpec, ctx: Ctx) -> Column:
    """Elasticsearch validates the column's query first; a rejection says why (400)."""
    return ColumnStore(ctx.es, ctx.settings).add(spec)


@router.delete(
    "/columns/{column_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Remove a column"
)
def delete_column(column_id: str, ctx: Ctx) -> Response:
    ColumnStore(ctx.es, ctx.settings).delete(column_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.patch("/columns/{column_id}", summary="Hide or show a column's spam and chatter")
def patch_column(column_id: str, patch: ColumnPatch, ctx: Ctx) -> Column:
    return ColumnStore(ctx.es, ctx.settings).set_hide_noise(column_id, patch.hide_noise)


@router.put("/columns/order", summary="Reorder the columns")
def reorder_columns(order: ColumnOrder, ctx: Ctx) -> list[Column]:
    return ColumnStore(ctx.es, ctx.settings).reorder(order.ids)


@router.get("/columns/{column_id}/posts", summary="A column's newest posts")
def column_posts(
    column_id: str, ctx: Ctx, size: Annotated[int, Query(ge=1, le=200)] = 30
) -> ColumnPosts:
    store = ColumnStore(ctx.es, ctx.settings)
    query = store.query_of(store.get(column_id))
    if query is None:
        return ColumnPosts(column=column_id, posts=[], note="the column's alert rule was deleted")
    try:
        response = ctx.es.search(
            index=ctx.settings.posts_alias,
            query=query,
            size=size,
            sort=NEWEST_FIRST,
            source_includes=CARD_FIELDS,
        )
    except ApiError as exc:
        if exc.meta.status == 400:
            raise ConfigError(
                f"the column's query failed: {es_reason(exc.body)}", code="SCOUT-E095"
            ) from exc
        raise IndexUnavailableError(f"cannot search posts: {es_problem(exc)}") from exc
    except TransportError as exc:
        raise IndexUnavailableError(f"cannot search posts: {es_problem(exc)}") from exc
    return ColumnPosts(
        column=column_id, posts=[to_card(h["_source"]) for h in response["hits"]["hits"]]
    )


@router.get("/rules", summary="Alert rules a column can show")
def rule_choices(ctx: Ctx) -> list[RuleChoice]:
    rules = RuleStore(ctx.es, ctx.settings).list()
    return [RuleChoice(id=r.id, name=r.name, enabled=r.enabled) for r in rules]


# --- timeline of an unlinked name --------------------------------------------------------
def timeline_interval(span: timedelta) -> Literal["hour", "day", "week"]:
    """Hourly up to two days, daily up to 120 days, else weekly (at most ~530 bars a decade)."""
    if span <= timedelta(days=2):
        return "hour"
    return "day" if span <= timedelta(days=120) else "week"


@router.get("/timeline", summary="Mentions of an unlinked name over time")
def mention_timeline(
    ctx: Ctx,
    mention: Annotated[str, Query(min_length=1, max_length=200, description="e.g. Berlin")],
    days: Annotated[
        int, Query(ge=1, le=3660, description="The last `days` days, when `since` is not given.")
    ] = 30,
    since: SinceParam = None,
    until: UntilParam = None,
) -> Timeline:
    """A date histogram (``created_at``) of the posts naming ``mention`` (any case) from
    ``since`` (default: ``days`` ago) to ``until`` (default now): hourly up to two days,
    daily up to 120, else weekly. Linked entities have their own
    ``GET /entities/{id}/timeline``, which the board uses for them."""
    span = bounded(since, until, default_since=f"{days}d")
    if span.since >= span.until:
        raise ConfigError(
            f"since {span.since.isoformat()} is not before until {span.until.isoformat()}",
            code=BAD_RANGE,
        )
    interval = timeline_interval(span.until - span.since)
    bounds = {"gte": span.since.isoformat(), "lt": span.until.isoformat()}
    with es_errors("mention timeline"):
        response = ctx.es.search(
            index=ctx.settings.posts_alias,
            size=0,
            query={
                "bool": {
                    "filter": [
                        {"term": {"mentions": mention}},
                        {"range": {"created_at": bounds}},
                    ]
                }
            },
            aggs={
                "mentions": {
                    "date_histogram": {
                        "field": "created_at",
                        "calendar_interval": interval,
                        "min_doc_count": 0,
                        "extended_bounds": {
                            "min": bounds["gte"],
                            "max": (span.until - timedelta(milliseconds=1)).isoformat(),
                        },
                    }
                }
            },
            track_total_hits=True,
        )
    buckets = [
        TimelineBucket(date=b["key_as_string"], count=int(b["doc_count"]))
        for b in response["aggregations"]["mentions"]["buckets"]
    ]
    total = int(response["hits"]["total"]["value"])
    return Timeline(
        mention=mention,
        since=span.since,
        until=span.until,
        interval=interval,
        total=total,
        buckets=buckets,
    )


# --- live --------------------------------------------------------------------------------
def _counter(request: Request) -> StreamCounter:
    counter = getattr(request.app.state, "board_streams", None)
    if not isinstance(counter, StreamCounter):
        counter = StreamCounter()
        request.app.state.board_streams = counter
    return counter


@router.get(
    "/stream",
    summary="New posts per column (server-sent events)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def live(request: Request, ctx: Ctx) -> StreamingResponse:
    """Events: ``ready``; ``posts`` ``{"column": id, "posts": [card...]}`` for every column
    with newly indexed posts; ``problem`` when Elasticsearch failed (the stream goes on).
    The stream ends when the client disconnects."""
    feed = LiveFeed(ctx.es, ctx.settings, ColumnStore(ctx.es, ctx.settings))
    events = stream(
        feed,
        poll_s=ctx.settings.board_poll_s,
        is_disconnected=request.is_disconnected,
        counter=_counter(request),
    )
    return StreamingResponse(
        events,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
