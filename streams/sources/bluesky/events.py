"""Jetstream events -> posts in the Post shape (pure).

A Jetstream message is one JSON object; the ones this kind reads are commits to
``app.bsky.feed.post``::

    {"did": "did:plc:...", "time_us": 1725911162329308, "kind": "commit",
     "commit": {"rev": "...", "operation": "create" | "update" | "delete",
                "collection": "app.bsky.feed.post", "rkey": "3l3q...", "cid": "bafy...",
                "record": {"$type": "app.bsky.feed.post", "text": "...",
                           "createdAt": "2024-09-09T19:46:02.102Z", "langs": ["en"],
                           "reply": {"root": {"uri": ...}, "parent": {"uri": ...}},
                           "embed": {...}}}}

(``delete`` has no record or cid; ``identity`` and ``account`` events carry no post.)
A post becomes:

    id          ``at://<did>/app.bsky.feed.post/<rkey>``, the post's AT URI: an update or a
                re-read of the same post has the same id, so it replaces, never duplicates
    text        ``record.text``; a post with no text but a link card: the card's title
                and description
    author      ``{"handle": <did>}`` (the event names no handle; the DID is stable)
    url         ``https://bsky.app/profile/<did>/post/<rkey>``
    created_at  ``record.createdAt`` (UTC), else the event's ``time_us``
    lang        the first of ``record.langs`` (``en-US`` -> ``en``)
    reply_to    ``{"id": parent URI, "root": root URI}`` when the post is a reply
    quote_of    ``{"id": quoted post's URI}`` when it quotes one
    link        the link card's URL, when it has one
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

__all__ = ["COLLECTION", "Event", "decode_event", "event_key", "post_uri"]

COLLECTION = "app.bsky.feed.post"
SOURCE = "bluesky"

Operation = Literal["create", "update", "delete"]


@dataclass(frozen=True, slots=True)
class Event:
    """One post commit: ``obj`` is Post-shaped (None for a delete or a post without
    text), ``key`` identifies the commit (a replay of it has the same key)."""

    time_us: int
    operation: Operation
    uri: str
    key: str
    obj: dict[str, Any] | None


def post_uri(did: str, rkey: str) -> str:
    return f"at://{did}/{COLLECTION}/{rkey}"


def event_key(operation: str, uri: str, version: str) -> str:
    """A commit's identity: the operation, the post and the commit's rev (or cid)."""
    return f"{operation[0]}|{uri}|{version}"


def decode_event(message: str | bytes) -> Event | int | None:
    """A Jetstream message -> an :class:`Event`; a message that is no post commit -> its
    ``time_us`` (it moves the cursor) or None when it has none; ``ValueError`` when the
    message is not JSON or a post commit lacks its fields."""
    data = json.loads(message)
    if not isinstance(data, dict):
        raise ValueError("a Jetstream message is a JSON object")
    time_us = data.get("time_us")
    if not isinstance(time_us, int) or isinstance(time_us, bool):
        return None
    commit = data.get("commit")
    if data.get("kind") != "commit" or not isinstance(commit, dict):
        return time_us
    if commit.get("collection") != COLLECTION:
        return time_us
    operation = commit.get("operation")
    did, rkey = data.get("did"), commit.get("rkey")
    if operation not in ("create", "update", "delete"):
        return time_us
    if not isinstance(did, str) or not did or not isinstance(rkey, str) or not rkey:
        raise ValueError(f"a post {operation} without did or rkey")
    uri = post_uri(did, rkey)
    version = commit.get("rev") or commit.get("cid") or str(time_us)
    key = event_key(operation, uri, str(version))
    if operation == "delete":
        return Event(time_us, operation, uri, key, None)
    record = commit.get("record")
    if not isinstance(record, dict):
        raise ValueError(f"a post {operation} without a record")
    return Event(time_us, operation, uri, key, post_obj(did, rkey, record, time_us))


def post_obj(did: str, rkey: str, record: dict[str, Any], time_us: int) -> dict[str, Any] | None:
    """The Post-shaped dict of a post record; None when it has no text to read."""
    text = record.get("text")
    text = text if isinstance(text, str) else ""
    found = record.get("embed")
    embed: dict[str, Any] = found if isinstance(found, dict) else {}
    card = _external(embed)
    if not text.strip() and card:
        text = ". ".join(
            str(card[k]).strip()
            for k in ("title", "description")
            if isinstance(card.get(k), str) and card[k].strip()
        )
    if not text.strip():
        return None
    obj: dict[str, Any] = {
        "id": post_uri(did, rkey),
        "text": text,
        "source": SOURCE,
        "author": {"handle": did},
        "url": f"https://bsky.app/profile/{did}/post/{rkey}",
        "created_at": _created_at(record.get("createdAt"), time_us),
    }
    lang = _lang(record.get("langs"))
    if lang:
        obj["lang"] = lang
    reply = record.get("reply")
    if isinstance(reply, dict):
        parent, root = _ref(reply.get("parent")), _ref(reply.get("root"))
        if parent or root:
            obj["reply_to"] = {"id": parent or root, "root": root or parent}
    quoted = _quoted(embed)
    if quoted:
        obj["quote_of"] = {"id": quoted}
    if card and isinstance(card.get("uri"), str):
        obj["link"] = card["uri"][:4096]
    return obj


def _ref(value: Any) -> str | None:
    uri = value.get("uri") if isinstance(value, dict) else None
    return uri if isinstance(uri, str) and uri.startswith("at://") else None


def _external(embed: dict[str, Any]) -> dict[str, Any] | None:
    """The link card of ``app.bsky.embed.external`` (or of recordWithMedia's media)."""
    kind = embed.get("$type")
    if kind == "app.bsky.embed.recordWithMedia":
        media = embed.get("media")
        return _external(media) if isinstance(media, dict) else None
    external = embed.get("external") if kind == "app.bsky.embed.external" else None
    return external if isinstance(external, dict) else None


def _quoted(embed: dict[str, Any]) -> str | None:
    """The URI of the quoted post (``app.bsky.embed.record`` / ``recordWithMedia``)."""
    kind = embed.get("$type")
    record = embed.get("record") if isinstance(embed.get("record"), dict) else None
    if record is None:
        return None
    if kind == "app.bsky.embed.recordWithMedia":
        record = record.get("record") if isinstance(record.get("record"), dict) else None
    elif kind != "app.bsky.embed.record":
        return None
    uri = _ref(record)
    return uri if uri and f"/{COLLECTION}/" in uri else None


def _created_at(value: Any, time_us: int) -> str:
    """``createdAt`` in UTC; naive times are UTC; unreadable ones give the event's time."""
    if isinstance(value, str):
        try:
            when = datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return when.astimezone(UTC).isoformat()
    return datetime.fromtimestamp(time_us / 1_000_000, tz=UTC).isoformat()


def _lang(value: Any) -> str | None:
    if not isinstance(value, list) or not value or not isinstance(value[0], str):
        return None
    primary = value[0].strip().split("-")[0].lower()
    return primary[:16] if primary.isalpha() else None
