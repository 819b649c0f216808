"""Alerts through the real stream: Kafka -> worker -> Elasticsearch -> webhook receiver."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from streams.alerts.delivery.signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    verify_signature,
)
from streams.settings import Settings
from tests.integration.support import (
    WorkerProcess,
    count_docs,
    holds_for,
    read_topic,
    scout,
    wait_until,
)

SECRET = "receiver-secret"


class Receiver:
    """A real HTTP server on loopback recording every request."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        received = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                if len(body) < length:  # the sender died mid-request: not delivered
                    self.send_response(400)
                    self.end_headers()
                    return
                received.append({"headers": dict(self.headers), "body": body})
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def _post(i: str, text: str) -> str:
    return json.dumps({"id": i, "text": text, "source": "fixture", "author": {"handle": "desk"}})


def test_a_matching_post_fires_exactly_one_signed_webhook_and_reposts_do_not_flood(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: Receiver,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = settings.model_copy(
        update={"alert_allow": "127.0.0.1", "alert_rules_ttl_s": 0.5, "batch_size": 20}
    )
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    added = scout(
        settings,
        "rules",
        "add",
        "takeovers",
        "--name",
        "Takeovers",
        "--owner",
        "strategy",
        "-q",
        "takeover OR acquire",
        "--channel",
        f"webhook={receiver.url}",
        "--secret-env",
        "HOOK_SECRET",
        "--dedup",
        "story",
    )
    assert added.returncode == 0, added.stderr

    posts = tmp_path / "posts.jsonl"
    lines = [
        _post("m-1", "Northwind agrees to acquire Tailspin Toys for $3 billion"),
        _post("n-1", "Quarterly results from Contoso were in line with estimates"),
    ]
    # 200 near-identical reposts of one story: one alert, not 200.
    lines += [
        _post(
            f"r-{i}", f"RT @user{i}: Fabrikam confirms takeover talks with Litware {'!' * (i % 3)}"
        )
        for i in range(200)
    ]
    posts.write_text("\n".join(lines) + "\n")
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    assert scout(settings, "ingest", str(posts)).returncode == 0

    wait_until(
        lambda: count_docs(es, settings) == 202 or worker.assert_alive(),
        timeout=120,
        what="202 indexed posts",
    )
    wait_until(lambda: len(receiver.requests) >= 2, timeout=60, what="two webhooks")
    # anything else that was going to arrive has arrived
    holds_for(lambda: len(receiver.requests) == 2, seconds=3)
    assert len(receiver.requests) == 2, [
        json.loads(r["body"])["post"]["post_id"] for r in receiver.requests
    ]

    bodies = [json.loads(r["body"]) for r in receiver.requests]
    assert {b["post"]["post_id"] for b in bodies} >= {"m-1"}
    assert all(b["post"]["post_id"] != "n-1" for b in bodies)
    for request in receiver.requests:
        headers = request["headers"]
        assert verify_signature(
            SECRET, headers[TIMESTAMP_HEADER], request["body"], headers[SIGNATURE_HEADER]
        )
        assert headers[IDEMPOTENCY_HEADER] == json.loads(request["body"])["alert_id"]

    log_index = f"{settings.index_prefix}-deliveries"
    es.indices.refresh(index=log_index)
    delivered = es.count(index=log_index, query={"term": {"outcome": "delivered"}})["count"]
    assert delivered == 2


def test_a_worker_killed_mid_stream_sends_no_duplicate_alert(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: Receiver,
    tmp_path: Path,
) -> None:
    settings = settings.model_copy(
        update={"alert_allow": "127.0.0.1", "alert_rules_ttl_s": 0.5, "batch_size": 10}
    )
    added = scout(
        settings,
        "rules",
        "add",
        "every-deal",
        "--name",
        "Every deal",
        "--owner",
        "strategy",
        "-q",
        "acquires",
        "--channel",
        f"webhook={receiver.url}",
        "--dedup",
        "post",
    )
    assert added.returncode == 0, added.stderr
    n = 400
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        "\n".join(
            _post(f"d-{i}", f"Company{i} acquires startup number {i} in sector {i % 7}")
            for i in range(n)
        )
        + "\n"
    )
    assert scout(settings, "ingest", str(posts)).returncode == 0

    first = WorkerProcess(settings, tmp_path / "first.log")
    try:
        wait_until(
            lambda: len(receiver.requests) >= 40 or first.assert_alive(),
            timeout=120,
            what="some alerts before the crash",
        )
    finally:
        first.kill()
    assert len(receiver.requests) < n, "the crash must happen mid-stream"

    second = WorkerProcess(settings, tmp_path / "second.log")
    request.addfinalizer(second.stop)
    log_index = f"{settings.index_prefix}-deliveries"

    def interrupted() -> set[str]:
        if not es.indices.exists(index=log_index):
            return set()
        es.indices.refresh(index=log_index)
        hits = es.search(index=log_index, query={"term": {"outcome": "interrupted"}}, size=n)
        return {h["_source"]["alert_id"] for h in hits["hits"]["hits"]}

    def received() -> list[dict[str, Any]]:
        return [json.loads(r["body"]) for r in receiver.requests]

    wait_until(
        lambda: (
            len({b["alert_id"] for b in received()} | interrupted()) >= n or second.assert_alive()
        ),
        timeout=180,
        what=f"{n} alerts delivered or recorded as interrupted",
    )
    holds_for(
        lambda: len(receiver.requests) == len({b["alert_id"] for b in received()}),
        seconds=3,
    )
    ids = [b["alert_id"] for b in received()]
    assert len(ids) == len(set(ids)), f"{len(ids) - len(set(ids))} duplicate webhooks"
    lost = interrupted()
    assert len(set(ids) | lost) == n  # none silently lost
    # (an interrupted alert may also have reached the receiver: the worker died between
    # the request and recording it; it is flagged, never sent twice)
    # Interrupted ones are not silently lost: each is in the alerts dead-letter topic.
    if lost:
        dead = read_topic(settings, f"{settings.topic_prefix}alerts.dlq", expect=len(lost))
        assert {d["reason"] for d in dead} == {"delivery_interrupted"}
        assert len(dead) == len(lost)
