"""``scout alerts replay``: dead-lettered alerts back into the delivery queue, once.

:func:`dead_alerts` reads ``alerts.dlq`` values (``models.DeadLetter`` with ``stage="deliver"``
and the alert in its payload) and keeps the latest letter per (alert, channel), filtered by
``since`` and ``rule``. :func:`requeue` puts each back in its queue lane
(:meth:`DeliveryQueue.requeue`): same alert, so same ``alert_id`` and idempotency key, and its
old place in the lane. It is idempotent: an alert the queue or the delivery log shows as
delivered is never queued again, and one already pending again is left alone, so running the
replay twice sends nothing twice. A running worker delivers what was requeued.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from models.alerts import Alert, Rule
from models.dead_letter import DeadLetter
from streams.alerts.delivery.delivery_log import DeliveryLog
from streams.alerts.delivery.queue import DeliveryQueue, item_id, lane_of
from streams.alerts.delivery.safety import channel_label

__all__ = ["DeadAlert", "ReplayReport", "dead_alerts", "requeue"]


@dataclass(frozen=True)
class DeadAlert:
    alert: Alert
    label: str
    lane: str | None
    reason: str
    failed_at: datetime

    @property
    def key(self) -> tuple[str, str]:
        return self.alert.alert_id, self.lane or self.label


@dataclass
class ReplayReport:
    """Item ids (``alert_id:lane``) or alert ids by what the replay did with them."""

    requeued: list[str] = field(default_factory=list)
    delivered: list[str] = field(default_factory=list)  # already delivered: not sent again
    pending: list[str] = field(default_factory=list)  # already queued again: left alone
    unknown: list[str] = field(default_factory=list)  # its rule or channel is gone


def dead_alerts(
    values: Iterable[bytes], *, since: datetime | None = None, rule: str | None = None
) -> list[DeadAlert]:
    """The alerts of delivery dead letters, the latest letter per (alert, channel)."""
    latest: dict[tuple[str, str], DeadAlert] = {}
    for value in values:
        try:
            letter = DeadLetter.model_validate_json(value)
            if letter.stage != "deliver":
                continue
            payload = json.loads(letter.payload)
            alert = Alert.model_validate(payload["alert"])
        except (ValidationError, ValueError, KeyError, TypeError):
            continue
        if since is not None and letter.failed_at < since:
            continue
        if rule is not None and alert.rule_id != rule:
            continue
        lane = payload.get("lane")
        dead = DeadAlert(
            alert=alert,
            label=str(payload.get("channel", "")),
            lane=str(lane) if lane else None,
            reason=letter.reason,
            failed_at=letter.failed_at,
        )
        latest[dead.key] = dead
    return list(latest.values())


def _lane(dead: DeadAlert, rules: Sequence[Rule]) -> str | None:
    """The letter's lane, or for a letter older than lanes the only channel of its rule
    with that label."""
    if dead.lane is not None:
        return dead.lane
    rule = next((r for r in rules if r.id == dead.alert.rule_id), None)
    matches = [c for c in (rule.channels if rule else ()) if channel_label(c) == dead.label]
    return lane_of(matches[0]) if len(matches) == 1 else None


async def requeue(
    queue: DeliveryQueue,
    delivery_log: DeliveryLog,
    rules: Sequence[Rule],
    dead: Sequence[DeadAlert],
    now: datetime,
) -> ReplayReport:
    report = ReplayReport()
    active = {r.id: {lane_of(c) for c in r.channels} for r in rules}
    for letter in dead:
        lane = _lane(letter, rules)
        alert_id = letter.alert.alert_id
        if lane is None or lane not in active.get(letter.alert.rule_id, set()):
            report.unknown.append(alert_id)
            continue
        if "delivered" in await delivery_log.outcomes(alert_id, letter.label):
            report.delivered.append(item_id(alert_id, lane))
            continue
        done = await queue.requeue(letter.alert, lane, letter.label, now)
        {"requeued": report.requeued, "delivered": report.delivered}.get(
            done, report.pending
        ).append(item_id(alert_id, lane))
    return report
