from __future__ import annotations

import json

from models.alerts import Channel, DeliveryAttempt
from models.dead_letter import DeadLetter
from streams.alerts.delivery import dead_letter_alert
from tests.unit.alerts.delivery.support import NOW, SLACK_URL, make_alert


def _attempt(n: int, outcome: str, status: int | None, error: str | None) -> DeliveryAttempt:
    return DeliveryAttempt(
        alert_id="ma-deals:abc123",
        rule_id="ma-deals",
        channel="slack:hooks.slack.com",
        attempt=n,
        outcome=outcome,
        http_status=status,
        error=error,
        at=NOW,
    )


def _letter(*attempts: DeliveryAttempt) -> DeadLetter:
    raw = dead_letter_alert(
        make_alert(), Channel(type="slack", url=SLACK_URL), attempts, clock=lambda: NOW
    )
    assert b"XXXXSECRETXXXX" not in raw
    return DeadLetter.model_validate_json(raw)


def test_exhausted_retries_carry_the_last_error_and_the_alert() -> None:
    letter = _letter(
        _attempt(1, "retry", 503, "HTTP 503: busy"), _attempt(2, "failed", 503, "HTTP 503: down")
    )
    assert letter.reason == "delivery_exhausted"
    assert letter.code == "SCOUT-E222"
    assert letter.stage == "deliver"
    assert letter.post_id == "123"
    assert letter.failed_at == NOW
    assert "slack:hooks.slack.com after 2 attempt(s): HTTP 503: down" in letter.detail
    payload = json.loads(letter.payload)
    assert payload["channel"] == "slack:hooks.slack.com"
    assert payload["alert"]["alert_id"] == "ma-deals:abc123"
    assert [a["outcome"] for a in payload["attempts"]] == ["retry", "failed"]


def test_permanent_rejection_and_refusal_have_their_own_reasons() -> None:
    assert _letter(_attempt(1, "failed", 404, "HTTP 404: no_service")).reason == (
        "delivery_rejected"
    )
    refused = _letter(_attempt(1, "refused", None, "SCOUT-E220: refused"))
    assert (refused.reason, refused.code) == ("delivery_refused", "SCOUT-E220")
    assert _letter(_attempt(1, "failed", None, "ConnectError")).reason == "delivery_exhausted"
