"""Deletions and edits on posts.raw through a real worker, Kafka and Elasticsearch: an
edited post (the same id again) overwrites its document, a deletion removes it, a
deletion of a post never indexed is harmless, a bad deletion is dead-lettered."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from elasticsearch import Elasticsearch
from kafka import KafkaProducer

from models.deletion import PostDeletion
from streams.index import doc_id
from streams.settings import Settings
from streams.topics import POSTS_DLQ, POSTS_RAW
from tests.integration.support import WorkerProcess, count_docs, read_topic, wait_until

StartWorker = Callable[..., WorkerProcess]


def alive(worker: WorkerProcess) -> bool:
    worker.assert_alive()
    return True


def _post(post_id: str, text: str) -> dict[str, Any]:
    return {"id": post_id, "text": text, "source": "mastodon"}


def test_an_edit_overwrites_and_a_deletion_removes_the_document(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker
) -> None:
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","))
    topic = POSTS_RAW.name(settings)

    def send(key: str, value: dict[str, Any] | bytes) -> None:
        raw = value if isinstance(value, bytes) else json.dumps(value).encode()
        producer.send(topic, key=key.encode(), value=raw).get(timeout=30)

    def text_of(post_id: str) -> str | None:
        es.indices.refresh(index=settings.posts_alias)
        found = es.options(ignore_status=404).get(
            index=settings.posts_alias, id=doc_id("mastodon", post_id)
        )
        return str(found["_source"]["text"]) if found.get("found") else None

    worker = start_worker()
    send("m-1", _post("m-1", "Acme buys Globex for $2 billion."))
    send("m-2", _post("m-2", "Initech opens an office in Lisbon."))
    wait_until(
        lambda: alive(worker) and count_docs(es, settings) == 2,
        timeout=90,
        what="two documents",
    )

    send("m-1", _post("m-1", "Acme buys Globex for $2.5 billion (edited)."))
    wait_until(
        lambda: alive(worker) and text_of("m-1") == "Acme buys Globex for $2.5 billion (edited).",
        timeout=60,
        what="the edit to overwrite the document",
    )
    assert count_docs(es, settings) == 2

    send("m-1", PostDeletion(source="mastodon", id="m-1").model_dump_json().encode())
    wait_until(
        lambda: alive(worker) and text_of("m-1") is None,
        timeout=60,
        what="the deleted post's document to go",
    )
    assert text_of("m-2") == "Initech opens an office in Lisbon."

    # A deletion of a post never indexed, a bad one; then a post to know they were read.
    send("never", PostDeletion(source="mastodon", id="never").model_dump_json().encode())
    send("bad", b'{"op": "delete", "id": "x"}')
    send("m-3", _post("m-3", "Hooli hires a new CFO."))
    wait_until(
        lambda: alive(worker) and text_of("m-3") is not None,
        timeout=60,
        what="the post after the deletions",
    )
    assert count_docs(es, settings) == 2
    [letter] = read_topic(settings, POSTS_DLQ.name(settings), expect=1)
    assert (letter["stage"], letter["reason"], letter["post_id"]) == (
        "normalize",
        "unknown_shape",
        "bad",
    )
    assert "source" in letter["detail"]
    worker.assert_alive()
    assert "deletions: 1 documents deleted, 0 were not indexed" in worker.log_tail(400)
    assert "deletions: 0 documents deleted, 1 were not indexed" in worker.log_tail(400)
    producer.close()
