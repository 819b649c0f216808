"""Mastodon ``Status`` entities -> Post-shaped dicts (pure).

    id          the status's ``uri`` (the ActivityPub id: the same on every server, and
                the id ``scout backfill`` gives Mastodon statuses), else its URL
    text        ``content`` HTML as text (``spoiler_text``, a content warning, first); a
                boost: ``RT @acct: `` + the boosted status's text, like a retweet
    author      ``account``: handle ``acct`` (``user@server`` for the server's own
                accounts too), name ``display_name``, followers/following, bot
    engagement  favourites, reblogs and replies counts (a boost: none of its own; the
                boosted status's counts in ``repost_of``)

A status's local ``id`` (what ``min_id`` and ``delete`` events use) is not the post id: a
source keeps the local ids of what it published to turn a deletion into the post id.
"""

from __future__ import annotations

from typing import Any

from streams.backfill.formats.html import html_to_text

__all__ = ["SOURCE", "local_id", "status_to_post"]

SOURCE = "mastodon"


def local_id(status: dict[str, Any]) -> str | None:
    """The status's id on the server that sent it (numeric text), if it has one."""
    value = status.get("id")
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


def _text(status: dict[str, Any]) -> str:
    content = status.get("content")
    text = html_to_text(content) if isinstance(content, str) else ""
    spoiler = status.get("spoiler_text")
    if isinstance(spoiler, str) and spoiler.strip():
        text = f"{spoiler.strip()}\n{text}" if text else spoiler.strip()
    return text


def _handle(account: dict[str, Any], server_host: str) -> str | None:
    acct = account.get("acct")
    if not isinstance(acct, str) or not acct:
        return None
    return acct if "@" in acct else f"{acct}@{server_host}"


def _author(account: Any, server_host: str) -> dict[str, Any] | None:
    if not isinstance(account, dict):
        return None
    author: dict[str, Any] = {
        "handle": _handle(account, server_host),
        "name": account.get("display_name") or None,
        "followers": account.get("followers_count"),
        "following": account.get("following_count"),
    }
    if isinstance(account.get("bot"), bool):
        author["bot"] = account["bot"]
    return author


def _engagement(status: dict[str, Any]) -> dict[str, Any]:
    return {
        "likes": status.get("favourites_count"),
        "reposts": status.get("reblogs_count"),
        "replies": status.get("replies_count"),
    }


def _post_id(status: dict[str, Any]) -> Any:
    return status.get("uri") or status.get("url") or status.get("id")


def status_to_post(status: dict[str, Any], *, server_host: str) -> dict[str, Any]:
    """One Status -> the Post fields (validated afterwards by ``Source.produce``)."""
    post: dict[str, Any] = {
        "id": _post_id(status),
        "text": _text(status),
        "created_at": status.get("created_at"),
        "author": _author(status.get("account"), server_host),
        "source": SOURCE,
        "url": status.get("url"),
        "lang": status.get("language") or None,
        "engagement": _engagement(status),
    }
    original = status.get("reblog")
    if isinstance(original, dict):
        original_author = _author(original.get("account"), server_host)
        handle = (original_author or {}).get("handle")
        text = _text(original)
        post["text"] = f"RT @{handle}: {text}" if handle and text else text
        post["url"] = status.get("url") or original.get("url")
        post["lang"] = original.get("language") or None
        post["engagement"] = None  # a boost receives no reactions of its own
        post["repost_of"] = {
            "id": _post_id(original),
            "author": original_author,
            "engagement": _engagement(original),
        }
    return post
