"""The sample's live feed: what it serves is a feed the rss kind reads into the right
posts, and it answers conditional GETs like a publisher."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from streams.sample.feed import Published, SampleFeed, feed_items, render_feed
from streams.sources.rss.feed import parse_feed


def test_the_feed_items_become_posts_with_their_guid_title_link_and_time() -> None:
    items = feed_items()
    assert len(items) == 5
    assert len({i.guid for i in items}) == len(items)
    at = [datetime(2026, 12, 6, 1, 0, s, tzinfo=UTC) for s in range(len(items))]
    document = render_feed([Published(i, t) for i, t in zip(items, at, strict=True)])

    posts = [p.obj for p in parse_feed(document, url="http://127.0.0.1:1/sample-feed.xml?run=1")]

    assert [p["id"] for p in posts] == [i.guid for i in items]  # oldest first
    for item, post, when in zip(items, posts, at, strict=True):
        assert post["text"] == f"{item.title}. {item.summary}"
        assert post["url"] == item.link
        assert post["created_at"] == when.isoformat()
        assert post["lang"] == "en"
        assert post["author"] == {"name": "Signal Scout sample newswire"}  # the feed's title


def _get(url: str, etag: str | None = None) -> tuple[int, str, bytes]:
    answer = httpx.get(url, headers={"If-None-Match": etag} if etag else {}, timeout=5)
    return answer.status_code, answer.headers["ETag"], answer.content


def test_the_feed_grows_item_by_item_and_answers_304_when_unchanged() -> None:
    items = feed_items()
    with SampleFeed() as feed:
        status, empty_tag, body = _get(feed.url)
        assert status == 200 and parse_feed(body, url=feed.url) == []
        assert _get(feed.url, empty_tag)[0] == 304
        feed.publish(items[0])
        status, tag, body = _get(f"{feed.url}?run=7", empty_tag)  # a query string is fine
        assert status == 200 and tag != empty_tag
        assert [p.obj["id"] for p in parse_feed(body, url=feed.url)] == [items[0].guid]
        assert (feed.requests, feed.not_modified) == (3, 1)
        port = feed.port
    with pytest.raises(httpx.ConnectError):
        _get(f"http://127.0.0.1:{port}/sample-feed.xml")  # closed: nothing left listening
