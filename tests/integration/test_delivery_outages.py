"""Receivers that are down or failing for a while (issue 12, point 3), through the real stream.

Kafka -> worker (match, queue, deliver) -> a real HTTP receiver on loopback that is first
absent (a closed port, then a server bound to it) or answers 500 for a period. Short settings
for the backoff and the horizon; the queue, delivery log and alerts.dlq are read back.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from streams.alerts.delivery.queue import delivery_queue_index
from streams.alerts.delivery.signing import IDEMPOTENCY_HEADER
from streams.settings import Settings
from streams.topics import ALERTS_DLQ
from tests.integration.support import (
    WorkerProcess,
    free_port,
    holds_for,
    read_topic,
    scout,
    wait_until,
)

pytestmark = pytest.mark.integration


@dataclass
class Hit:
    path: str
    status: int
    key: str
    body: dict[str, Any]
    at: float


@dataclass
class Receiver:
    """A real HTTP server on a fixed loopback port that can be started late (until then
    the port is closed: connection refused) and answers ``status(path)``."""

    port: int
    status: Callable[[str], int] = lambda path: 200
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> None:
        state = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status = state.status(self.path)
                with state.lock:
                    state.hits.append(
                        Hit(
                            self.path,
                            status,
                            self.headers.get(IDEMPOTENCY_HEADER, ""),
                            json.loads(raw),
                            time.monotonic(),
                        )
                    )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def delivered(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == path and h.status == 200]

    def on(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == path]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(port=free_port())
    yield r
    r.stop()


@pytest.fixture
def healthy() -> Iterator[Receiver]:
    r = Receiver(port=free_port())
    r.start()
    yield r
    r.stop()


def _short(settings: Settings, **extra: Any) -> Settings:
    return settings.model_copy(
        update={
            "alert_allow": "127.0.0.1",
            "alert_rules_ttl_s": 0.5,
            "alert_backoff_s": 0.2,
            "alert_backoff_cap_s": 1.0,
            "alert_breaker_failures": 3,
            "alert_timeout_s": 2.0,
            "batch_size": 20,
            "batch_timeout_s": 0.2,
            **extra,
        }
    )


def _add_rule(settings: Settings, rule_id: str, query: str, url: str) -> None:
    added = scout(
        settings, "rules", "add", rule_id, "--name", rule_id, "--owner", "it", "-q", query,
        "--channel", f"webhook={url}", "--dedup", "post",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def _ingest(settings: Settings, path: Path, posts: list[tuple[str, str]]) -> None:
    path.write_text(
        "".join(
            json.dumps({"id": i, "text": t, "source": "fixture", "author": {"handle": "desk"}})
            + "\n"
            for i, t in posts
        )
    )
    done = scout(settings, "ingest", str(path))
    assert done.returncode == 0, done.stderr


def _queue(es: Elasticsearch, settings: Settings, rule_id: str) -> list[dict[str, Any]]:
    """The rule's queue items, in queue order."""
    index = delivery_queue_index(settings.index_prefix)
    if not es.indices.exists(index=index):
        return []
    es.indices.refresh(index=index)
    found = es.search(
        index=index,
        query={"bool": {"filter": [{"term": {"kind": "item"}}, {"term": {"rule_id": rule_id}}]}},
        sort=[{"seq": "asc"}],
        size=1000,
    )
    return [h["_source"] for h in found["hits"]["hits"]]


def _retries(es: Elasticsearch, settings: Settings, rule_id: str) -> int:
    index = f"{settings.index_prefix}-deliveries"
    if not es.indices.exists(index=index):
        return 0
    es.indices.refresh(index=index)
    query = {"bool": {"filter": [{"term": {"rule_id": rule_id}}, {"term": {"outcome": "retry"}}]}}
    return int(es.count(index=index, query=query)["count"])


