"""The Source interface: a connector is ``run()`` + ``produce()`` + ``flush()``.

    Source                      run() publishes through produce(); flush() awaits Kafka's
    │                           acknowledgement of everything produced so far
    └── StatefulSource          + a cursor (JSON) loaded from the cursor topic; commit()
        │                       = flush(), then the cursor record (so a cursor never covers
        │                       a post Kafka did not take); rollback() on failure
        └── PollingSource       run() = poll(), commit(), wait: the adaptive interval after
                                a success, capped jittered backoff after a failure

A streaming kind (SSE, websocket) subclasses ``StatefulSource`` and writes its own
``run()``; a polling kind only writes ``poll()``. One asyncio task runs each source.
"""

from __future__ import annotations

import asyncio
import logging
import random
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from models.deletion import PostDeletion
from models.post import Post
from models.sources import SourceState, SourceStatus
from streams.errors import BrokerUnavailableError, InvalidPostError
from streams.normalize import dead_letter_for, post_from_obj
from streams.settings import Settings
from streams.sources.filters import PostFilter
from streams.sources.pacing import HostPacer, adaptive_interval, failure_delay
from streams.sources.publish import Publisher
from streams.sources.spec import SourceConfig
from streams.topics import POSTS_DLQ, POSTS_RAW, SOURCE_CURSORS

__all__ = ["PollResult", "PollingSource", "Source", "SourceContext", "StatefulSource"]

log = logging.getLogger(__name__)

ACK_TIMEOUT_S = 60.0


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class SourceContext:
    """What every source of a process shares (built once, injected)."""

    settings: Settings
    http: httpx.AsyncClient
    pacer: HostPacer
    publisher: Publisher
    save_cursors: bool = True  # False for `scout sources test`: nothing is written
    clock: Callable[[], datetime] = _now
    rng: random.Random = field(default_factory=random.Random)
    on_state: Callable[[SourceState], None] = lambda state: None  # the runner's view
    # Process-wide objects a kind shares between its sources (say the edgar rate
    # limiter), made by the kind on first use: one per process, none at import.
    shared: dict[str, object] = field(default_factory=dict)

    @property
    def posts_topic(self) -> str:
        return POSTS_RAW.name(self.settings)

    @property
    def dlq_topic(self) -> str:
        return POSTS_DLQ.name(self.settings)

    @property
    def cursor_topic(self) -> str:
        return SOURCE_CURSORS.name(self.settings)


