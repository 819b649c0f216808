"""Pick the format for a channel: bytes on the wire and headers (pure)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from models.alerts import Alert, Channel
from streams.alerts.delivery.secrets import channel_secret
from streams.alerts.delivery.slack import to_slack
from streams.alerts.delivery.teams import to_teams
from streams.alerts.delivery.webhook import to_webhook

__all__ = ["render"]

_JSON = "application/json; charset=utf-8"


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def render(
    alert: Alert, channel: Channel, *, timestamp: int, environ: Mapping[str, str] = os.environ
) -> tuple[bytes, dict[str, str]]:
    """Raises ``SecretUnsetError`` when the webhook's ``secret_env`` is unset in ``environ``."""
    if channel.type == "webhook":
        secret = channel_secret(channel, environ)
        return to_webhook(alert, timestamp=timestamp, secret=secret)
    message = to_slack(alert) if channel.type == "slack" else to_teams(alert)
    return _json(message), {"Content-Type": _JSON}
