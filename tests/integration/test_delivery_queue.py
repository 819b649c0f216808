"""The delivery queue against the real Elasticsearch: items created once, one lease holder
per lane, an expired lease taken over, an unreadable item never blocking its lane."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from models.alerts import Channel
from streams.alerts.delivery.queue import DeliveryQueue, delivery_queue_index, item_id, lane_of
from streams.index.client import make_async_client
from streams.settings import Settings
from tests.unit.alerts.delivery.support import make_alert

pytestmark = pytest.mark.integration

HOOK = Channel(type="webhook", url="https://hooks.example.com/in")


def test_items_are_queued_once_in_order_and_a_lane_has_one_holder_at_a_time(
    settings: Settings,
) -> None:
    async def run() -> None:
        es = make_async_client(settings)
        queue = DeliveryQueue(es, delivery_queue_index(settings.index_prefix))
        try:
            now = datetime.now(UTC)
            alerts = [make_alert().model_copy(update={"alert_id": f"r:{i}"}) for i in range(3)]
            assert await queue.enqueue([(a, HOOK) for a in alerts], now) == 3
            # consumed again (a restart, the outbox sweep): nothing new
            assert await queue.enqueue([(alerts[1], HOOK)], now) == 0
            lane = lane_of(HOOK)
            await es.indices.refresh(index=queue.index)  # enqueue does not wait for one
            assert await queue.due_lanes() == [lane]
            assert [i.alert.alert_id for i in await queue.head(lane)] == ["r:0", "r:1", "r:2"]

            held = await queue.lease(lane, "a", now, now + timedelta(seconds=30))
            assert held is not None
            assert await queue.lease(lane, "b", now, now + timedelta(seconds=30)) is None
            # Worker "a" dies; once its lease has expired, "b" takes the lane.
            later = now + timedelta(seconds=31)
            taken = await queue.lease(lane, "b", later, later + timedelta(seconds=30))
            assert taken is not None
            assert await queue.renew(held, later + timedelta(seconds=60)) is None  # a lost it
            # b fails: the lane waits out its backoff, whoever asks.
            await queue.release(taken, failures=1, next_at=later + timedelta(seconds=5), now=later)
            assert await queue.lease(lane, "b", later, later + timedelta(seconds=30)) is None
            soon = later + timedelta(seconds=6)
            again = await queue.lease(lane, "c", soon, soon + timedelta(seconds=30))
            assert again is not None and again.failures == 1

            await queue.mark(item_id("r:0", lane), "delivered", soon, attempts=1)
            # An item this version cannot read is dropped, not left to block the lane.
            await es.update(
                index=queue.index, id=item_id("r:1", lane), doc={"alert": {"alert_id": 5}}
            )
            assert [i.alert.alert_id for i in await queue.head(lane)] == ["r:2"]
            stored = await queue.get([item_id(f"r:{i}", lane) for i in range(3)])
            assert [s["status"] for s in stored.values()] == ["delivered", "dropped", "pending"]
        finally:
            await es.close()

    asyncio.run(run())
