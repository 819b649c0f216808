"""What every channel format says about an alert: excerpt, author, entities, M&A (pure)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from models.alerts import Alert, AlertPost
from streams.normalize.text import clean_text

__all__ = ["excerpt", "author_line", "entities_line", "ma_summary", "post_of"]


def post_of(item: Alert | AlertPost) -> AlertPost:
    """The post of a post alert (or the post itself)."""
    if isinstance(item, AlertPost):
        return item
    if item.post is None:
        raise ValueError(f"alert {item.alert_id} ({item.kind}) carries no post")
    return item.post


def excerpt(text: str, limit: int = 500) -> str:
    """The post text on one paragraph, cut at a word boundary with an ellipsis."""
    flat = " ".join(clean_text(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def author_line(alert: Alert | AlertPost) -> str:
    post = post_of(alert)
    parts = [post.author or "unknown author", post.source]
    if post.created_at is not None:
        at = post.created_at
        at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
        parts.append(at.strftime("%Y-%m-%d %H:%M UTC"))
    return " · ".join(parts)


def entities_line(alert: Alert | AlertPost, limit: int = 12) -> str | None:
    ids = post_of(alert).entity_ids
    if not ids:
        return None
    shown = ", ".join(ids[:limit])
    return shown if len(ids) <= limit else f"{shown} (+{len(ids) - limit} more)"


def _party(value: Any) -> str | None:
    if isinstance(value, dict):
        name = value.get("name") or value.get("id")
        return str(name) if name else None
    return str(value) if value else None


def ma_summary(alert: Alert | AlertPost) -> str | None:
    """``"Acme → Widget Co (announced, $5bn)"`` when the post reports a deal, else None."""
    ma = post_of(alert).ma
    if not ma or not ma.get("is_ma"):
        return None
    acquirer, target = _party(ma.get("acquirer")), _party(ma.get("target"))
    head = f"{acquirer or '?'} → {target or '?'}" if acquirer or target else "M&A reported"
    details = [str(ma[k]) for k in ("status", "amount") if ma.get(k)]
    return f"{head} ({', '.join(details)})" if details else head
