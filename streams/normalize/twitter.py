"""Raw Twitter API v1.1 objects -> the Post shape (what `scout enrich` and connectors accept).

The text is made readable as posted: the full text (``extended_tweet``, ``full_text``, and
for a retweet the original's, behind ``RT @author:``), HTML entities that v1.1 escapes
(``&amp;`` ``&lt;`` ``&gt;``) decoded, and t.co links replaced by their expanded URLs.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from streams.errors import InvalidPostError

_TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"
MAX_MENTIONED = 200
"""Mentioned accounts a post keeps (``Post.mentioned_accounts`` holds at most this many)."""
_ESCAPED = re.compile(r"&(amp|lt|gt);")
_UNESCAPE = {"amp": "&", "lt": "<", "gt": ">"}


def is_twitter_v1(obj: dict[str, Any]) -> bool:
    """A v1.1 status: ``id_str``, a ``user`` object with ``screen_name``, and text."""
    user = obj.get("user")
    return (
        "id_str" in obj
        and isinstance(user, dict)
        and "screen_name" in user
        and ("text" in obj or "full_text" in obj or "extended_tweet" in obj)
    )


def _time(value: Any) -> str | None:
    if not value:
        return None
    try:
        return datetime.strptime(str(value), _TWITTER_TIME).astimezone(UTC).isoformat()
    except ValueError:
        pass
    try:  # archives re-exported with ISO 8601 times
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise InvalidPostError(
            f"Twitter created_at {value!r} is not like 'Wed Jan 01 03:59:03 +0000 2014'"
            " nor an ISO 8601 time with a timezone",
            reason="unknown_shape",
        )
    return parsed.astimezone(UTC).isoformat()


def _count(value: Any) -> Any:
    """Twitter's v1.1 counts were sometimes negative (``"friends_count": -2`` in real
    StockNet data): unknown, not a reason to refuse the post."""
    return None if isinstance(value, int) and not isinstance(value, bool) and value < 0 else value


def account_bio(value: Any) -> str | None:
    """An account's description when it is text (a bio is optional: never a refused post)."""
    return value if isinstance(value, str) and value.strip() else None


def _author(user: dict[str, Any]) -> dict[str, Any]:
    return {
        "handle": user.get("screen_name"),
        "name": user.get("name"),
        "followers": _count(user.get("followers_count")),
        "following": _count(user.get("friends_count")),
        "listed": _count(user.get("listed_count")),
        "verified": user.get("verified"),
        "description": account_bio(user.get("description")),
    }


def _mentions(*statuses: dict[str, Any]) -> list[dict[str, Any]]:
    """The accounts ``entities.user_mentions`` names (handle and display name), first
    mention of a handle kept, over the statuses whose text the post holds."""
    seen: dict[str, dict[str, Any]] = {}
    for status in statuses:
        extended = status.get("extended_tweet")
        entities = extended.get("entities") if isinstance(extended, dict) else None
        for source in (entities, status.get("entities")):
            mentions = source.get("user_mentions") if isinstance(source, dict) else None
            for mention in mentions if isinstance(mentions, list) else []:
                if not isinstance(mention, dict):
                    continue
                handle, name = mention.get("screen_name"), mention.get("name")
                if isinstance(handle, str) and handle and isinstance(name, str) and name:
                    seen.setdefault(handle.lower(), {"handle": handle, "name": name})
    return list(seen.values())[:MAX_MENTIONED]


def _engagement(obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "likes": obj.get("favorite_count"),
        "reposts": obj.get("retweet_count"),
        "replies": obj.get("reply_count"),
        "quotes": obj.get("quote_count"),
    }


def _expand_urls(text: str, entities: Any) -> str:
    urls = entities.get("urls") if isinstance(entities, dict) else None
    for url in urls if isinstance(urls, list) else []:
        short = url.get("url") if isinstance(url, dict) else None
        expanded = url.get("expanded_url") if isinstance(url, dict) else None
        if isinstance(short, str) and short and isinstance(expanded, str) and expanded:
            text = text.replace(short, expanded)
    return text


def _text(obj: dict[str, Any]) -> Any:
    extended = obj.get("extended_tweet")
    if isinstance(extended, dict) and "full_text" in extended:
        text, entities = extended["full_text"], extended.get("entities")
    else:
        text, entities = obj.get("full_text", obj.get("text")), obj.get("entities")
    if not isinstance(text, str):
        return text  # refused with a clear message by the Post checks
    return readable_text(text, entities)


def readable_text(text: str, entities: Any) -> str:
    """A tweet's text as posted (v1.1 and v2 alike): ``&amp;``/``&lt;``/``&gt;`` decoded in
    one pass, t.co links in ``entities["urls"]`` replaced by their expanded URLs."""
    text = _ESCAPED.sub(lambda m: _UNESCAPE[m.group(1)], text)
    return _expand_urls(text, entities)


def _retweet_text(obj: dict[str, Any], original: dict[str, Any]) -> Any:
    """A retweet's own text is cut at 140 characters; the original's is whole."""
    text = _text(original)
    user = original.get("user")
    handle = user.get("screen_name") if isinstance(user, dict) else None
    if not isinstance(text, str) or not text.strip() or not isinstance(handle, str):
        return _text(obj)
    return f"RT @{handle}: {text}"


def twitter_v1_to_post_obj(obj: dict[str, Any]) -> dict[str, Any]:
    """Map a v1.1 status to the Post fields (validation happens afterwards)."""
    user = obj["user"]
    post: dict[str, Any] = {
        "id": obj["id_str"],
        "text": _text(obj),
        "created_at": _time(obj.get("created_at")),
        "author": _author(user),
        "source": "twitter",
        "url": f"https://twitter.com/{user['screen_name']}/status/{obj['id_str']}",
        "lang": obj.get("lang") if obj.get("lang") not in (None, "und") else None,
        "engagement": _engagement(obj),
        "mentioned_accounts": _mentions(obj),
    }
    original = obj.get("retweeted_status")
    if isinstance(original, dict) and "id_str" in original:
        original_user = original.get("user") if isinstance(original.get("user"), dict) else None
        post["text"] = _retweet_text(obj, original)
        post["mentioned_accounts"] = _mentions(obj, original)
        # A retweet receives no engagement of its own: v1.1 copies the original's counts.
        post["engagement"] = None
        post["repost_of"] = {
            "id": original["id_str"],
            "author": _author(original_user) if original_user else None,
            "engagement": _engagement(original),
        }
    return post
