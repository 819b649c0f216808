"""Adapt the watch-list store to what enrichment needs (``WatchlistView``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from models.enriched import Entity
from streams.enrich.enricher import WatchlistView
from streams.watchlist import Watchlist, WatchlistMatcher, WatchlistStore


class StoreView:
    """One watch-list version: matching, candidates for ambiguous names, competitors.

    A candidate is the one company, person or product whose name or alias the ambiguous
    match spells (any case); a name two of them share has none.

    Competitors are the companies flagged ``competitor``; when none is flagged, every
    watched company counts (a fresh install watches the whole default list).
    """

    def __init__(self, watchlist: Watchlist, matcher: WatchlistMatcher) -> None:
        self.version = watchlist.version
        self._matcher = matcher
        names: defaultdict[str, set[str]] = defaultdict(set)
        for company in watchlist.companies:
            for name in (company.name, *company.aliases):
                names[name.casefold()].add(company.id)
        for person in watchlist.people:
            for name in (person.name, *person.aliases):
                names[name.casefold()].add(person.id)
        for product in watchlist.products:
            for name in (product.name, *product.aliases):
                names[name.casefold()].add(product.id)
        self._names = {name: sorted(ids) for name, ids in names.items()}
        flagged = [c for c in watchlist.companies if c.competitor]
        self._competitors = {c.id: c.name for c in (flagged or watchlist.companies)}

    def match(self, text: str) -> list[Entity]:
        return self._matcher.match(text)

    def topics(self, text: str) -> list[str]:
        return self._matcher.topics(text)

    def candidate(self, entity: Entity) -> str | None:
        ids = self._names.get(entity.text.casefold(), [])
        return ids[0] if len(ids) == 1 else None  # a shared name stays unlinked

    def competitor_name(self, entity_id: str) -> str | None:
        return self._competitors.get(entity_id)


def store_views(store: WatchlistStore) -> Callable[[], WatchlistView]:
    """A callable giving the current view; rebuilt only when the watch list changes."""
    cache: dict[str, StoreView] = {}

    def current() -> WatchlistView:
        watchlist, matcher = store.current()
        view = cache.get(watchlist.version)
        if view is None:
            cache.clear()
            view = cache[watchlist.version] = StoreView(watchlist, matcher)
        return view

    return current
