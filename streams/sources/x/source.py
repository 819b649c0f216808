"""The ``x`` connector: keep the rules in sync with the watch lists, read the stream.

    run()   token check (SCOUT-E740: the source does not start without it); the rules
            synced once, then whenever the watch lists change (a task beside the stream,
            every ``interval``); the stream read until stopped, reconnecting:
              - closed by X, an operational-disconnect, a stall, a network error:
                at once, then 0.5 s doubling up to 16 s while it keeps failing
              - 429: until ``x-rate-limit-reset`` (at least 1 s doubling)
              - other HTTP errors: 5 s doubling, up to ``SCOUT_SOURCES_BACKOFF_CAP_S``
            Posts are committed (Kafka's ack, then the cursor) every second while they
            flow, at every keep-alive and before reconnecting. The cursor keeps the ids seen lately (hashes), so a tweet delivered
            again (``backfill_minutes``, reconnects) is not published twice.

The filtered stream has no resume point: tweets posted while disconnected are missed,
unless ``backfill_minutes`` (levels with recovery) asks for up to 5 minutes of them.
"""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field

from models.sources import SourceState
from streams.errors import BrokerUnavailableError, ConfigError, InvalidPostError
from streams.sources.base import SourceContext, StatefulSource
from streams.sources.dedup import SeenSet, key_hash
from streams.sources.filters import PostFilter
from streams.sources.pacing import failure_delay
from streams.sources.spec import SourceConfig
from streams.sources.x.api import STREAM_PARAMS, STREAM_PATH, XApi, bearer_token, error_from
from streams.sources.x.config import XConfig
from streams.sources.x.errors import StreamStalled, XApiError
from streams.sources.x.rules import SyncPlan, plan_sync, watch_terms
from streams.sources.x.stream import StreamLine, parse_line, read_lines, until_stopped
from streams.watchlist import WatchlistStore, default_watchlist_dir

__all__ = ["XCursor", "XSource"]

SEEN_CAPACITY = 5000
COMMIT_EVERY_S = 1.0
TEST_SECONDS = 10.0
TEST_POSTS = 20


class XCursor(BaseModel):
    model_config = ConfigDict(extra="ignore")

    seen: list[str] = Field(default_factory=list)  # hashes of the tweet ids seen lately
    last_tweet_at: str | None = None
    rules: int = 0  # our rules in force after the last sync
    left_out: int = 0  # terms past the budget at the last sync
    watchlist: str | None = None  # version of the watch list the rules were made from


