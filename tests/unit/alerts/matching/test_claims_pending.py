"""A claim left pending by a worker that died before publishing is not lost (no network).

The post matcher meets a redelivered batch once (its offsets are committed after it), so
meeting a claim younger than PENDING_GRACE_S must not drop the alert: it waits until the
claim is marked sent (someone published it) or the grace period ends (emitted again).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from models.alerts import Alert, AlertPost
from streams.alerts.matching import AlertClaims
from streams.alerts.matching.claims import PENDING_GRACE_S

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
POST = AlertPost(doc_id="d-1", post_id="p-1", source="test", text="Northwind to acquire Tailspin")
ALERT = Alert(alert_id="a-1", rule_id="r", rule_name="R", dedup_value="v", post=POST, matched_at=T0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class StateIndex:
    """The alert-state index's create-only bulk and mget; ``on_read`` runs before a read."""

    def __init__(self, claims: dict[str, dict[str, Any]]) -> None:
        self.claims = claims
        self.reads = 0
        self.on_read: Any = None

    async def bulk(self, operations: list[dict[str, Any]], refresh: bool = False) -> Any:
        items = []
        for action, body in zip(operations[::2], operations[1::2], strict=True):
            alert_id = action["create"]["_id"]
            items.append({"create": {"status": 409 if alert_id in self.claims else 201}})
            self.claims.setdefault(alert_id, body)
        return SimpleNamespace(body={"items": items})

    async def mget(self, index: str, ids: list[str]) -> Any:
        self.reads += 1
        if self.on_read is not None:
            self.on_read(self.reads)
        return SimpleNamespace(body={"docs": [{"_source": self.claims.get(i)} for i in ids]})


def _claims(state: StateIndex, clock: Clock, *, wait: bool) -> AlertClaims:
    client: Any = state
    return AlertClaims(client, "state", clock=clock, wait_pending=wait, sleep=clock.sleep)


def _pending(age_s: float, clock: Clock) -> dict[str, dict[str, Any]]:
    claimed_at = clock.now - timedelta(seconds=age_s)
    return {"a-1": {"sent": False, "claimed_at": claimed_at.isoformat()}}


def test_a_young_pending_claim_of_a_dead_worker_is_emitted_once_its_grace_ends() -> None:
    clock = Clock()
    state = StateIndex(_pending(3, clock))  # the worker died 3 s after claiming
    new = asyncio.run(_claims(state, clock, wait=True).claim([ALERT]))
    assert [a.alert_id for a in new] == ["a-1"]
    assert clock.now - T0 == timedelta(seconds=PENDING_GRACE_S - 3)


def test_a_young_pending_claim_marked_sent_meanwhile_is_not_emitted_again() -> None:
    clock = Clock()
    state = StateIndex(_pending(0.1, clock))  # the claiming worker is about to publish

    def published(reads: int) -> None:
        if reads == 3:
            state.claims["a-1"]["sent"] = True

    state.on_read = published
    assert asyncio.run(_claims(state, clock, wait=True).claim([ALERT])) == []
    assert clock.now - T0 < timedelta(seconds=2)


def test_without_waiting_a_young_pending_claim_is_left_to_the_next_check() -> None:
    clock = Clock()
    state = StateIndex(_pending(3, clock))
    assert asyncio.run(_claims(state, clock, wait=False).claim([ALERT])) == []
    assert clock.now == T0 and state.reads == 1
    clock.now += timedelta(seconds=PENDING_GRACE_S)  # the next check, past the grace
    assert [a.alert_id for a in asyncio.run(_claims(state, clock, wait=False).claim([ALERT]))] == [
        "a-1"
    ]


def test_a_claim_already_sent_is_never_emitted_again() -> None:
    clock = Clock()
    state = StateIndex({"a-1": {"sent": True, "claimed_at": (T0 - timedelta(hours=1)).isoformat()}})
    assert asyncio.run(_claims(state, clock, wait=True).claim([ALERT])) == []
    assert state.reads == 1
