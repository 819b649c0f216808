"""`scout sample` (what `make sample` runs) end to end on the real Kafka and Elasticsearch:
the built-in sample indexed and searched, then live: the sample's local feed followed by
`scout listen`, each item indexed as it appears, the listener stopped (issue 15 point 8)."""

from __future__ import annotations

import re
import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from elasticsearch import Elasticsearch

from streams.cli.sample_live import LIVE_SOURCE
from streams.index.documents import doc_id
from streams.sample.feed import feed_items
from streams.settings import Settings
from streams.sources import read_states
from tests.integration.support import scout

pytestmark = pytest.mark.integration

LIVE = re.compile(r"^live: (.+) — indexed (\d+\.\d) s after it appeared in the feed$", re.M)


def _processes_with(sources_file: Path) -> list[int]:
    """Processes whose environment points SCOUT_SOURCES_FILE at ``sources_file``."""
    wanted = f"SCOUT_SOURCES_FILE={sources_file}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if wanted in environ.split(b"\0"):
            found.append(int(proc.name))
    return found


def _run_sample(settings: Settings) -> tuple[str, float]:
    started = time.monotonic()
    done = scout(settings, "sample", timeout=240)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr
    print(done.stderr)  # the sample reports on stderr, like every progress message
    print(f"scout sample took {elapsed:.1f}s")
    return done.stderr, elapsed


def test_the_sample_follows_its_live_feed_with_scout_listen_then_stops_it(
    settings: Settings, es: Elasticsearch
) -> None:
    items = feed_items()
    sources_file = settings.data_dir / "sample-sources.yaml"
    for run in (1, 2):  # a second run shows the items live again, without duplicates
        out, elapsed = _run_sample(settings)
        assert "indexed 20/20 sample posts" in out
        live = LIVE.findall(out)
        # Reported as each is indexed: items on different partitions may land out of feed
        # order, but each appears once.
        assert sorted(title for title, _ in live) == sorted(item.title for item in items), out
        latencies = [float(seconds) for _, seconds in live]
        assert max(latencies) < 15, latencies
        assert elapsed < 120, f"run {run}: {elapsed:.0f}s"

        es.indices.refresh(index=settings.posts_alias)
        ids = [doc_id("rss", item.guid) for item in items]
        docs = es.mget(index=settings.posts_alias, ids=ids)["docs"]
        assert all(d["found"] for d in docs), docs
        for item, doc in zip(items, docs, strict=True):
            assert doc["_source"]["source"] == "rss"
            assert doc["_source"]["url"] == item.link
            assert doc["_source"]["text"].startswith(item.title)
        rss = es.count(index=settings.posts_alias, query={"term": {"source": "rss"}})["count"]
        assert rss == len(items)  # no duplicate across runs

        # The listener stopped on SIGTERM: its last status says so, every item counted.
        state = read_states(settings)[LIVE_SOURCE]
        assert state.status.state == "stopped"
        assert state.status.published == len(items) * run
        # Nothing left running: no listener, and the feed's port is closed.
        assert _processes_with(sources_file) == []
        feed = re.search(r"^feed: (http://127\.0\.0\.1:\d+/\S+)", out, re.M)
        assert feed, out
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", urlsplit(feed.group(1)).port or 0), timeout=2)
