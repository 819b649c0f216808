"""The filtered stream's lines: tweets to posts like the v2 backfill, keep-alives, X's
errors, and a stall detected."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from streams.backfill.formats.social import twitter_v2_posts
from streams.index.documents import doc_id
from streams.sources.x.errors import StreamStalled
from streams.sources.x.stream import parse_line, read_lines

TWEET = {
    "data": {
        "id": "1790000000000000001",
        "text": "Acme &amp; Globex to merge https://t.co/abc",
        "author_id": "42",
        "created_at": "2026-12-05T10:00:00.000Z",
        "lang": "en",
        "public_metrics": {"like_count": 7, "retweet_count": 2, "reply_count": 1, "quote_count": 0},
        "entities": {
            "urls": [{"url": "https://t.co/abc", "expanded_url": "https://acme.example/pr"}]
        },
        "edit_history_tweet_ids": ["1790000000000000001"],
    },
    "includes": {
        "users": [
            {
                "id": "42",
                "username": "dealwatch",
                "name": "Deal Watch",
                "verified": False,
                "public_metrics": {"followers_count": 1200, "following_count": 10},
            }
        ]
    },
    "matching_rules": [{"id": "7", "tag": "signal-scout:x"}],
}


def test_a_tweet_line_becomes_the_post_the_v2_backfill_makes_with_the_same_document_id() -> None:
    line = parse_line(json.dumps(TWEET).encode())
    assert line is not None and not line.errors and not line.disconnect
    (post,) = line.posts
    assert post["id"] == "1790000000000000001"
    assert post["text"] == "Acme & Globex to merge https://acme.example/pr"
    assert post["author"]["handle"] == "dealwatch"
    assert post["author"]["followers"] == 1200
    assert post["engagement"] == {"likes": 7, "reposts": 2, "replies": 1, "quotes": 0}
    assert post["url"] == "https://twitter.com/dealwatch/status/1790000000000000001"
    assert post["lang"] == "en"
    assert line.tags == frozenset({"signal-scout:x"})
    (backfilled,) = twitter_v2_posts(TWEET)
    assert doc_id(post["source"], post["id"]) == doc_id(backfilled["source"], backfilled["id"])


def test_keep_alives_are_nothing_and_an_operational_disconnect_is_announced() -> None:
    assert parse_line(b"") is None
    assert parse_line(b"  ") is None
    problem = {
        "errors": [
            {
                "title": "operational-disconnect",
                "disconnect_type": "OperationalDisconnect",
                "detail": "This stream has been disconnected for operational reasons.",
                "type": "https://api.twitter.com/2/problems/operational-disconnect",
            }
        ]
    }
    line = parse_line(json.dumps(problem).encode())
    assert line is not None and line.disconnect and not line.posts
    with pytest.raises(ValueError):
        parse_line(b"{not json")


async def _chunks(parts: list[bytes | float]) -> AsyncIterator[bytes]:
    for part in parts:
        if isinstance(part, float):
            await asyncio.sleep(part)
        else:
            yield part


async def _collect(parts: list[bytes | float], stall: float) -> list[bytes]:
    return [line async for line in read_lines(_chunks(parts), stall_timeout=stall)]


def test_lines_split_across_chunks_and_keep_alives_come_out_empty() -> None:
    body = json.dumps(TWEET).encode()
    parts: list[bytes | float] = [b"\r\n", body[:10], body[10:] + b"\r\n\r\n", b'{"a":1}\r\n']
    assert asyncio.run(_collect(parts, 1.0)) == [b"", body, b"", b'{"a":1}']


def test_no_byte_for_the_stall_timeout_is_a_stall_but_keep_alives_keep_it_alive() -> None:
    alive: list[bytes | float] = [b"\r\n", 0.15, b"\r\n", 0.15, b"\r\n", 0.15, b"\r\n"]
    assert asyncio.run(_collect(alive, 0.3)) == [b""] * 4
    with pytest.raises(StreamStalled, match="neither data nor a keep-alive for 0.2s"):
        asyncio.run(_collect([b"\r\n", 0.5, b"\r\n"], 0.2))
