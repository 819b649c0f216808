"""Integration fixtures: the real Kafka and Elasticsearch, unique names per test, cleanup."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaAdminClient
from kafka.errors import KafkaError

from streams.cli.pipeline import run_setup
from streams.index.client import make_client
from streams.settings import Settings, load_settings
from tests.conftest import services_required
from tests.integration.support import WorkerProcess

pytestmark = pytest.mark.integration


def _unreachable(settings: Settings) -> str | None:
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=settings.kafka_bootstrap.split(","), request_timeout_ms=5000
        )
        admin.list_topics()
        admin.close()
    except KafkaError as exc:
        return f"Kafka at {settings.kafka_bootstrap} is unreachable ({exc})"
    es = Elasticsearch(settings.es_url, request_timeout=5)
    try:
        health = es.cluster.health(wait_for_status="yellow", timeout="10s")
        if health["status"] not in {"green", "yellow"}:
            return f"Elasticsearch at {settings.es_url} is {health['status']}"
    except Exception as exc:  # noqa: BLE001 - any failure means unusable
        return f"Elasticsearch at {settings.es_url} is unreachable ({exc})"
    finally:
        es.close()
    return None


@pytest.fixture(scope="session")
def base_settings() -> Settings:
    settings = load_settings()
    problem = _unreachable(settings)
    if problem:
        message = f"{problem}; start them with `scout services up`"
        if services_required():
            pytest.fail(message)
        pytest.skip(message)
    return settings


@pytest.fixture
def settings(base_settings: Settings, tmp_path: Path) -> Iterator[Settings]:
    """Unique topics, index and consumer group for this test; removed afterwards."""
    name = f"it-{uuid.uuid4().hex[:10]}"
    isolated = base_settings.model_copy(
        update={
            "topic_prefix": f"{name}.",
            "index_prefix": name,
            "app_id": name,
            "data_dir": tmp_path / "faust",
            "topic_partitions": 3,
            "log_level": "info",
        }
    )
    run_setup(isolated)
    yield isolated
    es = make_client(isolated)
    try:
        # Every index the test made (posts, rules, alert state, deliveries, board, ...):
        # listed by pattern, deleted by exact name (wildcard deletes are refused).
        mine = sorted(es.indices.get(index=f"{name}-*", expand_wildcards="all"))
        if mine:
            es.indices.delete(index=",".join(mine), ignore_unavailable=True)
        es.indices.delete_index_template(name=f"{name}-posts", ignore=[404])
    finally:
        es.close()
    admin = KafkaAdminClient(bootstrap_servers=isolated.kafka_bootstrap.split(","))
    try:
        mine = [t for t in admin.list_topics() if t.startswith(name)]
        if mine:
            admin.delete_topics(mine)
    finally:
        admin.close()


@pytest.fixture
def es(settings: Settings) -> Iterator[Elasticsearch]:
    client = make_client(settings)
    yield client
    client.close()


@pytest.fixture
def start_worker(settings: Settings, tmp_path: Path) -> Iterator[object]:
    """Start ``scout worker`` processes; every one is stopped at teardown."""
    started: list[WorkerProcess] = []

    def start(name: str = "worker") -> WorkerProcess:
        worker = WorkerProcess(settings, tmp_path / f"{name}-{len(started)}.log")
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
