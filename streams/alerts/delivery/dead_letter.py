"""Dead letters for alerts that could not be delivered (the ``alerts.dlq`` topic).

The value is a ``models.DeadLetter`` (like every ``.dlq`` topic of the scout): ``reason``,
``detail`` with the last error, ``stage="deliver"``, and as ``payload`` the alert plus the
redacted channel and the attempts, so an operator can replay it once the receiver is fixed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from models.alerts import Alert, Channel, DeliveryAttempt
from models.dead_letter import DeadLetter
from streams.alerts.delivery.queue import lane_of
from streams.alerts.delivery.safety import channel_label
from streams.alerts.delivery.sender import RETRYABLE_STATUS

__all__ = ["dead_letter_alert", "dead_letter_record", "DEAD_LETTER_REASONS"]

# reason -> stable code
DEAD_LETTER_REASONS = {
    "delivery_refused": "SCOUT-E220",
    "delivery_rejected": "SCOUT-E221",
    "delivery_exhausted": "SCOUT-E222",
    "delivery_interrupted": "SCOUT-E223",
}


def _reason(attempts: Sequence[DeliveryAttempt]) -> str:
    last = attempts[-1] if attempts else None
    if last is None:
        return "delivery_exhausted"
    if last.outcome == "refused":
        return "delivery_refused"
    if last.outcome == "interrupted":
        return "delivery_interrupted"
    status = last.http_status
    if status is not None and status < 500 and status not in RETRYABLE_STATUS:
        return "delivery_rejected"
    return "delivery_exhausted"


def dead_letter_record(
    alert: Alert,
    channel: Channel,
    attempts: Sequence[DeliveryAttempt],
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    tried: int | None = None,
    note: str | None = None,
) -> DeadLetter:
    """``attempts`` are the attempts shown in the payload; ``tried`` the number made in all
    (default: ``len(attempts)``); ``note`` the error to show when no attempt is attached."""
    label = channel_label(channel)
    reason = _reason(attempts)
    last = attempts[-1] if attempts else None
    last_error = (
        (last.error or (f"HTTP {last.http_status}" if last.http_status else None)) if last else note
    )
    detail = (
        f"alert {alert.alert_id} (rule {alert.rule_id}) was not delivered to {label}"
        f" after {len(attempts) if tried is None else tried} attempt(s):"
        f" {last_error or 'no attempt was made'}"
    )
    payload = {
        "alert": alert.model_dump(mode="json"),
        "channel": label,
        "channel_type": channel.type,
        "channel_name": channel.name,
        "lane": lane_of(channel),  # `scout alerts replay` puts it back in this queue lane
        "attempts": [a.model_dump(mode="json") for a in attempts],
    }
    return DeadLetter(
        reason=reason,
        detail=detail,
        code=DEAD_LETTER_REASONS[reason],
        stage="deliver",
        post_id=alert.post.post_id if alert.post else None,
        payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
        failed_at=clock(),
    )


def dead_letter_alert(
    alert: Alert,
    channel: Channel,
    attempts: Sequence[DeliveryAttempt],
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    tried: int | None = None,
    note: str | None = None,
) -> bytes:
    """The ``alerts.dlq`` message value (UTF-8 JSON of a ``DeadLetter``)."""
    record = dead_letter_record(alert, channel, attempts, clock=clock, tried=tried, note=note)
    return record.model_dump_json().encode()
