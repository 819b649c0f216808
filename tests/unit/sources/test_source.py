"""The Source interface with the rss kind over an in-memory publisher and httpx's
MockTransport: posts before cursors, ETag sent back, 304, Retry-After, rollback."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from models.sources import SourceState, SourceStatus
from streams.sources.base import PollResult
from streams.sources.errors import SourceFetchError
from streams.sources.filters import make_filter
from streams.sources.rss.config import RssConfig
from streams.sources.rss.source import RssSource
from tests.feed_docs import items, rss2
from tests.unit.sources.fakes import MemoryPublisher, context

URL = "https://news.example.org/feed.xml"
CONFIG = RssConfig(name="news", kind="rss", url=URL, interval="30s")  # type: ignore[arg-type]


class Feed:
    """Answers with the current document and ETag; 304 when If-None-Match matches."""

    def __init__(self, body: bytes, etag: str = '"v1"') -> None:
        self.body, self.etag = body, etag
        self.requests: list[httpx.Request] = []
        self.answer: httpx.Response | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.answer is not None:
            return self.answer
        if request.headers.get("if-none-match") == self.etag:
            return httpx.Response(304)
        return httpx.Response(200, content=self.body, headers={"ETag": self.etag})


def _source(publisher: MemoryPublisher, feed: Feed, state: SourceState | None = None) -> RssSource:
    return RssSource(CONFIG, context(publisher, feed), make_filter("all", None), state)


async def _poll_and_commit(source: RssSource) -> PollResult:
    result = await source.poll()
    await source.commit()
    return result


def test_posts_are_acknowledged_before_the_cursor_that_covers_them() -> None:
    publisher = MemoryPublisher()
    feed = Feed(rss2(items("acme", 3)))

    async def run() -> None:
        source = _source(publisher, feed)
        assert (await _poll_and_commit(source)).new == 3

    asyncio.run(run())
    topics = [r.topic for r in publisher.records]
    assert topics == ["t.posts.raw"] * 3 + ["t.sources.cursors"]
    assert [r.key for r in publisher.on("t.posts.raw")] == [
        "urn:acme:0",
        "urn:acme:1",
        "urn:acme:2",
    ]
    (cursor,) = publisher.on("t.sources.cursors")
    state = SourceState.model_validate(cursor.value)
    assert cursor.key == "news" and state.scope == URL
    assert state.cursor["etag"] == '"v1"'
    assert state.status.published == 3 and state.status.cursor_saved_at is not None


def test_the_etag_is_sent_back_exactly_and_304_publishes_nothing() -> None:
    publisher = MemoryPublisher()
    feed = Feed(rss2(items("acme", 2)), etag='W/"5f-abc"')

    async def run() -> None:
        source = _source(publisher, feed)
        await _poll_and_commit(source)
        assert (await _poll_and_commit(source)).new == 0

    asyncio.run(run())
    assert "if-none-match" not in feed.requests[0].headers
    assert feed.requests[1].headers["if-none-match"] == 'W/"5f-abc"'
    assert len(publisher.on("t.posts.raw")) == 2


def test_a_restart_resumes_from_the_saved_cursor() -> None:
    publisher = MemoryPublisher()
    feed = Feed(rss2(items("acme", 2)))

    async def run() -> None:
        await _poll_and_commit(_source(publisher, feed))
        saved = SourceState.model_validate(publisher.on("t.sources.cursors")[-1].value)
        feed.body, feed.etag = rss2(items("acme", 3)), '"v2"'
        restarted = _source(publisher, feed, saved)
        assert restarted.status.published == 2  # counters carry on
        assert (await _poll_and_commit(restarted)).new == 1

    asyncio.run(run())
    assert feed.requests[1].headers["if-none-match"] == '"v1"'
    assert [r.key for r in publisher.on("t.posts.raw")][-1] == "urn:acme:2"


def test_a_cursor_saved_for_another_url_is_not_used() -> None:
    other = SourceState(
        source="news",
        kind="rss",
        scope="https://old.example.org/feed.xml",
        cursor={"etag": '"v1"', "ids": ["x"]},
        status=SourceStatus(published=7),
        updated_at="2026-12-01T00:00:00Z",  # type: ignore[arg-type]
    )
    publisher, feed = MemoryPublisher(), Feed(rss2(items("acme", 1)))

    async def run() -> None:
        assert (await _poll_and_commit(_source(publisher, feed, other))).new == 1

    asyncio.run(run())
    assert "if-none-match" not in feed.requests[0].headers


def test_a_refused_ack_rolls_back_so_the_next_poll_publishes_again() -> None:
    publisher, feed = MemoryPublisher(down=True), Feed(rss2(items("acme", 2)))

    async def run() -> None:
        source = _source(publisher, feed)
        await source.poll()
        with pytest.raises(Exception, match="Kafka is down"):
            await source.flush()
        source.rollback()
        publisher.down = False
        assert (await _poll_and_commit(source)).new == 2

    asyncio.run(run())
    assert "if-none-match" not in feed.requests[1].headers  # the ETag was not kept either
    assert len(publisher.on("t.posts.raw")) == 2


@pytest.mark.parametrize(
    ("status", "header", "expected"), [(429, "7", 7.0), (503, "2", 2.0), (500, "9", None)]
)
def test_429_and_503_carry_retry_after(status: int, header: str, expected: float | None) -> None:
    feed = Feed(b"")
    feed.answer = httpx.Response(status, headers={"Retry-After": header})

    async def run() -> None:
        with pytest.raises(SourceFetchError) as caught:
            await _source(MemoryPublisher(), feed).poll()
        assert caught.value.retry_after == expected
        assert caught.value.host == "news.example.org"
        assert caught.value.code == "SCOUT-E706"

    asyncio.run(run())


def test_oversized_and_empty_items_are_dead_lettered_with_the_source_name() -> None:
    big = items("acme", 3)
    big[1] = type(big[1])(big[1].guid, "huge", "word " * 5000, big[1].link, big[1].published)
    big[2] = type(big[2])(big[2].guid, "", "", big[2].link, big[2].published)
    publisher, feed = MemoryPublisher(), Feed(rss2(big))
    from streams.settings import Settings

    settings = Settings(topic_prefix="t.", max_text_chars=10_000)

    async def run() -> None:
        source = RssSource(CONFIG, context(publisher, feed, settings), make_filter("all", None))
        await _poll_and_commit(source)

    asyncio.run(run())
    assert [r.key for r in publisher.on("t.posts.raw")] == ["urn:acme:0"]
    letters = publisher.on("t.posts.raw.dlq")
    assert sorted(r.value["reason"] for r in letters) == ["empty_text", "oversized"]
    assert {r.value["origin"] for r in letters} == {"news"}
    assert {r.value["stage"] for r in letters} == {"listen"}
    state = SourceState.model_validate(publisher.on("t.sources.cursors")[-1].value)
    assert state.status.dead_lettered == 2 and state.status.published == 1


def test_the_filter_drops_and_counts() -> None:
    from streams.sources.spec import KeywordFilter

    docs = items("acme", 2)
    docs[1] = type(docs[1])(
        docs[1].guid, "Unrelated", "<p>Weather today</p>", docs[1].link, docs[1].published
    )
    publisher, feed = MemoryPublisher(), Feed(rss2(docs))

    async def run() -> Any:
        source = RssSource(
            CONFIG, context(publisher, feed), make_filter(KeywordFilter(keywords=("globex",)), None)
        )
        await _poll_and_commit(source)
        return source.status

    status = asyncio.run(run())
    assert [r.key for r in publisher.on("t.posts.raw")] == ["urn:acme:0"]
    assert status.dropped == 1 and status.published == 1
