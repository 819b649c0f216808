"""A source's ``filter``: which posts go to Kafka (the others are counted as dropped).

all             every post (the default of feeds: the operator chose them)
watchlist       posts naming a watch-list company, person or product, or a topic (the
                default of firehose kinds: bluesky)
{keywords: [...]}  posts whose text holds one of the keywords (case-insensitive,
                on word boundaries)
"""

from __future__ import annotations

import re
from typing import Protocol

from models.post import Post
from streams.normalize.fold import fold
from streams.sources.spec import KeywordFilter, SourceFilter
from streams.watchlist import WatchlistStore

__all__ = ["PostFilter", "make_filter"]


class PostFilter(Protocol):
    def keeps(self, post: Post) -> bool: ...


class _All:
    def keeps(self, post: Post) -> bool:
        return True


class _Keywords:
    def __init__(self, spec: KeywordFilter) -> None:
        words = sorted({k.strip() for k in spec.keywords}, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
        )

    def keeps(self, post: Post) -> bool:
        return self._pattern.search(fold(post.text).text) is not None


class _Watchlist:
    def __init__(self, store: WatchlistStore) -> None:
        self._store = store

    def keeps(self, post: Post) -> bool:
        _, matcher = self._store.current()
        text = fold(post.text).text  # the matching copy, as enrichment reads it
        if not matcher.may_match(text):  # most of a firehose, at a tenth of the cost
            return False
        return bool(matcher.match(text)) or bool(matcher.topics(text))


def make_filter(spec: SourceFilter, watchlists: WatchlistStore | None) -> PostFilter:
    """The filter of ``spec``; ``watchlist`` needs the process's ``WatchlistStore``."""
    if isinstance(spec, KeywordFilter):
        return _Keywords(spec)
    if spec == "watchlist":
        if watchlists is None:
            raise ValueError("the watchlist filter needs a WatchlistStore")
        return _Watchlist(watchlists)
    return _All()
