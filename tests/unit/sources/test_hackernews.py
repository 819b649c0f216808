"""The hackernews kind: items to posts, ids above the cursor, bounded concurrency, deleted
and dead items skipped and counted (in-memory publisher, MockTransport)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from models.post import Post
from models.sources import SourceState
from streams.sources.errors import SourceFetchError
from streams.sources.filters import make_filter
from streams.sources.hackernews.config import HackerNewsConfig
from streams.sources.hackernews.items import new_ids, skip_reason, story_post
from streams.sources.hackernews.source import HackerNewsSource
from tests.hn_docs import BASE_TIME, dead, deleted, story
from tests.unit.sources.fakes import MemoryPublisher, context


def test_a_story_becomes_a_post_with_title_text_author_score_and_link() -> None:
    obj, raw = story_post(
        story(8863, text="<p>Cheap <i>sync</i> &amp; backup</p><p>Try it</p>", url=None)
    )
    post = Post.model_validate(obj)
    assert post.id == "hn-8863" and post.source == "hackernews"
    assert post.text.startswith("Show HN: Acme launches widget 8863\n\nCheap sync & backup")
    assert "<" not in post.text
    assert post.author is not None and post.author.handle == "user1"
    assert post.engagement is not None
    assert (post.engagement.likes, post.engagement.replies) == (8863 % 50 + 1, 8863 % 5)
    assert post.created_at is not None and post.created_at.timestamp() == BASE_TIME + 8863
    assert post.url == "https://news.ycombinator.com/item?id=8863"
    assert json.loads(raw)["id"] == 8863
    assert story_post(story(5))[0]["url"] == "https://acme.example/widgets/5"


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (None, "missing"),
        (deleted(3), "deleted"),
        (dead(4), "dead"),
        (story(5, type="job"), "not a story"),
    ],
)
def test_deleted_dead_missing_and_other_items_are_skipped(item: Any, reason: str) -> None:
    assert skip_reason(item) == reason
    assert skip_reason(story(6)) is None


def test_ids_above_the_cursor_oldest_first_and_bounded() -> None:
    listing = [110, 109, 108, 105, 101, 99]
    assert new_ids(listing, after=101, limit=10) == [105, 108, 109, 110]
    assert new_ids(listing, after=101, limit=2) == [105, 108]
    assert new_ids(listing, after=None, limit=3) == [108, 109, 110]
    with pytest.raises(ValueError, match="array"):
        new_ids({"error": "x"}, after=None, limit=3)


class HackerNews:
    """/v0/newstories.json (with an ETag, 304) and /v0/item/<id>.json; counts how many
    item requests are in flight at once."""

    def __init__(self, items: dict[int, Any]) -> None:
        self.items = items
        self.paths: list[str] = []
        self.listing_headers: list[httpx.Headers] = []
        self.in_flight = self.most_in_flight = 0
        self.script: list[httpx.Response] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        if request.url.path == "/v0/newstories.json":
            self.listing_headers.append(request.headers)
            body = json.dumps(sorted(self.items, reverse=True)).encode()
            etag = f'"{len(self.items)}-{max(self.items, default=0)}"'
            if request.headers.get("if-none-match") == etag:
                return httpx.Response(304)
            return httpx.Response(200, content=body, headers={"ETag": etag})
        if self.script:
            return self.script.pop(0)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        await asyncio.sleep(0.01)
        self.in_flight -= 1
        item_id = int(request.url.path.rsplit("/", 1)[1].removesuffix(".json"))
        return httpx.Response(200, content=json.dumps(self.items.get(item_id)).encode())


def _source(server: HackerNews, publisher: MemoryPublisher, **fields: Any) -> HackerNewsSource:
    config = HackerNewsConfig.model_validate(
        {"name": "hn", "kind": "hackernews", "base_url": "http://hn.test", **fields}
    )
    return HackerNewsSource(config, context(publisher, server), make_filter("all", None))


def test_polls_publish_new_stories_once_skip_deleted_and_dead_and_send_the_etag_back() -> None:
    items: dict[int, Any] = {i: story(i) for i in range(100, 120)}
    items[105], items[106], items[107] = deleted(105), dead(106), None
    server = HackerNews(items)
    publisher = MemoryPublisher()

    async def run() -> HackerNewsSource:
        source = _source(server, publisher, concurrency=3)
        assert (await source.poll()).new == 20
        await source.commit()
        assert (await source.poll()).new == 0  # 304
        await source.commit()
        server.items[120] = story(120)
        assert (await source.poll()).new == 1
        await source.commit()
        return source

    source = asyncio.run(run())
    keys = [r.key for r in publisher.on("t.posts.raw")]
    assert keys == [f"hn-{i}" for i in range(100, 121) if i not in (105, 106, 107)]
    assert source.status.skipped == 3 and source.status.published == 18
    assert server.most_in_flight == 3
    assert server.listing_headers[1].get("if-none-match") == '"20-119"'
    assert server.paths.count("/v0/item/101.json") == 1  # never fetched twice
    state = SourceState.model_validate(publisher.on("t.sources.cursors")[-1].value)
    assert state.cursor["last_id"] == 120


def test_a_429_on_an_item_fails_the_poll_with_retry_after_and_publishes_nothing() -> None:
    server = HackerNews({1: story(1), 2: story(2)})
    server.script = [httpx.Response(429, headers={"Retry-After": "4"})]
    publisher = MemoryPublisher()

    async def run() -> SourceFetchError:
        source = _source(server, publisher, concurrency=1)
        with pytest.raises(SourceFetchError) as caught:
            await source.poll()
        # No item is asked for after the 429 (the other waited for its turn).
        assert [p for p in server.paths if p.startswith("/v0/item/")] == ["/v0/item/1.json"]
        source.rollback()
        assert (await source.poll()).new == 2  # the next poll reads both again
        return caught.value

    assert asyncio.run(run()).retry_after == 4.0
    assert [r.key for r in publisher.on("t.posts.raw")] == ["hn-1", "hn-2"]
