"""``scout sample``, step 5: listening. A local feed publishes a few items one by one;
`scout listen` (a real process, the ``rss`` kind) follows it and the worker indexes each
item; every item is printed when it is searchable, then the listener is stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from elasticsearch import Elasticsearch
from rich.console import Console

from streams.errors import ScoutError
from streams.index.documents import doc_id
from streams.sample.feed import SampleFeed, SampleItem, feed_items
from streams.settings import Settings
from streams.sources.rss.feed import SOURCE as RSS_SOURCE
from streams.topics import SOURCE_CURSORS

__all__ = ["LIVE_SOURCE", "run_live"]

LIVE_SOURCE = "sample-feed"
"""The name of the sample's source (its status stays in the cursor topic)."""

STOP_TIMEOUT_S = 45.0


@dataclass
class _Pending:
    item: SampleItem
    doc_id: str
    at: datetime  # entered the feed (UTC)
    since: float  # the same moment, monotonic


def run_live(
    settings: Settings,
    client: Elasticsearch,
    *,
    console: Console,
    period_s: float = 1.5,
    timeout_s: float = 60.0,
) -> list[float]:
    """Publish the sample feed's items every ``period_s`` while `scout listen` follows the
    feed; return each item's seconds from entering the feed to searchable. The listener
    is stopped (SIGTERM) and the feed closed before returning, on failure too."""
    items = feed_items()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    sources_file = settings.data_dir / "sample-sources.yaml"
    log_path = settings.data_dir / "sample-listen.log"
    with SampleFeed() as feed:
        # A new URL per run: the cursor of an earlier run (its items seen) is not used,
        # while the items keep their ids, so a second run overwrites, never duplicates.
        url = f"{feed.url}?run={time.time_ns()}"
        sources_file.write_text(
            "sources:\n"
            f"  - name: {LIVE_SOURCE}\n    kind: rss\n    url: '{url}'\n"
            "    interval: 1s\n    max_interval: 2s\n",
            encoding="utf-8",
        )
        console.print(f"feed: {feed.url} ({len(items)} items, one every {period_s:g} s)")
        console.print(f"sources file: {sources_file}; listener log: {log_path}")
        with log_path.open("wb") as log:
            listener = subprocess.Popen(  # noqa: S603 - our own CLI, same interpreter
                [sys.executable, "-m", "streams", "listen"],
                env=os.environ | {"SCOUT_SOURCES_FILE": str(sources_file), "SCOUT_LISTEN_PORT": ""},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                latencies = _follow(
                    feed, items, client, settings, listener, period_s, timeout_s, console
                )
                code = _stop(listener)
            except BaseException:
                if listener.poll() is None:
                    listener.kill()
                    listener.wait()
                _print_tail(console, log_path)
                raise
    if code != 0:
        _print_tail(console, log_path)
        raise ScoutError(
            f"`scout listen` exited with status {code} after SIGTERM; see {log_path}",
            code="SCOUT-E052",
        )
    console.print(
        f"scout listen stopped cleanly (SIGTERM, exit 0); its cursor and status are in"
        f" {SOURCE_CURSORS.name(settings)} as {LIVE_SOURCE!r}; the feed is closed."
        f" The feed answered {feed.requests} polls, {feed.not_modified} of them 304."
    )
    return latencies


def _follow(
    feed: SampleFeed,
    items: list[SampleItem],
    client: Elasticsearch,
    settings: Settings,
    listener: subprocess.Popen[bytes],
    period_s: float,
    timeout_s: float,
    console: Console,
) -> list[float]:
    deadline = time.monotonic() + timeout_s
    while feed.requests == 0:  # publish once the listener polls
        _check(listener, deadline, "`scout listen` to poll the sample feed")
        time.sleep(0.1)
    pending: list[_Pending] = []
    latencies: list[float] = []
    queue = list(items)
    due = time.monotonic() + period_s
    while queue or pending:
        _check(listener, deadline, f"{len(queue) + len(pending)} live items to be indexed")
        if queue and time.monotonic() >= due:
            item = queue.pop(0)
            at = feed.publish(item)
            pending.append(_Pending(item, doc_id(RSS_SOURCE, item.guid), at, time.monotonic()))
            due += period_s
        for done in _indexed(client, settings, pending):
            latency = time.monotonic() - done.since
            latencies.append(latency)
            pending.remove(done)
            console.print(
                f"live: {done.item.title} — indexed {latency:.1f} s after it appeared in the feed",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        time.sleep(0.2)
    return latencies


def _indexed(client: Elasticsearch, settings: Settings, pending: list[_Pending]) -> list[_Pending]:
    """The pending items searchable with an ``indexed_at`` after they entered the feed (a
    document of an earlier run has the same id but an older ``indexed_at``)."""
    if not pending:
        return []
    client.indices.refresh(index=settings.posts_alias)
    answer = client.search(
        index=settings.posts_alias,
        query={"ids": {"values": [p.doc_id for p in pending]}},
        source_includes=["indexed_at"],
        size=len(pending),
    )
    stamps = {
        hit["_id"]: datetime.fromisoformat(hit["_source"]["indexed_at"])
        for hit in answer["hits"]["hits"]
        if hit["_source"].get("indexed_at")
    }
    return [p for p in pending if p.doc_id in stamps and stamps[p.doc_id] >= p.at]


def _check(listener: subprocess.Popen[bytes], deadline: float, what: str) -> None:
    if listener.poll() is not None:
        raise ScoutError(
            f"`scout listen` exited with status {listener.returncode}", code="SCOUT-E052"
        )
    if time.monotonic() > deadline:
        raise ScoutError(
            f"the sample's live part timed out waiting for {what}; see the listener's and"
            " the worker's logs",
            code="SCOUT-E053",
        )


def _stop(listener: subprocess.Popen[bytes]) -> int:
    """SIGTERM: the listener finishes its poll in flight, saves its cursor and exits."""
    listener.send_signal(signal.SIGTERM)
    try:
        return listener.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        listener.kill()
        listener.wait()
        return -signal.SIGKILL


def _print_tail(console: Console, path: Path) -> None:
    tail = path.read_text(errors="replace").splitlines()[-20:]
    console.print("last lines of the listener log:\n" + "\n".join(tail), markup=False)
