"""``GET /metrics``: Prometheus text from Elasticsearch and Kafka, behind the token."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from kafka import KafkaAdminClient, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata
from prometheus_client.parser import text_string_to_metric_families

from models.alerts import DeliveryAttempt
from models.enriched import EnrichedPost
from streams.alerts.delivery import DeliveryLog, deliveries_index
from streams.index.client import make_async_client
from streams.kafka.lag import topic_offsets
from streams.settings import Settings
from streams.topics import ALERTS_DLQ, POSTS_DLQ, POSTS_RAW
from tests.integration.api.data_support import indexed  # noqa: F401 - fixture


def _samples(api: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = api.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def _produce(settings: Settings, topic: str, n: int) -> None:
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","))
    try:
        for i in range(n):
            producer.send(topic, key=f"k{i}".encode(), value=b"{}")
        producer.flush(timeout=30)
    finally:
        producer.close()


def _record_deliveries(settings: Settings) -> None:
    at = datetime.now(UTC)
    attempts = [
        DeliveryAttempt(
            alert_id=f"a{i}", rule_id="r", channel="webhook:x", attempt=1, outcome=o, at=at
        )
        for i, o in enumerate(["delivered", "delivered", "failed"])
    ]

    async def record() -> None:
        client = make_async_client(settings)
        try:
            log = DeliveryLog(client, deliveries_index(settings.index_prefix))
            await log.record(attempts, refresh=True)
        finally:
            await client.close()

    asyncio.run(record())


def test_metrics_report_throughput_lag_dead_letters_and_deliveries(
    api: TestClient,
    settings: Settings,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    raw = POSTS_RAW.name(settings)
    _produce(settings, raw, 5)
    _produce(settings, POSTS_DLQ.name(settings), 2)
    _produce(settings, ALERTS_DLQ.name(settings), 1)
    _record_deliveries(settings)

    samples = _samples(api)
    assert samples[("scout_up", (("dependency", "elasticsearch"),))] == 1.0
    assert samples[("scout_up", (("dependency", "kafka"),))] == 1.0
    assert samples[("scout_posts_indexed_total", ())] == 8.0
    assert samples[("scout_posts_indexed_recent", (("window", "5m"),))] == 8.0
    lag_key = ("scout_consumer_lag", (("group", settings.app_id), ("topic", raw)))
    assert samples[lag_key] == 5.0  # nothing committed yet
    assert samples[("scout_dead_letters", (("topic", POSTS_DLQ.name(settings)),))] == 2.0
    assert samples[("scout_dead_letters", (("topic", ALERTS_DLQ.name(settings)),))] == 1.0
    assert samples[("scout_alert_deliveries_total", (("outcome", "delivered"),))] == 2.0
    assert samples[("scout_alert_deliveries_total", (("outcome", "failed"),))] == 1.0
    assert samples[("scout_alert_deliveries_total", (("outcome", "retry"),))] == 0.0

    # The worker group commits all but one message of one partition: lag 1.
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap.split(","))
    try:
        ends = topic_offsets(admin, raw).latest
        busiest = max(ends, key=lambda p: ends[p])
        commits = {
            TopicPartition(raw, p): OffsetAndMetadata(end - (p == busiest), "", -1)
            for p, end in ends.items()
        }
        admin.alter_group_offsets(settings.app_id, commits)
    finally:
        admin.close()
    samples = _samples(api)
    assert samples[lag_key] == 1.0
    per_partition = {
        dict(labels)["partition"]: value
        for (name, labels), value in samples.items()
        if name == "scout_consumer_lag_partition"
    }
    assert per_partition == {str(p): float(p == busiest) for p in ends}


def test_metrics_need_the_token_and_survive_a_missing_kafka(
    anonymous: TestClient, api_settings: Settings
) -> None:
    assert anonymous.get("/metrics").status_code == 401
    from streams.api import create_api

    down = api_settings.model_copy(update={"kafka_bootstrap": "127.0.0.1:1"})
    with TestClient(
        create_api(down), headers={"Authorization": "Bearer test-token-0123456789"}
    ) as client:
        samples = _samples(client)
    assert samples[("scout_up", (("dependency", "kafka"),))] == 0.0
    assert samples[("scout_up", (("dependency", "elasticsearch"),))] == 1.0
    assert not any(name == "scout_consumer_lag" for name, _ in samples)
