"""The ``rss`` connector: poll a feed, publish the items it has not seen."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from streams.sources.base import PollingSource, PollResult
from streams.sources.dedup import SeenSet
from streams.sources.rss.config import RssConfig
from streams.sources.rss.feed import FeedItem, parse_feed
from streams.sources.rss.fetch import fetch_feed

__all__ = ["RssCursor", "RssSource"]

SEEN_CAPACITY = 2000
"""Items remembered per feed (by id, link and content): far more than a feed holds."""


class RssCursor(BaseModel):
    """Validators of the last answer, exactly as received, and the items seen (hashes)."""

    model_config = ConfigDict(extra="ignore")

    etag: str | None = None
    last_modified: str | None = None
    ids: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    contents: list[str] = Field(default_factory=list)


class Seen:
    """An item is seen when its id, its normalized link or its content was: a publisher
    that rotates guids does not get its items published again."""

    def __init__(self, cursor: RssCursor) -> None:
        self.ids = SeenSet(cursor.ids, SEEN_CAPACITY)
        self.links = SeenSet(cursor.links, SEEN_CAPACITY)
        self.contents = SeenSet(cursor.contents, SEEN_CAPACITY)

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, FeedItem):
            return False
        return (
            item.id_hash in self.ids
            or (item.link_hash is not None and item.link_hash in self.links)
            or item.content_hash in self.contents
        )

    def add(self, item: FeedItem) -> None:
        self.ids.add(item.id_hash)
        if item.link_hash is not None:
            self.links.add(item.link_hash)
        self.contents.add(item.content_hash)

    def write(self, cursor: RssCursor) -> None:
        cursor.ids, cursor.links = self.ids.to_list(), self.links.to_list()
        cursor.contents = self.contents.to_list()


def new_items(items: list[FeedItem], seen: Seen) -> list[FeedItem]:
    """Items not seen before (marking them seen), in order; an item repeated within the
    document counts once."""
    fresh = []
    for item in items:
        if item in seen:
            continue
        seen.add(item)
        fresh.append(item)
    return fresh


class RssSource(PollingSource):
    config: RssConfig

    async def poll(self) -> PollResult:
        config = self.config
        cursor = RssCursor.model_validate(self.cursor)
        await self.ctx.pacer.wait(urlsplit(config.url).hostname or config.url)
        fetched = await fetch_feed(
            self.ctx.http, config.url, etag=cursor.etag, last_modified=cursor.last_modified
        )
        if fetched.not_modified:
            return PollResult(new=0)
        items = await asyncio.to_thread(parse_feed, fetched.body, url=config.url, lang=config.lang)
        seen = Seen(cursor)
        fresh = new_items(items, seen)
        self.update(duplicates=self.status.duplicates + len(items) - len(fresh))
        for item in fresh:
            self.produce(item.obj, raw=item.raw)
        seen.write(cursor)
        cursor.etag, cursor.last_modified = fetched.etag, fetched.last_modified
        self.cursor = cursor.model_dump()
        return PollResult(new=len(fresh))

    async def fetch_once(self) -> list[dict[str, Any]]:
        """Every item the feed holds now, as Post-shaped dicts (`scout sources test`)."""
        fetched = await fetch_feed(self.ctx.http, self.config.url)
        items = await asyncio.to_thread(
            parse_feed, fetched.body, url=self.config.url, lang=self.config.lang
        )
        return [item.obj for item in items]