class Source(ABC):
    """One configured source. ``produce`` validates a post the way the worker does, applies
    the filter and sends it keyed by id; refusals go to the dead-letter topic."""

    def __init__(
        self,
        config: SourceConfig,
        ctx: SourceContext,
        post_filter: PostFilter,
        state: SourceState | None = None,
    ) -> None:
        self.config = config
        self.ctx = ctx
        self.filter = post_filter
        self.status = state.status if state is not None else SourceStatus()
        self.stopping = asyncio.Event()
        self._pending: list[asyncio.Future[None]] = []
        self._unacked_posts = 0
        self.log = logging.getLogger(f"streams.sources.{config.kind}")

    @property
    def name(self) -> str:
        return self.config.name

    @abstractmethod
    async def run(self) -> None:
        """Publish posts until :meth:`stop` (then return after saving what was acked)."""

    async def fetch_once(self) -> list[dict[str, Any]]:
        """What the source holds now, Post-shaped, ignoring the cursor; nothing is sent
        (`scout sources test`)."""
        raise NotImplementedError(f"{self.config.kind} sources cannot be tested once")

    def stop(self) -> None:
        self.stopping.set()

    async def pause(self, seconds: float) -> bool:
        """Wait ``seconds`` or until stopped; True when stopped."""
        try:
            await asyncio.wait_for(self.stopping.wait(), timeout=max(0.0, seconds))
        except TimeoutError:
            return False
        return True

    def update(self, **changes: Any) -> None:
        self.status = self.status.model_copy(update=changes)

    def produce(self, obj: dict[str, Any], *, raw: bytes) -> Post | None:
        """Validate ``obj`` (a Post-shaped dict) and send it; ``raw`` is what the dead letter
        keeps if it is refused. Returns the post when it was sent."""
        settings = self.ctx.settings
        try:
            post = post_from_obj(obj, max_text_chars=settings.max_text_chars)
            value = post.model_dump_json(exclude_none=True).encode()
            if len(value) > settings.max_message_bytes:
                raise InvalidPostError(
                    f"post is {len(value)} bytes as JSON, over the limit of"
                    f" {settings.max_message_bytes} (SCOUT_MAX_MESSAGE_BYTES)",
                    reason="oversized",
                )
        except InvalidPostError as exc:
            self.dead_letter(raw, exc, post_id=str(obj.get("id") or "") or None)
            return None
        if not self.filter.keeps(post):
            self.update(dropped=self.status.dropped + 1)
            return None
        self._pending.append(self.ctx.publisher.send(self.ctx.posts_topic, post.id.encode(), value))
        self._unacked_posts += 1
        return post

    def produce_delete(self, source: str, post_id: str) -> None:
        """Say that the post ``post_id`` (its ``Post.source`` is ``source``) was deleted at
        its origin: a ``PostDeletion`` record on ``posts.raw``, keyed by the post id like the
        post, so the worker reads both in order and deletes the document. Awaited by
        :meth:`flush` like a post, counted in ``status.deleted``; the filter does not apply
        (deleting a post that was never indexed is harmless). An edit needs no call: send
        the new version with :meth:`produce`, its document is overwritten."""
        record = PostDeletion(source=source, id=post_id, deleted_at=self.ctx.clock())
        value = record.model_dump_json(exclude_none=True).encode()
        self._pending.append(self.ctx.publisher.send(self.ctx.posts_topic, post_id.encode(), value))
        self.update(deleted=self.status.deleted + 1)

    def dead_letter(self, raw: bytes, error: InvalidPostError, *, post_id: str | None) -> None:
        letter = dead_letter_for(raw, error, stage="listen", post_id=post_id, origin=self.name)
        self.log.warning("source %s: item dead-lettered (%s): %s", self.name, error.reason, error)
        key = f"{self.name}:{post_id or letter.payload_sha256}".encode()
        self._pending.append(
            self.ctx.publisher.send(self.ctx.dlq_topic, key, letter.model_dump_json().encode())
        )
        self.update(dead_lettered=self.status.dead_lettered + 1)

    async def flush(self) -> None:
        """Wait until Kafka acknowledged everything produced; ``BrokerUnavailableError``
        if it did not (within a minute)."""
        pending, self._pending = self._pending, []
        posts, self._unacked_posts = self._unacked_posts, 0
        if not pending:
            return
        try:
            await asyncio.wait_for(asyncio.gather(*pending), timeout=ACK_TIMEOUT_S)
        except TimeoutError as exc:
            raise BrokerUnavailableError(
                f"Kafka did not acknowledge {len(pending)} records within {ACK_TIMEOUT_S:.0f}s"
            ) from exc
        finally:
            for future in pending:
                if not future.done():
                    future.cancel()
        self.update(published=self.status.published + posts)


class StatefulSource(Source):
    """A source with a cursor: ``self.cursor`` is the working copy; the saved one moves only
    in :meth:`commit`, after the posts it covers were acknowledged."""

    def __init__(
        self,
        config: SourceConfig,
        ctx: SourceContext,
        post_filter: PostFilter,
        state: SourceState | None = None,
    ) -> None:
        super().__init__(config, ctx, post_filter, state)
        usable = state is not None and state.scope == config.scope() and state.kind == config.kind
        self._saved: dict[str, Any] = dict(state.cursor) if usable and state else {}
        self.cursor: dict[str, Any] = dict(self._saved)
        self._saved_at = state.status.cursor_saved_at if usable and state else None

    def rollback(self) -> None:
        """Forget what was not committed (the next poll reads from the saved cursor)."""
        self._pending.clear()
        self._unacked_posts = 0
        self.cursor = dict(self._saved)

    async def commit(self) -> None:
        """Posts acknowledged, then the cursor (and status) record."""
        await self.flush()
        if self.cursor != self._saved:
            self._saved_at = self.ctx.clock()
        self.update(cursor_saved_at=self._saved_at)
        await self._write(self.cursor)
        self._saved = dict(self.cursor)

    async def save_status(self) -> None:
        """Only the status (with the saved cursor), e.g. after a failed poll."""
        await self._write(self._saved)

    def state(self, cursor: dict[str, Any] | None = None) -> SourceState:
        return SourceState(
            source=self.name,
            kind=self.config.kind,
            scope=self.config.scope(),
            cursor=self._saved if cursor is None else cursor,
            status=self.status,
            updated_at=self.ctx.clock(),
        )

    async def _write(self, cursor: dict[str, Any]) -> None:
        state = self.state(cursor)
        self.ctx.on_state(state)
        if not self.ctx.save_cursors:
            return
        sent = self.ctx.publisher.send(
            self.ctx.cursor_topic, self.name.encode(), state.model_dump_json().encode()
        )
        try:
            await asyncio.wait_for(sent, timeout=ACK_TIMEOUT_S)
        except TimeoutError as exc:
            raise BrokerUnavailableError("Kafka did not acknowledge the cursor") from exc


