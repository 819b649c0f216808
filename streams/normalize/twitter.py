"""Raw Twitter API v1.1 objects -> the Post shape (what `scout enrich` and connectors accept)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from streams.errors import InvalidPostError

_TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"


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
    except ValueError as exc:
        raise InvalidPostError(
            f"Twitter created_at {value!r} is not like 'Wed Jan 01 03:59:03 +0000 2014'",
            reason="unknown_shape",
        ) from exc


def _author(user: dict[str, Any]) -> dict[str, Any]:
    return {
        "handle": user.get("screen_name"),
        "name": user.get("name"),
        "followers": user.get("followers_count"),
        "following": user.get("friends_count"),
        "listed": user.get("listed_count"),
        "verified": user.get("verified"),
    }


def _engagement(obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "likes": obj.get("favorite_count"),
        "reposts": obj.get("retweet_count"),
        "replies": obj.get("reply_count"),
        "quotes": obj.get("quote_count"),
    }


def _text(obj: dict[str, Any]) -> Any:
    extended = obj.get("extended_tweet")
    if isinstance(extended, dict) and "full_text" in extended:
        return extended["full_text"]
    return obj.get("full_text", obj.get("text"))


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
    }
    original = obj.get("retweeted_status")
    if isinstance(original, dict) and "id_str" in original:
        original_user = original.get("user") if isinstance(original.get("user"), dict) else None
        post["repost_of"] = {
            "id": original["id_str"],
            "author": _author(original_user) if original_user else None,
            "engagement": _engagement(original),
        }
    return post
