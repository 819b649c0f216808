"""``Listener``: every configured source as one asyncio task, the sources file watched.

Start: the latest state of every source is read from the cursor topic, then each valid
source starts from its cursor. Every ``SCOUT_SOURCES_CHECK_S`` the file's content is
compared with the last look: added sources start, removed ones stop, changed ones restart
(from their cursor when its scope, e.g. the URL, is unchanged). A file that no longer
parses leaves the running sources as they are (logged); a broken source is reported and
left out, the others run. Stop: every source finishes its poll in flight (posts
acknowledged, cursor saved), within ``STOP_GRACE_S``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models.sources import SourceState
from streams.errors import ConfigError
from streams.sources.base import Source, SourceContext
from streams.sources.config import SourcesFile, file_version, load_sources
from streams.sources.filters import make_filter
from streams.sources.kinds import source_class
from streams.sources.spec import SourceConfig
from streams.watchlist import WatchlistStore

__all__ = ["Listener"]

log = logging.getLogger(__name__)

STOP_GRACE_S = 30.0


@dataclass
class _Running:
    source: Source
    task: asyncio.Task[None]


class Listener:
    """Runs the sources of ``sources_file`` until :meth:`stop`."""

    def __init__(
        self,
        ctx: SourceContext,
        sources_file: Path,
        *,
        states: dict[str, SourceState],
        watchlists: Callable[[], WatchlistStore] | None = None,
    ) -> None:
        self.ctx = ctx
        self.path = sources_file
        self.states = dict(states)
        self.running: dict[str, _Running] = {}
        self.file: SourcesFile | None = None
        self.file_error: ConfigError | None = None
        self.checked_at = time.monotonic()
        self.started_at = datetime.now(UTC)
        self._make_watchlists = watchlists
        self._watchlists: WatchlistStore | None = None
        self._stop = asyncio.Event()
        ctx.on_state = self._remember

    def _remember(self, state: SourceState) -> None:
        self.states[state.source] = state

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        """Load the file (``ConfigError`` when it cannot be read at start), run until stopped."""
        await self.apply(load_sources(self.path))
        while not self._stop.is_set():
            try:
                await asyncio.wait_for(self._stop.wait(), self.ctx.settings.sources_check_s)
            except TimeoutError:
                await self.reload_if_changed()
        await self.shutdown()

    async def reload_if_changed(self) -> bool:
        """Re-read the file; apply it when its content changed. True when applied."""
        self.checked_at = time.monotonic()
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            self._file_failed(ConfigError(f"{self.path}: cannot read: {exc}", code="SCOUT-E700"))
            return False
        if self.file is not None and file_version(data) == self.file.version:
            return False
        try:
            loaded = load_sources(self.path)
        except ConfigError as exc:
            self._file_failed(exc)
            return False
        await self.apply(loaded)
        return True

    def _file_failed(self, exc: ConfigError) -> None:
        if self.file_error is None or str(self.file_error) != str(exc):
            log.error("sources file not reloaded, the running sources go on: %s", exc)
        self.file_error = exc

    async def apply(self, loaded: SourcesFile) -> None:
        """Stop, then start tasks so that the running sources are ``loaded``'s (a changed
        source's old task ends, its cursor saved, before the new one reads it)."""
        previous = {s.name: s for s in self.file.sources} if self.file else {}
        self.file, self.file_error = loaded, None
        for problem in loaded.problems:
            log.error("%s (left out; the other sources run)", problem)
        wanted = {s.name: s for s in loaded.sources}
        ending = [
            self._stop_source(name, "removed" if name not in wanted else "changed")
            for name in list(self.running)
            if name not in wanted or wanted[name] != previous.get(name)
        ]
        if ending:
            await asyncio.gather(*ending)
        for name, config in wanted.items():
            if name not in self.running:
                self._start(config)
        log.info(
            "sources file %s (version %s): %d running, %d left out",
            loaded.path,
            loaded.version,
            len(self.running),
            len(loaded.problems),
        )

    def _start(self, config: SourceConfig) -> None:
        try:
            post_filter = make_filter(config.filter, self._watchlist_store(config))
        except ConfigError as exc:
            log.error("source %s left out: its watchlist filter cannot load: %s", config.name, exc)
            return
        source = source_class(config.kind)(
            config, self.ctx, post_filter, self.states.get(config.name)
        )
        task = asyncio.create_task(self._guard(source), name=f"source:{config.name}")
        self.running[config.name] = _Running(source, task)
        log.info("source %s (%s) started: %s", config.name, config.kind, config.describe())

    def _watchlist_store(self, config: SourceConfig) -> WatchlistStore | None:
        if config.filter != "watchlist":
            return None
        if self._watchlists is None:
            if self._make_watchlists is None:
                raise ConfigError("no watch lists in this process", code="SCOUT-E060")
            self._watchlists = self._make_watchlists()
        return self._watchlists

    async def _guard(self, source: Source) -> None:
        try:
            await source.run()
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - a source's bug ends that source only
            log.exception("source %s stopped on an unexpected error", source.name)

    async def _stop_source(self, name: str, why: str) -> None:
        running = self.running.pop(name)
        running.source.stop()
        log.info("source %s %s: stopping", name, why)
        _, late = await asyncio.wait([running.task], timeout=STOP_GRACE_S)
        for task in late:
            task.cancel()

    async def shutdown(self) -> None:
        """Stop every source: each finishes its poll in flight and saves its cursor."""
        for running in self.running.values():
            running.source.stop()
        tasks = [r.task for r in self.running.values()]
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=STOP_GRACE_S)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late, timeout=5)
        self.running.clear()

    # --- what /health, /sources and /metrics show ---------------------------------
    def snapshot(self) -> dict[str, Any]:
        sources = []
        for config in self.file.sources if self.file else ():
            running = self.running.get(config.name)
            status = running.source.status if running else None
            sources.append(
                {
                    "name": config.name,
                    "kind": config.kind,
                    "running": running is not None and not running.task.done(),
                    "status": status.model_dump(mode="json") if status else None,
                }
            )
        problems = [
            {"source": p.source, "field": p.field, "code": p.code, "error": p.message}
            for p in (self.file.problems if self.file else ())
        ]
        return {
            "file": str(self.path),
            "version": self.file.version if self.file else None,
            "file_error": str(self.file_error) if self.file_error else None,
            "sources": sources,
            "problems": problems,
        }
