"""Issue 12 point 1: a poison record never takes other records with it.

Each input that crashed the worker's agent (or made a dead letter Kafka refused), mixed
with valid posts, through the real Kafka, a real ``scout worker`` and Elasticsearch: every
record ends indexed or dead-lettered, with the reason its family calls for.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

from elasticsearch import Elasticsearch
from kafka import KafkaAdminClient, KafkaProducer

from streams.index import doc_id
from streams.kafka.lag import committed_offsets, topic_offsets
from streams.settings import Settings
from streams.topics import POSTS_DLQ, POSTS_RAW
from tests.integration.support import WorkerProcess, count_docs, read_topic, wait_until

StartWorker = Callable[..., WorkerProcess]


def _nested(depth: int) -> dict[str, object]:
    value: dict[str, object] = {"handle": "deep"}
    for _ in range(depth):
        value = {"a": value}
    return value


def _hostile() -> list[tuple[str, bytes]]:
    """(expected dead-letter reason, message) for each family of the issue."""
    return [
        ("malformed_json", b"[" * 10_000 + b"]" * 10_000),  # RecursionError
        ("malformed_json", b'{"id": "int", "text": "t", "n": ' + b"9" * 5_000 + b"}"),
        ("unknown_shape", json.dumps({"id": "deep", "text": "t", "author": _nested(500)}).encode()),
        # dead letters of these were over the producer's 1 MB request limit
        ("oversized", json.dumps({"id": "ctrl", "text": "\x01" * 140_000}).encode()),  # ~840 KB
        ("bad_encoding", b"\xff" * 800_000),
        ("oversized", json.dumps({"id": "mb", "text": "x" * 1_000_000}).encode()),  # ~1 MB
    ]


def test_poison_records_are_dead_lettered_and_every_other_record_indexed(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker
) -> None:
    hostile = _hostile()
    valid = [
        {"id": f"ok-{i}", "text": f"Post {i}: Oracle and Cisco were compared in Berlin."}
        for i in range(24)
    ]
    # under the 20,000-character limit: indexed, at a bounded cost
    emoji = [{"id": f"emoji-{i}", "text": "\U0001f600" * 10_010} for i in range(4)]
    good = valid + emoji
    producer = KafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap.split(","), max_request_size=2_000_000
    )
    topic = POSTS_RAW.name(settings)
    for i, post in enumerate(good):
        producer.send(topic, key=post["id"].encode(), value=json.dumps(post).encode())
        if i % 4 == 0 and i // 4 < len(hostile):
            producer.send(topic, value=hostile[i // 4][1])  # between valid posts
    producer.flush()
    producer.close()

    worker = start_worker()

    def all_indexed() -> int | None:
        worker.assert_alive()
        got = count_docs(es, settings)
        return got if got >= len(good) else None

    wait_until(all_indexed, timeout=180, what=f"{len(good)} documents")
    dead = read_topic(settings, POSTS_DLQ.name(settings), expect=len(hostile), timeout=60)
    wanted = [doc_id("unknown", p["id"]) for p in good]
    assert count_docs(es, settings, {"ids": {"values": wanted}}) == len(good)
    assert count_docs(es, settings) + len(dead) == len(good) + len(hostile)
    assert Counter(d["reason"] for d in dead) == Counter(reason for reason, _ in hostile)
    assert all(d["stage"] == "normalize" and d["source_topic"] == topic for d in dead)
    assert sorted(d["payload_bytes"] for d in dead) == sorted(len(m) for _, m in hostile)
    assert all(len(d["payload_sha256"]) == 64 for d in dead)
    worker.assert_alive()

    # and the batches were acknowledged once accounted for: the group commits to the end
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap.split(","))
    try:
        ends = topic_offsets(admin, topic).latest
        wait_until(
            lambda: committed_offsets(admin, settings.app_id, topic) == ends,
            timeout=30,
            what=f"offsets committed to the end {ends}",
        )
    finally:
        admin.close()