def test_alerts_for_a_receiver_down_for_a_while_arrive_in_order_once_it_is_back(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: Receiver,
    healthy: Receiver,
    tmp_path: Path,
) -> None:
    """Was: five attempts within ~7 s, then alerts.dlq (81 of 85 lost to a 3-minute outage)."""
    settings = _short(settings)
    _add_rule(settings, "outages", "outage", receiver.url("/hook"))
    _add_rule(settings, "mergers", "merger", healthy.url("/healthy"))
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    n = 12
    _ingest(
        settings,
        tmp_path / "posts.jsonl",
        [(f"o-{i}", f"Fabrikam reports cloud outage number {i}") for i in range(n)],
    )
    # The dead receiver's circuit opens (failures in a row), the alerts wait in the queue.
    wait_until(
        lambda: _retries(es, settings, "outages") >= 4 or worker.assert_alive(),
        timeout=120,
        what="the down receiver's circuit to open",
    )
    # Meanwhile another channel is not held up: its alert goes straight through.
    started = time.monotonic()
    _ingest(settings, tmp_path / "merger.jsonl", [("m-1", "Litware confirms merger talks")])
    wait_until(
        lambda: healthy.delivered("/healthy") or worker.assert_alive(),
        timeout=60,
        what="the healthy channel's alert while the other is down",
    )
    healthy_s = time.monotonic() - started
    # Down well past the old 1.4-6.8 s of attempts.
    wait_until(lambda: time.monotonic() - started > 10, timeout=30, what="the outage")
    assert receiver.on("/hook") == []
    receiver.start()
    back = time.monotonic()
    wait_until(
        lambda: len(receiver.delivered("/hook")) >= n or worker.assert_alive(),
        timeout=60,
        what=f"{n} alerts after the receiver came back",
    )
    recovered_s = receiver.delivered("/hook")[-1].at - back
    holds_for(lambda: len(receiver.on("/hook")) == n, seconds=3)
    hits = receiver.on("/hook")
    assert len(hits) == n  # once each
    assert sorted(h.body["post"]["post_id"] for h in hits) == sorted(f"o-{i}" for i in range(n))
    assert all(h.key == h.body["alert_id"] for h in hits)
    queued = _queue(es, settings, "outages")
    assert [q["alert_id"] for q in queued] == [h.body["alert_id"] for h in hits]  # in order
    assert {q["status"] for q in queued} == {"delivered"}
    assert read_topic(settings, ALERTS_DLQ.name(settings), expect=1, timeout=3) == []
    print(
        f"healthy channel during the outage: {healthy_s:.1f}s; {n} alerts {recovered_s:.1f}s after"
    )


def test_a_receiver_answering_500_for_a_period_gets_every_alert_once_in_order(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: Receiver,
    tmp_path: Path,
) -> None:
    """Was: 32 of 33 alerts dead-lettered by a receiver answering 500 for 60 s."""
    settings = _short(settings)
    failing_until = [float("inf")]
    receiver.status = lambda path: 500 if time.monotonic() < failing_until[0] else 200
    receiver.start()
    _add_rule(settings, "deals", "acquires", receiver.url("/deals"))
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    n = 10
    _ingest(
        settings,
        tmp_path / "posts.jsonl",
        [(f"d-{i}", f"Company{i} acquires startup number {i}") for i in range(n)],
    )
    wait_until(
        lambda: len(receiver.on("/deals")) >= 4 or worker.assert_alive(),
        timeout=120,
        what="the receiver answering 500",
    )
    failing_until[0] = time.monotonic() + 8.0
    wait_until(
        lambda: len(receiver.delivered("/deals")) >= n or worker.assert_alive(),
        timeout=90,
        what=f"{n} alerts once the receiver answers 200",
    )
    holds_for(lambda: len(receiver.delivered("/deals")) == n, seconds=3)
    delivered = receiver.delivered("/deals")
    assert len(delivered) == n
    assert len({h.body["alert_id"] for h in delivered}) == n
    # Only the oldest alert was probed while it failed: one (alert, key) for every 500.
    failed = [h for h in receiver.on("/deals") if h.status == 500]
    assert {h.key for h in failed} == {delivered[0].key}
    queued = _queue(es, settings, "deals")
    assert [q["alert_id"] for q in queued] == [h.key for h in delivered]
    assert read_topic(settings, ALERTS_DLQ.name(settings), expect=1, timeout=3) == []
    print(f"500 answered {len(failed)} times to one probe; {n} delivered in order")


