"""Fixtures: the sample watch lists written to a temporary directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from streams.watchlist import Watchlist, WatchlistMatcher, load_watchlist
from tests.unit.watchlist.sample_lists import write_watchlist


@pytest.fixture
def watchlist_dir(tmp_path: Path) -> Path:
    return write_watchlist(tmp_path / "watchlists")


@pytest.fixture
def watchlist(watchlist_dir: Path) -> Watchlist:
    return load_watchlist(watchlist_dir)


@pytest.fixture
def matcher(watchlist: Watchlist) -> WatchlistMatcher:
    return WatchlistMatcher(watchlist)


@pytest.fixture
def ids(matcher: WatchlistMatcher) -> Callable[[str], list[tuple[str, str | None, str]]]:
    """(text, id, source) of every match, checking that offsets slice back to the text."""

    def run(text: str) -> list[tuple[str, str | None, str]]:
        found = matcher.match(text)
        for entity in found:
            assert text[entity.start : entity.end] == entity.text
        return [(e.text, e.id, e.source) for e in found]

    return run
