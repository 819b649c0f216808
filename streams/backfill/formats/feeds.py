"""RSS 2.0 / Atom feeds and CSV files -> Post-shaped dicts."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET  # noqa: S405 - parsing files the operator chose
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any

from streams.backfill.formats.html import html_to_text
from streams.errors import InvalidPostError

_ATOM = "{http://www.w3.org/2005/Atom}"


def _rfc822(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value.strip()).isoformat()
    except (TypeError, ValueError):
        return None


def _text(title: str | None, body: str | None) -> str:
    title = html_to_text(title or "")
    body = html_to_text(body or "")
    if title and body and not body.startswith(title):
        return f"{title}. {body}"
    return title or body


def feed_posts(data: bytes) -> Iterator[dict[str, Any]]:
    """Items of an RSS 2.0 or Atom document (entities are not expanded)."""
    if b"<!ENTITY" in data:
        raise InvalidPostError("feed declares XML entities; refused", reason="unknown_shape")
    try:
        root = ET.fromstring(data)  # noqa: S314 - entity declarations refused above
    except ET.ParseError as exc:
        raise InvalidPostError(f"not well-formed XML: {exc}", reason="malformed_xml") from exc
    channel_title = root.findtext("channel/title") or root.findtext(f"{_ATOM}title")
    for item in root.iter("item"):
        link = item.findtext("link")
        yield {
            "id": item.findtext("guid") or link,
            "text": _text(item.findtext("title"), item.findtext("description")),
            "created_at": _rfc822(item.findtext("pubDate")),
            "author": {"handle": None, "name": item.findtext("author") or channel_title},
            "source": "rss",
            "url": link,
        }
    for entry in root.iter(f"{_ATOM}entry"):
        link_el = entry.find(f"{_ATOM}link")
        link = link_el.get("href") if link_el is not None else None
        author = entry.findtext(f"{_ATOM}author/{_ATOM}name") or channel_title
        yield {
            "id": entry.findtext(f"{_ATOM}id") or link,
            "text": _text(
                entry.findtext(f"{_ATOM}title"),
                entry.findtext(f"{_ATOM}summary") or entry.findtext(f"{_ATOM}content"),
            ),
            "created_at": entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated"),
            "author": {"handle": None, "name": author},
            "source": "rss",
            "url": link,
        }


_CSV_AUTHOR = {"author_handle": "handle", "author_name": "name", "followers": "followers"}


def csv_posts(text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, Post dict) per row; blank cells are omitted."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise InvalidPostError(
            f"CSV needs a header with at least id,text (got {reader.fieldnames})",
            reason="unknown_shape",
        )
    for row in reader:
        post: dict[str, Any] = {}
        author: dict[str, Any] = {}
        for key, value in row.items():
            if key is None or value in (None, ""):
                continue
            if key in _CSV_AUTHOR:
                author[_CSV_AUTHOR[key]] = (
                    int(value) if key == "followers" and value.isdigit() else value
                )
            else:
                post[key] = value
        if author:
            post["author"] = author
        yield reader.line_num, post