@dataclass(frozen=True)
class PollResult:
    new: int  # items published (or dropped by the filter) that were not seen before


class PollingSource(StatefulSource):
    """``run()`` polls until stopped: adaptive interval when it works, capped jittered
    backoff (at least the publisher's Retry-After) when it fails; after
    ``SCOUT_SOURCES_FAIL_AFTER`` failures in a row the source is reported ``failing``."""

    @abstractmethod
    async def poll(self) -> PollResult:
        """Fetch once, ``produce()`` what is new, move ``self.cursor``; raise
        ``SourceFetchError`` (with ``retry_after``) when the fetch fails."""

    async def run(self) -> None:
        base = self.config.poll_interval.total_seconds()
        cap = self.config.poll_cap.total_seconds()
        interval = base
        while not self.stopping.is_set():
            try:
                result = await self.poll()
                await self.flush()
            except Exception as exc:  # noqa: BLE001 - one source's failure never ends the others
                delay = await self._failed(exc, base)
            else:
                interval = adaptive_interval(interval, base=base, cap=cap, new_items=result.new)
                delay = interval
                self._succeeded(interval)
                try:
                    await self.commit()
                except BrokerUnavailableError as exc:
                    delay = await self._failed(exc, base)
            if await self.pause(delay):
                break
        self.update(state="stopped", next_poll_at=None)
        try:
            await self.save_status()
        except BrokerUnavailableError as exc:
            self.log.warning("source %s: status not saved at stop: %s", self.name, exc)

    def _succeeded(self, interval: float) -> None:
        now = self.ctx.clock()
        self.update(
            state="ok",
            consecutive_failures=0,
            polls=self.status.polls + 1,
            last_success=now,
            interval_s=interval,
            next_poll_at=now + timedelta(seconds=interval),
        )

    async def _failed(self, exc: Exception, base: float) -> float:
        self.rollback()
        settings = self.ctx.settings
        failures = self.status.consecutive_failures + 1
        retry_after = getattr(exc, "retry_after", None)
        cap = settings.sources_backoff_cap_s
        delay = failure_delay(
            failures, base=base, cap=max(cap, base), retry_after=retry_after, rng=self.ctx.rng
        )
        host = getattr(exc, "host", None)
        if retry_after is not None and isinstance(host, str):
            self.ctx.pacer.hold(host, min(retry_after, cap))
        now = self.ctx.clock()
        failing = failures >= settings.sources_fail_after
        self.update(
            state="failing" if failing else self.status.state,
            errors=self.status.errors + 1,
            consecutive_failures=failures,
            polls=self.status.polls + 1,
            last_error=str(exc)[:500],
            last_error_at=now,
            interval_s=delay,
            next_poll_at=now + timedelta(seconds=delay),
        )
        report = self.log.error if failures == settings.sources_fail_after else self.log.warning
        if isinstance(exc, BrokerUnavailableError | InvalidPostError) or hasattr(exc, "code"):
            report(
                "source %s failed (%d in a row), next try in %.0fs: %s",
                self.name,
                failures,
                delay,
                exc,
            )
        else:
            self.log.exception("source %s failed unexpectedly, next try in %.0fs", self.name, delay)
        try:
            await self.save_status()
        except BrokerUnavailableError as saving:
            self.log.warning("source %s: status not saved: %s", self.name, saving)
        return delay
