"""``WatchlistStore``: the current watch list, reloaded when its files change.

Workers call ``current()`` per batch; at most every ``check_interval_s`` it compares the
files' names and contents (SHA-256; the lists are small) with the last look and reloads on a
change. Contents, not modification times: an edit of the same size within the file
system's clock tick, or a file restored with its old time, is still seen.
A file that fails to load is logged and the previous watch list stays in force.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from streams.errors import ConfigError
from streams.watchlist.files import content_version, watchlist_files
from streams.watchlist.loader import load_watchlist
from streams.watchlist.matcher import WatchlistMatcher
from streams.watchlist.records import Watchlist

__all__ = ["WatchlistStore"]

Fingerprint = str


class WatchlistStore:
    """Thread-safe holder of the current ``(Watchlist, WatchlistMatcher)``.

    The first load happens in the constructor and raises ``ConfigError`` if it fails (a
    worker must not start without a watch list); later failures keep the old list.
    """

    def __init__(
        self,
        directory: Path,
        check_interval_s: float = 30.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        logger: logging.Logger | None = None,
    ) -> None:
        self.directory = directory
        self.check_interval_s = check_interval_s
        self._clock = clock
        self._log = logger or logging.getLogger(__name__)
        self._lock = threading.Lock()
        self._seen = self._fingerprint()
        watchlist = load_watchlist(directory)
        self._current = (watchlist, WatchlistMatcher(watchlist))
        self._checked_at = clock()
        self.last_error: ConfigError | None = None

    def current(self) -> tuple[Watchlist, WatchlistMatcher]:
        """The watch list in force, after a reload if a check is due and files changed."""
        if self._clock() - self._checked_at >= self.check_interval_s:
            self.reload_if_changed()
        return self._current

    @property
    def version(self) -> str:
        return self._current[0].version

    def reload_if_changed(self) -> bool:
        """Check the files now; True if a changed watch list was loaded."""
        with self._lock:
            self._checked_at = self._clock()
            try:
                seen = self._fingerprint()
            except (ConfigError, OSError) as exc:
                self._failed(exc)
                return False
            if seen == self._seen:
                return False
            self._seen = seen  # a bad file is reported once, retried when it changes again
            try:
                watchlist = load_watchlist(self.directory)
            except ConfigError as exc:
                self._failed(exc)
                return False
            if watchlist.version == self._current[0].version:
                return False
            self._current = (watchlist, WatchlistMatcher(watchlist))
            self.last_error = None
            self._log.info(
                "watch list reloaded from %s: version %s, %d companies, %d people",
                self.directory,
                watchlist.version,
                len(watchlist.companies),
                len(watchlist.people),
            )
            return True

    def _failed(self, exc: Exception) -> None:
        error = exc if isinstance(exc, ConfigError) else ConfigError(str(exc), code="SCOUT-E061")
        self.last_error = error
        self._log.error(
            "watch list in %s not reloaded, keeping version %s: %s",
            self.directory,
            self._current[0].version,
            error,
        )

    def _fingerprint(self) -> Fingerprint:
        return content_version([(p.name, p.read_bytes()) for p in watchlist_files(self.directory)])
