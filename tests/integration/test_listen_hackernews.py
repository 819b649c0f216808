"""`scout listen` with a hackernews source against a real server speaking the Hacker News
API on 127.0.0.1 and the real Kafka: new stories published once, deleted, dead and
missing items skipped and counted, a 429's Retry-After honoured, the listing's ETag sent
back (304), and kill -9 then a restart resumes from the last id (nothing read or
published twice)."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.settings import Settings
from streams.sources import read_states
from streams.topics import POSTS_RAW
from tests.hn_docs import dead, deleted, story
from tests.integration.poll_server import PollServer, poll_server
from tests.integration.support import free_port, read_topic, wait_until
from tests.integration.test_listen import ListenProcess

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture
def hn() -> Iterator[PollServer]:
    with poll_server() as server:
        yield server


@pytest.fixture
def listen_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={
            "sources_file": tmp_path / "sources.yaml",
            "listen_port": free_port(),
            "sources_check_s": 1.0,
            "sources_host_interval_s": 0.0,
            "sources_contact": "ops@scout.example",
        }
    )


def _ids(settings: Settings, expect: int, timeout: float = 30) -> list[str]:
    return [
        m["id"]
        for m in read_topic(settings, POSTS_RAW.name(settings), expect=expect, timeout=timeout)
    ]


def test_listen_publishes_new_stories_once_skips_deleted_and_dead_and_resumes_after_kill_9(
    listen_settings: Settings, hn: PollServer, tmp_path: Path
) -> None:
    settings = listen_settings
    hn.items = {i: story(i) for i in range(1000, 1030)}
    hn.items[1005], hn.items[1006], hn.items[1007] = deleted(1005), dead(1006), None
    hn.script["item"] = [(429, {"Retry-After": "2"})]
    settings.sources_file.write_text(
        "sources:\n"
        f"  - {{name: hn, kind: hackernews, base_url: '{hn.url}', interval: 1s,"
        " max_interval: 1s, concurrency: 4}\n"
    )
    first = ListenProcess(settings, tmp_path / "listen-1.log")
    try:
        expected = [f"hn-{i}" for i in range(1000, 1030) if i not in (1005, 1006, 1007)]
        ids = _ids(settings, len(expected))
        assert sorted(ids) == expected, first.log_tail()
        refused = [r for r in hn.requests("item") if r.status == 429]
        # Only requests already in flight (concurrency 4) follow the 429 at once; the
        # next poll waits for the Retry-After.
        after = [r.at - refused[0].at for r in hn.requests("item") if r.at > refused[0].at]
        assert len([t for t in after if t < 0.2]) <= 3
        assert min(t for t in after if t >= 0.2) >= 1.9  # Retry-After: 2
        wait_until(
            lambda: [r for r in hn.requests("newstories") if r.status == 304],
            timeout=20,
            what="a 304 to the listing's ETag",
        )
        hn.items[1030] = story(1030, text="<p>Now with <b>HTML</b> text</p>")
        ids = _ids(settings, len(expected) + 1)
        assert sorted(ids) == [*expected, "hn-1030"]
        wait_until(
            lambda: (
                read_states(settings).get("hn")
                and read_states(settings)["hn"].cursor.get("last_id") == 1030
            ),
            timeout=20,
            what="the cursor at 1030",
        )
        with urllib.request.urlopen(  # noqa: S310 - loopback
            f"http://127.0.0.1:{settings.listen_port}/metrics", timeout=5
        ) as answer:
            metrics = answer.read().decode()
        assert 'scout_source_skipped_total{source="hn",kind="hackernews"} 3.0' in metrics
    finally:
        first.kill()
    states = read_states(settings)
    assert states["hn"].status.skipped == 3
    read_before = len(hn.requests("item"))
    hn.items[1031] = story(1031)
    second = ListenProcess(settings, tmp_path / "listen-2.log")
    try:
        ids = _ids(settings, len(expected) + 3, timeout=20)
        assert sorted(ids) == [*expected, "hn-1030", "hn-1031"], second.log_tail()
        assert [r.target for r in hn.requests("item")[read_before:]] == ["1031"]
    finally:
        assert second.stop() == 0
    posts = read_topic(settings, POSTS_RAW.name(settings), expect=len(expected) + 3, timeout=5)
    story_1030 = next(p for p in posts if p["id"] == "hn-1030")
    assert story_1030["text"].endswith("Now with HTML text")
    assert story_1030["author"] == {"handle": "user1"}
    assert story_1030["engagement"] == {"likes": 1030 % 50 + 1, "replies": 0}
