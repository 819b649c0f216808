"""The ``edgar`` connector: poll the current filings of each form, publish new filings.

A poll fetches every form's Atom first (each request through the process's 10 requests/s
limiter, with the SCOUT_SEC_USER_AGENT User-Agent and the form's ETag sent back), then
publishes the filings whose accession number it has not seen: a failed request fails the
whole poll before anything is sent. The cursor keeps the accession numbers seen (the
latest 5,000), the newest ``updated`` per form and each form's ETag. A filing unseen but
more than a day older than the newest of its form is from before the cursor's memory and
is not published again.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from models.sources import SourceState
from streams.sources.base import PollingSource, PollResult, SourceContext
from streams.sources.dedup import SeenSet
from streams.sources.edgar.config import EdgarConfig
from streams.sources.edgar.errors import SecUserAgentError, sec_user_agent
from streams.sources.edgar.filings import FilingItem, parse_filings
from streams.sources.edgar.limit import sec_limiter
from streams.sources.errors import SourceFetchError
from streams.sources.filters import PostFilter
from streams.sources.rss.fetch import Fetched, fetch_feed

__all__ = ["EdgarCursor", "EdgarSource", "new_filings"]

SEEN_CAPACITY = 5000
"""Accession numbers remembered: far more than the feeds of a source hold (100 a form)."""

LATE = timedelta(days=1)
"""How much older than the newest filing of its form an unseen filing may be and still be
published (EDGAR lists filings as disseminated, not strictly by acceptance time)."""


class EdgarCursor(BaseModel):
    model_config = ConfigDict(extra="ignore")

    accessions: list[str] = Field(default_factory=list)
    updated: dict[str, str] = Field(default_factory=dict)  # form -> newest `updated` (ISO)
    etags: dict[str, str] = Field(default_factory=dict)  # form -> ETag as received


def new_filings(
    form: str, items: list[FilingItem], cursor: EdgarCursor, seen: SeenSet
) -> tuple[list[FilingItem], int]:
    """Filings of one form's feed not seen before (marked seen, ``cursor.updated`` moved)
    and how many were skipped as seen or too old."""
    newest = cursor.updated.get(form)
    floor = datetime.fromisoformat(newest) - LATE if newest else None
    fresh: list[FilingItem] = []
    skipped = 0
    for item in items:
        if item.accession in seen or (
            floor is not None and datetime.fromisoformat(item.updated) < floor
        ):
            skipped += 1
            continue
        seen.add(item.accession)
        fresh.append(item)
        if newest is None or item.updated > newest:
            newest = item.updated
    if newest is not None:
        cursor.updated[form] = newest
    return fresh, skipped


class EdgarSource(PollingSource):
    config: EdgarConfig

    def __init__(
        self,
        config: EdgarConfig,
        ctx: SourceContext,
        post_filter: PostFilter,
        state: SourceState | None = None,
    ) -> None:
        super().__init__(config, ctx, post_filter, state)
        self.limiter = sec_limiter(ctx)

    async def run(self) -> None:
        """Refuse to start without SCOUT_SEC_USER_AGENT (reported as failing), else poll."""
        try:
            sec_user_agent(self.ctx.settings, self.name)
        except SecUserAgentError as exc:
            self.log.error("%s", exc)
            self.update(
                state="failing",
                errors=self.status.errors + 1,
                last_error=str(exc),
                last_error_at=self.ctx.clock(),
                next_poll_at=None,
            )
            try:
                await self.save_status()
            except Exception as saving:  # noqa: BLE001 - reported either way (logged above)
                self.log.warning("source %s: status not saved: %s", self.name, saving)
            return
        await super().run()

    async def _fetch(self, form: str, etag: str | None) -> Fetched:
        await self.limiter.acquire()
        try:
            return await fetch_feed(
                self.ctx.http,
                self.config.feed_url(form),
                etag=etag,
                headers={"User-Agent": sec_user_agent(self.ctx.settings, self.name)},
            )
        except SourceFetchError as exc:
            if exc.retry_after is not None:
                self.limiter.hold(min(exc.retry_after, self.ctx.settings.sources_backoff_cap_s))
            raise

    async def poll(self) -> PollResult:
        cursor = EdgarCursor.model_validate(self.cursor)
        answers: list[tuple[str, Fetched]] = []
        for form in self.config.forms:
            answers.append((form, await self._fetch(form, cursor.etags.get(form))))
        seen = SeenSet(cursor.accessions, SEEN_CAPACITY)
        published = skipped = 0
        for form, fetched in answers:
            if fetched.not_modified:
                continue
            url = self.config.feed_url(form)
            items = await asyncio.to_thread(parse_filings, fetched.body, url=url)
            fresh, old = new_filings(form, items, cursor, seen)
            skipped += old
            for item in fresh:
                self.produce(item.obj, raw=item.raw)
            published += len(fresh)
            if fetched.etag:
                cursor.etags[form] = fetched.etag
            else:
                cursor.etags.pop(form, None)
        self.update(duplicates=self.status.duplicates + skipped)
        cursor.accessions = seen.to_list()
        self.cursor = cursor.model_dump()
        return PollResult(new=published)

    async def fetch_once(self) -> list[dict[str, Any]]:
        """The filings every form's feed holds now (`scout sources test`)."""
        sec_user_agent(self.ctx.settings, self.name)
        found: dict[str, dict[str, Any]] = {}
        for form in self.config.forms:
            fetched = await self._fetch(form, None)
            items = await asyncio.to_thread(
                parse_filings, fetched.body, url=self.config.feed_url(form)
            )
            for item in items:
                found.setdefault(item.accession, item.obj)
        return list(found.values())
