"""Generic webhook: the alert as JSON, signed with the channel secret (pure)."""

from __future__ import annotations

import json

from pydantic import SecretStr

from models.alerts import Alert
from streams.alerts.delivery.signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign,
)

__all__ = ["to_webhook", "webhook_body"]


def webhook_body(alert: Alert) -> bytes:
    """Compact UTF-8 JSON of the alert (``alert.model_dump(mode="json")``), keys sorted;
    ``event`` is ``scout.alert`` for a post alert, ``scout.spike`` or ``scout.digest``."""
    event = "scout.alert" if alert.kind == "post" else f"scout.{alert.kind}"
    data = {"event": event, **alert.model_dump(mode="json")}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def to_webhook(
    alert: Alert, *, timestamp: int, secret: SecretStr | str | None = None
) -> tuple[bytes, dict[str, str]]:
    """Body and headers. Without a secret the request is unsigned (no signature header)."""
    body = webhook_body(alert)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        TIMESTAMP_HEADER: str(int(timestamp)),
        IDEMPOTENCY_HEADER: alert.alert_id,
    }
    if secret is not None:
        key = secret.get_secret_value() if isinstance(secret, SecretStr) else secret
        headers[SIGNATURE_HEADER] = sign(key, int(timestamp), body)
    return body, headers
