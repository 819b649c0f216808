"""``POST /posts`` against the real Kafka (and a real worker and Elasticsearch): a pushed
post is published keyed by its id and becomes searchable; refusals are answered per record
and dead-lettered; the token, the size limit and the content type are enforced."""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer

from streams.api import create_api
from streams.index import doc_id
from streams.settings import Settings
from streams.topics import POSTS_DLQ, POSTS_RAW
from tests.integration.api.board_support import serve
from tests.integration.api.conftest import TOKEN
from tests.integration.support import WorkerProcess, read_topic, wait_until

StartWorker = Callable[..., WorkerProcess]
NDJSON = {"Content-Type": "application/x-ndjson"}
POST = {
    "id": "push-0001",
    "text": "Oracle agrees to acquire Cerner, the newsroom's desk reports.",
    "source": "newsroom",
    "created_at": "2026-03-02T08:15:00Z",
    "author": {"handle": "desk", "name": "The Desk"},
    "url": "https://news.example.org/a/0001",
}


def _messages(
    settings: Settings, topic: str, *, expect: int = 0, timeout: float = 30
) -> list[tuple[bytes, Any]]:
    """(key, JSON value) of every message of ``topic``: read until ``expect`` came (or the
    timeout), and on until 2 s pass without another, so one too many is read too. (The 2 s
    alone also had to cover the consumer's start: metadata, offsets, first fetch.)"""
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=2000,
        group_id=None,
    )
    found: list[tuple[bytes, Any]] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            found.extend((m.key, json.loads(m.value)) for m in consumer)
            if len(found) >= expect or time.monotonic() >= deadline:
                return found
    finally:
        consumer.close()


def test_a_pushed_post_is_published_and_becomes_searchable(
    api: TestClient, settings: Settings, start_worker: StartWorker
) -> None:
    worker = start_worker()
    answer = api.post("/posts", json=POST)
    assert answer.status_code == 202, answer.text
    body = answer.json()
    expected = doc_id("newsroom", "push-0001")
    assert (body["accepted"], body["rejected"]) == (1, 0)
    assert body["results"] == [
        {
            "index": 0,
            "line": 1,
            "status": "accepted",
            "id": "push-0001",
            "source": "newsroom",
            "doc_id": expected,
            "reason": None,
            "detail": None,
            "code": None,
        }
    ]

    def searched() -> list[dict[str, Any]] | None:
        worker.assert_alive()
        found = api.get("/posts", params={"q": "Cerner", "source": "newsroom"})
        assert found.status_code == 200, found.text
        return found.json()["items"] or None

    (post,) = wait_until(searched, timeout=120, what="the pushed post in a search")
    assert post["doc_id"] == expected and post["post_id"] == "push-0001"
    assert post["author"]["handle"] == "desk"
    assert "company:ORCL" in post["entity_ids"]
    assert api.get(f"/posts/{expected}").json()["url"] == POST["url"]
    # Pushed again: the same key and document, no duplicate.
    assert api.post("/posts", json=POST).json()["results"][0]["doc_id"] == expected
    keys = [key for key, _ in _messages(settings, POSTS_RAW.name(settings), expect=2)]
    assert keys == [b"push-0001", b"push-0001"]


def test_a_json_lines_batch_answers_each_line_in_order_and_dead_letters_the_bad_one(
    api: TestClient, settings: Settings
) -> None:
    lines = [
        json.dumps({"id": "b-1", "text": "Siemens opens a plant in Berlin."}),
        '{"id": "b-2", "text": "cut off',
        "",  # blank lines are skipped
        json.dumps({"id": "b-3", "text": "Cisco buys a start-up.", "source": "wire"}),
        json.dumps({"id": "b-4", "text": "   "}),
    ]
    answer = api.post("/posts", content="\n".join(lines).encode(), headers=NDJSON)
    assert answer.status_code == 202, answer.text
    body = answer.json()
    assert (body["accepted"], body["rejected"]) == (2, 2)
    got = [
        (r["index"], r["line"], r["status"], r["id"] or r["reason"], r["code"])
        for r in body["results"]
    ]
    assert got == [
        (0, 1, "accepted", "b-1", None),
        (1, 2, "rejected", "malformed_json", "SCOUT-E201"),
        (2, 4, "accepted", "b-3", None),
        (3, 5, "rejected", "empty_text", "SCOUT-E201"),
    ]
    assert "Unterminated string" in body["results"][1]["detail"]
    assert body["results"][2]["doc_id"] == doc_id("wire", "b-3")

    published = _messages(settings, POSTS_RAW.name(settings), expect=2)  # keyed: 3 partitions
    assert sorted((key, value["id"]) for key, value in published) == [
        (b"b-1", "b-1"),
        (b"b-3", "b-3"),
    ]
    letters = sorted(read_topic(settings, POSTS_DLQ.name(settings), expect=2), key=_line)
    assert [(d["origin"], d["stage"], d["line"], d["reason"]) for d in letters] == [
        ("api", "api", 2, "malformed_json"),
        ("api", "api", 5, "empty_text"),
    ]
    assert {d["source_file"] for d in letters} == {f"api:{body['request_id']}"}
    assert letters[0]["payload"] == lines[1]