def test_alerts_past_the_horizon_are_dead_lettered_and_replayed_once_with_the_same_key(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: Receiver,
    tmp_path: Path,
) -> None:
    settings = _short(settings, alert_retry_horizon_s=3.0)
    _add_rule(settings, "outages", "outage", receiver.url("/hook"))
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    n = 3
    _ingest(
        settings,
        tmp_path / "posts.jsonl",
        [(f"o-{i}", f"Fabrikam reports cloud outage number {i}") for i in range(n)],
    )
    dlq = ALERTS_DLQ.name(settings)
    dead = wait_until(
        lambda: (
            (len(got := read_topic(settings, dlq, expect=n, timeout=2)) >= n and got)
            or worker.assert_alive()
        ),
        timeout=120,
        what=f"{n} alerts on alerts.dlq once the horizon passed",
    )
    assert {d["reason"] for d in dead} == {"delivery_exhausted"}
    dead_ids = {json.loads(d["payload"])["alert"]["alert_id"] for d in dead}
    assert {q["status"] for q in _queue(es, settings, "outages")} == {"dead"}

    receiver.start()
    first = scout(settings, "alerts", "replay", "--wait", "60")
    assert first.returncode == 0, first.stderr
    assert f"{n} requeued" in first.stderr, first.stderr
    assert f"{n} delivered" in first.stderr, first.stderr
    hits = receiver.on("/hook")
    assert {h.key for h in hits} == dead_ids
    assert all(h.key == h.body["alert_id"] for h in hits)

    again = scout(settings, "alerts", "replay", "--rule", "outages", "--wait", "5")
    assert again.returncode == 0, again.stderr
    assert f"0 requeued, {n} already delivered" in again.stderr, again.stderr
    holds_for(lambda: len(receiver.on("/hook")) == n, seconds=3)
    assert len(receiver.on("/hook")) == n


@pytest.mark.parametrize("how", ["stop", "kill"], ids=["sigterm", "kill-9"])
def test_a_worker_stopped_or_killed_mid_delivery_hands_its_channel_on_within_seconds(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: Receiver,
    tmp_path: Path,
    how: str,
) -> None:
    """A stopped worker releases its lane leases; a killed one's expire within the short
    lease its keeper renewed (6 s), whatever SCOUT_ALERT_TIMEOUT_S is (10 s here). Either
    way the next worker (another member id) carries on within seconds: under the old lease
    of 2 x timeout + 5 s, a killed worker held its channel for 25 s."""
    settings = _short(settings, alert_timeout_s=10.0)
    receiver.status = lambda path: (time.sleep(0.3), 200)[1]  # a slow receiver: a busy lane
    receiver.start()
    _add_rule(settings, "deals", "acquires", receiver.url("/deals"))
    first = WorkerProcess(settings, tmp_path / "first.log")
    request.addfinalizer(first.stop)
    n = 60
    _ingest(
        settings,
        tmp_path / "posts.jsonl",
        [(f"d-{i}", f"Company{i} acquires startup number {i}") for i in range(n)],
    )
    wait_until(
        lambda: len(receiver.on("/deals")) >= 5 or first.assert_alive(),
        timeout=120,
        what="the first deliveries",
    )
    if how == "stop":
        first.stop()  # SIGTERM mid-lane
    else:
        first.kill()  # no chance to give the lease up
    stopped = time.monotonic()
    time.sleep(1.0)  # a request the first worker sent before it went is answered by now
    before = len(receiver.on("/deals"))
    assert before < n, "the stop must come mid-lane"
    second = WorkerProcess(settings, tmp_path / "second.log")
    request.addfinalizer(second.stop)
    wait_until(
        lambda: len(receiver.on("/deals")) > before or second.assert_alive(),
        timeout=60,
        what="deliveries by the next worker",
    )
    gap = receiver.on("/deals")[before].at - stopped
    wait_until(
        lambda: len({h.key for h in receiver.on("/deals")}) >= n or second.assert_alive(),
        timeout=120,
        what=f"all {n} alerts",
    )
    keys: dict[str, set[str]] = {}
    for hit in receiver.on("/deals"):
        keys.setdefault(hit.body["post"]["post_id"], set()).add(hit.key)
    assert len(keys) == n and all(len(k) == 1 for k in keys.values())
    print(f"{how} -> next worker's first delivery: {gap:.1f}s (lease 6 s)")
    # the next worker's start (spaCy loads) plus, after a kill, what is left of the lease;
    # under the old lease a killed worker held the channel 25 s before anyone could start
    limit = 15 if how == "stop" else 20
    assert gap < limit, f"{gap:.1f}s: the channel was not handed on\n{second.log_tail()}"
