"""Alert delivery failures through the real stream: a flaky receiver and a dead one.

Kafka -> worker (match, claim, publish, dispatch) -> a real HTTP receiver on loopback; the
delivery log and the alerts dead-letter topic are read back from Elasticsearch and Kafka.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from streams.alerts.delivery import deliveries_index
from streams.alerts.delivery.signing import IDEMPOTENCY_HEADER
from streams.settings import Settings
from streams.topics import ALERTS_DLQ
from tests.integration.support import WorkerProcess, read_topic, scout, wait_until

pytestmark = pytest.mark.integration


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class ScriptedReceiver:
    """A real HTTP server on 127.0.0.1; each path answers its scripted statuses in turn
    (the last one repeats), 200 for a path without a script."""

    scripts: dict[str, list[int]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, path: str) -> int:
        with self.lock:
            script = self.scripts.get(path) or [200]
            return script.pop(0) if len(script) > 1 else script[0]

    def on(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == path]


@pytest.fixture
def receiver() -> Iterator[ScriptedReceiver]:
    state = ScriptedReceiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            status = state.answer(self.path)
            with state.lock:
                state.hits.append(Hit(self.path, status, dict(self.headers), json.loads(raw)))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _fast_retries(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "alert_allow": "127.0.0.1",
            "alert_rules_ttl_s": 0.5,
            "alert_retry_horizon_s": 2.0,
            "alert_backoff_s": 0.05,
            "alert_backoff_cap_s": 0.2,
            "alert_timeout_s": 3.0,
            "batch_size": 10,
            "batch_timeout_s": 0.2,
        }
    )


def _add_rule(settings: Settings, rule_id: str, query: str, url: str) -> None:
    added = scout(
        settings,
        "rules",
        "add",
        rule_id,
        "--name",
        rule_id,
        "--owner",
        "it",
        "-q",
        query,
        "--channel",
        f"webhook={url}",
        "--dedup",
        "post",
    )
    assert added.returncode == 0, added.stderr


def _ingest(settings: Settings, path: Path, *posts: tuple[str, str]) -> None:
    path.write_text(
        "".join(
            json.dumps({"id": i, "text": t, "source": "fixture", "author": {"handle": "desk"}})
            + "\n"
            for i, t in posts
        )
    )
    done = scout(settings, "ingest", str(path))
    assert done.returncode == 0, done.stderr


def _attempts(es: Elasticsearch, settings: Settings, rule_id: str) -> list[dict[str, Any]]:
    index = deliveries_index(settings.index_prefix)
    if not es.indices.exists(index=index):
        return []
    es.indices.refresh(index=index)
    found = es.search(index=index, query={"term": {"rule_id": rule_id}}, sort=["attempt"], size=100)
    return [h["_source"] for h in found["hits"]["hits"]]


def test_a_receiver_answering_500_then_200_gets_the_alert_once_after_a_retry(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: ScriptedReceiver,
    tmp_path: Path,
) -> None:
    settings = _fast_retries(settings)
    receiver.scripts["/flaky"] = [500, 200]
    _add_rule(settings, "deals", "acquire", receiver.url("/flaky"))
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    _ingest(
        settings,
        tmp_path / "posts.jsonl",
        ("p-1", "Northwind agrees to acquire Tailspin Toys for $3 billion"),
        ("p-2", "Quarterly results from Contoso were in line with estimates"),
    )

    def final() -> list[dict[str, Any]]:
        attempts = _attempts(es, settings, "deals")
        worker.assert_alive()
        return attempts if any(a["outcome"] != "retry" for a in attempts) else []

    attempts = wait_until(final, timeout=120, what="the delivery's final outcome in the log")
    assert [a["outcome"] for a in attempts] == ["retry", "delivered"]
    hits = receiver.on("/flaky")
    assert [h.status for h in hits] == [500, 200]
    assert hits[0].body == hits[1].body  # the same alert, sent again
    assert hits[0].body["post"]["post_id"] == "p-1"
    assert hits[0].headers[IDEMPOTENCY_HEADER] == hits[1].headers[IDEMPOTENCY_HEADER]
    assert [(a["attempt"], a["http_status"]) for a in attempts] == [(1, 500), (2, 200)]
    # No dead letter (reading waits 3 s), and nothing else arrived meanwhile.
    assert read_topic(settings, ALERTS_DLQ.name(settings), expect=1, timeout=3) == []
    assert len(receiver.on("/flaky")) == 2


def test_a_receiver_down_past_the_retry_horizon_dead_letters_the_alert_and_the_stream_goes_on(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: ScriptedReceiver,
    tmp_path: Path,
) -> None:
    settings = _fast_retries(settings)
    down = f"http://127.0.0.1:{_closed_port()}/hook"  # nobody listens there
    _add_rule(settings, "outages", "outage", down)
    _add_rule(settings, "mergers", "merger", receiver.url("/healthy"))
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    _ingest(settings, tmp_path / "first.jsonl", ("o-1", "Fabrikam reports a cloud outage"))

    dlq = ALERTS_DLQ.name(settings)
    dead = wait_until(
        lambda: read_topic(settings, dlq, expect=1, timeout=2) or worker.assert_alive(),
        timeout=120,
        what="the alert on the alerts dead-letter topic",
    )
    assert len(dead) == 1
    (letter,) = dead
    assert letter["reason"] == "delivery_exhausted"
    assert letter["stage"] == "deliver"
    payload = json.loads(letter["payload"])
    assert payload["alert"]["rule_id"] == "outages"
    assert payload["alert"]["post"]["post_id"] == "o-1"
    assert [a["outcome"] for a in payload["attempts"]] == ["failed"]  # the last one
    assert "/hook" not in letter["detail"]  # the channel path is never shown

    attempts = _attempts(es, settings, "outages")
    # retried (connection refused) until 2 s after it was queued, then given up
    assert len(attempts) >= 2
    assert [a["outcome"] for a in attempts] == ["retry"] * (len(attempts) - 1) + ["failed"]
    assert f"after {len(attempts)} attempt(s)" in letter["detail"]
    assert all(a["http_status"] is None and a["error"] for a in attempts)

    # The worker keeps going: a later alert to a healthy rule is delivered.
    _ingest(settings, tmp_path / "second.jsonl", ("m-1", "Litware confirms merger with Contoso"))
    wait_until(
        lambda: receiver.on("/healthy") or worker.assert_alive(),
        timeout=60,
        what="the healthy rule's webhook",
    )
    wait_until(
        lambda: [a["outcome"] for a in _attempts(es, settings, "mergers")] == ["delivered"],
        timeout=30,
        what="the healthy delivery in the log",
    )
    (hit,) = receiver.on("/healthy")
    assert hit.status == 200
    assert hit.body["post"]["post_id"] == "m-1"
    assert len(read_topic(settings, dlq, expect=2, timeout=3)) == 1  # still only the one