def _line(letter: dict[str, Any]) -> int:
    return int(letter["line"])


def test_one_rejected_json_post_is_answered_202_with_its_reason(
    api: TestClient, settings: Settings
) -> None:
    answer = api.post("/posts", json={"id": "no-text", "body": "where a Post has text"})
    assert answer.status_code == 202
    (result,) = answer.json()["results"]
    assert (result["status"], result["reason"]) == ("rejected", "unknown_shape")
    assert "'body' where a Post has 'text'" in result["detail"]
    (letter,) = read_topic(settings, POSTS_DLQ.name(settings), expect=1)
    assert (letter["origin"], letter["stage"], letter["reason"]) == ("api", "api", "unknown_shape")


def test_pushing_needs_the_token(anonymous: TestClient, settings: Settings) -> None:
    missing = anonymous.post("/posts", json=POST)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = anonymous.post("/posts", json=POST, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert _messages(settings, POSTS_RAW.name(settings)) == []


@pytest.fixture
def small(api_settings: Settings) -> Iterator[TestClient]:
    """The API with a 2 KiB push limit."""
    limited = api_settings.model_copy(update={"push_max_bytes": 2048})
    with TestClient(create_api(limited), headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c


def _batch(n: int) -> bytes:
    return b"".join(
        json.dumps({"id": f"big-{i}", "text": f"Post number {i} about Oracle."}).encode() + b"\n"
        for i in range(n)
    )


def test_a_body_over_the_limit_is_413_and_nothing_is_published(
    small: TestClient, settings: Settings
) -> None:
    over = _batch(60)
    assert len(over) > 2048
    declared = small.post("/posts", content=over, headers=NDJSON)
    assert declared.status_code == 413 and declared.json()["code"] == "SCOUT-E413"
    assert "SCOUT_PUSH_MAX_BYTES" in declared.json()["detail"]

    def chunked() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield from (over[i : i + 256] for i in range(0, len(over), 256))

    streamed = small.post("/posts", content=chunked(), headers=NDJSON)
    assert streamed.status_code == 413 and streamed.json()["code"] == "SCOUT-E413"
    under = small.post("/posts", content=_batch(10), headers=NDJSON)
    assert under.status_code == 202 and under.json()["accepted"] == 10
    assert len(_messages(settings, POSTS_RAW.name(settings), expect=10)) == 10


def _answer_before_the_body_ends(url: str, head: str, first: bytes) -> bytes:
    """Send ``head`` and ``first`` of a body that never ends; return what the server says."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head.encode() + first)
        received = b""
        deadline = time.monotonic() + 10
        while not _complete(received) and time.monotonic() < deadline:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        return received


def _complete(answer: bytes) -> bool:
    head, sep, body = answer.partition(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    return bool(sep) and length is not None and len(body) >= int(length.group(1))


def test_the_limit_is_enforced_while_reading_not_after(api_settings: Settings) -> None:
    """Over a real socket: a declared length over the limit is refused before any body byte,
    and a chunked body as soon as it passes the limit, the rest never sent."""
    limited = api_settings.model_copy(update={"push_max_bytes": 2048})
    auth = f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/x-ndjson\r\n"
    with serve(create_api(limited)) as url:
        declared = _answer_before_the_body_ends(
            url, f"POST /posts HTTP/1.1\r\nHost: x\r\n{auth}Content-Length: 10000000\r\n\r\n", b""
        )
        assert declared.startswith(b"HTTP/1.1 413"), declared[:200]
        chunk = _batch(60)
        chunked = _answer_before_the_body_ends(
            url,
            f"POST /posts HTTP/1.1\r\nHost: x\r\n{auth}Transfer-Encoding: chunked\r\n\r\n",
            f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n",
        )
        assert chunked.startswith(b"HTTP/1.1 413"), chunked[:200]
        assert b"SCOUT-E413" in chunked


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/xml",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin-1",
        None,
    ],
)
def test_another_content_type_is_415(api: TestClient, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    answer = api.post("/posts", content=json.dumps(POST).encode(), headers=headers)
    assert answer.status_code == 415, answer.text
    assert answer.json()["code"] == "SCOUT-E415"
    assert "application/x-ndjson" in answer.json()["detail"]
    gzipped = api.post(
        "/posts", content=b"\x1f\x8b", headers={**NDJSON, "Content-Encoding": "gzip"}
    )
    assert gzipped.status_code == 415


def test_kafka_down_is_503_with_a_code(api_settings: Settings) -> None:
    down = api_settings.model_copy(update={"kafka_bootstrap": "127.0.0.1:1"})
    with TestClient(create_api(down), headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        answer = client.post("/posts", json=POST)
        assert client.get("/health").status_code == 200  # the rest of the API serves
    assert answer.status_code == 503
    assert answer.json()["code"] == "SCOUT-E302"
    assert "127.0.0.1:1" in answer.json()["detail"] and "again" in answer.json()["detail"]
