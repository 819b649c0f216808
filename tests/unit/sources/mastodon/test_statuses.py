"""Mastodon Status entities -> posts; server-sent events parsed line by line."""

from __future__ import annotations

from typing import Any

from models.post import Post
from streams.sources.mastodon.sse import Event, EventParser
from streams.sources.mastodon.statuses import status_to_post


def _status(**extra: Any) -> dict[str, Any]:
    return {
        "id": "111",
        "uri": "https://mastodon.social/users/ann/statuses/111",
        "url": "https://mastodon.social/@ann/111",
        "created_at": "2026-12-06T00:10:00.000Z",
        "content": "<p>Acme &amp; Globex merge.<br>Details soon.</p>",
        "spoiler_text": "",
        "language": "en",
        "replies_count": 4,
        "reblogs_count": 5,
        "favourites_count": 6,
        "account": {
            "acct": "ann",
            "display_name": "Ann Analyst",
            "followers_count": 1200,
            "following_count": 30,
            "bot": True,
        },
        "reblog": None,
        **extra,
    }


def test_a_status_becomes_a_post_with_its_author_and_engagement() -> None:
    post = Post.model_validate(status_to_post(_status(), server_host="mastodon.social"))
    assert post.id == "https://mastodon.social/users/ann/statuses/111"  # as scout backfill
    assert post.text == "Acme & Globex merge.\nDetails soon."
    assert post.source == "mastodon" and post.lang == "en"
    assert post.url == "https://mastodon.social/@ann/111"
    assert post.created_at is not None and post.created_at.utcoffset() is not None
    assert post.author is not None
    assert (post.author.handle, post.author.name, post.author.followers) == (
        "ann@mastodon.social",
        "Ann Analyst",
        1200,
    )
    assert post.author.model_extra == {"bot": True}
    assert post.engagement is not None
    assert (post.engagement.likes, post.engagement.reposts, post.engagement.replies) == (6, 5, 4)


def test_a_remote_account_keeps_its_domain_and_a_content_warning_comes_first() -> None:
    status = _status(spoiler_text="Earnings", account={"acct": "bo@other.example"})
    obj = status_to_post(status, server_host="mastodon.social")
    assert obj["author"]["handle"] == "bo@other.example"
    assert obj["text"].startswith("Earnings\nAcme & Globex merge.")


def test_a_boost_is_the_boosted_status_with_a_repost_marker() -> None:
    original = _status(
        id="99",
        uri="https://other.example/users/cy/statuses/99",
        account={"acct": "cy@other.example", "followers_count": 7},
        language="de",
    )
    boost = _status(
        id="112",
        uri="https://mastodon.social/users/ann/statuses/112/activity",
        url=None,
        content="",
        reblog=original,
    )
    post = Post.model_validate(status_to_post(boost, server_host="mastodon.social"))
    assert post.id == "https://mastodon.social/users/ann/statuses/112/activity"
    assert post.text == "RT @cy@other.example: Acme & Globex merge.\nDetails soon."
    assert post.author is not None and post.author.handle == "ann@mastodon.social"
    assert post.engagement is None and post.lang == "de"
    assert post.url == original["url"]
    assert post.repost_of is not None and post.repost_of.id == original["uri"]
    assert post.repost_of.author is not None and post.repost_of.author.followers == 7
    assert post.repost_of.engagement is not None and post.repost_of.engagement.likes == 6


def test_events_comments_and_multi_line_data() -> None:
    parser = EventParser()
    lines = [
        ":thump",
        "event: update",
        'data: {"id": "1",',
        'data:  "x": 2}',
        "",
        ":thump",
        "",
        "event: delete",
        "data: 1",
        "id: 7",
        "",
        "data: plain",
        "",
    ]
    events = [e for e in (parser.line(line) for line in lines) if e is not None]
    assert events == [
        Event("update", '{"id": "1",\n "x": 2}'),
        Event("delete", "1"),
        Event("message", "plain"),
    ]


def test_a_partial_event_cut_by_a_drop_is_never_dispatched() -> None:
    parser = EventParser()
    assert parser.line("event: update") is None
    assert parser.line('data: {"id": "9') is None
    # The connection is dropped here; a new connection gets a new parser.
