"""Alert delivery against a real local HTTP receiver and a real Elasticsearch (no mocks)."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from models.alerts import Alert, AlertPost, Channel, DeliveryAttempt
from streams.alerts.delivery import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    Deliverer,
    DeliveryLog,
    verify_signature,
)
from streams.index.client import make_async_client, make_client
from streams.settings import Settings

pytestmark = pytest.mark.integration

SECRET = "integration-secret"


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A real HTTP server on 127.0.0.1 answering a scripted list of statuses."""

    statuses: list[int]
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0

    def next_status(self) -> int:
        with self.lock:
            return self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/scout/alerts"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver(statuses=[200])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with state.lock:
                state.received.append(Received(self.path, dict(self.headers.items()), body))
            status = state.next_status()
            answer = b"ok" if status < 300 else b"busy"
            self.send_response(status)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _alert() -> Alert:
    return Alert(
        alert_id=f"it-rule:{uuid.uuid4().hex[:8]}",
        rule_id="it-rule",
        rule_name="Integration: competitor news",
        dedup_value="x",
        post=AlertPost(
            doc_id="d1",
            post_id="p1",
            source="twitter",
            text="Acme buys Widget Co",
            url="https://example.com/p1",
            entity_ids=("company:ACME",),
        ),
        matched_at=datetime.now(UTC),
    )


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _deliver(channel: Channel, *, allow: list[str], max_attempts: int = 3) -> list[DeliveryAttempt]:
    async def run() -> list[DeliveryAttempt]:
        async with Deliverer(
            allow=allow, timeout_s=5.0, max_attempts=max_attempts, base_delay_s=0.05, cap_s=0.5
        ) as deliverer:
            return await deliverer.deliver(_alert(), channel)

    return asyncio.run(run())


def test_signed_webhook_arrives_once_and_verifies(receiver: Receiver) -> None:
    channel = Channel(type="webhook", url=receiver.url, secret=SECRET)
    attempts = _deliver(channel, allow=[f"127.0.0.1:{receiver.port}"])
    assert [(a.outcome, a.http_status) for a in attempts] == [("delivered", 200)]
    (got,) = receiver.received
    assert got.path == "/scout/alerts"
    assert verify_signature(
        SECRET, got.headers[TIMESTAMP_HEADER], got.body, got.headers[SIGNATURE_HEADER]
    )
    assert not verify_signature(
        "wrong", got.headers[TIMESTAMP_HEADER], got.body, got.headers[SIGNATURE_HEADER]
    )
    payload = json.loads(got.body)
    assert payload["alert_id"] == got.headers["Idempotency-Key"] == attempts[0].alert_id
    assert attempts[0].channel == f"webhook:127.0.0.1:{receiver.port}"


def test_receiver_answering_500_gets_the_alert_after_a_retry(receiver: Receiver) -> None:
    receiver.statuses[:] = [500, 200]
    channel = Channel(type="slack", url=receiver.url)
    attempts = _deliver(channel, allow=[f"127.0.0.1:{receiver.port}"])
    assert [(a.outcome, a.http_status) for a in attempts] == [("retry", 500), ("delivered", 200)]
    assert len(receiver.received) == 2
    assert receiver.received[0].body == receiver.received[1].body
    assert json.loads(receiver.received[1].body)["blocks"][0]["type"] == "header"


def test_internal_receiver_is_refused_unless_allow_listed(receiver: Receiver) -> None:
    attempts = _deliver(Channel(type="teams", url=receiver.url), allow=[])
    assert [a.outcome for a in attempts] == ["refused"]
    assert receiver.received == []


def test_down_receiver_fails_after_retries_and_every_attempt_is_logged(
    base_settings: Settings,
) -> None:
    port = _closed_port()
    channel = Channel(type="webhook", url=f"http://127.0.0.1:{port}/hook", secret=SECRET)
    started = time.monotonic()
    attempts = _deliver(channel, allow=[f"127.0.0.1:{port}"], max_attempts=3)
    assert time.monotonic() - started < 10
    assert [a.outcome for a in attempts] == ["retry", "retry", "failed"]
    assert all(a.http_status is None and a.error for a in attempts)

    index = f"it-{uuid.uuid4().hex[:10]}-deliveries"

    async def record() -> None:
        client = make_async_client(base_settings)
        try:
            log = DeliveryLog(client, index)
            await log.ensure()
            await log.ensure()  # idempotent
            assert await log.record(attempts, refresh=True) == 3
            assert await log.record(attempts, refresh=True) == 3  # same ids: no duplicates
        finally:
            await client.close()

    es = make_client(base_settings)
    try:
        asyncio.run(record())
        hits = es.search(index=index, query={"match_all": {}}, sort=["attempt"], size=10)
        docs = [h["_source"] for h in hits["hits"]["hits"]]
        assert hits["hits"]["total"]["value"] == 3
        assert [d["attempt"] for d in docs] == [1, 2, 3]
        assert [d["outcome"] for d in docs] == ["retry", "retry", "failed"]
        assert {d["channel"] for d in docs} == {f"webhook:127.0.0.1:{port}"}
        mapping = es.indices.get_mapping(index=index)[index]["mappings"]
        assert mapping["properties"]["outcome"]["type"] == "keyword"
        assert mapping["properties"]["error"]["fields"]["keyword"]["type"] == "keyword"
        failed = es.count(index=index, query={"term": {"outcome": "failed"}})
        assert failed["count"] == 1
    finally:
        es.indices.delete(index=index, ignore_unavailable=True)
        es.close()
