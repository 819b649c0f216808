from __future__ import annotations

from streams.alerts.delivery import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    to_webhook,
    verify_signature,
)
from streams.alerts.delivery.webhook import webhook_body
from tests.unit.alerts.delivery.support import SECRET, make_alert

TS = 1_714_564_800


def test_signature_round_trips_with_the_secret() -> None:
    body, headers = to_webhook(make_alert(), timestamp=TS, secret=SECRET)
    assert headers[TIMESTAMP_HEADER] == str(TS)
    assert headers[SIGNATURE_HEADER].startswith("sha256=")
    assert verify_signature(
        SECRET, headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER], now=TS + 5
    )


def test_tampered_body_is_rejected() -> None:
    body, headers = to_webhook(make_alert(), timestamp=TS, secret=SECRET)
    forged = body.replace(b"Microsoft", b"Macrosoft")
    assert not verify_signature(SECRET, TS, forged, headers[SIGNATURE_HEADER], now=TS)


def test_wrong_secret_or_timestamp_is_rejected() -> None:
    body, headers = to_webhook(make_alert(), timestamp=TS, secret=SECRET)
    signature = headers[SIGNATURE_HEADER]
    assert not verify_signature("other", TS, body, signature, now=TS)
    assert not verify_signature(SECRET, TS + 1, body, signature, now=TS)
    assert not verify_signature(SECRET, "not-a-number", body, signature, now=TS)
    assert not verify_signature(SECRET, TS, body, signature.removeprefix("sha256="), now=TS)


def test_expired_or_future_timestamp_is_rejected() -> None:
    body, headers = to_webhook(make_alert(), timestamp=TS, secret=SECRET)
    signature = headers[SIGNATURE_HEADER]
    assert verify_signature(SECRET, TS, body, signature, tolerance_s=300, now=TS + 300)
    assert not verify_signature(SECRET, TS, body, signature, tolerance_s=300, now=TS + 301)
    assert not verify_signature(SECRET, TS, body, signature, tolerance_s=300, now=TS - 301)


def test_webhook_body_is_the_alert_as_json_with_an_idempotency_key() -> None:
    alert = make_alert()
    body, headers = to_webhook(alert, timestamp=TS, secret=SECRET)
    assert body == webhook_body(alert)
    assert headers[IDEMPOTENCY_HEADER] == alert.alert_id
    assert headers["Content-Type"].startswith("application/json")
    import json

    data = json.loads(body)
    assert data["event"] == "scout.alert"
    assert data["alert_id"] == alert.alert_id
    assert data["post"]["entity_ids"] == ["company:MSFT", "company:ATVI"]


def test_unsigned_without_a_secret() -> None:
    _, headers = to_webhook(make_alert(), timestamp=TS)
    assert SIGNATURE_HEADER not in headers
