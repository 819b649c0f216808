"""Watch lists: companies, people, products, M&A targets and topics the scout links posts to.

    load_watchlist(directory) -> Watchlist       read and validate every file (ConfigError)
    WatchlistMatcher(watchlist).match(text)     -> list[Entity] with offsets, ids, confidence
    WatchlistStore(directory, check_interval_s) -> current (Watchlist, WatchlistMatcher),
                                                   reloaded when the files change

File formats: ``models/watchlists/README.md``.
"""

from streams.watchlist.loader import default_watchlist_dir, load_watchlist
from streams.watchlist.matcher import CUE_WORDS, WatchlistMatcher
from streams.watchlist.records import Company, MaTarget, Person, Product, Topic, Watchlist
from streams.watchlist.store import WatchlistStore

__all__ = [
    "CUE_WORDS",
    "Company",
    "MaTarget",
    "Person",
    "Product",
    "Topic",
    "Watchlist",
    "WatchlistMatcher",
    "WatchlistStore",
    "default_watchlist_dir",
    "load_watchlist",
]
