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


def test_workers_killed_mid_alerting_lose_no_alert_and_resend_only_under_the_same_key(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    receiver: Receiver,
    tmp_path: Path,
) -> None:
    """Was: a delivery claimed when the worker died was dead-lettered as interrupted, never
    sent (issue 12, point 4). Now it is sent again with the same idempotency key."""
    settings = settings.model_copy(
        update={
            "alert_allow": "127.0.0.1",
            "alert_rules_ttl_s": 0.5,
            "alert_timeout_s": 2.0,  # a dead worker's lane lease: 2 x 2 + 5 = 9 s
            "batch_size": 10,
        }
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
    n = 300
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        "\n".join(
            _post(f"d-{i}", f"Company{i} acquires startup number {i} in sector {i % 7}")
            for i in range(n)
        )
        + "\n"
    )
    assert scout(settings, "ingest", str(posts)).returncode == 0

    def received() -> list[dict[str, Any]]:
        return [json.loads(r["body"]) for r in list(receiver.requests)]

    def unique() -> int:
        return len({b["alert_id"] for b in received()})

    kills = 3
    for k in range(kills):
        worker = WorkerProcess(settings, tmp_path / f"worker-{k}.log")
        goal = unique() + 30
        try:
            wait_until(
                lambda goal=goal, worker=worker: unique() >= goal or worker.assert_alive(),
                timeout=120,
                what=f"more alerts before kill {k + 1}",
            )
        finally:
            worker.kill()  # mid-send: requests are in flight at this rate
    assert unique() < n, "the kills must happen mid-stream"

    last = WorkerProcess(settings, tmp_path / "last.log")
    request.addfinalizer(last.stop)
    wait_until(
        lambda: unique() >= n or last.assert_alive(),
        timeout=240,
        what=f"all {n} alerts after {kills} kills",
    )
    holds_for(lambda: True, seconds=3)  # anything resent late has arrived
    bodies = received()
    keys: dict[tuple[str, str], set[str]] = {}
    for r, body in zip(list(receiver.requests), bodies, strict=True):
        pair = (body["rule_id"], body["post"]["post_id"])
        keys.setdefault(pair, set()).add(r["headers"][IDEMPOTENCY_HEADER])
    assert {post for _, post in keys} == {f"d-{i}" for i in range(n)}  # none lost
    assert all(len(k) == 1 for k in keys.values())  # a resend keeps its key
    resent = len(bodies) - len(keys)
    print(f"{kills} kills: {n} alerts received, {resent} resent under the same key")
    # Nothing was given up on.
    assert read_topic(settings, f"{settings.topic_prefix}alerts.dlq", expect=1, timeout=3) == []
