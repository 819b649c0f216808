"""The x connector over an in-memory publisher: no token, no start (SCOUT-E740); a tweet
delivered twice is published once, across a restart from the saved cursor; tweets that
only another tool's rules matched are dropped; X's answers to rule changes read."""

from __future__ import annotations

import asyncio
import copy
import json
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from models.sources import SourceState
from streams.settings import Settings
from streams.sources.filters import make_filter
from streams.sources.x.api import XApi, rate_limit_wait
from streams.sources.x.config import XConfig
from streams.sources.x.errors import XApiError
from streams.sources.x.source import XSource
from tests.unit.sources.fakes import MemoryPublisher, context
from tests.unit.sources.x.test_stream import TWEET

CONFIG = XConfig(name="x-watch", kind="x", api_url="http://127.0.0.1:9")  # type: ignore[arg-type]


def _settings(token: str | None) -> Settings:
    return Settings(
        topic_prefix="t.",
        sources_host_interval_s=0,
        x_bearer_token=SecretStr(token) if token else None,
    )


def _source(
    publisher: MemoryPublisher, token: str | None, handler: Any, state: SourceState | None = None
) -> XSource:
    ctx = context(publisher, handler, _settings(token))
    return XSource(CONFIG, ctx, make_filter("all", None), state)


def _line(tweet_id: str, tag: str = "signal-scout:x-watch") -> bytes:
    tweet = copy.deepcopy(TWEET)
    tweet["data"]["id"] = tweet_id
    tweet["matching_rules"] = [{"id": "1", "tag": tag}]
    return json.dumps(tweet).encode()


def test_without_a_bearer_token_the_source_does_not_start_and_says_what_to_do() -> None:
    publisher = MemoryPublisher()
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(500)

    source = _source(publisher, None, handler)
    asyncio.run(asyncio.wait_for(source.run(), 5))
    assert requests == []
    assert source.status.state == "failing"
    assert source.status.last_error is not None
    assert "SCOUT-E740" in source.status.last_error
    assert "SCOUT_X_BEARER_TOKEN" in source.status.last_error
    (saved,) = publisher.on("t.sources.cursors")
    assert saved.value["status"]["state"] == "failing"


def test_a_tweet_delivered_again_is_published_once_even_after_a_restart() -> None:
    publisher = MemoryPublisher()

    async def first() -> SourceState:
        source = _source(publisher, "token", lambda r: httpx.Response(500))
        for tweet_id in ("11", "12", "11"):
            assert not source._handle(_line(tweet_id))
        await source.commit()
        assert source.status.duplicates == 1
        return source.state()

    state = asyncio.run(first())

    async def again() -> None:
        source = _source(publisher, "token", lambda r: httpx.Response(500), state)
        source._handle(_line("12"))  # a reconnect with backfill_minutes delivers it again
        source._handle(_line("13"))
        await source.commit()

    asyncio.run(again())
    assert [r.key for r in publisher.on("t.posts.raw")] == ["11", "12", "13"]
    assert {r.value["source"] for r in publisher.on("t.posts.raw")} == {"twitter"}


def test_tweets_matched_only_by_another_tools_rules_are_dropped_and_bad_lines_dead_lettered() -> (
    None
):
    publisher = MemoryPublisher()

    async def run() -> XSource:
        source = _source(publisher, "token", lambda r: httpx.Response(500))
        source._handle(_line("21", tag="their-dashboard"))
        source._handle(b"{half a tweet")
        await source.commit()
        return source

    source = asyncio.run(run())
    assert publisher.on("t.posts.raw") == []
    assert source.status.dropped == 1
    (letter,) = publisher.on("t.posts.raw.dlq")
    assert letter.value["origin"] == "x-watch"


