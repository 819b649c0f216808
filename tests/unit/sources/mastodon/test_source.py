"""The mastodon source over an in-memory publisher and httpx's MockTransport: the sources
file, the token, REST catch-up by min_id, and each event: update (once), status.update
(again), delete (a deletion of what it published), a broken event, rollback."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from streams.errors import ConfigError
from streams.sources import parse_sources
from streams.sources.errors import SourceFetchError
from streams.sources.filters import make_filter
from streams.sources.mastodon.config import MastodonConfig
from streams.sources.mastodon.source import MastodonSource
from streams.sources.mastodon.sse import Event
from tests.unit.sources.fakes import MemoryPublisher, context

SERVER = "https://social.example"


def _config(**extra: Any) -> MastodonConfig:
    fields = {"name": "m", "kind": "mastodon", "server": SERVER, "tag": "acme"}
    return MastodonConfig.model_validate(fields | {"token_env": "MASTO_T"} | extra)


def _status(sid: int, text: str = "Acme news") -> dict[str, Any]:
    return {
        "id": str(sid),
        "uri": f"{SERVER}/users/ann/statuses/{sid}",
        "content": f"<p>{text} {sid}</p>",
        "account": {"acct": "ann"},
        "created_at": "2026-12-06T00:00:00Z",
    }


class Timeline:
    """Answers timeline requests like Mastodon: min_id -> the next ``limit`` after it."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        limit = int(request.url.params.get("limit", "20"))
        min_id = request.url.params.get("min_id")
        after = [i for i in self.ids if min_id is None or i > int(min_id)]
        page = after[-limit:] if min_id is None else after[:limit]
        return httpx.Response(200, json=[_status(i) for i in reversed(page)])


def _source(
    publisher: MemoryPublisher, handler: Any, config: MastodonConfig | None = None
) -> MastodonSource:
    source = MastodonSource(
        config or _config(), context(publisher, handler), make_filter("all", None)
    )
    source._token = "t"
    return source


def _posts(publisher: MemoryPublisher) -> list[Any]:
    return [r.value for r in publisher.on("t.posts.raw")]


def test_the_sources_file_reads_a_mastodon_source_and_names_a_bad_field() -> None:
    loaded = parse_sources(
        b"sources:\n"
        b"  - {name: tag, kind: mastodon, server: 'https://social.example/', tag: '#Acme',"
        b" token_env: MASTO_TOKEN}\n"
        b"  - {name: fire, kind: mastodon, server: 'https://social.example', timeline: public,"
        b" token_env: MASTO_TOKEN, stall_timeout: 30s}\n"
        b"  - {name: notag, kind: mastodon, server: 'https://social.example', token_env: T}\n"
        b"  - {name: secret, kind: mastodon, server: 'https://s.example', tag: a, token_env: 'abc-123=x'}\n",
        "sources.yaml",
    )
    tag, fire = loaded.sources
    assert isinstance(tag, MastodonConfig) and isinstance(fire, MastodonConfig)
    assert (tag.server, tag.tag, tag.filter) == (SERVER, "Acme", "all")
    assert fire.filter == "watchlist"  # a public timeline is a firehose
    assert fire.stall_timeout.total_seconds() == 30
    assert tag.scope() != fire.scope()
    problems = {p.source: p for p in loaded.problems}
    assert set(problems) == {"notag", "secret"}
    assert "tag is required" in str(problems["notag"])
    assert problems["secret"].field == "token_env" and problems["secret"].code == "SCOUT-E704"


def test_without_its_token_the_source_does_not_start_and_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MASTO_T", raising=False)
    publisher, timeline = MemoryPublisher(), Timeline([1])
    source = MastodonSource(_config(), context(publisher, timeline), make_filter("all", None))
    asyncio.run(asyncio.wait_for(source.run(), 5))
    assert source.status.state == "failing"
    assert source.status.last_error is not None
    assert "[SCOUT-E750]" in source.status.last_error and "MASTO_T" in source.status.last_error
    assert timeline.requests == [] and _posts(publisher) == []


