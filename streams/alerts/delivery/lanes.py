"""Deliver the queue (:mod:`.queue`) lane by lane: in order, over hours, one probe at a time.

Each worker runs one :class:`DeliveryPump`. It looks for lanes (channels) with pending items,
leases the ones that are due, and runs each leased lane as its own task, so a dead receiver
only ever holds up its own lane:

* items go out **oldest first, one at a time** (in order per channel); each attempt is
  recorded in the delivery log;
* **delivered** -> the item is marked ``delivered``, the next one goes;
* **refused / rejected** (internal URL, 4xx) -> that item is dead-lettered at once, the next
  one goes (the receiver is up: its circuit is not the problem);
* **retry** (5xx, 429, timeout, connection refused) -> the item stays first in the lane, the
  channel's failures-in-a-row grow, and the lane is released until ``now + backoff``: capped
  exponential backoff with jitter (``base * 2**(n-1)`` up to ``cap``, taken between half and
  all of it). From ``breaker_failures`` failures in a row the circuit is *open* (logged once):
  only the oldest item is tried, once per backoff interval; when it is delivered the circuit
  closes and the waiting items follow in order;
* an item still undelivered ``horizon_s`` after it was queued is dead-lettered
  (``delivery_exhausted``); once the oldest has expired, the expired items behind it are
  dead-lettered without another attempt while the channel is failing.

A lane's lease is short (``lease_s``, 6 s) and renewed every third of it by a keeper task
beside the sends, so a lease outlives a slow send but not its worker. A lane whose lease
cannot be renewed (lost to another worker, Elasticsearch unreachable) stops at once, mid-send
if need be. A worker killed mid-send leaves the item ``pending``: whoever leases the lane next
(once the lease expires; at once for a worker restarted with the same
``SCOUT_WORKER_INSTANCE_ID``) sends it again with the same idempotency key. A
receiver may therefore see one alert twice, always under one key; generic webhooks can drop
the second by its ``Idempotency-Key`` header, Slack and Teams have no such key and may show
the message twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Literal, Protocol

from models.alerts import Alert, Channel, DeliveryAttempt, Rule
from streams.alerts.delivery.dead_letter import dead_letter_alert
from streams.alerts.delivery.delivery_log import DeliveryLog
from streams.alerts.delivery.queue import DeliveryQueue, Item, Lease, lane_of
from streams.alerts.delivery.sender import Deliverer
from streams.errors import TransientError
from streams.failures import summary

__all__ = ["DeliveryPump", "Schedule", "DeadLetterSink"]

log = logging.getLogger(__name__)

DeadLetterSink = Callable[[Alert, bytes], Awaitable[None]]
Step = Literal["delivered", "dead", "expired", "dropped", "wait"]


class Rules(Protocol):
    async def rules(self) -> Sequence[Rule]: ...


@dataclass(frozen=True)
class Schedule:
    """When to try a failing channel again, and when to give an alert up."""

    base_s: float = 0.5
    cap_s: float = 30.0
    horizon_s: float = 6 * 3600.0
    breaker_failures: int = 5

    def delay(self, failures: int, rng: random.Random) -> float:
        """Seconds to wait after ``failures`` (>= 1) failures in a row."""
        top = min(self.cap_s, self.base_s * 2 ** min(max(failures, 1) - 1, 30))
        return rng.uniform(top / 2, top)


@dataclass
class _Held:
    """A running lane's lease, shared by its sends and its keeper (the lock orders their
    writes: each needs the latest ``_seq_no``)."""

    lease: Lease
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    lost: bool = False  # the keeper could not renew it: the lane stops
    done: bool = False  # released, given up or lost: the keeper stops


class DeliveryPump:
    def __init__(
        self,
        queue: DeliveryQueue,
        rules: Rules,
        deliverer: Deliverer,
        delivery_log: DeliveryLog,
        schedule: Schedule,
        *,
        lease_s: float = 6.0,
        dead_letter: DeadLetterSink | None = None,
        owner: str | None = None,
        poll_s: float = 1.0,
        max_lanes: int = 32,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
    ) -> None:
        self.queue = queue
        self.rules = rules
        self.deliverer = deliverer
        self.log = delivery_log
        self.schedule = schedule
        self.dead_letter = dead_letter
        # A worker restarted with its static id takes its own leases back at once.
        self.owner = owner or uuid.uuid4().hex
        self._lease_s = lease_s
        self._renew_s = lease_s / 3
        self._poll_s = poll_s
        self._max_lanes = max_lanes
        self._clock = clock
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
        self._running: dict[str, asyncio.Task[None]] = {}
        self._wake = asyncio.Event()
        self._hinted: set[str] = set()
        self._cut: list[Lease] = []  # leases of lanes stopped mid-run
        self._stopped = False
        self._searched = 0.0

    def wake(self, lanes: Iterable[str] = ()) -> None:
        """New items were queued in ``lanes``: look now rather than at the next poll (and
        at those lanes even before a search can see their items)."""
        self._hinted.update(lanes)
        self._wake.set()

    async def run(self) -> None:
        """Forever: start due lanes, then wait for a wake-up or the poll interval."""
        try:
            while not self._stopped:
                self._wake.clear()
                try:
                    await self.tick()
                except TransientError as exc:
                    log.warning(
                        "delivery queue check failed, retried in %.1fs: %s",
                        self._poll_s,
                        summary(exc),
                    )
                except Exception:  # noqa: BLE001 - a bug must not end delivery for good
                    log.exception("delivery queue check failed unexpectedly")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self._poll_s)
        finally:
            await self.stop()

    async def stop(self) -> None:
        """Stop the lanes and give their leases up, so that a worker restarted under another
        id need not wait for them to expire (an item cut mid-send is sent again)."""
        self._stopped = True
        tasks = list(self._running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        leases, self._cut = self._cut, []
        now = self._clock()
        for lease in leases:
            try:
                await asyncio.wait_for(
                    self.queue.release(lease, failures=lease.failures, next_at=now, now=now), 2.0
                )
            except (TransientError, TimeoutError):
                log.warning("lane %s: lease not given up; it expires on its own", lease.lane)

    async def tick(self) -> int:
        """Lease the due lanes not already running here; return how many were started."""
        started = 0
        hinted, self._hinted = self._hinted, set()
        found: list[str] = []
        if not hinted or time.monotonic() - self._searched >= self._poll_s:
            # woken for known lanes: no search (the lanes in backoff wait for the poll)
            self._searched = time.monotonic()
            found = await self.queue.due_lanes()
        for lane in [*sorted(hinted - set(found)), *found]:
            if self._stopped:
                break
            if lane in self._running or len(self._running) >= self._max_lanes:
                if lane in hinted:
                    self._hinted.add(lane)  # looked at again when that run ends
                continue
            now = self._clock()
            lease = await self.queue.lease(
                lane, self.owner, now, now + timedelta(seconds=self._lease_s)
            )
            if lease is None:
                continue  # another worker holds it, or its backoff is running
            self._running[lane] = asyncio.create_task(self._lane(lease), name=f"lane {lane}")
            started += 1
        return started

    async def idle(self) -> None:
        """Wait for the lanes running now (tests and ``scout alerts replay``)."""
        await asyncio.gather(*list(self._running.values()), return_exceptions=True)

    async def _lane(self, lease: Lease) -> None:
        lane = lease.lane
        held = _Held(lease)
        me = asyncio.current_task()
        if me is None:
            raise RuntimeError("a lane runs as a task")
        keeper = asyncio.create_task(self._keep(held, me), name=f"lease {lane}")
        cut = False
        done: list[tuple[str, DeliveryAttempt]] = []  # delivered, written a page at a time
        try:
            await self._deliver(held, done)
        except TransientError as exc:
            log.warning("lane %s stopped, its lease will expire and it resumes: %s", lane, exc)
        except asyncio.CancelledError:
            if not held.lost:
                cut = True
                raise
            # the keeper stopped us: another worker may hold the lane now
            with contextlib.suppress(TransientError):
                await self._written(done)
        except Exception:  # noqa: BLE001 - one lane's bug must not end the pump
            log.exception("lane %s stopped unexpectedly; it resumes when its lease expires", lane)
        finally:
            async with held.lock:
                running = not held.done
                held.done = True
            keeper.cancel()
            await asyncio.gather(keeper, return_exceptions=True)
            if cut and running:
                self._cut.append(held.lease)
            self._running.pop(lane, None)
            if lane in self._hinted:
                self._wake.set()

    async def _deliver(self, held: _Held, done: list[tuple[str, DeliveryAttempt]]) -> None:
        """Send the lane's items in order until it is empty or must wait; then release it."""
        lane = held.lease.lane
        expired = False
        while True:
            await self._written(done)
            items = await self.queue.head(lane)
            if not items:
                now = self._clock()
                await self._give_up(held, failures=held.lease.failures, next_at=now)
                return
            for item in items:
                step = await self._one(item, done, give_up=expired)
                # once one has expired failing, those behind it expire without a try
                expired = step == "expired"
                if step == "delivered" and held.lease.failures:
                    log.warning(
                        "%s is back after %d failures in a row: delivering its queue in order",
                        item.lane,
                        held.lease.failures,
                    )
                    async with held.lock:
                        held.lease = replace(held.lease, failures=0)
                if step == "wait":
                    await self._written(done)
                    await self._back_off(held)
                    return

    async def _keep(self, held: _Held, lane_task: asyncio.Task[None]) -> None:
        """Renew the lease every ``lease_s / 3`` while the lane runs; stop the lane when the
        lease cannot be renewed."""
        lane = held.lease.lane
        while True:
            await asyncio.sleep(self._renew_s)
            async with held.lock:
                if held.done:
                    return
                until = self._clock() + timedelta(seconds=self._lease_s)
                try:
                    renewed = await self.queue.renew(held.lease, until)
                    why = "lost to another worker"
                except TransientError as exc:
                    renewed, why = None, f"not renewed ({summary(exc)})"
                if renewed is None:
                    held.lost = held.done = True
                    log.warning("lane %s: lease %s; the lane stops", lane, why)
                    lane_task.cancel()
                    return
                held.lease = renewed

    async def _give_up(self, held: _Held, *, failures: int, next_at: datetime) -> None:
        async with held.lock:
            if held.done:
                return
            held.done = True
            await self.queue.release(
                held.lease, failures=failures, next_at=next_at, now=self._clock()
            )

    async def _back_off(self, held: _Held) -> None:
        failures = held.lease.failures + 1
        wait = self.schedule.delay(failures, self._rng)
        if failures == self.schedule.breaker_failures:
            log.error(
                "%s failed %d times in a row: circuit open, one probe every %.0fs at most"
                " (alerts wait in order, up to %.0fs each)",
                held.lease.lane,
                failures,
                self.schedule.cap_s,
                self.schedule.horizon_s,
            )
        next_at = self._clock() + timedelta(seconds=wait)
        await self._give_up(held, failures=failures, next_at=next_at)

    async def _written(self, done: list[tuple[str, DeliveryAttempt]]) -> None:
        """Log the delivered attempts and mark their items (two bulk requests). A worker
        that dies first sends them again, with the same idempotency key."""
        if done:
            await self.log.record([attempt for _, attempt in done])
            await self.queue.mark_delivered(done, self._clock())
            done.clear()

    async def _one(
        self, item: Item, done: list[tuple[str, DeliveryAttempt]], *, give_up: bool
    ) -> Step:
        channel = await self._channel(item)
        now = self._clock()
        if channel is None:
            log.warning(
                "alert %s: its rule %s or that channel is gone or disabled; not sent",
                item.alert.alert_id,
                item.alert.rule_id,
            )
            await self.queue.mark(item.id, "dropped", now)
            return "dropped"
        expired = (now - item.enqueued_at).total_seconds() >= self.schedule.horizon_s
        if expired and give_up:
            note = f"the channel was still failing {self.schedule.horizon_s:g}s after it was queued"
            await self._dead(item, channel, [], tried=item.attempts, note=note)
            return "expired"
        attempt = await self.deliverer.attempt(item.alert, channel, item.attempts + 1)
        if attempt.outcome == "retry" and expired:
            attempt = attempt.model_copy(update={"outcome": "failed"})  # the last one
            await self.log.record([attempt])
            await self._dead(item, channel, [attempt], tried=attempt.attempt)
            return "expired"
        if attempt.outcome == "delivered":
            done.append((item.id, attempt))
            return "delivered"
        await self.log.record([attempt])
        if attempt.outcome != "retry":
            await self._dead(item, channel, [attempt], tried=attempt.attempt)
            return "dead"
        await self.queue.mark(
            item.id, "pending", self._clock(), attempts=attempt.attempt, error=attempt.error
        )
        return "wait"

    async def _dead(
        self,
        item: Item,
        channel: Channel,
        attempts: Sequence[DeliveryAttempt],
        *,
        tried: int,
        note: str | None = None,
    ) -> None:
        if self.dead_letter is None:
            raise RuntimeError("DeliveryPump.dead_letter is not set")
        letter = dead_letter_alert(item.alert, channel, attempts, tried=tried, note=note)
        await self.dead_letter(item.alert, letter)
        await self.queue.mark(item.id, "dead", self._clock(), attempts=tried)

    async def _channel(self, item: Item) -> Channel | None:
        rule = next((r for r in await self.rules.rules() if r.id == item.alert.rule_id), None)
        if rule is None:
            return None
        return next((c for c in rule.channels if lane_of(c) == item.lane), None)
