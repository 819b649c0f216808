"""`scout listen` with an x source against a local X API v2 filtered stream (x_server.py)
and the real Kafka: rules made from the watch list within X's limits and kept in sync
when it changes (only the scout's rules touched), every matching tweet published once,
a 429 waited out until x-rate-limit-reset, a stalled stream reconnected, `scout sources
test` validating the rules with dry_run."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from pydantic import SecretStr

from streams.settings import Settings
from streams.sources import read_states
from streams.topics import POSTS_RAW
from tests.integration.support import free_port, holds_for, read_topic, scout, wait_until
from tests.integration.test_listen import ListenProcess
from tests.integration.x_server import TOKEN, XServer, x_server

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TAG = "signal-scout:xs"
THEIRS = "their-dashboard"

COMPANIES = """companies:
  - id: company:ACME
    name: Acme Corp
    aliases: [Acme Rockets]
    tickers: [ACME]
    handles: ["@acmecorp"]
  - id: company:globex
    name: Globex
    handles: ["@globexnews"]
"""
CHANGED = """companies:
  - id: company:ACME
    name: Acme Corp
    aliases: [Acme Rockets]
    tickers: [ACME]
    handles: ["@acmecorp"]
  - id: company:initech
    name: Initech
"""


@pytest.fixture
def x() -> Iterator[XServer]:
    with x_server(max_rules=5, max_rule_length=64, keepalive_s=0.5) as server:
        yield server


@pytest.fixture
def x_settings(settings: Settings, tmp_path: Path, x: XServer) -> Settings:
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "companies.yaml").write_text(COMPANIES)
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        "sources:\n"
        f"  - {{name: xs, kind: x, api_url: '{x.url()}', interval: 1s, max_rules: 5,"
        " max_rule_length: 64, stall_timeout: 2, backfill_minutes: 1}\n"
    )
    return settings.model_copy(
        update={
            "sources_file": sources,
            "listen_port": free_port(),
            "sources_check_s": 1.0,
            "sources_host_interval_s": 0.0,
            "sources_contact": "ops@example.org",
            "watchlist_dir": lists,
            "watchlist_check_s": 0.5,
            "x_bearer_token": SecretStr(TOKEN),
        }
    )


@pytest.fixture
def listen(x_settings: Settings, tmp_path: Path) -> Iterator[ListenProcess]:
    process = ListenProcess(x_settings, tmp_path / "listen.log")
    yield process
    if process.proc.poll() is None:
        process.stop()


def _terms(rules: dict[str, str]) -> set[str]:
    found: set[str] = set()
    for value in rules.values():
        found |= {t.strip("()") for t in value.replace(" OR ", "\n").splitlines()}
    return found


def _published(settings: Settings, expect: int) -> list[dict[str, Any]]:
    return read_topic(settings, POSTS_RAW.name(settings), expect=expect, timeout=20)


def test_rules_follow_the_watch_list_and_every_tweet_is_published_once_through_429_and_a_stall(
    x: XServer, x_settings: Settings, listen: ListenProcess
) -> None:
    settings = x_settings
    theirs = x.add_rule("cats has:images", THEIRS)
    x.script.append(("429", 3.0))

    # The rules: the watch list's terms, within 5 rules (one is theirs) of 64 characters.
    ours = wait_until(lambda: x.rules_tagged(TAG), timeout=60, what="the scout's rules")
    assert all(len(v) <= 64 for v in ours.values()), ours
    assert len(ours) <= 4
    assert _terms(ours) == {
        "from:acmecorp",
        "@acmecorp",
        "$ACME",
        '"Acme Corp"',
        '"Acme Rockets"',
        "from:globexnews",
        "@globexnews",
        "Globex",
    }
    assert x.rules_tagged(THEIRS) == {theirs: "cats has:images"}
    assert all(status < 300 for _, _, _, status in x.rule_requests), x.rule_requests

    # The first connection got a 429: the next one waited for x-rate-limit-reset.
    first, second = wait_until(
        lambda: x.connections[:2] if len(x.connections) >= 2 else None,
        timeout=30,
        what="a reconnect after the 429",
    )
    assert first.status == 429 and second.status == 200
    assert second.at - first.at >= 1.9, second.at - first.at  # reset: 3 s ahead, whole seconds
    assert second.params["expansions"] == "author_id"
    assert "public_metrics" in second.params["tweet.fields"]

    # Tweets: by name, cashtag, handle; one nobody's rule matches (never delivered); one
    # only their rule matches (delivered, dropped: not the scout's).
    time.sleep(1.0)
    by_name = x.push("Rumour: Acme Corp in talks to buy a rival", username="dealwatch")
    by_cashtag = x.push("$ACME up 4% premarket", username="tape")
    by_handle = x.push("Our quarterly update is out", username="globexnews")
    x.push("Nothing to see here", username="bystander")
    x.push("cats are great", username="catfan")
    posts = _published(settings, 3)
    assert sorted(p["id"] for p in posts) == sorted([by_name, by_cashtag, by_handle])
    assert {p["source"] for p in posts} == {"twitter"}
    handle = next(p for p in posts if p["id"] == by_handle)
    assert handle["author"]["handle"] == "globexnews"
    assert handle["url"] == f"https://twitter.com/globexnews/status/{by_handle}"

    # A stall: the connection goes silent without closing; the client reconnects after
    # stall_timeout (2 s), asking for backfill: the replayed tweets are not published again.
    connected = len(x.open_connections())
    stalled_at = x.stall()
    third = wait_until(
        lambda: x.open_connections()[connected:],
        timeout=20,
        what="a reconnect after the stall",
    )[0]
    waited = third.at - stalled_at
    assert 1.8 <= waited <= 8, waited
    assert third.params.get("backfill_minutes") == "1"
    after = x.push("Acme Rockets recall announced", username="newsdesk")
    posts = _published(settings, 4)
    assert sorted(p["id"] for p in posts) == sorted([by_name, by_cashtag, by_handle, after])
    assert holds_for(lambda: len(_published(settings, 5)) == 4, seconds=3)

    # The watch list changes: Globex out, Initech in. Only our rules that held a Globex
    # term are deleted; their rule stays; X is not reconnected for it.
    before = dict(ours)
    (settings.watchlist_dir / "companies.yaml").write_text(CHANGED)  # type: ignore[operator]
    synced = wait_until(
        lambda: (r := x.rules_tagged(TAG)) and "Initech" in _terms(r) and r,
        timeout=30,
        what="the rules synced with the changed watch list",
    )
    assert _terms(synced) == {
        "from:acmecorp",
        "@acmecorp",
        "$ACME",
        '"Acme Corp"',
        '"Acme Rockets"',
        "Initech",
    }
    deleted = {
        i for _, _, body, _ in x.rule_requests if "delete" in body for i in body["delete"]["ids"]
    }
    assert deleted == {i for i, v in before.items() if "globex" in v.lower()}
    assert {i for i in before if i not in deleted} <= set(synced)
    assert x.rules_tagged(THEIRS) == {theirs: "cats has:images"}
    initech = x.push("Initech acquires a startup", username="dealwatch")
    posts = _published(settings, 5)
    assert initech in {p["id"] for p in posts}

    assert listen.stop() == 0
    state = read_states(settings)["xs"]
    assert state.status.published == 5
    assert state.status.duplicates == 3  # the backfill after the stall replayed them
    assert state.status.dropped == 2  # their tweet, delivered again by the backfill
    assert state.status.errors >= 2  # the 429 and the stall
    assert state.cursor["watchlist"]


def test_sources_test_validates_the_rules_with_dry_run_and_changes_nothing(
    x: XServer, x_settings: Settings
) -> None:
    result = scout(x_settings, "sources", "test", "xs", timeout=60)
    assert result.returncode == 0, result.stderr
    assert x.rules == {}
    (request,) = x.rule_requests
    assert request[1] == {"dry_run": "true"} and "add" in request[2] and request[3] == 201
    assert all(len(a["value"]) <= 64 for a in request[2]["add"])
    assert read_topic(x_settings, POSTS_RAW.name(x_settings), expect=1, timeout=3) == []

    no_token = x_settings.model_copy(update={"x_bearer_token": None})
    refused = scout(no_token, "sources", "test", "xs", timeout=60)
    assert refused.returncode != 0
    assert "SCOUT-E740" in refused.stderr and "SCOUT_X_BEARER_TOKEN" in refused.stderr


def test_without_a_token_the_x_source_is_reported_failing_and_the_others_run(
    x: XServer, x_settings: Settings, tmp_path: Path
) -> None:
    settings = x_settings.model_copy(update={"x_bearer_token": None})
    process = ListenProcess(settings, tmp_path / "no-token.log")

    def reported() -> str | None:
        try:
            _, answer = process.get("/sources")
        except OSError:
            return None  # not listening yet
        text = json.dumps(answer)
        return text if "SCOUT-E740" in text else None

    try:
        status = wait_until(reported, timeout=60, what="the x source reported failing")
        assert "SCOUT_X_BEARER_TOKEN" in status
        assert x.connections == [] and x.rule_requests == []
        assert process.proc.poll() is None
    finally:
        assert process.stop() == 0


def test_a_streamed_tweet_is_searchable_and_its_backfill_is_the_same_document(
    x: XServer,
    x_settings: Settings,
    listen: ListenProcess,
    start_worker: Any,
    es: Elasticsearch,
    tmp_path: Path,
) -> None:
    settings = x_settings
    start_worker()
    wait_until(lambda: x.open_connections(), timeout=60, what="the stream connected")
    time.sleep(1.0)
    pushed_at = time.monotonic()
    tid = x.push("Acme Corp agrees to acquire Globex for $2bn", username="dealwatch")

    def indexed() -> list[dict[str, Any]] | None:
        es.indices.refresh(index=settings.posts_alias)
        hits = es.search(index=settings.posts_alias, query={"term": {"post_id": tid}})
        return [h for h in hits["hits"]["hits"]] or None

    (streamed,) = wait_until(indexed, timeout=60, what=f"tweet {tid} indexed")
    latency = time.monotonic() - pushed_at
    assert streamed["_source"]["source"] == "twitter"
    assert streamed["_source"]["author"]["handle"] == "dealwatch"

    # The same tweet from an API v2 export, through `scout backfill`: one document.
    pushed = next(p for p in x.pushed if p.tweet["id"] == tid)
    export = tmp_path / "tweets.json"
    export.write_text(json.dumps({"data": [pushed.tweet], "includes": {"users": [pushed.user]}}))
    result = scout(settings, "backfill", str(export), timeout=120)
    assert result.returncode == 0, result.stderr
    wait_until(
        lambda: (hits := indexed()) and hits[0]["_source"].get("backfill") and hits,
        timeout=60,
        what="the backfilled copy indexed over the streamed one",
    )
    (again,) = indexed() or []
    assert again["_id"] == streamed["_id"]
    print(f"streamed tweet searchable {latency:.1f}s after it was posted")


@pytest.mark.parametrize(
    ("limits", "refusal"),
    [
        ("max_rules: 5, max_rule_length: 64", None),
        ("max_rules: 5, max_rule_length: 128", "Rule length exceeds 64 characters"),
        ("max_rules: 50, max_rule_length: 64", "RulesCapExceeded"),
    ],
)
def test_a_watch_list_past_the_limits_is_cut_to_fit_and_wrong_limits_are_refused_by_x(
    x: XServer, x_settings: Settings, limits: str, refusal: str | None
) -> None:
    many = "".join(
        f"  - {{id: 'company:c{i:02d}', name: 'Company Number {i:02d}', tickers: [CN{i:02d}]}}\n"
        for i in range(40)
    )
    (x_settings.watchlist_dir / "companies.yaml").write_text("companies:\n" + many)  # type: ignore[operator]
    x.add_rule("cats has:images", THEIRS)
    x_settings.sources_file.write_text(
        f"sources:\n  - {{name: xs, kind: x, api_url: '{x.url()}', {limits}}}\n"
    )
    result = scout(x_settings, "sources", "test", "xs", timeout=60)
    (method, query, body, status) = x.rule_requests[0]
    assert query == {"dry_run": "true"}
    assert set(x.rules_tagged(TAG)) == set()  # a dry run creates nothing
    if refusal is None:
        assert result.returncode == 0, result.stderr
        assert status == 201
        assert len(body["add"]) == 4  # the budget: 5 rules, one of them theirs
        assert all(len(rule["value"]) <= 64 for rule in body["add"])
        assert "terms left out" in result.stderr
    else:
        assert result.returncode == 1, result.stderr
        assert status in (400, 403)
        assert "SCOUT-E741" in result.stderr and refusal in result.stderr
