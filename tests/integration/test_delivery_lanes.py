"""A lane's short lease against the real Elasticsearch: renewed beside a send that outlasts
it, and a lane that loses it stops mid-send (the receiver is a stand-in that only waits)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from models.alerts import Alert, Channel, DeliveryAttempt, Rule
from streams.alerts.delivery.delivery_log import DeliveryLog, deliveries_index
from streams.alerts.delivery.lanes import DeliveryPump, Schedule
from streams.alerts.delivery.queue import DeliveryQueue, delivery_queue_index, item_id, lane_of
from streams.alerts.delivery.sender import Deliverer
from streams.index.client import make_async_client
from streams.settings import Settings
from tests.unit.alerts.delivery.support import make_alert

pytestmark = pytest.mark.integration

HOOK = Channel(type="webhook", url="https://hooks.example.com/in")
LEASE_S = 1.5  # renewed every 0.5 s


class SlowReceiver(Deliverer):
    """Every attempt takes ``seconds`` and is delivered; cancelled sends are counted."""

    def __init__(self, seconds: float) -> None:
        super().__init__(allow=())
        self.seconds = seconds
        self.started: list[str] = []
        self.finished: list[str] = []
        self.cancelled: list[str] = []

    async def attempt(self, alert: Alert, channel: Channel, number: int) -> DeliveryAttempt:
        self.started.append(alert.alert_id)
        try:
            await asyncio.sleep(self.seconds)
        except asyncio.CancelledError:
            self.cancelled.append(alert.alert_id)
            raise
        self.finished.append(alert.alert_id)
        return DeliveryAttempt(
            alert_id=alert.alert_id,
            rule_id=alert.rule_id,
            channel="webhook:hooks.example.com",
            attempt=number,
            outcome="delivered",
            http_status=200,
            at=datetime.now(UTC),
        )


class OneRule:
    async def rules(self) -> Sequence[Rule]:
        return [Rule(id="ma-deals", name="Deals", owner="it", query="acquires", channels=(HOOK,))]


async def _pump(settings: Settings, receiver: SlowReceiver) -> tuple[DeliveryPump, DeliveryQueue]:
    es = make_async_client(settings)
    queue = DeliveryQueue(es, delivery_queue_index(settings.index_prefix))
    log = DeliveryLog(es, deliveries_index(settings.index_prefix))
    await queue.ensure()
    await log.ensure()
    pump = DeliveryPump(queue, OneRule(), receiver, log, Schedule(), lease_s=LEASE_S, owner="a")
    alert = make_alert()
    await queue.enqueue([(alert, HOOK)], datetime.now(UTC))
    await es.indices.refresh(index=queue.index)
    return pump, queue


def test_a_send_longer_than_the_lease_keeps_the_lane_and_then_gives_it_up(
    settings: Settings,
) -> None:
    async def run() -> None:
        receiver = SlowReceiver(seconds=3 * LEASE_S)
        pump, queue = await _pump(settings, receiver)
        lane = lane_of(HOOK)
        try:
            assert await pump.tick() == 1
            await asyncio.sleep(2 * LEASE_S)  # past the first lease: renewed meanwhile
            now = datetime.now(UTC)
            assert receiver.started and not receiver.finished
            assert await queue.lease(lane, "b", now, now + timedelta(seconds=30)) is None
            await pump.idle()
            assert receiver.finished == [make_alert().alert_id] and not receiver.cancelled
            stored = await queue.get([item_id(make_alert().alert_id, lane)])
            assert [s["status"] for s in stored.values()] == ["delivered"]
            now = datetime.now(UTC)  # released when the lane ran dry: at once for another
            assert await queue.lease(lane, "b", now, now + timedelta(seconds=30)) is not None
        finally:
            await pump.stop()
            await queue._client.close()  # noqa: SLF001 - the test built it

    asyncio.run(run())


def test_a_lane_that_loses_its_lease_stops_mid_send_and_leaves_the_item_pending(
    settings: Settings,
) -> None:
    async def run() -> None:
        receiver = SlowReceiver(seconds=30.0)
        pump, queue = await _pump(settings, receiver)
        lane = lane_of(HOOK)
        try:
            assert await pump.tick() == 1
            while not receiver.started:
                await asyncio.sleep(0.05)
            # Another worker takes the lane (as if ours had expired during a long pause).
            later = datetime.now(UTC) + timedelta(seconds=60)
            assert await queue.lease(lane, "b", later, later + timedelta(seconds=60)) is not None
            stopped = time.monotonic()
            await asyncio.wait_for(pump.idle(), timeout=5)
            assert time.monotonic() - stopped < 2 * LEASE_S
            assert receiver.cancelled == [make_alert().alert_id] and not receiver.finished
            stored = await queue.get([item_id(make_alert().alert_id, lane)])
            assert [s["status"] for s in stored.values()] == ["pending"]
            # the lane is b's still: ours did not release it on the way out
            now = datetime.now(UTC) + timedelta(seconds=61)
            assert await queue.lease(lane, "c", now, now + timedelta(seconds=30)) is None
        finally:
            await pump.stop()
            await queue._client.close()  # noqa: SLF001 - the test built it

    asyncio.run(run())
