"""Response shapes shared by the data routes: a post, and a page of results."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from models.enriched import Entity
from models.post import Author
from models.signals import (
    Category,
    CompetitorMention,
    ExecMove,
    Influence,
    MASignal,
    Sentiment,
)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of results, newest first unless said otherwise."""

    total: int = Field(description="Every result of the query (not just this page).")
    page: int
    size: int
    next_page: int | None = Field(description="The next page's number; null on the last.")
    items: list[T]


class PostOut(BaseModel):
    """An enriched post as indexed (``link`` is its address in this API)."""

    doc_id: str
    post_id: str
    source: str
    text: str
    created_at: datetime | None = None
    url: str | None = Field(None, description="The original post.")
    lang: str | None = None
    author: Author | None = None
    entity_ids: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list, description="Watched topic ids.")
    ma: MASignal | None = Field(None, description="Set when the post reports M&A.")
    competitors: list[CompetitorMention] = Field(default_factory=list)
    moves: list[ExecMove] = Field(default_factory=list)
    sentiment: Sentiment | None = None
    influence: Influence | None = None
    category: Category | None = Field(
        None, description="spam, chatter, news or other, with a score and a news signal."
    )
    story: str | None = Field(None, description="Near-duplicate key: copies share it.")
    link: str = Field(description="`/posts/{doc_id}`.")

    @classmethod
    def from_source(cls, source: Mapping[str, Any]) -> PostOut:
        ma = source.get("ma") or {}
        return cls.model_validate(
            {
                **source,
                "ma": ma if ma.get("is_ma") else None,
                "link": f"/posts/{source['doc_id']}",
            }
        )
