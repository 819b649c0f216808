"""ingest -> worker -> Elasticsearch, against the real Kafka and Elasticsearch."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from elasticsearch import Elasticsearch
from kafka import KafkaProducer

from streams.index import doc_id
from streams.settings import Settings
from streams.topics import POSTS_DLQ, POSTS_RAW
from tests.integration.support import (
    WorkerProcess,
    count_docs,
    read_topic,
    scout,
    wait_until,
    write_synthetic_posts,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
POSTS = FIXTURES / "posts.jsonl"
StartWorker = Callable[..., WorkerProcess]


def _wait_count(es: Elasticsearch, settings: Settings, n: int, worker: WorkerProcess) -> int:
    def probe() -> int | None:
        worker.assert_alive()
        got = count_docs(es, settings)
        return got if got >= n else None

    return wait_until(probe, timeout=90, what=f"{n} documents")


def test_ingested_posts_become_searchable_with_entities(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker
) -> None:
    ingest = scout(settings, "ingest", str(POSTS))
    assert ingest.returncode == 0, ingest.stderr
    assert "published 8" in ingest.stderr and "rejected 0" in ingest.stderr

    worker = start_worker()
    assert _wait_count(es, settings, 8, worker) == 8

    doc = es.get(index=settings.posts_alias, id=doc_id("fixture", "it-01"))["_source"]
    assert doc["post_id"] == "it-01" and doc["author"]["handle"] == "deal_desk"
    assert {"text": "Oracle", "label": "ORG"}.items() <= doc["entities"][0].items()
    assert any(e["label"] == "MONEY" for e in doc["entities"])
    for ent in doc["entities"]:
        assert doc["text"][ent["start"] : ent["end"]] == ent["text"]
    # Source "fixture": not a social source, so the news route's OntoNotes pipeline read it.
    assert doc["model"] == doc["versions"]["model"] == "en_core_web_md-3.7.1"

    found = scout(settings, "search", "Nadella")
    assert found.returncode == 0, found.stderr
    assert "1 matching post (" in found.stderr
    assert "Satya Nadella [PERSON]" in found.stdout
    assert "Pichai" in found.stdout and "Oracle" not in found.stdout


def test_bad_input_is_dead_lettered_and_the_worker_goes_on(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker
) -> None:
    # 1. `scout ingest` refuses bad lines, says why, and keeps them in the DLQ; a line that
    # is not UTF-8 gets its file reported too (SCOUT-E073, exit 4: not read fully).
    ingest = scout(settings, "ingest", str(FIXTURES / "bad_lines.jsonl"))
    assert ingest.returncode == 4, ingest.stderr
    assert "[SCOUT-E073]" in ingest.stderr
    assert "published 1" in ingest.stderr and "rejected 4" in ingest.stderr
    for reason in ("malformed_json", "empty_text", "bad_encoding", "unknown_shape"):
        assert reason in ingest.stderr
    assert "bad_lines.jsonl:1" in ingest.stderr

    # 2. Producers that bypass ingest: the worker dead-letters and carries on.
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","))
    raw_topic = POSTS_RAW.name(settings)
    values = [
        b"{not json",
        json.dumps({"id": "ok-1", "text": "Apple and Microsoft report today."}).encode(),
        b"\xff\xfe\x00",
        json.dumps({"id": "huge", "text": "x" * (settings.max_text_chars + 1)}).encode(),
        json.dumps([1, 2, 3]).encode(),
        json.dumps({"id": "ok-2", "text": "Netflix raises prices again."}).encode(),
    ]
    for value in values:
        producer.send(raw_topic, value=value, partition=0)
    producer.flush()
    producer.close()

    worker = start_worker()
    _wait_count(es, settings, 3, worker)  # good-1, ok-1, ok-2
    dead = read_topic(settings, POSTS_DLQ.name(settings), expect=8)
    by_stage: dict[str, list[str]] = {}
    for d in dead:
        by_stage.setdefault(d["stage"], []).append(d["reason"])
    assert sorted(by_stage["ingest"]) == [
        "bad_encoding",
        "empty_text",
        "malformed_json",
        "unknown_shape",
    ]
    assert sorted(by_stage["normalize"]) == [
        "bad_encoding",
        "malformed_json",
        "oversized",
        "unknown_shape",
    ]
    normalize = [d for d in dead if d["stage"] == "normalize"]
    assert all(d["source_topic"] == raw_topic and d["partition"] == 0 for d in normalize)
    assert {d["offset"] for d in normalize} == {0, 2, 3, 4}
    assert next(d for d in normalize if d["offset"] == 0)["payload"] == "{not json"
    time.sleep(1)  # nothing else should arrive: the bad messages were not indexed
    assert count_docs(es, settings) == 3


def test_reingesting_the_same_posts_creates_no_duplicates(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker
) -> None:
    assert scout(settings, "ingest", str(POSTS)).returncode == 0
    worker = start_worker()
    _wait_count(es, settings, 8, worker)

    second_pass = datetime.now(UTC)
    assert scout(settings, "ingest", str(POSTS)).returncode == 0

    def reindexed() -> bool:
        worker.assert_alive()
        fresh = count_docs(
            es, settings, {"range": {"indexed_at": {"gte": second_pass.isoformat()}}}
        )
        return fresh == 8

    wait_until(reindexed, timeout=60, what="the second ingest to be processed")
    assert count_docs(es, settings) == 8


def test_worker_killed_mid_stream_loses_nothing_and_duplicates_nothing(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker, tmp_path: Path
) -> None:
    n = 3000
    settings = settings.model_copy(update={"batch_size": 10})
    ids = write_synthetic_posts(tmp_path / "bulk.jsonl", n)
    assert scout(settings, "ingest", str(tmp_path / "bulk.jsonl")).returncode == 0

    first = WorkerProcess(settings, tmp_path / "first.log")
    try:
        wait_until(
            lambda: count_docs(es, settings) >= 200 or first.assert_alive(),
            timeout=90,
            what="the first worker to index some posts",
        )
    finally:
        first.kill()
    at_crash = count_docs(es, settings)
    assert 0 < at_crash < n, f"the crash must happen mid-stream (indexed {at_crash}/{n})"

    second = start_worker("second")
    _wait_count(es, settings, n, second)
    wanted = [doc_id("synthetic", i) for i in ids]
    assert count_docs(es, settings, {"ids": {"values": wanted}}) == n
    time.sleep(2)
    assert count_docs(es, settings) == n  # nothing extra, nothing twice
