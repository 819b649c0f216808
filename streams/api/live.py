"""The board's live feed: server-sent events with the newly indexed posts of every column.

Each poll asks Elasticsearch for the posts indexed since the last one (``indexed_at``, set
by the worker's bulk sink), then runs every column's query restricted to those document ids
in one ``_msearch``: an idle index costs one small search per interval and client.

A post becomes searchable up to a refresh interval after its ``indexed_at``, and several
workers' clocks differ a little, so each poll looks back ``SCOUT_BOARD_LOOKBACK_S`` before
the newest ``indexed_at`` seen and skips the documents already sent. The first poll sends
what was indexed in the look-back window: the page loads each column first and then opens
the stream, and a post it already shows is redrawn in place (by ``doc_id``, never shown
twice), so nothing falls in between.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import anyio
from elasticsearch import ApiError, Elasticsearch, TransportError

from streams.api.board_query import CARD_FIELDS, NEWEST_FIRST, to_card
from streams.api.board_store import ColumnStore
from streams.api.elastic import es_problem, es_reason
from streams.errors import IndexUnavailableError, ScoutError
from streams.settings import Settings

log = logging.getLogger(__name__)

PAGE = 500
MAX_PER_POLL = 5000
HEARTBEAT_S = 15.0


def sse(event: str, data: Any, *, event_id: int | None = None) -> str:
    """One server-sent event (``data`` as one line of JSON)."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


@dataclass
class StreamCounter:
    """Open board streams of one app (its state; tests check streams end on disconnect)."""

    open: int = 0
    total: int = 0


class LiveFeed:
    """The new-post cursor of one stream and its polls (synchronous: run in a thread)."""

    def __init__(self, es: Elasticsearch, settings: Settings, store: ColumnStore) -> None:
        self._es = es
        self._alias = settings.posts_alias
        self._store = store
        self._lookback_ms = int(settings.board_lookback_s * 1000)
        self._seen: dict[str, str] = {}  # doc_id -> indexed_at, inside the look-back window
        self._newest_ms: int | None = None

    def new_doc_ids(self) -> list[str]:
        """Documents indexed since the last poll (first poll: in the look-back window)."""
        if self._newest_ms is None:
            since: str | int = f"now-{-(-self._lookback_ms // 1000)}s"
        else:
            since = self._newest_ms - self._lookback_ms
        query = {
            "range": {
                "indexed_at": {"gte": since, "format": "strict_date_optional_time||epoch_millis"}
            }
        }
        fresh: list[str] = []
        after: list[Any] | None = None
        seen_now: dict[str, str] = {}
        while len(seen_now) < MAX_PER_POLL:
            try:
                response = self._es.search(
                    index=self._alias,
                    query=query,
                    size=PAGE,
                    sort=[{"indexed_at": "asc"}, {"doc_id": "asc"}],
                    source=False,
                    search_after=after,
                    track_total_hits=False,
                )
            except (ApiError, TransportError) as exc:
                raise IndexUnavailableError(
                    f"board feed: cannot search new posts: {es_problem(exc)}"
                ) from exc
            hits = response["hits"]["hits"]
            for hit in hits:
                stamp = str(hit["sort"][0])
                seen_now[hit["_id"]] = stamp
                if self._seen.get(hit["_id"]) != stamp:
                    fresh.append(hit["_id"])
                self._newest_ms = max(self._newest_ms or 0, int(hit["sort"][0]))
            if len(hits) < PAGE:
                break
            after = hits[-1]["sort"]
        if len(seen_now) >= MAX_PER_POLL:
            log.warning("board feed: more than %d new posts in one poll", MAX_PER_POLL)
        # Keep only what the next poll can return again.
        floor = (self._newest_ms or 0) - self._lookback_ms
        self._seen = {k: v for k, v in {**self._seen, **seen_now}.items() if int(v) >= floor}
        return fresh

    def poll(self) -> list[dict[str, Any]]:
        """One round: ``[{"column": id, "posts": [card, ...]}]`` for columns with new posts."""
        fresh = self.new_doc_ids()
        if not fresh:
            return []
        columns = self._store.columns()
        searches: list[dict[str, Any]] = []
        asked: list[str] = []
        for column in columns:
            query = self._store.query_of(column, doc_ids=fresh)
            if query is None:
                continue
            asked.append(column.id)
            searches.append({"index": self._alias})
            searches.append(
                {"query": query, "size": len(fresh), "sort": NEWEST_FIRST, "_source": CARD_FIELDS}
            )
        if not searches:
            return []
        try:
            responses = self._es.msearch(searches=searches)["responses"]
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"board feed: cannot match new posts: {es_problem(exc)}"
            ) from exc
        events = []
        for column_id, response in zip(asked, responses, strict=True):
            if "error" in response:
                reason = es_reason({"error": response["error"]})
                log.warning("board feed: column %s failed: %s", column_id, reason)
                continue
            posts = [to_card(h["_source"]) for h in response["hits"]["hits"]]
            if posts:
                events.append({"column": column_id, "posts": posts})
        return events


async def stream(
    feed: LiveFeed,
    *,
    poll_s: float,
    is_disconnected: Callable[[], Awaitable[bool]],
    counter: StreamCounter,
    heartbeat_s: float = HEARTBEAT_S,
) -> AsyncIterator[str]:
    """Server-sent events until the client goes away (checked every poll)."""
    counter.open += 1
    counter.total += 1
    event_id = 0
    try:
        yield sse("ready", {"poll_s": poll_s})
        beat = time.monotonic()
        while not await is_disconnected():
            try:
                events = await anyio.to_thread.run_sync(feed.poll)
            except ScoutError as exc:
                log.warning("board feed: %s", exc)
                events = []
                yield sse("problem", {"detail": exc.message, "code": exc.code})
            for event in events:
                event_id += 1
                yield sse("posts", event, event_id=event_id)
            if time.monotonic() - beat >= heartbeat_s:
                beat = time.monotonic()
                yield ": keep-alive\n\n"
            await anyio.sleep(poll_s)
    finally:
        counter.open -= 1
