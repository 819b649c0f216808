"""Alerts and channels built by hand for delivery tests."""

from __future__ import annotations

import socket
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from models.alerts import Alert, AlertPost, Channel

SECRET = "s3cret-signing-key"
SLACK_URL = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX"
TEAMS_URL = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=TOPSECRET"
PUBLIC_IP = "93.184.216.34"
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def make_alert(**post: Any) -> Alert:
    fields: dict[str, Any] = {
        "doc_id": "doc-1",
        "post_id": "123",
        "source": "twitter",
        "text": "Microsoft to acquire Activision Blizzard for $68.7bn in an all-cash deal",
        "url": "https://twitter.com/acme/status/123",
        "author": "@dealwatcher",
        "created_at": datetime(2024, 5, 1, 11, 58, tzinfo=UTC),
        "entity_ids": ("company:MSFT", "company:ATVI"),
        "influence": 71.5,
        "ma": {
            "is_ma": True,
            "score": 0.93,
            "acquirer": {"name": "Microsoft", "id": "company:MSFT"},
            "target": {"name": "Activision Blizzard", "id": "company:ATVI"},
            "amount": "$68.7bn",
            "status": "announced",
        },
    }
    fields.update(post)
    return Alert(
        alert_id="ma-deals:abc123",
        rule_id="ma-deals",
        rule_name="M&A: watched competitors",
        dedup_value="abc123",
        post=AlertPost(**fields),
        matched_at=NOW,
    )


def webhook(
    url: str = "https://hooks.example.com/scout/in", secret: str | None = SECRET
) -> Channel:
    return Channel(type="webhook", url=url, secret=secret)


def resolver(*addresses: str) -> Callable[..., Sequence[tuple[Any, ...]]]:
    """A getaddrinfo stand-in answering ``addresses`` for every host."""

    def resolve(host: str, port: int, *args: Any) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        for address in addresses:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            out.append((family, socket.SOCK_STREAM, 6, "", (address, port)))
        return out

    return resolve