def test_catch_up_without_a_cursor_takes_the_latest_page_then_follows_min_id() -> None:
    publisher, timeline = MemoryPublisher(), Timeline(list(range(1, 101)))

    async def run() -> MastodonSource:
        source = _source(publisher, timeline)
        assert (await source.poll()).new == 40
        await source.commit()
        timeline.ids += list(range(101, 186))  # 85 more while disconnected
        assert (await source.poll()).new == 85
        await source.commit()
        return source

    source = asyncio.run(run())
    ids = [p["id"] for p in _posts(publisher)]
    assert ids == [f"{SERVER}/users/ann/statuses/{i}" for i in range(61, 186)]  # oldest first
    assert [r.url.params.get("min_id") for r in timeline.requests] == [None, "100", "140", "180"]
    assert all(r.headers["authorization"] == "Bearer t" for r in timeline.requests)
    assert source.cursor["last_id"] == "185"


def test_events_update_once_edit_again_delete_what_was_published() -> None:
    publisher = MemoryPublisher()

    async def run() -> MastodonSource:
        source = _source(publisher, Timeline([]))
        source.handle(Event("update", json.dumps(_status(7))))
        source.handle(Event("update", json.dumps(_status(7))))  # again (catch-up overlap)
        source.handle(Event("status.update", json.dumps(_status(7, "Acme news, edited"))))
        source.handle(Event("delete", "7"))
        source.handle(Event("delete", "12345"))  # never published here: nothing to delete
        source.handle(Event("update", "{not json"))
        source.handle(Event("update", json.dumps(_status(8, "") | {"content": ""})))
        source.handle(Event("notification", "{}"))
        await source.commit()
        return source

    source = asyncio.run(run())
    records = _posts(publisher)
    uri = f"{SERVER}/users/ann/statuses/7"
    assert [(r.get("op"), r["id"], r.get("text")) for r in records] == [
        (None, uri, "Acme news 7"),
        (None, uri, "Acme news, edited 7"),
        ("delete", uri, None),
    ]
    assert records[2]["source"] == "mastodon"
    assert [r.key for r in publisher.on("t.posts.raw")] == [uri, uri, uri]  # one partition
    [letter] = [r.value for r in publisher.on("t.posts.raw.dlq")]
    assert letter["reason"] == "malformed_json" and letter["origin"] == "m"
    status = source.status
    assert (status.published, status.deleted, status.duplicates, status.dropped) == (2, 1, 1, 1)
    assert source.cursor["published"] == {}  # 7 deleted: forgotten


def test_rollback_forgets_what_was_not_committed() -> None:
    publisher = MemoryPublisher()

    async def run() -> MastodonSource:
        source = _source(publisher, Timeline([]))
        source.handle(Event("update", json.dumps(_status(1))))
        await source.commit()
        source.handle(Event("update", json.dumps(_status(2))))
        source.rollback()
        return source

    source = asyncio.run(run())
    assert source.last_id == "1" and "2" not in source.seen and list(source.published) == ["1"]


def test_a_429_on_catch_up_carries_its_retry_after_and_the_cursor_stays() -> None:
    publisher = MemoryPublisher()

    def slow_down(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "7"}, json={"error": "Too many"})

    async def run() -> None:
        source = _source(publisher, slow_down)
        await source.poll()

    with pytest.raises(SourceFetchError) as caught:
        asyncio.run(run())
    assert caught.value.retry_after == 7 and caught.value.host == "social.example"
    assert caught.value.code == "SCOUT-E706" and "HTTP 429" in caught.value.message


def test_sources_test_prints_the_latest_page_and_needs_the_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    publisher, timeline = MemoryPublisher(), Timeline([1, 2, 3])
    source = MastodonSource(_config(), context(publisher, timeline), make_filter("all", None))
    monkeypatch.delenv("MASTO_T", raising=False)
    with pytest.raises(ConfigError) as caught:
        asyncio.run(source.fetch_once())
    assert caught.value.code == "SCOUT-E750"
    monkeypatch.setenv("MASTO_T", "secret")
    posts = asyncio.run(source.fetch_once())
    assert [p["text"] for p in posts] == ["Acme news 3", "Acme news 2", "Acme news 1"]
    assert publisher.records == []  # nothing published
