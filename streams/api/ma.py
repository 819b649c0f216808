"""``GET /ma``: the M&A feed, newest first, paged: who buys whom, for how much, how sure."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from models.signals import MAStatus, Party
from streams.api.context import ApiContext, context
from streams.api.params import Paging, SinceParam, Term, UntilParam, paging, window
from streams.api.posts import newest_posts
from streams.api.responses import Page
from streams.index.queries import PostFilter, posts_query
from streams.normalize.text import clean_text

router = APIRouter(tags=["m&a"])

_EXCERPT = 280


class Evidence(BaseModel):
    """The post the deal was read from."""

    post: str = Field(description="The post in this API: `/posts/{doc_id}`.")
    url: str | None = Field(None, description="The original post.")
    author: str | None = Field(None, description="The author's handle.")
    source: str
    text: str = Field(description=f"The post's text (first {_EXCERPT} characters).")


class Deal(BaseModel):
    doc_id: str
    created_at: datetime | None = None
    acquirer: Party | None = None
    target: Party | None = None
    amount: str | None = Field(None, description='As written: "$5bn".')
    status: MAStatus | None = Field(
        None, description="rumour, announced, completed, denied or called_off."
    )
    score: float = Field(description="Confidence that the post reports M&A (0-1).")
    evidence: Evidence


def deal_of(source: Mapping[str, Any]) -> Deal:
    ma = source.get("ma") or {}
    text = clean_text(str(source.get("text") or ""))  # an excerpt: the display copy
    return Deal(
        doc_id=str(source["doc_id"]),
        created_at=source.get("created_at"),
        acquirer=ma.get("acquirer"),
        target=ma.get("target"),
        amount=ma.get("amount"),
        status=ma.get("status"),
        score=float(ma.get("score") or 0.0),
        evidence=Evidence(
            post=f"/posts/{source['doc_id']}",
            url=source.get("url"),
            author=(source.get("author") or {}).get("handle"),
            source=str(source.get("source", "")),
            text=text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…",
        ),
    )


@router.get(
    "/ma",
    summary="M&A feed",
    response_model=Page[Deal],
    responses={400: {"description": "A bad time, status or page."}},
)
def ma_feed(
    ctx: Annotated[ApiContext, Depends(context)],
    pages: Annotated[Paging, Depends(paging)],
    status: Annotated[list[MAStatus] | None, Query(description="Deal status (any of).")] = None,
    entity: Annotated[
        list[Term] | None,
        Query(description="Only deals of posts mentioning this entity id (any of)."),
    ] = None,
    since: SinceParam = None,
    until: UntilParam = None,
) -> Page[Deal]:
    """Posts with an M&A signal (acquirer, target, amount, status) and the post as
    evidence; newest first, `page`/`size` paging."""
    span = window(since, until)
    query = posts_query(
        PostFilter(
            signals=("ma",),
            ma_statuses=tuple(status or ()),
            entity_ids=tuple(entity or ()),
            since=span.since,
            until=span.until,
        )
    )
    return newest_posts(ctx, query, pages, "M&A feed", deal_of)
