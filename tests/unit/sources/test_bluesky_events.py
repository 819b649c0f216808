"""Jetstream events to posts: ids, urls, times, language, replies, quotes, link cards; the
replay window; the bluesky configuration (the watchlist filter by default)."""

from __future__ import annotations

import json

import pytest

from streams.sources.bluesky.config import BlueskyConfig
from streams.sources.bluesky.events import Event, decode_event
from streams.sources.bluesky.source import BlueskyCursor, subscribe_url
from streams.sources.bluesky.window import ReplayWindow
from streams.sources.config import parse_sources
from tests.jetstream_events import DID, T0, commit, encode, identity

QUOTED = "at://did:plc:other/app.bsky.feed.post/3kquoted"


def _event(message: dict[str, object]) -> Event:
    event = decode_event(encode(message))
    assert isinstance(event, Event)
    return event


def test_a_create_becomes_a_post_with_its_at_uri_as_id() -> None:
    event = _event(commit("3kabc", "Oracle agrees to buy Globex", time_us=T0))
    assert event.operation == "create" and event.time_us == T0
    assert event.obj == {
        "id": f"at://{DID}/app.bsky.feed.post/3kabc",
        "text": "Oracle agrees to buy Globex",
        "source": "bluesky",
        "author": {"handle": DID},
        "url": f"https://bsky.app/profile/{DID}/post/3kabc",
        "created_at": "2026-12-06T00:10:00+00:00",
        "lang": "en",
    }


def test_an_update_has_the_same_id_and_another_key_than_the_create() -> None:
    create = _event(commit("3kabc", "first", time_us=T0))
    update = _event(commit("3kabc", "second", time_us=T0 + 5, operation="update"))
    assert update.obj is not None and create.obj is not None
    assert update.obj["id"] == create.obj["id"] and update.obj["text"] == "second"
    assert update.key != create.key
    assert _event(commit("3kabc", "first", time_us=T0)).key == create.key  # a replay


def test_a_delete_names_the_post_and_carries_no_post() -> None:
    event = _event(commit("3kabc", "", time_us=T0, operation="delete"))
    assert event.operation == "delete" and event.obj is None
    assert event.uri == f"at://{DID}/app.bsky.feed.post/3kabc"


def test_replies_quotes_and_link_cards_are_kept() -> None:
    parent, root = "at://did:plc:p/app.bsky.feed.post/3kp", "at://did:plc:r/app.bsky.feed.post/3kr"
    reply = _event(
        commit(
            "3k1",
            "agreed",
            time_us=T0,
            record={"reply": {"parent": {"uri": parent}, "root": {"uri": root}}},
        )
    )
    assert reply.obj is not None and reply.obj["reply_to"] == {"id": parent, "root": root}
    quote = _event(
        commit(
            "3k2",
            "look",
            time_us=T0,
            record={
                "embed": {
                    "$type": "app.bsky.embed.recordWithMedia",
                    "record": {"$type": "app.bsky.embed.record", "record": {"uri": QUOTED}},
                    "media": {
                        "$type": "app.bsky.embed.external",
                        "external": {"uri": "https://example.org/a", "title": "T"},
                    },
                }
            },
        )
    )
    assert quote.obj is not None and quote.obj["quote_of"] == {"id": QUOTED}
    assert quote.obj["link"] == "https://example.org/a"
    card_only = _event(
        commit(
            "3k3",
            "",
            time_us=T0,
            record={
                "embed": {
                    "$type": "app.bsky.embed.external",
                    "external": {
                        "uri": "https://example.org/b",
                        "title": "Globex files 8-K",
                        "description": "Item 2.01",
                    },
                }
            },
        )
    )
    assert card_only.obj is not None and card_only.obj["text"] == "Globex files 8-K. Item 2.01"


def test_a_post_without_text_has_no_post_and_times_fall_back_to_the_event() -> None:
    assert _event(commit("3k4", "  ", time_us=T0)).obj is None
    odd = _event(
        commit("3k5", "hi", time_us=T0, record={"createdAt": "yesterday", "langs": ["pt-BR"]})
    )
    assert odd.obj is not None
    assert odd.obj["created_at"] == "2026-11-30T00:53:20+00:00"  # T0 in UTC
    assert odd.obj["lang"] == "pt"
    naive = _event(commit("3k6", "hi", time_us=T0, record={"createdAt": "2026-12-06T01:02:03"}))
    assert naive.obj is not None and naive.obj["created_at"] == "2026-12-06T01:02:03+00:00"


def test_other_events_only_move_the_cursor_and_garbage_is_refused() -> None:
    assert decode_event(encode(identity(T0 + 7))) == T0 + 7
    like = commit("3k7", "x", time_us=T0 + 8)
    like["commit"]["collection"] = "app.bsky.feed.like"
    assert decode_event(encode(like)) == T0 + 8
    assert decode_event(json.dumps({"kind": "commit"})) is None
    with pytest.raises(ValueError):
        decode_event("{not json")
    broken = commit("3k8", "x", time_us=T0)
    del broken["commit"]["rkey"]
    with pytest.raises(ValueError):
        decode_event(encode(broken))


def test_the_replay_window_forgets_commits_older_than_the_rewind() -> None:
    window = ReplayWindow(rewind_us=5_000_000)
    window.add("a", T0, kept=True)
    window.add("b", T0 + 1_000_000, kept=False)
    window.add("c", T0 + 4_000_000, kept=True)
    assert "a" in window and "b" in window
    assert window.kept() == {"a": T0, "c": T0 + 4_000_000}
    window.add("d", T0 + 5_500_000, kept=True)  # a is now 5.5 s old
    assert "a" not in window and "b" in window and len(window) == 3
    restored = ReplayWindow(5_000_000, window.kept())
    assert "c" in restored and "d" in restored and "b" not in restored
    assert window.kept(limit=1) == {"d": T0 + 5_500_000}  # the newest, for the cursor


def test_resuming_rewinds_the_cursor_by_the_margin() -> None:
    config = BlueskyConfig(name="sky", kind="bluesky", url="ws://127.0.0.1:9/subscribe")
    assert subscribe_url(config, None) == (
        "ws://127.0.0.1:9/subscribe?wantedCollections=app.bsky.feed.post"
    )
    assert subscribe_url(config, T0).endswith(f"&cursor={T0 - 5_000_000}")
    assert BlueskyCursor.model_validate({"time_us": T0, "recent": {"x": T0}}).time_us == T0


def test_a_bluesky_source_filters_by_watch_list_unless_told_otherwise() -> None:
    loaded = parse_sources(
        b"sources:\n"
        b"  - {name: sky, kind: bluesky}\n"
        b"  - {name: all-of-it, kind: bluesky, filter: all, rewind: 10s, stall: 1m,"
        b" dids: ['did:plc:abc']}\n"
        b"  - {name: bad-url, kind: bluesky, url: 'https://jetstream.example/subscribe'}\n"
        b"  - {name: bad-did, kind: bluesky, dids: [alice.bsky.social]}\n",
        "sources.yaml",
    )
    sky, everything = loaded.sources
    assert sky.filter == "watchlist" and everything.filter == "all"
    assert isinstance(sky, BlueskyConfig) and sky.url.startswith("wss://jetstream")
    assert isinstance(everything, BlueskyConfig) and everything.rewind.total_seconds() == 10
    assert sky.scope() != everything.scope()
    assert [(p.source, p.field) for p in loaded.problems] == [
        ("bad-url", "url"),
        ("bad-did", "dids"),
    ]
