"""Hand-built enriched posts for the brief's unit tests (no model, no network)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from models.enriched import EnrichedPost, Entity
from models.post import Author, RepostOf
from models.signals import NOT_MA, Category, ExecMove, Influence, MASignal, Sentiment
from streams.brief.window import BriefWindow
from streams.index.documents import doc_id

UNTIL = datetime(2026, 5, 2, tzinfo=UTC)
WINDOW = BriefWindow(since=UNTIL - timedelta(days=1), until=UNTIL)
NOW = UNTIL + timedelta(minutes=5)
NEWS = Category(label="news", score=0.9, signal=0.8)
SPAM = Category(label="spam", score=0.9, signal=0.0)
CHATTER = Category(label="chatter", score=0.8, signal=0.1)


def post(
    post_id: str,
    text: str,
    *,
    hours_ago: float = 6,
    handle: str = "someone",
    influence: float = 10.0,
    engagement: int = 0,
    companies: Sequence[str] = (),
    ma: MASignal = NOT_MA,
    moves: Sequence[ExecMove] = (),
    repost_of: str | None = None,
    url: str | None = "default",
    category: Category | None = NEWS,
    story: str | None = None,
) -> EnrichedPost:
    entities = tuple(
        Entity(text=c.removeprefix("company:").title(), label="ORG", start=0, end=3, id=c)
        for c in companies
    )
    return EnrichedPost(
        doc_id=doc_id("t", post_id),
        post_id=post_id,
        source="t",
        text=text,
        created_at=UNTIL - timedelta(hours=hours_ago),
        author=Author(handle=handle),
        url=f"https://example.org/{post_id}" if url == "default" else url,
        lang="en",
        entities=entities,
        model="test",
        repost_of=RepostOf(id=repost_of) if repost_of else None,
        ma=ma,
        moves=tuple(moves),
        sentiment=Sentiment(label="neutral", score=0.0),
        influence=Influence(score=influence, engagement=engagement),
        category=category,
        story=story,
    )
