"""What the brief reads from Elasticsearch (the posts alias), and ``make_brief`` wiring it up.

Three reads per brief: a count of every post in the window, the posts that can carry a
claim (linked to a watched company, M&A, or an executive move; most influential first,
at most ``limit``), and the rising voices (:func:`streams.index.leaders.leaders` over the
same window against the seven before it) with their own posts (one ``_msearch``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError
from pydantic import ValidationError

from models.brief import Brief
from models.enriched import EnrichedPost
from streams.brief.assemble import BriefLimits, build_brief
from streams.brief.window import BriefWindow
from streams.errors import ConfigError, IndexUnavailableError
from streams.index.leaders import Voice, leaders
from streams.settings import Settings

__all__ = ["brief_query", "company_names", "fetch_posts", "fetch_voices", "make_brief"]

log = logging.getLogger(__name__)

BASELINE_WINDOWS = 7


def _in_window(window: BriefWindow) -> dict[str, Any]:
    return {
        "range": {"created_at": {"gte": window.since.isoformat(), "lt": window.until.isoformat()}}
    }


def brief_query(window: BriefWindow, companies: Sequence[str] = ()) -> dict[str, Any]:
    """Posts of the window that can support a claim (optionally about ``companies``)."""
    if companies:
        ids = list(companies)
        about: list[dict[str, Any]] = [
            {"terms": {"entity_ids": ids}},
            {"terms": {"ma.acquirer.id": ids}},
            {"terms": {"ma.target.id": ids}},
            {"terms": {"moves.organisation_id": ids}},
        ]
    else:
        about = [
            {"prefix": {"entity_ids": "company:"}},
            {"term": {"ma.is_ma": True}},
            {"exists": {"field": "moves.direction"}},
        ]
    return {
        "bool": {
            "filter": [_in_window(window)],
            "should": about,
            "minimum_should_match": 1,
        }
    }


def _wrap(exc: Exception, alias: str) -> Exception:
    if isinstance(exc, ApiError) and exc.meta.status == 404:
        return ConfigError(f"no posts index {alias!r}: run `scout setup` first", code="SCOUT-E021")
    return IndexUnavailableError(f"brief query failed: {exc}")


def _posts(hits: Sequence[dict[str, Any]]) -> list[EnrichedPost]:
    out = []
    for hit in hits:
        try:
            out.append(EnrichedPost.model_validate(hit["_source"]))
        except ValidationError as exc:  # an old or hand-written document: skip, say so
            log.warning("brief: skipping document %s: %s", hit.get("_id"), exc)
    return out


_SORT = [
    {"influence.score": {"order": "desc", "missing": "_last"}},
    {"created_at": {"order": "desc", "missing": "_last"}},
    {"doc_id": {"order": "asc"}},
]


def fetch_posts(
    client: Elasticsearch,
    alias: str,
    window: BriefWindow,
    *,
    companies: Sequence[str] = (),
    limit: int = 1000,
) -> tuple[int, list[EnrichedPost]]:
    """(posts in the window, the posts that can carry a claim)."""
    try:
        total = client.count(index=alias, query=_in_window(window))["count"]
        response = client.search(
            index=alias, query=brief_query(window, companies), size=limit, sort=_SORT
        )
    except (ApiError, TransportError) as exc:
        raise _wrap(exc, alias) from exc
    return int(total), _posts(response.body["hits"]["hits"])


def fetch_voices(
    client: Elasticsearch, alias: str, window: BriefWindow, *, top: int, per_author: int = 5
) -> tuple[list[Voice], dict[str, list[EnrichedPost]]]:
    """Rising voices of the window and their own posts in it, by lower-case handle."""
    try:
        _, rising = leaders(
            client,
            alias,
            until=window.until,
            window=window.until - window.since,
            baseline_windows=BASELINE_WINDOWS,
            top=top,
        )
        if not rising:
            return [], {}
        searches: list[dict[str, Any]] = []
        for voice in rising:
            searches.append({"index": alias})
            searches.append(
                {
                    "query": {
                        "bool": {
                            "filter": [
                                _in_window(window),
                                {"term": {"author.handle": voice.handle}},
                            ]
                        }
                    },
                    "size": per_author,
                    "sort": _SORT,
                }
            )
        response = client.msearch(searches=searches)
    except (ApiError, TransportError) as exc:
        raise _wrap(exc, alias) from exc
    posts: dict[str, list[EnrichedPost]] = {}
    for voice, answer in zip(rising, response.body["responses"], strict=True):
        if "error" in answer:
            log.warning("brief: posts of @%s unavailable: %s", voice.handle, answer["error"])
            continue
        posts[voice.handle.lower()] = _posts(answer["hits"]["hits"])
    return rising, posts


def company_names(settings: Settings) -> dict[str, str]:
    """Display names of the watched companies (empty if the watch list cannot be read:
    the brief then names companies as the posts write them)."""
    from streams.watchlist import default_watchlist_dir, load_watchlist

    try:
        watchlist = load_watchlist(settings.watchlist_dir or default_watchlist_dir())
    except ConfigError as exc:
        log.warning("brief: watch list unavailable, using names from the posts: %s", exc)
        return {}
    return {c.id: c.name for c in watchlist.companies}


def make_brief(
    client: Elasticsearch,
    settings: Settings,
    window: BriefWindow,
    *,
    now: datetime,
    companies: Sequence[str] = (),
    limits: BriefLimits = BriefLimits(),  # noqa: B008 - frozen dataclass
) -> Brief:
    """Read the window from the posts alias and assemble the brief."""
    alias = settings.posts_alias
    total, posts = fetch_posts(client, alias, window, companies=companies)
    rising, voice_posts = (
        fetch_voices(client, alias, window, top=limits.voices * 4) if total else ([], {})
    )
    return build_brief(
        posts,
        window=window,
        generated_at=now,
        posts_in_window=total,
        company_names=company_names(settings),
        companies=companies,
        rising=rising,
        voice_posts=voice_posts,
        limits=limits,
    )
