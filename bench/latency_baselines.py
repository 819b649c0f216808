"""Bare baselines for the alert latency bench, run in the same process at the same rate.

* ``kafka``: produce -> a plain consumer's receipt. One Kafka hop, nothing else.
* ``pipeline``: produce -> consume -> index the post in a scratch index -> refresh ->
  search it with the measured rule's query -> POST it to the receiver, one message at a
  time. The same services as the scout's path without NLP, batching, claims, the
  alerts topic or retries: a floor, not a competitor.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import httpx
from kafka import KafkaConsumer

from bench.latency_rig import bench_post, make_bench_producer
from models.alerts import Rule
from streams.alerts.query import rule_query
from streams.index.client import make_client
from streams.settings import Settings

Handler = Callable[[bytes, bytes], None]


def _round_trips(
    settings: Settings, name: str, n: int, rate: float, handle: Handler
) -> list[float]:
    """Seconds from ``send`` to the end of ``handle`` for ``n`` messages sent at ``rate``/s."""
    topic = settings.topic(name)
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        auto_offset_reset="latest",
        enable_auto_commit=False,
        group_id=None,
    )
    done: dict[str, float] = {}
    stop = threading.Event()

    def consume() -> None:
        while not stop.is_set():
            for records in consumer.poll(timeout_ms=100).values():
                for record in records:
                    handle(record.key, record.value)
                    done[record.key.decode()] = time.perf_counter()

    producer = make_bench_producer(settings)
    producer.send(topic, key=b"warm", value=b"{}").get(timeout=30)  # creates the topic
    while not consumer.assignment():
        consumer.poll(timeout_ms=200)  # joins and gets its partitions
    consumer.seek_to_end()
    consumer.poll(timeout_ms=200)
    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    sent: dict[str, float] = {}
    started = time.perf_counter()
    for i in range(n):
        pause = started + i / rate - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        at = time.perf_counter()
        post_id, raw = bench_post(name, i, at)
        sent[post_id] = at
        producer.send(topic, key=post_id.encode(), value=raw)
    producer.flush()
    deadline = time.perf_counter() + 60
    while len(sent.keys() & done.keys()) < n and time.perf_counter() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=10)
    consumer.close()
    producer.close()
    return [done[k] - at for k, at in sent.items() if k in done]


def bare_kafka(settings: Settings, n: int, rate: float) -> list[float]:
    return _round_trips(settings, "bare-kafka", n, rate, lambda key, value: None)


def bare_pipeline(settings: Settings, n: int, rate: float, rule: Rule, url: str) -> list[float]:
    """Kafka -> index -> refresh -> the rule's search -> HTTP POST, one post at a time."""
    index = f"{settings.index_prefix}-bare"
    es = make_client(settings)
    http = httpx.Client(timeout=10)
    missed: list[str] = []

    def handle(key: bytes, value: bytes) -> None:
        post = json.loads(value)
        if post.get("text") is None:
            return
        es.index(index=index, id=key.decode(), document=post)
        es.indices.refresh(index=index)
        hits = es.search(index=index, query=rule_query(rule, doc_ids=[key.decode()]), size=1)
        if not hits["hits"]["hits"]:
            missed.append(key.decode())
            return
        body = {"alert_id": f"bare:{key.decode()}", "post": {"post_id": post["id"]}}
        http.post(f"{url}/bare", json=body).raise_for_status()

    try:
        es.indices.create(index=index, settings={"number_of_replicas": 0})
        result = _round_trips(settings, "bare-pipeline", n, rate, handle)
    finally:
        http.close()
        es.indices.delete(index=index, ignore_unavailable=True)
        es.close()
    if missed:
        raise SystemExit(f"bare pipeline: the rule missed {len(missed)} posts, e.g. {missed[:3]}")
    return result
