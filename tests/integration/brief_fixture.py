"""Index the brief's fixture posts through the project's own enricher and bulk sink."""

from __future__ import annotations

import asyncio
from pathlib import Path

from elasticsearch import Elasticsearch

from models.enriched import EnrichedPost
from streams.enrich.build import build_enricher
from streams.index.client import make_async_client
from streams.index.sink import BulkSink, write_all
from streams.ingest.reader import read_lines
from streams.normalize import parse_post
from streams.settings import Settings

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "brief_posts.jsonl"
# The fixture's day: every post but br-07 (three days earlier) falls in it.
UNTIL = "2026-05-02T00:00:00Z"


def index_brief_fixture(settings: Settings, es: Elasticsearch) -> list[EnrichedPost]:
    """Enrich ``FIXTURE`` (spaCy, watch lists, M&A, moves) and bulk-index it; refresh."""
    posts = [
        parse_post(
            line.raw,
            max_message_bytes=settings.max_message_bytes,
            max_text_chars=settings.max_text_chars,
        )
        for line in read_lines([str(FIXTURE)])
    ]
    docs = build_enricher(settings).enrich(posts)

    async def write() -> int:
        client = make_async_client(settings)
        try:
            outcome = await write_all(BulkSink(client, settings.posts_alias), docs, cap_s=5)
        finally:
            await client.close()
        assert not outcome.rejected, outcome.rejected
        return outcome.indexed

    assert asyncio.run(write()) == len(docs)
    es.indices.refresh(index=settings.posts_alias)
    return docs
