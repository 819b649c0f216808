"""`scout listen` as a process against real Jetstream-shaped websocket servers on 127.0.0.1
and the real Kafka: every create published once across a dropped and a stalled
connection, each reconnect resuming ``rewind`` before the last processed event, updates
republished, deletes sent, and the default watch-list filter dropping (and counting)
posts that name nothing watched."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from streams.settings import Settings
from streams.sources import read_states
from streams.topics import POSTS_RAW
from tests.integration.jetstream_server import Connection, JetstreamServer, jetstream_server
from tests.integration.support import (
    REPO,
    free_port,
    holds_for,
    read_topic,
    scout,
    settings_env,
    wait_until,
)
from tests.integration.test_listen import ListenProcess
from tests.jetstream_events import T0, commit, identity

pytestmark = [pytest.mark.integration, pytest.mark.slow]

S = 1_000_000  # one second in time_us
DID_A = "did:plc:streamaaaaaaaaaaaaaaaaaaa"
DID_B = "did:plc:watchedbbbbbbbbbbbbbbbbbb"


@pytest.fixture
def servers() -> Iterator[tuple[JetstreamServer, JetstreamServer]]:
    with jetstream_server() as first, jetstream_server() as second:
        yield first, second


def _sent_again(connections: list[Connection]) -> int:
    seen: set[int] = set()
    again = 0
    for connection in connections:
        for event in connection.sent:
            if event["kind"] == "commit":
                again += event["time_us"] in seen
                seen.add(event["time_us"])
    return again


def _records(settings: Settings, expect: int) -> list[dict[str, Any]]:
    return read_topic(settings, POSTS_RAW.name(settings), expect=expect, timeout=5)


def test_listen_bluesky_resumes_after_drops_and_stalls_and_filters_by_watch_list(
    settings: Settings, tmp_path: Path, servers: tuple[JetstreamServer, JetstreamServer]
) -> None:
    stream, watched = servers
    settings = settings.model_copy(
        update={
            "sources_file": tmp_path / "sources.yaml",
            "listen_port": free_port(),
            "sources_check_s": 1.0,
            "sources_fail_after": 5,
        }
    )
    settings.sources_file.write_text(
        "sources:\n"
        f"  - {{name: sky, kind: bluesky, url: '{stream.url}', filter: all, interval: 1s,"
        " stall: 2s, rewind: 5s}\n"
        f"  - {{name: watched, kind: bluesky, url: '{watched.url}', interval: 1s}}\n"
    )
    # The first connection drops once it sent event 9, the second stalls after event 14.
    stream.script = {0: ("drop", 9), 1: ("stall", 14)}
    listener = ListenProcess(settings, tmp_path / "listen.log")
    try:
        wait_until(
            lambda: stream.connections and watched.connections,
            timeout=60,
            what=f"both sources connected\n{listener.log_tail()}",
        )
        stream.add(
            *(commit(f"3k{i}", f"post {i}", did=DID_A, time_us=T0 + i * S) for i in range(20))
        )
        wait_until(
            lambda: len(stream.connections) >= 3,
            timeout=60,
            what=f"a reconnect after the drop and after the stall\n{listener.log_tail()}",
        )
        stream.add(
            *(
                commit(
                    f"3k{i}",
                    f"post {i}, edited",
                    did=DID_A,
                    time_us=T0 + (19 + i) * S,
                    operation="update",
                )
                for i in (1, 2, 3)
            ),
            commit("3k5", "", did=DID_A, time_us=T0 + 23 * S, operation="delete"),
            identity(T0 + 24 * S, did=DID_A),
        )
        watched.add(
            *(
                commit(
                    f"3w{i}",
                    f"Oracle agrees to acquire a startup ({i})" if i % 10 == 0 else f"lunch {i}",
                    did=DID_B,
                    time_us=T0 + i * 1000,
                )
                for i in range(40)
            )
        )
        expected = 20 + 3 + 1 + 4
        wait_until(
            lambda: len(_records(settings, expected)) >= expected,
            timeout=60,
            what=f"{expected} records in posts.raw\n{listener.log_tail()}",
        )
        assert holds_for(lambda: len(_records(settings, expected + 1)) == expected, seconds=3)
        records = _records(settings, expected)

        # Each create once, each update once (same id, new text), the delete once.
        posts = [r for r in records if "text" in r]
        texts = Counter((r["id"], r["text"]) for r in posts if DID_A in r["id"])
        uri = f"at://{DID_A}/app.bsky.feed.post/"
        assert texts == Counter(
            {(uri + f"3k{i}", f"post {i}"): 1 for i in range(20)}
            | {(uri + f"3k{i}", f"post {i}, edited"): 1 for i in (1, 2, 3)}
        )
        deletions = [r for r in records if r.get("op") == "delete"]
        assert [(d["id"], d["source"]) for d in deletions] == [(uri + "3k5", "bluesky")]
        kept = sorted(r["id"] for r in posts if DID_B in r["id"])
        assert kept == [f"at://{DID_B}/app.bsky.feed.post/3w{i}" for i in (0, 10, 20, 30)]
        first = next(r for r in posts if r["id"] == uri + "3k0")
        assert first["author"] == {"handle": DID_A}
        assert first["url"] == f"https://bsky.app/profile/{DID_A}/post/3k0"

        # Live tail first, then the last processed event minus the 5 s rewind.
        assert [c.cursor for c in stream.connections[:3]] == [None, T0 + 4 * S, T0 + 9 * S]
        assert stream.connections[0].query["wantedCollections"] == ["app.bsky.feed.post"]

        result = scout(settings, "sources", "status", "--json")
        assert result.returncode == 0, result.stderr
        rows = {row["name"]: row for row in map(json.loads, result.stdout.splitlines())}
        wait_until(
            lambda: read_states(settings)["watched"].status.dropped == 36,
            timeout=10,
            what="the watched source's drops saved",
        )
        assert rows["watched"]["filter"] == "watchlist"
        status, live = listener.get("/sources")
        assert status == 200
        shown = {s["name"]: s["status"] for s in live["sources"]}
        assert shown["watched"]["dropped"] == 36 and shown["watched"]["published"] == 4

        assert listener.stop() == 0, listener.log_tail()
        states = read_states(settings)
        sky = states["sky"].status
        assert sky.state == "stopped" and states["sky"].cursor["time_us"] == T0 + 24 * S
        assert sky.published == 23 and sky.deleted == 1
        # Every commit sent again by a rewind is skipped, and counted; every reconnect (the
        # drop, the stall, then stalls of the quiet test stream) is an error. The last
        # connection may be closed by the stop before the listener has read what the server
        # wrote to it, so its re-sent commits count at most.
        connections = list(stream.connections)
        read = _sent_again(connections[:-1])
        assert read >= 12
        assert read <= sky.duplicates <= _sent_again(connections)
        assert len(connections) - 1 <= sky.errors <= len(connections)
    finally:
        if listener.proc.poll() is None:
            listener.stop()


def _indexed(es: Elasticsearch, settings: Settings) -> dict[str, str]:
    es.indices.refresh(index=settings.posts_alias)
    found = es.search(index=settings.posts_alias, size=1000, source_includes=["post_id", "text"])
    return {h["_source"]["post_id"]: h["_source"]["text"] for h in found["hits"]["hits"]}


def test_listen_bluesky_killed_at_random_moments_indexes_every_post_once(
    settings: Settings,
    tmp_path: Path,
    servers: tuple[JetstreamServer, JetstreamServer],
    start_worker: Any,
    es: Elasticsearch,
) -> None:
    stream, _ = servers
    settings = settings.model_copy(
        update={"sources_file": tmp_path / "sources.yaml", "listen_port": free_port()}
    )
    settings.sources_file.write_text(
        f"sources:\n  - {{name: sky, kind: bluesky, url: '{stream.url}', filter: all}}\n"
    )
    rng = random.Random()  # noqa: S311 - test timing
    uri = f"at://{DID_A}/app.bsky.feed.post/"
    expected: dict[str, str] = {}
    clock = T0

    def write(n: int) -> None:
        """``n`` new posts; every 4th edits an earlier post, every 5th deletes one."""
        nonlocal clock
        events = []
        for _ in range(n):
            clock += 100_000
            i = (clock - T0) // 100_000
            if i % 5 == 0 and expected:
                gone = rng.choice(sorted(expected))
                events.append(
                    commit(gone.rsplit("/", 1)[1], "", did=DID_A, time_us=clock, operation="delete")
                )
                del expected[gone]
            elif i % 4 == 0 and expected:
                edited = rng.choice(sorted(expected))
                text = f"{expected[edited]} (edited at {i})"
                rkey = edited.rsplit("/", 1)[1]
                events.append(commit(rkey, text, did=DID_A, time_us=clock, operation="update"))
                expected[edited] = text
            else:
                events.append(commit(f"3k{i}", f"post {i}", did=DID_A, time_us=clock))
                expected[uri + f"3k{i}"] = f"post {i}"
        stream.add(*events)

    start_worker()
    listener = ListenProcess(settings, tmp_path / "listen-0.log")
    try:
        wait_until(lambda: stream.connections, timeout=60, what="the source connected")
        for kill in range(3):
            # Posts keep arriving while the listener runs, then it dies without warning.
            deadline = time.monotonic() + rng.uniform(1.5, 4.0)
            while time.monotonic() < deadline:
                write(rng.randint(1, 4))
                time.sleep(rng.uniform(0.05, 0.3))
            listener.kill()
            write(3)  # while it is down
            listener = ListenProcess(settings, tmp_path / f"listen-{kill + 1}.log")
        write(10)
        wait_until(
            lambda: _indexed(es, settings) == expected or None,
            timeout=180,
            what=f"{len(expected)} posts indexed as last written\n{listener.log_tail()}",
        )
        assert holds_for(lambda: _indexed(es, settings) == expected, seconds=3)
        cursors = [c.cursor for c in stream.connections]
        assert cursors[0] is None and all(c is not None for c in cursors[1:])
        assert listener.stop() == 0, listener.log_tail()
    finally:
        if listener.proc.poll() is None:
            listener.stop()


def test_sources_test_prints_the_live_posts_and_an_unreachable_endpoint_is_e706(
    settings: Settings, tmp_path: Path, servers: tuple[JetstreamServer, JetstreamServer]
) -> None:
    stream, _ = servers
    settings = settings.model_copy(
        update={"sources_file": tmp_path / "sources.yaml", "sources_timeout_s": 4.0}
    )
    settings.sources_file.write_text(
        "sources:\n"
        f"  - {{name: sky, kind: bluesky, url: '{stream.url}'}}\n"
        f"  - {{name: closed, kind: bluesky, url: 'ws://127.0.0.1:{free_port()}/subscribe'}}\n"
    )
    command = [sys.executable, "-m", "streams", "sources", "test", "sky"]
    with subprocess.Popen(
        command, env=settings_env(settings), cwd=REPO, stdout=subprocess.PIPE, text=True
    ) as proc:
        wait_until(lambda: stream.connections, timeout=60, what="scout sources test connected")
        stream.add(
            commit("3k1", "Nice weather in the park", did=DID_A, time_us=T0),
            commit("3k2", "", did=DID_A, time_us=T0 + 1, operation="delete"),
            commit("3k3", "Oracle buys Globex", did=DID_A, time_us=T0 + 2),
        )
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    printed = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert [p["text"] for p in printed] == ["Nice weather in the park", "Oracle buys Globex"]
    assert stream.connections[0].cursor is None
    assert _records(settings, 1) == []  # nothing published
    closed = scout(settings, "sources", "test", "closed")
    assert closed.returncode != 0 and "SCOUT-E706" in closed.stderr + closed.stdout


def test_listen_bluesky_honours_a_refused_handshake_s_retry_after(
    settings: Settings, tmp_path: Path, servers: tuple[JetstreamServer, JetstreamServer]
) -> None:
    stream, _ = servers
    settings = settings.model_copy(
        update={
            "sources_file": tmp_path / "sources.yaml",
            "listen_port": free_port(),
            "sources_contact": "ops@example.org",
        }
    )
    settings.sources_file.write_text(
        f"sources:\n  - {{name: sky, kind: bluesky, url: '{stream.url}', interval: 1s}}\n"
    )
    stream.script = {0: ("refuse", 3)}
    listener = ListenProcess(settings, tmp_path / "listen.log")
    try:
        wait_until(
            lambda: len(stream.connections) >= 2,
            timeout=60,
            what=f"a second handshake\n{listener.log_tail()}",
        )
        refused, second = stream.connections[:2]
        assert second.at - refused.at >= 3.0  # Retry-After, not the 1 s interval
        assert refused.headers["user-agent"] == "SignalScout/0.1.0 (+ops@example.org)"
        status = wait_until(
            lambda: listener.get("/sources")[1]["sources"][0]["status"],
            timeout=10,
            what="the source's status",
        )
        assert status["errors"] == 1 and "HTTP 429" in status["last_error"]
        assert "Retry-After: 3s" in status["last_error"]
    finally:
        listener.stop()
