"""The outbox sweep against the real Elasticsearch and Kafka: a claimed alert whose worker
died before publishing it reaches the alerts topic once, whatever produced it."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from models.alerts import Alert, AlertPost, SpikeInfo
from streams.alerts.matching import AlertClaims, Outbox, state_index_name
from streams.index.client import make_async_client
from streams.settings import Settings
from streams.topics import ALERTS
from streams.worker.agents import sweep_alerts
from tests.integration.support import (
    WorkerProcess,
    holds_for,
    read_topic,
    scout,
    wait_until,
)
from tests.integration.test_alerts_stream import Receiver

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _spike(alert_id: str) -> Alert:
    return Alert(
        alert_id=alert_id,
        rule_id="msft-buzz",
        rule_name="Microsoft buzz",
        dedup_value=f"spike:company:MSFT:{AT.isoformat()}",
        kind="spike",
        spike=SpikeInfo(
            entity_id="company:MSFT",
            window_s=3600,
            window_start=AT - timedelta(hours=1),
            window_end=AT,
            count=40,
            baseline=2.0,
            baseline_windows=12,
            ratio=20.0,
            run_start=AT,
        ),
        matched_at=AT,
    )


def _post(alert_id: str) -> Alert:
    post = AlertPost(doc_id=f"doc-{alert_id}", post_id=alert_id, source="test", text="deal")
    return Alert(
        alert_id=alert_id, rule_id="deals", rule_name="Deals", dedup_value=alert_id,
        post=post, matched_at=AT,
    )  # fmt: skip


class AlertsTopic:
    """The alerts topic as the worker's agents see it: ``send`` returns a delivery future."""

    def __init__(self, producer: AIOKafkaProducer, name: str) -> None:
        self._producer = producer
        self._name = name

    async def send(self, key: bytes, value: bytes) -> Any:
        return await self._producer.send(self._name, value=value, key=key)


def test_an_alert_claimed_but_never_published_is_swept_onto_the_topic_once(
    settings: Settings,
) -> None:
    index = state_index_name(settings.index_prefix)
    spike, post, fresh = _spike("lost-spike"), _post("lost-post"), _post("fresh-post")

    async def run() -> tuple[list[int], dict[str, Any]]:
        client = make_async_client(settings)
        producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all")
        await producer.start()
        try:
            # The worker claimed them five minutes ago and died before publishing.
            ago = datetime.now(UTC) - timedelta(minutes=5)
            dead = AlertClaims(client, index, clock=lambda: ago)
            assert await dead.claim([spike, post]) == [spike, post]
            # A claim made just now: its worker may be publishing it, not the sweep's.
            assert await AlertClaims(client, index).claim([fresh]) == [fresh]
            # A pending claim written before the outbox (no stored alert): not swept.
            await client.index(
                index=index,
                id="legacy",
                document={"alert_id": "legacy", "sent": False, "claimed_at": ago.isoformat()},
                refresh=True,
            )
            topic = AlertsTopic(producer, ALERTS.name(settings))
            outbox = Outbox(client, AlertClaims(client, index))
            first = await sweep_alerts(outbox, topic)
            await client.indices.refresh(index=index)
            second = await sweep_alerts(outbox, topic)
            ids = [spike.alert_id, post.alert_id, fresh.alert_id, "legacy"]
            found = await client.mget(index=index, ids=ids)
            sent = {d["_id"]: d["_source"]["sent"] for d in found.body["docs"]}
            return [first, second], sent
        finally:
            await producer.stop()
            await client.close()

    counts, sent = asyncio.run(run())
    assert counts == [2, 0]
    assert sent == {"lost-spike": True, "lost-post": True, "fresh-post": False, "legacy": False}
    published = read_topic(settings, ALERTS.name(settings), expect=3, timeout=10)
    assert sorted(m["alert_id"] for m in published) == ["lost-post", "lost-spike"]
    assert Alert.model_validate(next(m for m in published if m["kind"] == "spike")) == spike


def test_a_worker_sweeps_a_lost_alert_and_delivers_it_once(
    settings: Settings, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """End to end: the worker's own timer finds the lost claim and its dispatcher sends it."""
    receiver = Receiver()
    request.addfinalizer(receiver.close)
    settings = settings.model_copy(
        update={"alert_allow": "127.0.0.1", "alert_rules_ttl_s": 0.5, "alert_sweep_s": 1.0}
    )
    added = scout(
        settings, "rules", "add", "deals", "--name", "Deals", "--owner", "it",
        "-q", "deal", "--channel", f"webhook={receiver.url}",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    lost = _post("lost-before-publish")

    async def claim() -> None:
        client = make_async_client(settings)
        try:
            ago = datetime.now(UTC) - timedelta(minutes=5)
            index = state_index_name(settings.index_prefix)
            assert await AlertClaims(client, index, clock=lambda: ago).claim([lost]) == [lost]
        finally:
            await client.close()

    asyncio.run(claim())
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    wait_until(lambda: receiver.requests or worker.assert_alive(), timeout=90, what="a webhook")
    holds_for(lambda: len(receiver.requests) == 1, seconds=4)  # later sweeps send nothing
    assert len(receiver.requests) == 1, [r["body"][:200] for r in receiver.requests]
    body = json.loads(receiver.requests[0]["body"])
    assert body["alert_id"] == lost.alert_id
