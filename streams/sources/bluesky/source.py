"""The ``bluesky`` connector: read Jetstream, publish post commits, resume by time.

One websocket connection at a time to ``<url>?wantedCollections=app.bsky.feed.post``
(``&wantedDids=...``, ``&cursor=...``). Every message is decoded and handled at once:

- a ``create`` or ``update`` is produced as a Post (the filter applies: by default the
  watch list); the same id every time, so an update replaces the post;
- a ``delete`` is produced as a deletion record (``Source.produce_delete``);
- anything else only moves the cursor.

At most every second (or every ``COMMIT_EVERY`` records) the records are flushed and the
cursor -- the ``time_us`` of the last processed event, and the digests of the records of
the last ``rewind`` -- is saved. A connection that drops, errs or stalls (nothing for
``stall``) is reopened after a capped, jittered backoff with ``cursor`` = saved ``time_us``
minus ``rewind``; commits already handled in that stretch are skipped (counted as
duplicates), so nothing is lost and nothing published twice.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import aiohttp
from pydantic import BaseModel, ConfigDict, Field

from models.sources import SourceState
from streams.errors import BrokerUnavailableError, InvalidPostError
from streams.failures import short_reason
from streams.settings import Settings
from streams.sources.base import SourceContext, StatefulSource
from streams.sources.bluesky.config import BlueskyConfig
from streams.sources.bluesky.events import COLLECTION, SOURCE, Event, decode_event
from streams.sources.bluesky.window import ReplayWindow, key_hash
from streams.sources.errors import E_FETCH, SourceFetchError
from streams.sources.filters import PostFilter
from streams.sources.http import retry_after_s, user_agent
from streams.sources.pacing import failure_delay

__all__ = ["BlueskyCursor", "BlueskySource", "subscribe_url"]

COMMIT_EVERY = 2000
"""Records produced before a flush and cursor save, at the latest (else every second)."""
COMMIT_EVERY_S = 1.0
MAX_RECENT = 4000
"""Records of the rewind kept in a cursor record, the newest (~160 KB: far below Kafka's
1 MB). With ``filter: all`` on the whole network the rewind holds more: after a restart
the older ones are published again, the same ids (their documents are overwritten)."""
MAX_MESSAGE_BYTES = 1024 * 1024


class BlueskyCursor(BaseModel):
    """The ``time_us`` of the last processed event; the records of the last ``rewind``."""

    model_config = ConfigDict(extra="ignore")

    time_us: int | None = None
    recent: dict[str, int] = Field(default_factory=dict)


def subscribe_url(config: BlueskyConfig, time_us: int | None) -> str:
    """The subscribe URL, resuming ``rewind`` before ``time_us`` when there is one."""
    query: list[tuple[str, str]] = [("wantedCollections", COLLECTION)]
    query += [("wantedDids", did) for did in config.dids]
    if time_us is not None:
        rewind_us = int(config.rewind.total_seconds() * 1_000_000)
        query.append(("cursor", str(max(0, time_us - rewind_us))))
    return f"{config.url}?{urlencode(query)}"


class BlueskySource(StatefulSource):
    config: BlueskyConfig

    def __init__(
        self,
        config: BlueskyConfig,
        ctx: SourceContext,
        post_filter: PostFilter,
        state: SourceState | None = None,
    ) -> None:
        super().__init__(config, ctx, post_filter, state)
        self._restore()

    def _restore(self) -> None:
        saved = BlueskyCursor.model_validate(self.cursor)
        self.time_us = saved.time_us
        self.window = ReplayWindow(
            int(self.config.rewind.total_seconds() * 1_000_000), saved.recent
        )

    # --- the cursor -------------------------------------------------------------------
    def rollback(self) -> None:
        super().rollback()
        self._restore()

    async def commit(self) -> None:
        recent = self.window.kept(MAX_RECENT)
        self.cursor = BlueskyCursor(time_us=self.time_us, recent=recent).model_dump()
        await super().commit()
        self.update(last_success=self.ctx.clock())

    # --- one message ------------------------------------------------------------------
    def handle(self, message: str | bytes) -> None:
        """Decode one Jetstream message and produce what it says."""
        try:
            event = decode_event(message)
        except ValueError as exc:
            raw = message.encode("utf-8", "surrogatepass") if isinstance(message, str) else message
            error = InvalidPostError(f"not a Jetstream post event: {exc}", reason="unknown_shape")
            self.dead_letter(raw[:65536], error, post_id=None)
            return
        if event is None:
            return
        if isinstance(event, int):
            self._advance(event)
            return
        digest = key_hash(event.key)
        if digest in self.window:
            self.update(duplicates=self.status.duplicates + 1)
            return
        kept = self._apply(event, message)
        self.window.add(digest, event.time_us, kept=kept)
        self._advance(event.time_us)

    def _apply(self, event: Event, message: str | bytes) -> bool:
        if event.operation == "delete":
            self.produce_delete(SOURCE, event.uri)
            return True
        if event.obj is None:  # no text (an image alone): nothing to read
            self.update(dropped=self.status.dropped + 1)
            return False
        raw = message.encode("utf-8", "surrogatepass") if isinstance(message, str) else message
        return self.produce(event.obj, raw=raw) is not None

    def _advance(self, time_us: int) -> None:
        if self.time_us is None or time_us > self.time_us:
            self.time_us = time_us

    # --- the connection loop ----------------------------------------------------------
    async def run(self) -> None:
        settings = self.ctx.settings
        base = self.config.poll_interval.total_seconds()
        cap = max(base, min(self.config.poll_cap.total_seconds(), settings.sources_backoff_cap_s))
        async with _session(self.ctx.settings) as session:
            while not self.stopping.is_set():
                try:
                    await self._connection(session)
                except (SourceFetchError, BrokerUnavailableError) as exc:
                    delay = await self._failed(exc, base=base, cap=cap)
                    if await self.pause(delay):
                        break
        self.update(state="stopped", next_poll_at=None)
        try:
            await self.save_status()
        except BrokerUnavailableError as exc:
            self.log.warning("source %s: status not saved at stop: %s", self.name, exc)

    async def _connection(self, session: aiohttp.ClientSession) -> None:
        """One connection, read until stopped (then saved) or until it fails (what was
        read before is saved, then ``SourceFetchError``)."""
        url = subscribe_url(self.config, self.time_us)
        self.update(polls=self.status.polls + 1)
        try:
            ws = await session.ws_connect(
                url,
                timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=5.0),
                max_msg_size=MAX_MESSAGE_BYTES,
                autoping=True,
            )
        except aiohttp.WSServerHandshakeError as exc:
            retry = retry_after_s(_header(exc.headers, "retry-after"))
            raise SourceFetchError(
                f"{self.config.url} refused the websocket: HTTP {exc.status}"
                + (f" (Retry-After: {retry:.0f}s)" if retry is not None else ""),
                retry_after=retry,
                code=E_FETCH,
            ) from exc
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise SourceFetchError(
                f"cannot connect to {self.config.url}: {short_reason(exc) or type(exc).__name__}",
                code=E_FETCH,
            ) from exc
        try:
            await self._read(ws)
        except SourceFetchError:
            await self._save_what_was_read()
            raise
        finally:
            await ws.close()
        await self.commit()

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        stall = self.config.stall.total_seconds()
        tick = min(COMMIT_EVERY_S, stall)
        now = time.monotonic()
        last_message = next_commit = now
        fresh = True
        while not self.stopping.is_set():
            try:
                message = await ws.receive(timeout=tick)
            except TimeoutError:
                now = time.monotonic()
                if now - last_message >= stall:
                    raise SourceFetchError(
                        f"{self.config.url} sent nothing for {stall:.0f}s: reconnecting",
                        code=E_FETCH,
                    ) from None
            else:
                if (
                    message.type is aiohttp.WSMsgType.TEXT
                    or message.type is aiohttp.WSMsgType.BINARY
                ):
                    self.handle(message.data)
                elif message.type is aiohttp.WSMsgType.ERROR:
                    raise SourceFetchError(
                        f"{self.config.url}: websocket error: {message.data}", code=E_FETCH
                    )
                else:  # CLOSE, CLOSING, CLOSED
                    raise SourceFetchError(
                        f"{self.config.url} closed the connection (code {ws.close_code})",
                        code=E_FETCH,
                    )
                now = last_message = time.monotonic()
                if fresh:
                    fresh = False
                    self._connected()
            if now >= next_commit or self._unacked_posts >= COMMIT_EVERY:
                await self.commit()
                next_commit = now + COMMIT_EVERY_S

    def _connected(self) -> None:
        self.update(state="ok", consecutive_failures=0, last_success=self.ctx.clock())

    async def _save_what_was_read(self) -> None:
        """After a dropped connection: what was read is acknowledged and saved; if Kafka
        fails that too, back to the saved cursor (read again on reconnect)."""
        try:
            await self.commit()
        except BrokerUnavailableError as exc:
            self.log.warning("source %s: progress not saved, reading it again: %s", self.name, exc)
            self.rollback()

    async def _failed(self, exc: Exception, *, base: float, cap: float) -> float:
        if isinstance(exc, BrokerUnavailableError):
            self.rollback()
        settings = self.ctx.settings
        failures = self.status.consecutive_failures + 1
        retry_after = getattr(exc, "retry_after", None)
        delay = failure_delay(
            failures, base=base, cap=cap, retry_after=retry_after, rng=self.ctx.rng
        )
        now = self.ctx.clock()
        self.update(
            state="failing" if failures >= settings.sources_fail_after else self.status.state,
            errors=self.status.errors + 1,
            consecutive_failures=failures,
            last_error=str(exc)[:500],
            last_error_at=now,
            interval_s=delay,
            next_poll_at=now + timedelta(seconds=delay),
        )
        report = self.log.error if failures == settings.sources_fail_after else self.log.warning
        report(
            "source %s: %s (%d in a row), reconnecting in %.1fs", self.name, exc, failures, delay
        )
        try:
            await self.save_status()
        except BrokerUnavailableError as saving:
            self.log.warning("source %s: status not saved: %s", self.name, saving)
        return delay

    async def fetch_once(self) -> list[dict[str, Any]]:
        """Posts of the live stream's first seconds (at most 20 or 10 s; `scout sources
        test`); ``SourceFetchError`` when the endpoint cannot be reached."""
        posts: list[dict[str, Any]] = []
        url = subscribe_url(self.config, None)
        deadline = time.monotonic() + min(10.0, self.ctx.settings.sources_timeout_s)
        try:
            async with (
                _session(self.ctx.settings) as session,
                session.ws_connect(url, max_msg_size=MAX_MESSAGE_BYTES) as ws,
            ):
                while len(posts) < 20 and (left := deadline - time.monotonic()) > 0:
                    try:
                        message = await ws.receive(timeout=left)
                    except TimeoutError:
                        break
                    if message.type is not aiohttp.WSMsgType.TEXT:
                        break
                    try:
                        event = decode_event(message.data)
                    except ValueError:
                        continue
                    if isinstance(event, Event) and event.obj is not None:
                        posts.append(event.obj)
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise SourceFetchError(
                f"cannot read {self.config.url}: {short_reason(exc) or type(exc).__name__}",
                code=E_FETCH,
            ) from exc
        return posts


def _session(settings: Settings) -> aiohttp.ClientSession:
    """A session for one source's connections: the scout's User-Agent, a timeout on
    connecting and on the handshake (``SCOUT_SOURCES_TIMEOUT_S``), none on the stream
    (a stall is the source's own watch)."""
    timeout = aiohttp.ClientTimeout(
        total=None, connect=settings.sources_timeout_s, sock_connect=settings.sources_timeout_s
    )
    return aiohttp.ClientSession(headers={"User-Agent": user_agent(settings)}, timeout=timeout)


def _header(headers: Any, name: str) -> str | None:
    """A header of a refused handshake (any mapping; names in any case)."""
    items = headers.items() if headers is not None and hasattr(headers, "items") else ()
    return next((str(v) for k, v in items if str(k).lower() == name), None)
