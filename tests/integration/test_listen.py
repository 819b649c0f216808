"""`scout listen` as a process against a real local feed server and the real Kafka (and, for
the crash test, a real worker and Elasticsearch): feeds of every format published, ETags
sent back, Retry-After honoured, broken sources left out while the others run, and kill -9
at random moments loses and duplicates nothing in the index."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from models.sources import SourceState
from streams.settings import Settings
from streams.sources import read_states
from streams.topics import POSTS_RAW
from tests.feed_docs import atom, items, rss1, rss2
from tests.integration.feed_server import FeedServer, feed_server
from tests.integration.support import REPO, free_port, read_topic, scout, settings_env, wait_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]


class ListenProcess:
    """``scout listen`` in a subprocess, its output in a log file."""

    def __init__(self, settings: Settings, log_path: Path) -> None:
        self.settings = settings
        self.log_path = log_path
        self._log = log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streams", "listen"],
            env=settings_env(settings),
            cwd=REPO,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def get(self, path: str) -> tuple[int, Any]:
        url = f"http://127.0.0.1:{self.settings.listen_port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - loopback
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._log.close()

    def stop(self, timeout: float = 45) -> int:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self._log.close()
        return int(self.proc.returncode)


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with feed_server() as server:
        yield server


@pytest.fixture
def listen_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={
            "sources_file": tmp_path / "sources.yaml",
            "listen_port": free_port(),
            "sources_check_s": 1.0,
            "sources_host_interval_s": 0.0,
            "sources_fail_after": 2,
            "sources_contact": "ops@example.org",
        }
    )


@pytest.fixture
def start_listen(listen_settings: Settings, tmp_path: Path) -> Iterator[Any]:
    started: list[ListenProcess] = []

    def start() -> ListenProcess:
        process = ListenProcess(listen_settings, tmp_path / f"listen-{len(started)}.log")
        started.append(process)
        return process

    yield start
    for process in started:
        if process.proc.poll() is None:
            process.stop()


def _rss(name: str, url: str, interval: str = "1s") -> str:
    return f"  - {{name: {name}, kind: rss, url: '{url}', interval: {interval}}}\n"


def _post_ids(settings: Settings, expect: int) -> list[str]:
    return [m["id"] for m in read_topic(settings, POSTS_RAW.name(settings), expect=expect)]


def test_listen_publishes_every_format_sends_etags_back_and_leaves_broken_sources_out(
    listen_settings: Settings, feeds: FeedServer, start_listen: Any
) -> None:
    settings = listen_settings
    feeds.publish("/rss2.xml", rss2(items("two", 3)))
    feeds.publish("/rss1.rdf", rss1(items("one", 3)))
    feeds.publish("/atom.xml", atom(items("atom", 3)))
    closed = free_port()
    settings.sources_file.write_text(
        "sources:\n"
        + _rss("rss2", feeds.url("/rss2.xml"))
        + _rss("rss1", feeds.url("/rss1.rdf"))
        + _rss("atom", feeds.url("/atom.xml"))
        + _rss("unreachable", f"http://127.0.0.1:{closed}/feed.xml")
        + "  - {name: no-url, kind: rss}\n"
    )
    listener = start_listen()
    expected = {f"urn:{p}:{i}" for p in ("two", "one", "atom") for i in range(3)}
    wait_until(
        lambda: set(_post_ids(settings, 9)) >= expected,
        timeout=60,
        what=f"the 9 feed items in posts.raw\n{listener.log_tail()}",
    )
    # Each feed is polled again with the ETag it answered, and 304 publishes nothing.
    for path in ("/rss2.xml", "/rss1.rdf", "/atom.xml"):
        wait_until(
            lambda path=path: any(s.status == 304 for s in feeds.requests(path)),
            timeout=30,
            what=f"a 304 on {path}",
        )
        first, *later = feeds.requests(path)
        assert "if-none-match" not in first.headers
        assert later[0].headers["if-none-match"].startswith('"')
        assert first.headers["user-agent"] == "SignalScout/0.1.0 (+ops@example.org)"
        assert "gzip" in first.headers["accept-encoding"]

    # A new item in one feed is published; the broken sources did not stop anything.
    feeds.publish("/rss2.xml", rss2(items("two", 4)))
    wait_until(lambda: "urn:two:3" in _post_ids(settings, 10), timeout=30, what="the new item")
    ids = _post_ids(settings, 10)
    assert sorted(ids) == sorted([*expected, "urn:two:3"]), "each item published once"

    status, health = listener.get("/health")
    assert status == 200 and health["status"] == "degraded" and health["problems"] == 1
    wait_until(
        lambda: listener.get("/health")[1]["failing"] == ["unreachable"],
        timeout=30,
        what="the unreachable source reported failing",
    )
    result = scout(settings, "sources", "status", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert rows["rss2"]["status"]["published"] == 4
    assert rows["unreachable"]["status"]["state"] == "failing"
    assert rows["unreachable"]["status"]["errors"] >= 2
    assert "SCOUT-E706" in rows["unreachable"]["status"]["last_error"]
    assert rows["no-url"]["valid"] is False and rows["no-url"]["error"]["code"] == "SCOUT-E704"

    # SIGTERM: a clean stop with every cursor saved.
    assert listener.stop() == 0, listener.log_tail()
    states: dict[str, SourceState] = read_states(settings)
    assert {states[n].status.state for n in ("rss2", "rss1", "atom")} == {"stopped"}
    assert states["rss2"].cursor["etag"]


def test_listen_honours_retry_after_and_hot_reloads_the_file(
    listen_settings: Settings, feeds: FeedServer, start_listen: Any
) -> None:
    settings = listen_settings
    feeds.publish("/busy.xml", rss2(items("busy", 2)))
    feeds.script["/busy.xml"] = [(429, {"Retry-After": "3"})]
    settings.sources_file.write_text("sources:\n" + _rss("busy", feeds.url("/busy.xml")))
    listener = start_listen()
    wait_until(lambda: len(feeds.requests("/busy.xml")) >= 2, timeout=60, what="a second try")
    first, second = feeds.requests("/busy.xml")[:2]
    assert first.status == 429 and second.status == 200
    assert second.at - first.at >= 3.0, "Retry-After: 3 was not honoured"
    wait_until(lambda: len(_post_ids(settings, 2)) == 2, timeout=30, what="the busy feed's posts")

    # Sources added to the file start without a restart.
    feeds.publish("/later.xml", atom(items("later", 2)))
    settings.sources_file.write_text(
        "sources:\n" + _rss("busy", feeds.url("/busy.xml")) + _rss("later", feeds.url("/later.xml"))
    )
    wait_until(
        lambda: {"urn:later:0", "urn:later:1"} <= set(_post_ids(settings, 4)),
        timeout=30,
        what=f"the added source's posts\n{listener.log_tail()}",
    )
    assert listener.proc.poll() is None


def _indexed_ids(es: Elasticsearch, settings: Settings) -> list[str]:
    es.indices.refresh(index=settings.posts_alias)
    found = es.search(index=settings.posts_alias, size=1000, source=["post_id"])
    return [hit["_source"]["post_id"] for hit in found["hits"]["hits"]]


def test_kill_9_at_random_moments_then_restart_loses_and_duplicates_nothing(
    listen_settings: Settings,
    feeds: FeedServer,
    start_listen: Any,
    start_worker: Any,
    es: Elasticsearch,
) -> None:
    settings = listen_settings
    total, rng = 30, random.Random()  # noqa: S311
    feeds.publish("/grow.xml", rss2(items("grow", 1)))
    feeds.publish("/steady.xml", atom(items("steady", 5)))
    settings.sources_file.write_text(
        "sources:\n"
        + _rss("grow", feeds.url("/grow.xml"))
        + _rss("steady", feeds.url("/steady.xml"))
    )
    start_worker()
    listener = start_listen()
    published = 1
    for _kill in range(3):
        # Items keep arriving while the listener runs, then it dies without warning.
        deadline = time.monotonic() + rng.uniform(1.5, 4.0)
        while time.monotonic() < deadline and published < total:
            published += 1
            feeds.publish("/grow.xml", rss2(items("grow", published)))
            time.sleep(rng.uniform(0.1, 0.4))
        listener.kill()
        listener = start_listen()
    while published < total:
        published += 1
        feeds.publish("/grow.xml", rss2(items("grow", published)))
        time.sleep(0.1)
    expected = sorted(
        [f"urn:grow:{i}" for i in range(total)] + [f"urn:steady:{i}" for i in range(5)]
    )
    wait_until(
        lambda: sorted(_indexed_ids(es, settings)) == expected or None,
        timeout=180,
        what=f"all {len(expected)} items indexed once\n{listener.log_tail()}",
    )
    # Re-published records (posts acked, cursor not yet saved at the kill) are allowed in
    # Kafka; the index holds each item exactly once.
    time.sleep(3)
    ids = _indexed_ids(es, settings)
    assert sorted(ids) == expected
    raw = read_topic(settings, POSTS_RAW.name(settings), expect=10_000, timeout=5)
    assert {m["id"] for m in raw} == set(expected)
    assert listener.stop() == 0


def test_setup_creates_the_cursor_topic_compacted(settings: Settings) -> None:
    from kafka import KafkaAdminClient
    from kafka.admin import ConfigResource, ConfigResourceType

    from streams.topics import SOURCE_CURSORS

    name = SOURCE_CURSORS.name(settings)
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap.split(","))
    try:
        described = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, name)])
    finally:
        admin.close()
    configs = {key: entry["value"] for key, entry in described["topic"][name].items()}
    assert configs["cleanup.policy"] == "compact"


def test_sources_test_prints_posts_and_publishes_nothing(
    listen_settings: Settings, feeds: FeedServer
) -> None:
    settings = listen_settings
    feeds.publish("/atom.xml", atom(items("probe", 2)))
    settings.sources_file.write_text(
        "sources:\n" + _rss("probe", feeds.url("/atom.xml")) + "  - {name: broken, kind: gopher}\n"
    )
    result = scout(settings, "sources", "test", "probe")
    assert result.returncode == 0, result.stderr
    posts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [p["id"] for p in posts] == ["urn:probe:0", "urn:probe:1"]
    assert posts[0]["author"] == {"name": "Jane Doe"} and posts[0]["source"] == "rss"
    assert read_topic(settings, POSTS_RAW.name(settings), expect=1, timeout=3) == []
    assert read_states(settings) == {}
    broken = scout(settings, "sources", "test", "broken")
    assert broken.returncode == 2 and "SCOUT-E703" in broken.stderr
    listed = scout(settings, "sources", "list", "--json")
    assert listed.returncode == 2 and "SCOUT-E703" in listed.stderr
    assert [json.loads(line)["name"] for line in listed.stdout.splitlines()] == ["probe", "broken"]
