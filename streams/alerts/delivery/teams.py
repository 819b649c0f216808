"""Microsoft Teams (Workflows "post to a channel when a webhook request is received"):
a ``message`` carrying one Adaptive Card 1.4 (pure)."""

from __future__ import annotations

from typing import Any

from models.alerts import Alert
from streams.alerts.delivery.content import (
    author_line,
    entities_line,
    excerpt,
    ma_summary,
    post_of,
)
from streams.alerts.delivery.reports import Line, report

__all__ = ["to_teams", "ADAPTIVE_CARD_CONTENT_TYPE"]

ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"


def _markdown(line: Line) -> str:
    text = line.text.replace("[", "(").replace("]", ")")
    if line.url and ")" not in line.url and " " not in line.url:
        return f"- [{text}]({line.url})"
    return f"- {text}"


def _report_body(alert: Alert) -> tuple[list[dict[str, Any]], str | None]:
    r = report(alert)
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": r.title, "weight": "Bolder", "size": "Medium", "wrap": True},
        {"type": "TextBlock", "text": r.summary, "wrap": True},
    ]
    for title, lines in r.sections:
        body.append(
            {
                "type": "TextBlock",
                "text": title,
                "weight": "Bolder",
                "wrap": True,
                "spacing": "Medium",
            }
        )
        body.append(
            {"type": "TextBlock", "text": "\n".join(_markdown(x) for x in lines), "wrap": True}
        )
    return body, r.url


def _message(body: list[dict[str, Any]], url: str | None, label: str) -> dict[str, Any]:
    card: dict[str, Any] = {
        "$schema": _SCHEMA,
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    if url:
        card["actions"] = [{"type": "Action.OpenUrl", "title": label, "url": url}]
    return {
        "type": "message",
        "attachments": [
            {"contentType": ADAPTIVE_CARD_CONTENT_TYPE, "contentUrl": None, "content": card}
        ],
    }


def to_teams(alert: Alert) -> dict[str, Any]:
    if alert.kind != "post":
        parts, url = _report_body(alert)
        return _message(parts, url, "Open top post")
    post = post_of(alert)
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
    return _message(body, post.url, "Open post")
