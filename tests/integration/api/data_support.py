"""Posts for the data routes' tests, enriched and indexed by the project's own code:
the real :class:`~streams.enrich.enricher.Enricher` (spaCy, watch lists, M&A) and the
worker's :class:`~streams.index.sink.BulkSink`."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from models.enriched import EnrichedPost
from models.post import Author, Post
from streams.alerts.delivery.delivery_log import deliveries_index
from streams.alerts.matching import state_index_name
from streams.alerts.store import rules_index
from streams.enrich.build import build_enricher
from streams.enrich.enricher import Enricher
from streams.index.client import make_async_client, make_client
from streams.index.sink import BulkSink, write_all
from streams.settings import Settings, load_settings

T0 = datetime(2026, 4, 1, tzinfo=UTC)

# (id, source, handle, hours after T0, lang, text): team-written.
POSTS = [
    ("a1", "news", "deal_desk", 9, "en", "Microsoft to acquire Fabrikam for $2 billion, the companies said on Monday."),
    ("a2", "twitter", "rumor_mill", 34, "en", "Oracle is reportedly in talks to buy Contoso for $500 million, people familiar said."),
    ("a3", "twitter", "chip_chat", 35, "en", "Nvidia shares rise after strong data center demand."),
    ("a4", "news", "deal_desk", 56, "en", "Microsoft and Nvidia shares both fell today."),
    ("a5", "blog", "hr_watch", 57, "en", "Intel names Jane Doe as its new chief financial officer."),
    ("a6", "twitter", "cloud_ops", 60, "en", "Microsoft Azure outage hits customers across Europe."),
    ("a7", "mastodon", "nordic_notes", 72, "no", "Equinor og Microsoft utvider samarbeidet om skytjenester i Bergen."),
    ("a8", "news", "old_news", -240, "en", "Microsoft cuts jobs as cloud growth slows."),
]  # fmt: skip


@functools.cache
def _enricher() -> Enricher:
    """Loaded once per test session (the models do not depend on a test's prefixes)."""
    return build_enricher(load_settings())


def fixture_posts() -> list[Post]:
    return [
        Post(
            id=post_id,
            text=text,
            source=source,
            lang=lang,
            created_at=T0 + timedelta(hours=hours),
            author=Author(handle=handle, followers=1000 * (i + 1)),
            url=f"https://example.org/{post_id}",
        )
        for i, (post_id, source, handle, hours, lang, text) in enumerate(POSTS)
    ]


def index_docs(settings: Settings, docs: Sequence[EnrichedPost]) -> None:
    """Write through the worker's bulk sink; visible to search on return."""

    async def write() -> None:
        client = make_async_client(settings)
        try:
            outcome = await write_all(BulkSink(client, settings.posts_alias), docs, cap_s=5)
            assert outcome.indexed == len(docs)
            await client.indices.refresh(index=settings.posts_alias)
        finally:
            await client.close()

    asyncio.run(write())


def enrich_and_index(settings: Settings, posts: Sequence[Post]) -> dict[str, EnrichedPost]:
    """Enrich like the worker does and index; the documents by post id."""
    docs = _enricher().enrich(posts)
    index_docs(settings, docs)
    return {d.post_id: d for d in docs}


def drop_alert_indices(settings: Settings) -> None:
    es = make_client(settings)
    try:
        for index in (
            rules_index(settings),
            state_index_name(settings.index_prefix),
            deliveries_index(settings.index_prefix),
        ):
            es.indices.delete(index=index, ignore_unavailable=True)
    finally:
        es.close()


@pytest.fixture
def indexed(settings: Settings) -> Iterator[dict[str, EnrichedPost]]:
    """The fixture posts, enriched and indexed; alert indices removed afterwards."""
    yield enrich_and_index(settings, fixture_posts())
    drop_alert_indices(settings)
