"""The ``hackernews`` connector: poll the new stories, publish those above the cursor.

A poll reads ``/v0/newstories.json`` (conditional GET: its ETag sent back, 304 is nothing
new; spaced per host like every source), then the items above the last id published
(oldest first, at most ``max_items``; ``concurrency`` requests in flight), then publishes
the stories. Deleted, dead and missing items are skipped and counted (``status.skipped``).
A failed item request fails the poll before anything is sent; the cursor (the last id
read and the listing's ETag) moves only after Kafka acknowledged the stories.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from streams.sources.base import PollingSource, PollResult
from streams.sources.errors import E_NOT_A_FEED, SourceFetchError
from streams.sources.hackernews.config import HackerNewsConfig
from streams.sources.hackernews.items import new_ids, skip_reason, story_post
from streams.sources.rss.fetch import Fetched, fetch_feed

__all__ = ["HackerNewsCursor", "HackerNewsSource"]

_JSON = {"Accept": "application/json"}
_NOT_ASKED = object()  # an item not requested because another request failed


class HackerNewsCursor(BaseModel):
    model_config = ConfigDict(extra="ignore")

    last_id: int | None = None
    etag: str | None = None


def _json(fetched: Fetched, url: str) -> Any:
    try:
        return json.loads(fetched.body)
    except ValueError as exc:
        raise SourceFetchError(f"{url} did not answer JSON: {exc}", code=E_NOT_A_FEED) from exc


class HackerNewsSource(PollingSource):
    config: HackerNewsConfig

    async def _listing(self, etag: str | None) -> tuple[Fetched, Any]:
        url = self.config.new_stories_url
        await self.ctx.pacer.wait(urlsplit(url).hostname or url)
        fetched = await fetch_feed(self.ctx.http, url, etag=etag, headers=_JSON)
        return fetched, None if fetched.not_modified else _json(fetched, url)

    async def _items(self, ids: list[int]) -> list[Any]:
        """The items of ``ids`` in order (None for one the API does not have). After a
        failed request no other is started (those in flight finish): a 429 stops the poll."""
        gate = asyncio.Semaphore(self.config.concurrency)
        failed = asyncio.Event()

        async def one(item_id: int) -> Any:
            url = self.config.item_url(item_id)
            async with gate:
                if failed.is_set():
                    return _NOT_ASKED
                try:
                    return _json(await fetch_feed(self.ctx.http, url, headers=_JSON), url)
                except Exception:
                    failed.set()
                    raise

        answers = await asyncio.gather(*(one(i) for i in ids), return_exceptions=True)
        failures = [a for a in answers if isinstance(a, BaseException)]
        if failures:
            slowed = [f for f in failures if getattr(f, "retry_after", None) is not None]
            raise (slowed or failures)[0]
        return answers

    async def poll(self) -> PollResult:
        cursor = HackerNewsCursor.model_validate(self.cursor)
        fetched, listing = await self._listing(cursor.etag)
        if fetched.not_modified:
            return PollResult(new=0)
        try:
            ids = new_ids(listing, after=cursor.last_id, limit=self.config.max_items)
        except ValueError as exc:
            raise SourceFetchError(
                f"{self.config.new_stories_url}: {exc}", code=E_NOT_A_FEED
            ) from exc
        items = await self._items(ids)
        published = skipped = 0
        for item_id, item in zip(ids, items, strict=True):
            reason = skip_reason(item)
            if reason is not None:
                self.log.debug("source %s: item %d skipped (%s)", self.name, item_id, reason)
                skipped += 1
                continue
            obj, raw = story_post(item)
            self.produce(obj, raw=raw)
            published += 1
        if skipped:
            self.update(skipped=self.status.skipped + skipped)
        if ids:
            cursor.last_id = ids[-1]
        # A listing cut by max_items is read again next poll (not 304) for the rest.
        full = len(ids) == self.config.max_items
        cursor.etag = None if full else fetched.etag
        self.cursor = cursor.model_dump()
        return PollResult(new=published + skipped)

    async def fetch_once(self) -> list[dict[str, Any]]:
        """The newest ``max_items`` stories now (`scout sources test`)."""
        _, listing = await self._listing(None)
        ids = new_ids(listing, after=None, limit=self.config.max_items)
        items = await self._items(ids)
        return [story_post(item)[0] for item in items if skip_reason(item) is None]