class XSource(StatefulSource):
    config: XConfig

    def __init__(
        self,
        config: SourceConfig,
        ctx: SourceContext,
        post_filter: PostFilter,
        state: SourceState | None = None,
    ) -> None:
        super().__init__(config, ctx, post_filter, state)
        self._seen = SeenSet(XCursor.model_validate(self.cursor).seen, SEEN_CAPACITY)
        self._store: WatchlistStore | None = None
        self._failures = 0
        self._connected_once = False

    # --- the watch lists and the rules ------------------------------------------------
    async def _watchlist(self) -> tuple[Any, str]:
        settings = self.ctx.settings
        if self._store is None:
            directory = settings.watchlist_dir or default_watchlist_dir()
            self._store = await asyncio.to_thread(
                WatchlistStore, directory, settings.watchlist_check_s
            )
        watchlist, _ = await asyncio.to_thread(self._store.current)
        return watchlist, watchlist.version

    async def plan(self, api: XApi) -> tuple[SyncPlan, str]:
        watchlist, version = await self._watchlist()
        config = self.config
        plan = plan_sync(
            watch_terms(watchlist, config.watch),
            await api.rules(),
            tag=config.tag,
            max_rules=config.max_rules,
            max_length=config.max_rule_length,
            suffix=config.rule_suffix,
        )
        return plan, version

    async def sync_rules(self, api: XApi) -> SyncPlan:
        """Delete our stale rules, then add the missing ones (never another's rule)."""
        plan, version = await self.plan(api)
        if plan.delete:
            await api.delete(plan.delete)
        if plan.add:
            await api.add(plan.add, self.config.tag)
        if plan.left_out or plan.too_long:
            self.log.warning(
                "source %s: %d watch-list terms past %d rules and %d longer than %d"
                " characters are not in the rules",
                self.name,
                len(plan.left_out),
                self.config.max_rules,
                len(plan.too_long),
                self.config.max_rule_length,
            )
        self.log.info(
            "source %s: rules synced with watch list %s: %d in force (%d added, %d deleted)",
            self.name,
            version,
            len(plan.rules),
            len(plan.add),
            len(plan.delete),
        )
        cursor = XCursor.model_validate(self.cursor)
        cursor.rules, cursor.left_out, cursor.watchlist = (
            len(plan.rules),
            len(plan.left_out),
            version,
        )
        self.cursor = cursor.model_dump()
        return plan

    async def _keep_rules_in_sync(self, api: XApi, synced: str) -> None:
        """Every ``interval``: when the watch list changed, sync the rules (while the
        stream stays connected: X applies rule changes without a reconnect)."""
        while not await self.pause(self.config.poll_interval.total_seconds()):
            try:
                _, version = await self._watchlist()
                if version != synced:
                    await self.sync_rules(api)
                    synced = version
            except Exception as exc:  # noqa: BLE001 - the stream goes on; the next check retries
                self.update(
                    errors=self.status.errors + 1,
                    last_error=str(exc)[:500],
                    last_error_at=self.ctx.clock(),
                )
                report = self.log.warning if hasattr(exc, "code") else self.log.exception
                report("source %s: rules not synced, retried later: %s", self.name, exc)

    # --- the stream ---------------------------------------------------------------------
    async def run(self) -> None:
        try:
            token = bearer_token(self.ctx.settings)
        except ConfigError as exc:
            self.log.error("source %s does not start: %s", self.name, exc)
            self.update(
                state="failing",
                errors=self.status.errors + 1,
                last_error=str(exc),
                last_error_at=self.ctx.clock(),
            )
            await self._save_quietly()
            return
        api = XApi(self.ctx.http, self.config.api_url, token)
        syncer: asyncio.Task[None] | None = None
        while not self.stopping.is_set():
            delay = 0.0
            try:
                if syncer is None:
                    await self.sync_rules(api)
                    syncer = asyncio.create_task(
                        self._keep_rules_in_sync(api, str(self.cursor.get("watchlist")))
                    )
                await self._stream(api)
                await self.commit()
                if not self.stopping.is_set():
                    delay = self._closed()
            except Exception as exc:  # noqa: BLE001 - one source's failure never ends the others
                delay = await self._failed(exc)
            if await self.pause(delay):
                break
        if syncer is not None:
            syncer.cancel()
        try:
            await self.commit()
        except BrokerUnavailableError as exc:
            self.rollback()
            self.log.warning(
                "source %s: posts in flight not acknowledged at stop: %s", self.name, exc
            )
        self.update(state="stopped", next_poll_at=None)
        await self._save_quietly()

    async def _open(self, api: XApi) -> Any:
        params = dict(STREAM_PARAMS)
        if self.config.backfill_minutes and self._connected_once:
            params["backfill_minutes"] = str(self.config.backfill_minutes)
        timeout = httpx.Timeout(
            self.ctx.settings.sources_timeout_s, read=self.config.stall_timeout + 10
        )
        await self.ctx.pacer.wait(api.host)
        return self.ctx.http.stream(
            "GET", api.url(STREAM_PATH), params=params, headers=api.headers, timeout=timeout
        )

    async def _stream(self, api: XApi) -> None:
        """One connection, read until X closes it or says it will (then returns); raises
        on an HTTP error, a stall or a network error."""
        try:
            async with await self._open(api) as response:
                if response.status_code != 200:
                    body = await response.aread()
                    raise error_from(response, body[:65536], what="GET stream")
                self._connected_once = True
                self.log.info("source %s: stream connected", self.name)
                committed = time.monotonic()
                lines = read_lines(
                    response.aiter_raw(), stall_timeout=self.config.stall_timeout, host=api.host
                )
                async for line in until_stopped(lines, self.stopping):
                    self._alive()
                    if self._handle(line):
                        return
                    idle = not line.strip()  # a keep-alive: nothing else is coming now
                    due = idle or time.monotonic() - committed >= COMMIT_EVERY_S
                    if self._unacked_posts and due:
                        await self.commit()
                        committed = time.monotonic()
        except httpx.HTTPError as exc:
            raise XApiError(f"the stream failed: {exc!r}", host=api.host) from exc

    def _handle(self, line: bytes) -> bool:
        """Publish a line's tweets; True when X says it closes the stream."""
        try:
            parsed = parse_line(line)
        except ValueError as exc:
            refusal = InvalidPostError(f"stream line is not JSON: {exc}", reason="malformed_json")
            self.dead_letter(line, refusal, post_id=None)
            return False
        if parsed is None:
            return False
        for error in parsed.errors:
            self.log.warning(
                "source %s: X stream says %s: %s",
                self.name,
                error.get("title") or error.get("type"),
                error.get("detail") or error.get("message") or "",
            )
        self._publish(parsed)
        return parsed.disconnect and not parsed.posts

    def _publish(self, parsed: StreamLine) -> None:
        if parsed.posts and parsed.tags and self.config.tag not in parsed.tags:
            # Matched only by rules the scout did not create (another tool's).
            self.update(dropped=self.status.dropped + len(parsed.posts))
            return
        cursor = XCursor.model_validate(self.cursor)
        for post in parsed.posts:
            seen = key_hash(str(post.get("id")))
            if seen in self._seen:
                self.update(duplicates=self.status.duplicates + 1)
                continue
            self._seen.add(seen)
            self.produce(post, raw=parsed.raw)
            cursor.last_tweet_at = str(post.get("created_at") or cursor.last_tweet_at)
        cursor.seen = self._seen.to_list()
        self.cursor = cursor.model_dump()

    def rollback(self) -> None:
        super().rollback()
        self._seen = SeenSet(XCursor.model_validate(self.cursor).seen, SEEN_CAPACITY)

    def _alive(self) -> None:
        if self._failures or self.status.state != "ok":
            self._failures = 0
            now = self.ctx.clock()
            self.update(state="ok", consecutive_failures=0, last_success=now, next_poll_at=None)
        elif self.status.last_success is None:
            self.update(last_success=self.ctx.clock())

    def _closed(self) -> float:
        """X closed the stream (or announced it): reconnect at once the first time."""
        self._failures += 1
        self.log.warning("source %s: X closed the stream, reconnecting", self.name)
        return (
            0.0
            if self._failures == 1
            else failure_delay(self._failures - 1, base=0.5, cap=16.0, rng=self.ctx.rng)
        )

    async def _failed(self, exc: Exception) -> float:
        # No resume point to read again from: what was sent before the failure is kept
        # (acknowledged, then the cursor with its ids), unless Kafka itself failed.
        try:
            if isinstance(exc, BrokerUnavailableError):
                raise exc
            await self.commit()
        except BrokerUnavailableError:
            self.rollback()
        settings = self.ctx.settings
        self._failures += 1
        failures = self._failures
        cap = settings.sources_backoff_cap_s
        status = getattr(exc, "status", None)
        retry_after = getattr(exc, "retry_after", None)
        if status == 429:
            delay = failure_delay(
                failures, base=1.0, cap=cap, retry_after=retry_after, rng=self.ctx.rng
            )
        elif status is not None or isinstance(exc, ConfigError | BrokerUnavailableError):
            delay = failure_delay(
                failures, base=5.0, cap=cap, retry_after=retry_after, rng=self.ctx.rng
            )
        else:  # a stall or the network: at once, then up to 16 s
            delay = (
                0.0
                if failures == 1
                else failure_delay(failures - 1, base=0.5, cap=min(16.0, cap), rng=self.ctx.rng)
            )
        now = self.ctx.clock()
        failing = failures >= settings.sources_fail_after
        self.update(
            state="failing" if failing else self.status.state,
            errors=self.status.errors + 1,
            consecutive_failures=failures,
            last_error=str(exc)[:500],
            last_error_at=now,
            interval_s=delay,
            next_poll_at=now + timedelta(seconds=delay),
        )
        if hasattr(exc, "code"):
            report = self.log.error if failures == settings.sources_fail_after else self.log.warning
            report(
                "source %s failed (%d in a row), next try in %.1fs: %s",
                self.name,
                failures,
                delay,
                exc,
            )
        else:
            self.log.exception("source %s failed unexpectedly, next try in %.1fs", self.name, delay)
        await self._save_quietly()
        return delay

    async def _save_quietly(self) -> None:
        try:
            await self.save_status()
        except BrokerUnavailableError as exc:
            self.log.warning("source %s: status not saved: %s", self.name, exc)

    # --- scout sources test ------------------------------------------------------------
    async def fetch_once(self) -> list[dict[str, Any]]:
        """Validate the rules the watch lists make (``dry_run``: nothing changes at X),
        then read the stream for up to 10 s or 20 posts."""
        api = XApi(self.ctx.http, self.config.api_url, bearer_token(self.ctx.settings))
        plan, version = await self.plan(api)
        if plan.add:
            await api.add(plan.add, self.config.tag, dry_run=True)
        if plan.delete:
            await api.delete(plan.delete, dry_run=True)
        self.log.warning(
            "source %s: watch list %s makes %d rules; X validated them (dry run): %d to add,"
            " %d to delete, %d kept, %d terms left out",
            self.name,
            version,
            len(plan.rules),
            len(plan.add),
            len(plan.delete),
            len(plan.keep),
            len(plan.left_out) + len(plan.too_long),
        )
        posts: list[dict[str, Any]] = []
        try:
            async with asyncio.timeout(TEST_SECONDS):
                async with await self._open(api) as response:
                    if response.status_code != 200:
                        raise error_from(response, await response.aread(), what="GET stream")
                    lines = read_lines(
                        response.aiter_raw(), stall_timeout=self.config.stall_timeout
                    )
                    async for line in lines:
                        parsed = parse_line(line)
                        posts += parsed.posts if parsed else []
                        if len(posts) >= TEST_POSTS or (parsed and parsed.disconnect):
                            break
        except (TimeoutError, StreamStalled):
            pass
        return posts[:TEST_POSTS]
