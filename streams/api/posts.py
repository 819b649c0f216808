"""``GET /posts`` (search, filters, time range, newest first, paged) and
``GET /posts/{doc_id}``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query

from models.alerts import SignalType
from streams.api.context import ApiContext, context
from streams.api.elastic import NO_INDEX, NO_POST, es_errors
from streams.api.errors import NotFoundError
from streams.api.params import (
    MAX_ID_BYTES,
    CategoryParam,
    MinSignalParam,
    Paging,
    SinceParam,
    Term,
    UntilParam,
    categories,
    paging,
    window,
)
from streams.api.responses import Page, PostOut
from streams.errors import IndexUnavailableError
from streams.index.queries import NEWEST_FIRST, PostFilter, posts_query

router = APIRouter(tags=["posts"])

T = TypeVar("T")


@router.get(
    "/posts",
    summary="Search posts",
    response_model=Page[PostOut],
    responses={
        400: {"description": "Elasticsearch rejected `q`, or a bad time or page."},
        422: {"description": "A malformed parameter, or a filter value over 256 characters."},
    },
)
def search_posts(
    ctx: Annotated[ApiContext, Depends(context)],
    pages: Annotated[Paging, Depends(paging)],
    q: Annotated[
        str | None,
        Query(
            description="Lucene query string over text, mentions, author handle and name"
            " (AND by default), e.g. `mentions:oracle`, `ma.status:rumour`.",
            max_length=4000,
        ),
    ] = None,
    entity: Annotated[
        list[Term] | None, Query(description="Linked entity id, e.g. `company:MSFT` (any of).")
    ] = None,
    topic: Annotated[
        list[Term] | None, Query(description="Watched topic id, e.g. `topic:layoffs` (any of).")
    ] = None,
    source: Annotated[list[Term] | None, Query(description="twitter, news... (any of).")] = None,
    lang: Annotated[list[Term] | None, Query(description="Language code (any of).")] = None,
    author: Annotated[list[Term] | None, Query(description="Author handle (any of).")] = None,
    signal: Annotated[
        list[SignalType] | None, Query(description="Posts with every one of these signals.")
    ] = None,
    category: CategoryParam = None,
    min_signal: MinSignalParam = None,
    since: SinceParam = None,
    until: UntilParam = None,
) -> Page[PostOut]:
    """Newest first (posts without a date last), `page`/`size` paging."""
    span = window(since, until)
    query = posts_query(
        PostFilter(
            q=q,
            entity_ids=tuple(entity or ()),
            topics=tuple(topic or ()),
            sources=tuple(source or ()),
            languages=tuple(lang or ()),
            authors=tuple(author or ()),
            signals=tuple(signal or ()),
            categories=categories(category),
            min_signal=min_signal,
            since=span.since,
            until=span.until,
        )
    )
    return newest_posts(ctx, query, pages, "post search", PostOut.from_source)


def newest_posts(
    ctx: ApiContext,
    query: dict[str, Any],
    pages: Paging,
    what: str,
    item: Callable[[dict[str, Any]], T],
) -> Page[T]:
    """One page of the posts matching ``query``, newest first, each made by ``item``."""
    with es_errors(what):
        response = ctx.es.search(
            index=ctx.settings.posts_alias,
            query=query,
            sort=NEWEST_FIRST,
            from_=pages.offset,
            size=pages.size,
            track_total_hits=True,
        )
    hits = response["hits"]
    total = int(hits["total"]["value"])
    return Page[T](
        total=total,
        page=pages.page,
        size=pages.size,
        next_page=pages.next_page(total),
        items=[item(h["_source"]) for h in hits["hits"]],
    )


@router.get(
    "/posts/{doc_id}",
    summary="One post",
    response_model=PostOut,
    responses={404: {"description": "No such post."}},
)
def get_post(doc_id: str, ctx: Annotated[ApiContext, Depends(context)]) -> PostOut:
    if len(doc_id.encode()) > MAX_ID_BYTES:  # Elasticsearch would refuse the request line
        raise NotFoundError(
            f"no post {doc_id[:40]!r}...: post ids are at most {MAX_ID_BYTES} bytes",
            code=NO_POST,
        )
    with es_errors("post lookup"):
        found = ctx.es.options(ignore_status=404).get(index=ctx.settings.posts_alias, id=doc_id)
    if found.meta.status == 404 and "error" in found.body:
        raise IndexUnavailableError(
            "post lookup: the posts index does not exist; run `scout setup` first", code=NO_INDEX
        )
    if not found.get("found"):
        raise NotFoundError(f"no post {doc_id!r}", code=NO_POST)
    return PostOut.from_source(found["_source"])
