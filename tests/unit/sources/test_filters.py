"""Source filters: all, watchlist (the bundled watch lists) and keywords."""

from __future__ import annotations

from models.post import Post
from streams.sources.filters import make_filter
from streams.sources.spec import KeywordFilter
from streams.watchlist import WatchlistStore, default_watchlist_dir


def _post(text: str) -> Post:
    return Post(id="p", text=text)


def test_watchlist_filter_keeps_posts_naming_a_watched_company() -> None:
    keep = make_filter("watchlist", WatchlistStore(default_watchlist_dir(), 60))
    assert keep.keeps(_post("Oracle agrees to acquire a startup"))
    assert not keep.keeps(_post("Nice weather in the park today"))


def test_keyword_filter_matches_whole_words_in_any_case() -> None:
    keep = make_filter(KeywordFilter(keywords=("Globex", "tender offer")), None)
    assert keep.keeps(_post("GLOBEX files a Tender Offer"))
    assert keep.keeps(_post("a tender offer for shares"))
    assert not keep.keeps(_post("Globexia is another firm"))


def test_all_keeps_everything() -> None:
    assert make_filter("all", None).keeps(_post("anything"))


def test_filters_read_the_matching_copy_of_a_text_stored_as_given() -> None:
    # Invisible characters, full-width letters and doubled blanks hide no keyword or name.
    keep = make_filter(KeywordFilter(keywords=("Globex", "tender offer")), None)
    assert keep.keeps(_post("Glo\u200bbex news"))
    assert keep.keeps(_post("a tender \u00a0 offer"))
    watch = make_filter("watchlist", WatchlistStore(default_watchlist_dir(), 60))
    assert watch.keeps(_post("\uff2f\uff52\uff41\uff43\uff4c\uff45 agrees to acquire a startup"))
    assert watch.keeps(_post("Or\u200dacle agrees to acquire a startup"))
