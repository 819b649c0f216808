"""Hacker News API answers -> posts (pure).

``/v0/newstories.json`` is a JSON array of up to 500 item ids, newest first. An item::

    {"id": 8863, "type": "story", "by": "dhouston", "time": 1175714200,
     "title": "My YC app: Dropbox", "url": "http://www.getdropbox.com/u/2/screencast.html",
     "text": "<i>or</i> HTML", "score": 111, "descendants": 71, "kids": [...]}

deleted items carry ``"deleted": true`` (and no ``by``/``title``), killed ones
``"dead": true``; an item not there (yet) is ``null``. A story becomes a post with id
``hn-<id>``, ``source: hackernews``, its title and text (HTML as plain text) as ``text``,
``by`` as the author's handle, ``score`` as likes and ``descendants`` as replies, ``time``
as ``created_at`` and its ``url``, else its page on news.ycombinator.com.
"""

from __future__ import annotations

import json
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any

from streams.backfill.formats.html import html_to_text

__all__ = ["new_ids", "skip_reason", "story_post"]

SOURCE = "hackernews"
ITEM_PAGE = "https://news.ycombinator.com/item?id={id}"


def new_ids(listing: Any, *, after: int | None, limit: int) -> list[int]:
    """Ids of ``listing`` above ``after``, oldest first, at most ``limit`` (the oldest
    ones: the rest come next poll). Without ``after`` (a first run): the newest ``limit``."""
    if not isinstance(listing, list):
        raise ValueError(f"expected a JSON array of item ids, got {type(listing).__name__}")
    ids = sorted({i for i in listing if isinstance(i, int) and not isinstance(i, bool) and i > 0})
    if after is None:
        return ids[-limit:]
    return [i for i in ids if i > after][:limit]


def skip_reason(item: Any) -> str | None:
    """Why an item is not published (``missing``, ``deleted``, ``dead``, ``not a story``),
    or None."""
    if not isinstance(item, dict):
        return "missing"
    if item.get("deleted"):
        return "deleted"
    if item.get("dead"):
        return "dead"
    if item.get("type") not in (None, "story"):
        return "not a story"
    if not item.get("title") and not item.get("text"):
        return "missing"
    return None


def story_post(item: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """A story as a Post-shaped dict, and its raw JSON (for a dead letter)."""
    item_id = int(item["id"])
    title = " ".join(str(item.get("title") or "").split())
    body = html_to_text(item["text"]) if isinstance(item.get("text"), str) else ""
    text = f"{title}\n\n{body}" if title and body else title or body
    obj: dict[str, Any] = {
        "id": f"hn-{item_id}",
        "text": text,
        "source": SOURCE,
        "url": item.get("url") or ITEM_PAGE.format(id=item_id),
    }
    if isinstance(item.get("by"), str) and item["by"]:
        obj["author"] = {"handle": item["by"]}
    when = item.get("time")
    if isinstance(when, int | float) and not isinstance(when, bool):
        with suppress(OverflowError, ValueError, OSError):  # out of range: no time
            obj["created_at"] = datetime.fromtimestamp(when, tz=UTC).isoformat()
    engagement = {
        key: value
        for key, value in (("likes", item.get("score")), ("replies", item.get("descendants")))
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0
    }
    if engagement:
        obj["engagement"] = engagement
    return obj, json.dumps(item, ensure_ascii=False).encode("utf-8", "surrogatepass")