def test_rule_changes_refused_by_x_and_429_resets_are_read() -> None:
    refused = {
        "meta": {"summary": {"created": 0, "not_created": 1, "valid": 0, "invalid": 1}},
        "errors": [
            {
                "value": "(" + "a" * 600 + ")",
                "details": ["Rule length exceeds 512 characters."],
                "title": "UnprocessableEntity",
                "type": "https://api.twitter.com/2/problems/invalid-rules",
            }
        ],
    }

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(400, json=refused)
        return httpx.Response(
            429, json={"title": "Too Many Requests"}, headers={"x-rate-limit-reset": "1000"}
        )

    async def run() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            api = XApi(http, "https://api.x.test", "token")
            with pytest.raises(XApiError, match="Rule length exceeds 512") as refusal:
                await api.add(["(" + "a" * 600 + ")"], "tag")
            assert refusal.value.code == "SCOUT-E741"
            with pytest.raises(XApiError, match="HTTP 429") as limited:
                await api.rules()
            assert limited.value.status == 429

    asyncio.run(run())
    assert rate_limit_wait(httpx.Headers({"x-rate-limit-reset": "1000"}), now=990.0) == 10.0
    assert rate_limit_wait(httpx.Headers({"x-rate-limit-reset": "1000"}), now=1005.0) == 0.0
    assert rate_limit_wait(httpx.Headers({"retry-after": "7"})) == 7.0


class FakeX:
    """Rules endpoints and a stream that sends the next scripted body, then closes."""

    def __init__(self, bodies: list[list[bytes]]) -> None:
        self.bodies = bodies
        self.rules: dict[str, tuple[str, str]] = {}
        self.streams: list[float] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("authorization") != "Bearer token":
            return httpx.Response(401, json={"title": "Unauthorized", "detail": "Unauthorized"})
        if request.url.path.endswith("/rules"):
            if request.method == "GET":
                data = [{"id": i, "value": v, "tag": t} for i, (v, t) in self.rules.items()]
                return httpx.Response(200, json={"data": data, "meta": {"result_count": len(data)}})
            body = json.loads(request.content)
            created = []
            for add in body.get("add", []):
                rule_id = str(len(self.rules) + 1)
                self.rules[rule_id] = (add["value"], add["tag"])
                created.append({"id": rule_id, **add})
            return httpx.Response(201, json={"data": created, "meta": {"summary": {}}})
        self.streams.append(asyncio.get_running_loop().time())
        lines = self.bodies.pop(0) if self.bodies else []

        async def body() -> Any:
            for line in lines:
                yield line + b"\r\n"
            if not self.bodies:
                await asyncio.sleep(30)  # the last connection stays open (keep-alive-less)

        return httpx.Response(200, content=body())


def test_an_operational_disconnect_is_reconnected_at_once_and_every_tweet_published_once(
    tmp_path: Any,
) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "companies.yaml").write_text(
        "companies:\n  - {id: company:ACME, name: Acme Corp, tickers: [ACME]}\n"
    )
    disconnect = json.dumps(
        {
            "errors": [
                {
                    "title": "operational-disconnect",
                    "disconnect_type": "OperationalDisconnect",
                    "detail": "This stream has been disconnected for operational reasons.",
                    "type": "https://api.twitter.com/2/problems/operational-disconnect",
                }
            ]
        }
    ).encode()
    fake = FakeX([[_line("31"), b"", disconnect], [_line("31"), _line("32")]])
    publisher = MemoryPublisher()
    settings = _settings("token").model_copy(update={"watchlist_dir": lists})
    source = XSource(CONFIG, context(publisher, fake, settings), make_filter("all", None))

    async def run() -> None:
        task = asyncio.create_task(source.run())
        deadline = asyncio.get_running_loop().time() + 10
        while len(publisher.on("t.posts.raw")) < 2:
            assert asyncio.get_running_loop().time() < deadline, publisher.records
            await asyncio.sleep(0.05)
        source.stop()
        await asyncio.wait_for(task, 10)

    asyncio.run(run())
    assert [r.key for r in publisher.on("t.posts.raw")] == ["31", "32"]
    assert len(fake.streams) == 2 and fake.streams[1] - fake.streams[0] < 0.5
    ((value, tag),) = fake.rules.values()
    assert tag == "signal-scout:x-watch" and value == '($ACME OR "Acme Corp")'
    assert source.status.duplicates == 1
    assert source.status.state == "stopped"
