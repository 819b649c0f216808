"""Slack incoming-webhook message: ``text`` fallback plus Block Kit ``blocks`` (pure).

Limits honoured: header text 150 chars, section text 3000, button URL 3000.
"""

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

__all__ = ["to_slack"]


def _escape(text: str) -> str:
    """Slack mrkdwn control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _line(line: Line) -> str:
    text = _escape(line.text)
    if line.url and len(line.url) <= 1000 and "|" not in line.url and ">" not in line.url:
        return f"• <{line.url}|{text}>"
    return f"• {text}"


def _report(alert: Alert) -> dict[str, Any]:
    """Spike and digest alerts: header, summary, one section per part."""
    r = report(alert)
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(r.title, 150)}},
        {"type": "section", "text": {"type": "mrkdwn", "text": _cut(_escape(r.summary), 3000)}},
    ]
    for title, lines in r.sections:
        body = f"*{_escape(title)}*\n" + "\n".join(_line(line) for line in lines)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(body, 3000)}})
    if r.url and len(r.url) <= 3000:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Open top post"},
                        "url": r.url,
                        "action_id": "open_post",
                    }
                ],
            }
        )
    return {"text": _cut(f"{r.title}: {r.summary}", 3000), "blocks": blocks, "unfurl_links": False}


def to_slack(alert: Alert) -> dict[str, Any]:
    if alert.kind != "post":
        return _report(alert)
    post = post_of(alert)
    quote = excerpt(post.text, 600)
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(alert.rule_name, 150)}},
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": _cut("> " + _escape(quote), 3000)},
        },
        {"type": "context", "elements": [{"type": "mrkdwn", "text": _escape(author_line(alert))}]},
    ]
    fields: list[dict[str, Any]] = []
    entities = entities_line(alert)
    if entities:
        fields.append({"type": "mrkdwn", "text": _cut(f"*Entities*\n{_escape(entities)}", 2000)})
    deal = ma_summary(alert)
    if deal:
        fields.append({"type": "mrkdwn", "text": _cut(f"*M&amp;A*\n{_escape(deal)}", 2000)})
    if fields:
        blocks.append({"type": "section", "fields": fields})
    if post.url and len(post.url) <= 3000:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Open post"},
                        "url": post.url,
                        "action_id": "open_post",
                    }
                ],
            }
        )
    text = f"{alert.rule_name}: {excerpt(post.text, 200)}"
    if post.url:
        text += f" <{post.url}>"
    return {"text": _cut(text, 3000), "blocks": blocks, "unfurl_links": False}
