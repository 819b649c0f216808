"""What the brief reads from Elasticsearch (the posts alias), and ``make_brief`` wiring it up.

Every count is Elasticsearch's, over the whole window; only the items are sampled:

1. a count of every post in the window;
2. the posts that can carry a claim (linked to a watched company, M&A, or an executive
   move): their exact total, broken down by category label and how many have none yet
   (aggregations), and, of those, the news posts at or above the signal threshold
   (:func:`news_filter` as a ``post_filter``): their exact total (``track_total_hits``) and
   the most influential ``limit`` of them, from which the stories are built;
3. the rising voices (:func:`streams.index.leaders.leaders` over the same window against
   the seven before it) with their own news posts (one ``_msearch``);
4. for the companies that get a section, how many posts of the window are about each and
   how many of those are news (one ``filters`` aggregation, counted like
   :func:`~streams.brief.assemble.company_ids`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError
from pydantic import ValidationError

from models.brief import Brief
from models.enriched import EnrichedPost
from streams.brief.assemble import BriefLimits, build_brief, with_company_counts
from streams.brief.window import BriefWindow
from streams.errors import ConfigError, IndexUnavailableError
from streams.index.leaders import Voice, leaders
from streams.settings import Settings

__all__ = [
    "WindowPosts",
    "about_companies",
    "brief_query",
    "company_names",
    "count_companies",
    "fetch_posts",
    "fetch_voices",
    "make_brief",
    "news_filter",
]

log = logging.getLogger(__name__)

BASELINE_WINDOWS = 7


def _in_window(window: BriefWindow) -> dict[str, Any]:
    return {
        "range": {"created_at": {"gte": window.since.isoformat(), "lt": window.until.isoformat()}}
    }


def news_filter(min_signal: float) -> dict[str, Any]:
    """News posts whose category signal reaches ``min_signal``
    (:func:`~streams.brief.assemble.is_news` in Elasticsearch)."""
    return {
        "bool": {
            "filter": [
                {"term": {"category.label": "news"}},
                {"range": {"category.signal": {"gte": min_signal}}},
            ]
        }
    }


def about_companies(ids: Sequence[str]) -> list[dict[str, Any]]:
    """Clauses (any one matches) of a post about one of ``ids``, read as
    :func:`~streams.brief.assemble.company_ids` reads a post: a linked entity, a party of
    an M&A post, the organisation of a move."""
    wanted = list(ids)
    return [
        {"terms": {"entity_ids": wanted}},
        {"bool": {"filter": [{"term": {"ma.is_ma": True}}, {"terms": {"ma.acquirer.id": wanted}}]}},
        {"bool": {"filter": [{"term": {"ma.is_ma": True}}, {"terms": {"ma.target.id": wanted}}]}},
        {"terms": {"moves.organisation_id": wanted}},
    ]


def brief_query(window: BriefWindow, companies: Sequence[str] = ()) -> dict[str, Any]:
    """Posts of the window that can support a claim (optionally about ``companies``)."""
    if companies:
        about = about_companies(companies)
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


@dataclass(frozen=True)
class WindowPosts:
    total: int  # every post in the window
    about: int  # of those, the posts about watched companies, deals or moves
    news: int  # of ``about``, the news posts at or above the signal threshold
    unclassified: int  # of ``about``, posts without a category (enriched before it existed)
    by_category: dict[str, int]  # ``about`` by category label
    sample: list[EnrichedPost]  # the most influential of ``news``, at most the limit


def fetch_posts(
    client: Elasticsearch,
    alias: str,
    window: BriefWindow,
    *,
    companies: Sequence[str] = (),
    limit: int = 1000,
    min_signal: float = 0.5,
) -> WindowPosts:
    """The window's counts and the news posts that can carry a claim (the most
    influential). Counts are exact: aggregations over the posts about companies, deals and
    moves, the news among them as a ``post_filter`` with ``track_total_hits``."""
    try:
        total = client.count(index=alias, query=_in_window(window))["count"]
        response = client.search(
            index=alias,
            query=brief_query(window, companies),
            post_filter=news_filter(min_signal),
            size=limit,
            sort=_SORT,
            track_total_hits=True,
            aggs={
                "about": {"filter": {"match_all": {}}},
                "labels": {"terms": {"field": "category.label", "size": 20}},
                "unclassified": {"missing": {"field": "category.label"}},
            },
        )
    except (ApiError, TransportError) as exc:
        raise _wrap(exc, alias) from exc
    hits = response.body["hits"]
    aggs = response.body["aggregations"]
    return WindowPosts(
        total=int(total),
        about=int(aggs["about"]["doc_count"]),
        news=int(hits["total"]["value"]),
        unclassified=int(aggs["unclassified"]["doc_count"]),
        by_category={b["key"]: int(b["doc_count"]) for b in aggs["labels"]["buckets"]},
        sample=_posts(hits["hits"]),
    )


def count_companies(
    client: Elasticsearch,
    alias: str,
    window: BriefWindow,
    companies: Sequence[str],
    *,
    min_signal: float = 0.5,
) -> tuple[dict[str, int], dict[str, int]]:
    """Posts of the window about each of ``companies``, and how many of them are news at or
    above ``min_signal`` (every one, not a sample)."""
    if not companies:
        return {}, {}
    per_company = {
        c: {"bool": {"should": about_companies([c]), "minimum_should_match": 1}} for c in companies
    }
    try:
        response = client.search(
            index=alias,
            query=_in_window(window),
            size=0,
            aggs={
                "companies": {
                    "filters": {"filters": per_company},
                    "aggs": {"news": {"filter": news_filter(min_signal)}},
                }
            },
        )
    except (ApiError, TransportError) as exc:
        raise _wrap(exc, alias) from exc
    buckets = response.body["aggregations"]["companies"]["buckets"]
    posts = {c: int(buckets[c]["doc_count"]) for c in companies}
    news = {c: int(buckets[c]["news"]["doc_count"]) for c in companies}
    return posts, news


def fetch_voices(
    client: Elasticsearch,
    alias: str,
    window: BriefWindow,
    *,
    top: int,
    per_author: int = 5,
    min_signal: float = 0.5,
) -> tuple[list[Voice], dict[str, list[EnrichedPost]]]:
    """Rising voices of the window and their own news posts in it, by lower-case handle."""
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
                                news_filter(min_signal),
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
    found = fetch_posts(
        client, alias, window, companies=companies, limit=limits.posts, min_signal=limits.min_signal
    )
    rising, voice_posts = (
        fetch_voices(client, alias, window, top=limits.voices * 4, min_signal=limits.min_signal)
        if found.total
        else ([], {})
    )
    brief = build_brief(
        found.sample,
        window=window,
        generated_at=now,
        posts_in_window=found.total,
        posts_about=found.about,
        posts_news=found.news,
        posts_unclassified=found.unclassified,
        posts_by_category=found.by_category,
        company_names=company_names(settings),
        companies=companies,
        rising=rising,
        voice_posts=voice_posts,
        limits=limits,
    )
    sections = [s.company_id for s in brief.companies]
    posts, news = count_companies(client, alias, window, sections, min_signal=limits.min_signal)
    return with_company_counts(brief, posts, news)
