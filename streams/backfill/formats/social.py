"""Twitter API v2 and Mastodon objects -> Post-shaped dicts."""

from __future__ import annotations

from typing import Any

from streams.backfill.formats.html import html_to_text
from streams.normalize.twitter import MAX_MENTIONED, account_bio, readable_text


def twitter_v2_posts(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """A v2 response ({"data", "includes"}) or a single v2 tweet -> Post dicts."""
    users = {u.get("id"): u for u in (obj.get("includes") or {}).get("users", [])}
    data = obj.get("data", obj)
    tweets = data if isinstance(data, list) else [data]
    return [_tweet_v2(t, users) for t in tweets]


def _text_v2(tweet: dict[str, Any]) -> Any:
    """The whole text (``note_tweet`` for long posts), entities decoded, t.co links expanded."""
    note = tweet.get("note_tweet")
    if isinstance(note, dict) and isinstance(note.get("text"), str) and note["text"]:
        return readable_text(note["text"], note.get("entities"))
    text = tweet.get("text")
    return readable_text(text, tweet.get("entities")) if isinstance(text, str) else text


def _tweet_v2(tweet: dict[str, Any], users: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    user = users.get(tweet.get("author_id")) or tweet.get("author") or {}
    metrics = tweet.get("public_metrics") or {}
    user_metrics = user.get("public_metrics") or {}
    handle = user.get("username")
    return {
        "id": tweet.get("id"),
        "text": _text_v2(tweet),
        "created_at": tweet.get("created_at"),
        "author": {
            "handle": handle,
            "name": user.get("name"),
            "followers": user_metrics.get("followers_count"),
            "following": user_metrics.get("following_count"),
            "listed": user_metrics.get("listed_count"),
            "verified": user.get("verified"),
            "description": account_bio(user.get("description")),
        }
        if user
        else None,
        "source": "twitter",
        "url": f"https://twitter.com/{handle}/status/{tweet.get('id')}" if handle else None,
        "lang": tweet.get("lang") if tweet.get("lang") not in (None, "und") else None,
        "engagement": {
            "likes": metrics.get("like_count"),
            "reposts": metrics.get("retweet_count"),
            "replies": metrics.get("reply_count"),
            "quotes": metrics.get("quote_count"),
        },
        "mentioned_accounts": _mentions_v2(tweet, users),
    }


def _mentions_v2(tweet: dict[str, Any], users: dict[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    """The accounts ``entities.mentions`` names, with the display name ``includes.users``
    gives (expansion ``entities.mentions.username``); mentions without one are left out."""
    by_handle = {str(u.get("username")).lower(): u for u in users.values() if u.get("username")}
    entities = tweet.get("entities")
    mentions = entities.get("mentions") if isinstance(entities, dict) else None
    out: dict[str, dict[str, Any]] = {}
    for mention in mentions if isinstance(mentions, list) else []:
        handle = mention.get("username") if isinstance(mention, dict) else None
        if not isinstance(handle, str) or not handle:
            continue
        user = users.get(mention.get("id")) or by_handle.get(handle.lower()) or {}
        name = user.get("name")
        if isinstance(name, str) and name:
            out.setdefault(handle.lower(), {"handle": handle, "name": name})
    return list(out.values())[:MAX_MENTIONED]


def mastodon_post(status: dict[str, Any]) -> dict[str, Any]:
    account = status.get("account") or {}
    return {
        "id": status.get("uri") or status.get("id"),
        "text": html_to_text(str(status.get("content") or "")),
        "created_at": status.get("created_at"),
        "author": {
            "handle": account.get("acct"),
            "name": account.get("display_name"),
            "followers": account.get("followers_count"),
            "following": account.get("following_count"),
        },
        "source": "mastodon",
        "url": status.get("url"),
        "lang": status.get("language"),
        "engagement": {
            "likes": status.get("favourites_count"),
            "reposts": status.get("reblogs_count"),
            "replies": status.get("replies_count"),
        },
    }
