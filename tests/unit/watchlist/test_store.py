from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest

from streams.errors import ConfigError
from streams.watchlist import WatchlistStore
from tests.unit.watchlist.sample_lists import COMPANIES_CSV


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _touch_later(path: Path) -> None:
    """Give the file a different mtime even on coarse-grained file systems."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_reload_picks_up_a_change_after_the_interval(watchlist_dir: Path) -> None:
    clock = FakeClock()
    store = WatchlistStore(watchlist_dir, check_interval_s=10, clock=clock)
    old_version = store.version
    companies = watchlist_dir / "companies.csv"
    companies.write_text(COMPANIES_CSV + "company:ACME,Acme Rockets,,ACME,,,,false,Tech\n")
    _touch_later(companies)

    _, matcher = store.current()
    assert matcher.match("$ACME") == []  # not checked before the interval
    clock.now = 10
    watchlist, matcher = store.current()
    assert watchlist.version != old_version
    assert [e.id for e in matcher.match("$ACME and Acme Rockets")] == ["company:ACME"] * 2


def test_new_file_in_the_directory_is_picked_up(watchlist_dir: Path) -> None:
    store = WatchlistStore(watchlist_dir, check_interval_s=0)
    extra = "companies:\n  - id: company:ACME\n    name: Acme Rockets\n    tickers: [ACME]\n"
    (watchlist_dir / "companies.custom.yaml").write_text(extra)
    _, matcher = store.current()
    assert [e.id for e in matcher.match("$ACME")] == ["company:ACME"]


def test_bad_new_file_keeps_the_old_list_and_logs(
    watchlist_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = WatchlistStore(watchlist_dir, check_interval_s=0)
    old_version = store.version
    people = watchlist_dir / "people.yaml"
    people.write_text("people:\n  - name: X\n    role: boss\n")
    _touch_later(people)

    with caplog.at_level(logging.ERROR, logger="streams.watchlist.store"):
        watchlist, matcher = store.current()
    assert watchlist.version == old_version
    assert [e.id for e in matcher.match("$MSFT")] == ["company:MSFT"]
    assert store.last_error is not None and "people.yaml line 2" in str(store.last_error)
    assert "people.yaml line 2" in caplog.text

    people.write_text("people: []\n")  # fixed: the next check loads it
    _touch_later(people)
    assert store.current()[0].version != old_version
    assert store.last_error is None


def test_first_load_failure_raises(tmp_path: Path) -> None:
    (tmp_path / "companies.csv").write_text("id,name\nbad id,X\n")
    with pytest.raises(ConfigError, match="companies.csv line 2"):
        WatchlistStore(tmp_path, check_interval_s=1)


def test_unchanged_files_are_not_reloaded(watchlist_dir: Path) -> None:
    store = WatchlistStore(watchlist_dir, check_interval_s=0)
    first = store.current()
    assert store.reload_if_changed() is False
    assert store.current() is first


def test_concurrent_readers_see_a_whole_watch_list(watchlist_dir: Path) -> None:
    store = WatchlistStore(watchlist_dir, check_interval_s=0)
    companies = watchlist_dir / "companies.csv"
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(200):
                watchlist, matcher = store.current()
                assert matcher.version == watchlist.version
        except BaseException as exc:  # noqa: BLE001 - reported to the main thread
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for n in range(5):
        companies.write_text(COMPANIES_CSV + f"company:N{n},N{n},,N{n},,,,false,Tech\n")
        _touch_later(companies)
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert store.current()[0].company("company:N4") is not None


def test_an_edit_keeping_size_and_modification_time_is_picked_up(watchlist_dir: Path) -> None:
    store = WatchlistStore(watchlist_dir, check_interval_s=0)
    companies = watchlist_dir / "companies.csv"
    before = companies.stat()
    text = companies.read_text()
    assert "Best Buy," in text
    companies.write_text(text.replace("Best Buy,", "Best Bux,"))  # same size
    os.utime(companies, ns=(before.st_atime_ns, before.st_mtime_ns))  # same time
    assert companies.stat().st_size == before.st_size
    _, matcher = store.current()
    assert [e.id for e in matcher.match("Best Bux")] == ["company:BBY"]
