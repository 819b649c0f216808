"""The bluesky connector's handling of Jetstream messages over an in-memory publisher:
creates and updates published, replays skipped, the filter's drops counted, deletes sent,
the cursor saved after the posts with the records of the rewind, rollback."""

from __future__ import annotations

import asyncio

import pytest

from models.sources import SourceState
from streams.sources.bluesky.config import BlueskyConfig
from streams.sources.bluesky.source import BlueskySource, subscribe_url
from streams.sources.filters import make_filter
from streams.watchlist import WatchlistStore, default_watchlist_dir
from tests.jetstream_events import DID, T0, commit, encode, identity
from tests.unit.sources.fakes import MemoryPublisher, context

CONFIG = BlueskyConfig(name="sky", kind="bluesky", url="ws://127.0.0.1:9/subscribe")
URI = f"at://{DID}/app.bsky.feed.post/"


def _unreachable(request: object) -> None:
    raise AssertionError("the bluesky kind makes no HTTP request")


def _source(
    publisher: MemoryPublisher, state: SourceState | None = None, *, watchlist: bool = False
) -> BlueskySource:
    post_filter = (
        make_filter("watchlist", WatchlistStore(default_watchlist_dir(), 60))
        if watchlist
        else make_filter("all", None)
    )
    return BlueskySource(CONFIG, context(publisher, _unreachable), post_filter, state)


def test_creates_and_updates_are_published_and_a_replay_is_skipped() -> None:
    publisher = MemoryPublisher()

    async def run() -> BlueskySource:
        source = _source(publisher)
        messages = [
            commit("3k1", "Oracle buys Globex", time_us=T0),
            identity(T0 + 1),
            commit("3k1", "Oracle buys Globex (edited)", time_us=T0 + 2, operation="update"),
            commit("3k2", "second post", time_us=T0 + 3),
        ]
        for message in messages + messages[:2]:  # the first two again: a reconnect's rewind
            source.handle(encode(message))
        await source.commit()
        return source

    source = asyncio.run(run())
    posts = publisher.on("t.posts.raw")
    assert [(r.key, r.value["text"]) for r in posts] == [
        (URI + "3k1", "Oracle buys Globex"),
        (URI + "3k1", "Oracle buys Globex (edited)"),
        (URI + "3k2", "second post"),
    ]
    assert source.status.published == 3 and source.status.duplicates == 1
    cursor = publisher.on("t.sources.cursors")[-1]
    assert cursor.value["cursor"]["time_us"] == T0 + 3
    assert len(cursor.value["cursor"]["recent"]) == 3
    assert publisher.records.index(cursor) > publisher.records.index(posts[-1])


def test_a_restart_resumes_before_the_saved_time_and_skips_what_it_sent() -> None:
    publisher = MemoryPublisher()
    first = [commit(f"3k{i}", f"post {i}", time_us=T0 + i * 1_000_000) for i in range(3)]

    async def run() -> tuple[str, int]:
        source = _source(publisher)
        for message in first:
            source.handle(encode(message))
        await source.commit()
        saved = SourceState.model_validate(publisher.on("t.sources.cursors")[-1].value)
        again = _source(publisher, saved)
        url = subscribe_url(CONFIG, again.time_us)
        for message in [*first, commit("3k9", "new", time_us=T0 + 3_000_000)]:
            again.handle(encode(message))
        await again.commit()
        return url, again.status.duplicates

    url, duplicates = asyncio.run(run())
    assert url.endswith(f"cursor={T0 + 2_000_000 - 5_000_000}")
    assert [r.key for r in publisher.on("t.posts.raw")] == [URI + f"3k{i}" for i in (0, 1, 2, 9)]
    assert duplicates == 3


def test_the_watchlist_filter_drops_and_counts_posts_naming_nothing_watched() -> None:
    publisher = MemoryPublisher()

    async def run() -> BlueskySource:
        source = _source(publisher, watchlist=True)
        source.handle(encode(commit("3k1", "Oracle agrees to acquire a startup", time_us=T0)))
        source.handle(encode(commit("3k2", "Nice weather in the park today", time_us=T0 + 1)))
        source.handle(encode(commit("3k3", "", time_us=T0 + 2)))  # an image alone
        await source.commit()
        return source

    source = asyncio.run(run())
    assert [r.key for r in publisher.on("t.posts.raw")] == [URI + "3k1"]
    assert source.status.dropped == 2 and source.status.published == 1
    cursor = publisher.on("t.sources.cursors")[-1].value
    assert cursor["status"]["dropped"] == 2
    assert cursor["cursor"]["time_us"] == T0 + 2
    assert len(cursor["cursor"]["recent"]) == 1  # only what was sent is remembered


def test_a_delete_is_sent_as_a_deletion_of_the_post() -> None:
    publisher = MemoryPublisher()

    async def run() -> BlueskySource:
        source = _source(publisher, watchlist=True)
        source.handle(encode(commit("3k1", "", time_us=T0, operation="delete")))
        source.handle(encode(commit("3k1", "", time_us=T0, operation="delete")))  # replayed
        await source.commit()
        return source

    source = asyncio.run(run())
    records = publisher.on("t.posts.raw")
    assert [(r.key, r.value["op"], r.value["source"], r.value["id"]) for r in records] == [
        (URI + "3k1", "delete", "bluesky", URI + "3k1")
    ]
    assert source.status.deleted == 1 and source.status.duplicates == 1


def test_a_refused_ack_rolls_back_to_the_saved_cursor_and_window() -> None:
    publisher = MemoryPublisher()

    async def run() -> tuple[BlueskySource, bool]:
        source = _source(publisher)
        source.handle(encode(commit("3k1", "one", time_us=T0)))
        await source.commit()
        publisher.down = True
        source.handle(encode(commit("3k2", "two", time_us=T0 + 1)))
        failed = False
        try:
            await source.commit()
        except Exception:  # noqa: BLE001 - the BrokerUnavailableError of the fake
            failed = True
        source.rollback()
        publisher.down = False
        source.handle(encode(commit("3k2", "two", time_us=T0 + 1)))  # read again
        await source.commit()
        return source, failed

    source, failed = asyncio.run(run())
    assert failed
    assert source.time_us == T0 + 1
    assert [r.key for r in publisher.on("t.posts.raw")] == [URI + "3k1", URI + "3k2"]


def test_a_malformed_message_is_dead_lettered_with_the_source_name() -> None:
    publisher = MemoryPublisher()

    async def run() -> None:
        source = _source(publisher)
        source.handle("{not json")
        broken = commit("3k1", "x", time_us=T0)
        del broken["commit"]["record"]
        source.handle(encode(broken))
        await source.commit()

    asyncio.run(run())
    letters = publisher.on("t.posts.raw.dlq")
    assert len(letters) == 2 and {letter.value["origin"] for letter in letters} == {"sky"}
    assert publisher.on("t.posts.raw") == []


def test_the_cursor_keeps_at_most_the_newest_records_of_the_rewind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("streams.sources.bluesky.source.MAX_RECENT", 2)
    publisher = MemoryPublisher()

    async def run() -> None:
        source = _source(publisher)
        for i in range(5):
            source.handle(encode(commit(f"3k{i}", f"post {i}", time_us=T0 + i)))
        await source.commit()

    asyncio.run(run())
    recent = publisher.on("t.sources.cursors")[-1].value["cursor"]["recent"]
    assert sorted(recent.values()) == [T0 + 3, T0 + 4]
