"""The ``mastodon`` connector: REST catch-up, then the stream, again after every reconnect.

    run()   token check (SCOUT-E750: the source does not start without it), then until
            stopped: catch-up (``poll()``: timeline pages after the cursor's ``min_id``),
            commit, stream (server-sent events) until it closes, fails or stalls,
            commit, wait ``interval`` (a failure: capped jittered backoff, at least the
            server's Retry-After), reconnect.
    events  ``update``      a new status: published unless its local id was seen
            ``status.update`` an edited status: published again (same post id: the
                            document is overwritten and enriched again)
            ``delete``      a deletion (``Source.produce_delete``) when the status was
                            published by this source (its local id -> post id kept)
            ``:thump``      heartbeat comments keep the stall timer from firing

While events flow, posts are committed (Kafka's ack, then the cursor) at most every
second. The cursor: ``last_id`` (the highest local id seen, the next ``min_id``), the
local ids seen lately, and the local id -> post id of the last ``PUBLISHED_CAPACITY``
published statuses (an older one deleted is not removed from the index).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from streams.errors import BrokerUnavailableError, ConfigError, InvalidPostError
from streams.sources.base import PollingSource, PollResult
from streams.sources.dedup import SeenSet
from streams.sources.mastodon.api import PAGE_SIZE, fetch_page, open_stream
from streams.sources.mastodon.config import MastodonConfig
from streams.sources.mastodon.errors import E_UNSET
from streams.sources.mastodon.sse import Event, EventParser
from streams.sources.mastodon.statuses import SOURCE, local_id, status_to_post

__all__ = ["MastodonCursor", "MastodonSource", "access_token"]

SEEN_CAPACITY = 2000
PUBLISHED_CAPACITY = 1000
CATCH_UP_PAGES = 10  # at most 400 statuses per catch-up
COMMIT_EVERY_S = 1.0


def access_token(config: MastodonConfig) -> str:
    """The token from the variable ``token_env`` names, or ``ConfigError`` SCOUT-E750."""
    token = os.environ.get(config.token_env, "").strip()
    if not token:
        raise ConfigError(
            f"source {config.name!r}: the environment variable {config.token_env} (token_env)"
            f" is not set: create an access token on {config.server} (Preferences >"
            " Development > New application, scope read) and set it; Mastodon 4.2 and later"
            " stream only to a user token",
            code=E_UNSET,
        )
    return token


def id_order(value: str) -> tuple[int, str]:
    """Mastodon ids are numbers written as text: longer is larger."""
    return len(value), value


class MastodonCursor(BaseModel):
    model_config = ConfigDict(extra="ignore")

    last_id: str | None = None
    seen: list[str] = Field(default_factory=list)
    published: dict[str, str] = Field(default_factory=dict)  # local id -> post id, oldest first


class MastodonSource(PollingSource):
    config: MastodonConfig

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._token = ""
        self._load()

    # --- the working cursor -------------------------------------------------------
    def _load(self) -> None:
        cursor = MastodonCursor.model_validate(self.cursor)
        self.last_id = cursor.last_id
        self.seen = SeenSet(cursor.seen, SEEN_CAPACITY)
        self.published = dict(cursor.published)

    def _store(self) -> None:
        self.cursor = MastodonCursor(
            last_id=self.last_id, seen=self.seen.to_list(), published=self.published
        ).model_dump()

    def rollback(self) -> None:
        super().rollback()
        self._load()

    async def commit(self) -> None:
        self._store()
        await super().commit()

    # --- events -------------------------------------------------------------------
    def handle(self, event: Event) -> int:
        """Act on one event; returns how many statuses were new (published or dropped)."""
        if event.event == "delete":
            lid = event.data.strip()
            post_id = self.published.pop(lid, None)
            self.seen.add(lid)
            if post_id is not None:
                self.produce_delete(SOURCE, post_id)
            return 0
        if event.event not in {"update", "status.update"}:
            return 0  # notifications, filters_changed, announcements...
        raw = event.data.encode()
        try:
            status = json.loads(event.data)
            if not isinstance(status, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            error = InvalidPostError(
                f"{event.event} event without a status: {str(exc)[:200]}",
                reason="malformed_json",
            )
            self.dead_letter(raw, error, post_id=None)
            return 0
        return self.status_seen(status, raw=raw, edited=event.event == "status.update")

    def status_seen(self, status: dict[str, Any], *, raw: bytes, edited: bool = False) -> int:
        lid = local_id(status)
        if lid is not None and not edited:
            if lid in self.seen:
                self.update(duplicates=self.status.duplicates + 1)
                return 0
            self.seen.add(lid)
            if self.last_id is None or id_order(lid) > id_order(self.last_id):
                self.last_id = lid
        obj = status_to_post(status, server_host=self.config.host)
        if not str(obj.get("text") or "").strip():
            # Media without a word (or a boost of one): nothing to read, not an error.
            self.update(dropped=self.status.dropped + 1)
            return 1
        post = self.produce(obj, raw=raw)
        if post is not None and lid is not None:
            self.published.pop(lid, None)
            self.published[lid] = post.id
            while len(self.published) > PUBLISHED_CAPACITY:
                del self.published[next(iter(self.published))]
        return 1

    # --- catch-up and stream ------------------------------------------------------
    async def poll(self) -> PollResult:
        """REST catch-up: every status after ``last_id`` (up to ``CATCH_UP_PAGES`` pages),
        oldest first; without a cursor, the latest page."""
        new = 0
        min_id = self.last_id
        for _ in range(CATCH_UP_PAGES):
            await self.ctx.pacer.wait(self.config.host)
            page = await fetch_page(self.ctx.http, self.config, self._token, min_id=min_id)
            ordered = sorted(page, key=lambda s: id_order(local_id(s) or ""))
            for status in ordered:
                new += self.status_seen(status, raw=json.dumps(status).encode())
            ids = [i for i in (local_id(s) for s in page) if i]
            if min_id is None or len(page) < PAGE_SIZE or not ids:
                break
            min_id = max(ids, key=id_order)
        else:
            self.log.warning(
                "source %s: catch-up stopped after %d pages; older statuses were missed",
                self.name,
                CATCH_UP_PAGES,
            )
        return PollResult(new=new)

    async def stream(self) -> None:
        """Read events until the server closes the stream or the source is stopped;
        commit at most every second while they flow."""
        parser = EventParser()
        stopped = asyncio.ensure_future(self.stopping.wait())
        await self.ctx.pacer.wait(self.config.host)
        try:
            async with open_stream(
                self.ctx.http,
                self.config,
                self._token,
                connect_timeout_s=self.ctx.settings.sources_timeout_s,
            ) as lines:
                self.log.info("source %s: streaming %s", self.name, self.config.describe())
                committed = time.monotonic()
                while True:
                    read = asyncio.ensure_future(anext(lines))
                    done, _ = await asyncio.wait({read, stopped}, return_when="FIRST_COMPLETED")
                    if read not in done:
                        read.cancel()
                        await asyncio.gather(read, return_exceptions=True)
                        return
                    try:
                        line = read.result()
                    except StopAsyncIteration:
                        return
                    event = parser.line(line)
                    if event is not None:
                        self.handle(event)
                    if time.monotonic() - committed >= COMMIT_EVERY_S:
                        await self.commit()
                        self.update(last_success=self.ctx.clock())
                        committed = time.monotonic()
        except Exception:
            # A dropped or stalled connection is no reason to forget what was read before
            # it: those posts are committed (unless Kafka is what failed), so the
            # catch-up starts after them and does not publish them again.
            with contextlib.suppress(BrokerUnavailableError):
                await self.commit()
            raise
        finally:
            stopped.cancel()

    async def run(self) -> None:
        try:
            self._token = access_token(self.config)
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
        base = self.config.poll_interval.total_seconds()
        while not self.stopping.is_set():
            delay = base
            try:
                await self.poll()
                await self.commit()
                self._succeeded(base)
                self.update(next_poll_at=None)
                await self.stream()
                await self.commit()
                if not self.stopping.is_set():
                    self.log.info("source %s: the server closed the stream", self.name)
            except Exception as exc:  # noqa: BLE001 - one source's failure never ends the others
                delay = await self._failed(exc, base)
            if await self.pause(delay):
                break
        self.update(state="stopped", next_poll_at=None)
        await self._save_quietly()

    async def _save_quietly(self) -> None:
        try:
            await self.save_status()
        except BrokerUnavailableError as exc:
            self.log.warning("source %s: status not saved: %s", self.name, exc)

    async def fetch_once(self) -> list[dict[str, Any]]:
        """The latest page of the timeline, Post-shaped (`scout sources test`)."""
        token = access_token(self.config)
        page = await fetch_page(self.ctx.http, self.config, token, min_id=None)
        posts = [status_to_post(s, server_host=self.config.host) for s in page]
        return [p for p in posts if str(p.get("text") or "").strip()]
