"""Source.produce_delete: a deletion record on posts.raw keyed by the post id, like the
post, that the worker's parser reads as a deletion; awaited by flush like a post."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from models.deletion import PostDeletion
from streams.errors import BrokerUnavailableError
from streams.normalize import parse_record
from streams.sources.base import StatefulSource
from streams.sources.filters import make_filter
from streams.sources.rss.config import RssConfig
from streams.sources.spec import KeywordFilter
from tests.unit.sources.fakes import MemoryPublisher, context

CONFIG = RssConfig(name="s", kind="rss", url="https://x.example/f")


class _Stream(StatefulSource):
    async def run(self) -> None:  # pragma: no cover - not run here
        return None


def _source(publisher: MemoryPublisher) -> _Stream:
    unreachable = context(publisher, lambda r: httpx.Response(500))
    keep_none = make_filter(KeywordFilter(keywords=("nothing-matches-this",)), None)
    return _Stream(CONFIG, unreachable, keep_none)


def test_a_deletion_is_keyed_like_its_post_and_read_back_as_a_deletion() -> None:
    publisher = MemoryPublisher()

    async def run() -> _Stream:
        source = _source(publisher)
        source.produce_delete("mastodon", "1123")
        await source.commit()
        return source

    source = asyncio.run(run())
    [record] = publisher.on("t.posts.raw")
    assert record.key == "1123"  # the post's own key: same partition, same order
    got = parse_record(
        json.dumps(record.value).encode(), max_message_bytes=10_000, max_text_chars=10
    )
    assert isinstance(got, PostDeletion) and (got.source, got.id) == ("mastodon", "1123")
    assert got.deleted_at is not None
    # The filter does not apply to deletions; they are counted apart from posts.
    assert source.status.deleted == 1 and source.status.published == 0


def test_an_unacknowledged_deletion_fails_the_flush() -> None:
    publisher = MemoryPublisher(down=True)

    async def run() -> None:
        source = _source(publisher)
        source.produce_delete("mastodon", "1")
        await source.flush()

    with pytest.raises(BrokerUnavailableError):
        asyncio.run(run())
