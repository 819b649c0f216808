"""Feed bytes -> items in the Post shape, with the keys that deduplicate them (pure).

Parsing is feedparser's (RSS 0.9x/1.0/2.0, Atom 0.3/1.0; it sanitizes HTML, resolves
relative links and reads dates in every format feeds use). An item becomes:

    id          its guid/id when that is an absolute IRI (``https://...``, ``urn:...``,
                ``tag:...``); a bare guid (``12345``) is made ``<feed url>#<guid>`` so two
                feeds' numbers never collide; no guid: its link; neither: ``sha256:`` of
                its content. Deterministic: a re-read item gets the same document id.
    text        title and summary (or content) as plain text
    author      the item's author, else the feed's title, as ``name``
    url, created_at (published, else updated; UTC), lang (the item's or the feed's, else
    the source's ``lang``), engagement.replies (``slash:comments``), source ``rss``
"""

from __future__ import annotations

import calendar
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from streams.backfill.formats.html import html_to_text
from streams.sources.dedup import content_key, key_hash, normalize_link
from streams.sources.errors import E_NOT_A_FEED, SourceFetchError

__all__ = ["FeedItem", "parse_feed"]

SOURCE = "rss"


@dataclass(frozen=True)
class FeedItem:
    obj: dict[str, Any]  # Post-shaped
    raw: bytes  # the item as JSON, for a dead letter
    id_hash: str
    link_hash: str | None
    content_hash: str


def parse_feed(data: bytes, *, url: str, lang: str | None = None) -> list[FeedItem]:
    """The items of a feed document, oldest first; ``SourceFetchError`` (SCOUT-E707) when
    the bytes are no feed at all."""
    parsed = feedparser.parse(data, response_headers={"content-location": url}, sanitize_html=True)
    if parsed.get("bozo") and not parsed.entries and not parsed.feed.get("title"):
        reason = parsed.get("bozo_exception")
        raise SourceFetchError(
            f"{url} did not answer a feed (RSS or Atom): {reason}", code=E_NOT_A_FEED
        )
    if not parsed.get("version") and not parsed.entries:
        raise SourceFetchError(
            f"{url} did not answer a feed (RSS or Atom): no channel or feed element",
            code=E_NOT_A_FEED,
        )
    feed = parsed.feed
    feed_title = _plain(feed.get("title"))
    feed_lang = _lang(feed.get("language")) or lang
    items = [
        _item(entry, url=url, feed_title=feed_title, feed_lang=feed_lang)
        for entry in parsed.entries
    ]
    # Oldest first (undated items keep their place at the end, in document order).
    dated = sorted(
        (i for i in items if i.obj.get("created_at")), key=lambda i: str(i.obj["created_at"])
    )
    return dated + [i for i in items if not i.obj.get("created_at")]


def _item(entry: Any, *, url: str, feed_title: str | None, feed_lang: str | None) -> FeedItem:
    title = _plain(entry.get("title"))
    body = _body(entry)
    text = (
        title if not body else body if not title or body.startswith(title) else f"{title}. {body}"
    )
    link = entry.get("link") or None
    content = content_key(title, body)
    guid = (entry.get("id") or "").strip()
    if guid:
        post_id = guid if ":" in guid else f"{url}#{guid}"
    elif link:
        post_id = link
    else:
        post_id = f"sha256:{key_hash(content or url)}"
    obj: dict[str, Any] = {
        "id": post_id[:512],
        "text": text,
        "source": SOURCE,
        "url": link,
        "created_at": _when(entry.get("published_parsed") or entry.get("updated_parsed")),
        "author": {"name": (_plain(entry.get("author")) or feed_title or None)},
        "lang": _lang(_entry_lang(entry)) or feed_lang,
    }
    replies = entry.get("slash_comments")
    if isinstance(replies, str) and replies.strip().isdigit():
        obj["engagement"] = {"replies": int(replies.strip())}
    obj = {k: v for k, v in obj.items() if v is not None}
    if not obj["author"].get("name"):
        obj.pop("author")
    raw = json.dumps(
        {"feed": url, "id": guid or None, "link": link, "title": title, "text": body},
        ensure_ascii=False,
    ).encode("utf-8", "surrogatepass")
    return FeedItem(
        obj=obj,
        raw=raw,
        id_hash=key_hash(post_id),
        link_hash=key_hash(normalize_link(link)) if link else None,
        content_hash=key_hash(content or post_id),
    )


def _plain(value: Any) -> str:
    return html_to_text(value) if isinstance(value, str) and value else ""


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    for part in contents:
        value = part.get("value") if isinstance(part, dict) else None
        if value:
            return _plain(value)
    return _plain(entry.get("summary"))


def _when(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    except (OverflowError, ValueError, OSError):
        return None


def _entry_lang(entry: Any) -> str | None:
    for key in ("content", "summary_detail", "title_detail"):
        detail = entry.get(key)
        if isinstance(detail, list):
            detail = detail[0] if detail else None
        if isinstance(detail, dict) and detail.get("language"):
            return str(detail["language"])
    return None


def _lang(value: Any) -> str | None:
    """``en-US`` -> ``en``."""
    if not isinstance(value, str) or not value.strip():
        return None
    primary = value.strip().split("-")[0].split("_")[0].lower()
    return primary[:16] if primary.isalpha() else None
