"""Microsoft Teams (Workflows "post to a channel when a webhook request is received"):
a ``message`` carrying one Adaptive Card 1.4 (pure)."""

from __future__ import annotations

from typing import Any

from models.alerts import Alert
from streams.alerts.delivery.content import author_line, entities_line, excerpt, ma_summary

__all__ = ["to_teams", "ADAPTIVE_CARD_CONTENT_TYPE"]

ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"


def to_teams(alert: Alert) -> dict[str, Any]:
    post = alert.post
    facts = [{"title": "Author", "value": author_line(alert)}]
    entities = entities_line(alert)
    if entities:
        facts.append({"title": "Entities", "value": entities})
    deal = ma_summary(alert)
    if deal:
        facts.append({"title": "M&A", "value": deal})
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": alert.rule_name,
            "weight": "Bolder",
            "size": "Medium",
            "wrap": True,
        },
        {"type": "TextBlock", "text": excerpt(post.text, 600), "wrap": True},
        {"type": "FactSet", "facts": facts},
    ]
    card: dict[str, Any] = {
        "$schema": _SCHEMA,
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    if post.url:
        card["actions"] = [{"type": "Action.OpenUrl", "title": "Open post", "url": post.url}]
    return {
        "type": "message",
        "attachments": [
            {"contentType": ADAPTIVE_CARD_CONTENT_TYPE, "contentUrl": None, "content": card}
        ],
    }
