"""Deliver alerts to webhooks, Slack and Microsoft Teams; log every attempt.

Framework-free and async: the Faust agent calls ``Deliverer.deliver`` per (alert, channel),
writes the attempts with ``DeliveryLog.record`` and, when the last attempt did not deliver,
sends ``dead_letter_alert(...)`` to ``alerts.dlq``.

    formats   to_webhook (signed JSON) · to_slack (Block Kit) · to_teams (Adaptive Card)
    safety    check_target (SSRF guard, every resolved address) · redact / channel_label
    sender    Deliverer (retries, backoff with jitter, Retry-After, DNS pinning)
    log       DeliveryLog (``<prefix>-deliveries``, idempotent ids)
    dlq       dead_letter_alert
"""

from __future__ import annotations

from streams.alerts.delivery.dead_letter import (
    DEAD_LETTER_REASONS,
    dead_letter_alert,
    dead_letter_record,
)
from streams.alerts.delivery.delivery_log import (
    DELIVERIES_MAPPING,
    DeliveryLog,
    deliveries_index,
)
from streams.alerts.delivery.exceptions import (
    DeliveryLogUnavailableError,
    DeliveryRejectedError,
    TargetRefusedError,
    TargetUnresolvedError,
)
from streams.alerts.delivery.payloads import render
from streams.alerts.delivery.safety import channel_label, check_target, redact
from streams.alerts.delivery.sender import RETRYABLE_STATUS, Deliverer
from streams.alerts.delivery.signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign,
    verify_signature,
)
from streams.alerts.delivery.slack import to_slack
from streams.alerts.delivery.teams import to_teams
from streams.alerts.delivery.webhook import to_webhook

__all__ = [
    "DEAD_LETTER_REASONS",
    "DELIVERIES_MAPPING",
    "IDEMPOTENCY_HEADER",
    "RETRYABLE_STATUS",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "Deliverer",
    "DeliveryLog",
    "DeliveryLogUnavailableError",
    "DeliveryRejectedError",
    "TargetRefusedError",
    "TargetUnresolvedError",
    "channel_label",
    "check_target",
    "dead_letter_alert",
    "dead_letter_record",
    "deliveries_index",
    "redact",
    "render",
    "sign",
    "to_slack",
    "to_teams",
    "to_webhook",
    "verify_signature",
]
