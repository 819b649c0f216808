"""The edgar kind: EDGAR's Atom to posts, the cursor of accession numbers, the SEC's
User-Agent and the process-wide 10 requests/s limit (in-memory publisher, MockTransport)."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from models.post import Post
from models.sources import SourceState
from streams.settings import Settings
from streams.sources.dedup import SeenSet
from streams.sources.edgar.config import DEFAULT_FORMS, EdgarConfig
from streams.sources.edgar.errors import E_SEC_USER_AGENT, SecUserAgentError, sec_user_agent
from streams.sources.edgar.filings import parse_filings
from streams.sources.edgar.limit import RateLimiter, sec_limiter
from streams.sources.edgar.source import EdgarCursor, EdgarSource, new_filings
from streams.sources.errors import SourceFetchError
from streams.sources.filters import make_filter
from tests.edgar_docs import FakeFiling, current_filings
from tests.unit.sources.fakes import MemoryPublisher, context

UA = "Acme Research ops@acme.example"
SETTINGS = Settings(topic_prefix="t.", sources_host_interval_s=0, sec_user_agent=UA)

ACQUIRED = FakeFiling(
    "8-K", "ACME CORP", "0000123456", "0000123456-26-000001",
    "2026-12-04T16:05:12-05:00", items=("2.01", "9.01"),
)  # fmt: skip
OFFICER = FakeFiling(
    "8-K", "GLOBEX INC", "0000222222", "0000222222-26-000009",
    "2026-12-04T16:07:00-05:00", items=("5.02",),
)  # fmt: skip
TENDER = FakeFiling(
    "SC TO-T", "HOOLI HOLDINGS", "0000333333", "0000333333-26-000004",
    "2026-12-04T15:00:00-05:00", subject=("INITECH CORP", "0000444444"),
)  # fmt: skip


def _config(**fields: Any) -> EdgarConfig:
    return EdgarConfig.model_validate({"name": "sec", "kind": "edgar", **fields})


def test_filings_become_news_lines_with_accession_ids_items_and_the_filing_record() -> None:
    items = parse_filings(current_filings([ACQUIRED, OFFICER, TENDER]), url="https://sec/x")
    assert [i.accession for i in items] == [
        "0000333333-26-000004",  # oldest first
        "0000123456-26-000001",
        "0000222222-26-000009",
    ]
    tender, acquired, officer = (Post.model_validate(i.obj) for i in items)
    assert acquired.id == "0000123456-26-000001" and acquired.source == "edgar"
    assert acquired.text == (
        "8-K filed by ACME CORP (CIK 0000123456): Item 2.01 Completion of Acquisition or"
        " Disposition of Assets; Item 9.01 Financial Statements and Exhibits"
    )
    assert acquired.created_at is not None
    assert acquired.created_at.isoformat() == "2026-12-04T21:05:12+00:00"
    assert acquired.url == (
        "https://www.sec.gov/Archives/edgar/data/123456/000012345626000001/"
        "0000123456-26-000001-index.htm"
    )
    assert acquired.author is not None and acquired.author.name == "ACME CORP"
    assert acquired.filing is not None and acquired.filing.items == ("2.01", "9.01")
    assert acquired.filing.form == "8-K" and acquired.filing.cik == "0000123456"
    assert officer.filing is not None and officer.filing.items == ("5.02",)
    # The two entries of a tender offer (Subject, Filed by) are one filing.
    assert tender.text == (
        "SC TO-T filed by HOOLI HOLDINGS (CIK 0000333333) about INITECH CORP"
        " (CIK 0000444444): tender offer statement"
    )
    assert tender.filing is not None
    assert (tender.filing.company, tender.filing.subject) == ("HOOLI HOLDINGS", "INITECH CORP")


def test_not_an_atom_feed_is_a_fetch_error() -> None:
    with pytest.raises(SourceFetchError) as caught:
        parse_filings(b"<html><body>Your request has been blocked</body></html>", url="u")
    assert caught.value.code == "SCOUT-E707"


def test_seen_accessions_and_filings_a_day_older_than_the_newest_are_not_published() -> None:
    cursor = EdgarCursor()
    seen = SeenSet(capacity=10)
    items = parse_filings(current_filings([ACQUIRED, OFFICER]), url="u")
    fresh, skipped = new_filings("8-K", items, cursor, seen)
    assert (len(fresh), skipped) == (2, 0)
    assert cursor.updated["8-K"] == "2026-12-04T21:07:00+00:00"
    again, skipped = new_filings("8-K", items, cursor, seen)
    assert (again, skipped) == ([], 2)
    late = FakeFiling("8-K", "LATE CO", "0000555555", "0000555555-26-000001",
                      "2026-12-04T10:00:00-05:00")  # fmt: skip
    stale = FakeFiling("8-K", "OLD CO", "0000666666", "0000666666-26-000001",
                       "2026-12-02T10:00:00-05:00")  # fmt: skip
    fresh, skipped = new_filings(
        "8-K", parse_filings(current_filings([late, stale]), url="u"), cursor, seen
    )
    assert [i.accession for i in fresh] == [late.accession] and skipped == 1


def test_the_feed_url_is_edgars_getcurrent_atom_by_form() -> None:
    config = _config()
    assert config.forms == DEFAULT_FORMS
    url = urlsplit(config.feed_url("SC TO-T"))
    assert (url.scheme, url.hostname, url.path) == ("https", "www.sec.gov", "/cgi-bin/browse-edgar")
    assert parse_qs(url.query) == {
        "action": ["getcurrent"],
        "type": ["SC TO-T"],
        "owner": ["include"],
        "count": ["100"],
        "output": ["atom"],
    }
    assert _config(base_url="http://127.0.0.1:8/", forms=["8-k"]).forms == ("8-K",)


class Edgar:
    """Answers each form's Atom with an ETag; 304 when If-None-Match matches."""

    def __init__(self, docs: dict[str, bytes]) -> None:
        self.docs = docs
        self.requests: list[httpx.Request] = []
        self.script: list[httpx.Response] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.script:
            return self.script.pop(0)
        form = request.url.params["type"]
        body = self.docs.get(form, current_filings([]))
        etag = f'"{form}-{len(body)}"'
        if request.headers.get("if-none-match") == etag:
            return httpx.Response(304)
        return httpx.Response(200, content=body, headers={"ETag": etag})


def _source(
    server: Edgar, publisher: MemoryPublisher, settings: Settings = SETTINGS, **fields: Any
) -> EdgarSource:
    config = _config(forms=["8-K", "SC TO-T"], **fields)
    return EdgarSource(config, context(publisher, server, settings), make_filter("all", None))


def test_a_poll_publishes_new_filings_once_with_the_secs_user_agent_and_etags_back() -> None:
    server = Edgar(
        {"8-K": current_filings([ACQUIRED, OFFICER]), "SC TO-T": current_filings([TENDER])}
    )
    publisher = MemoryPublisher()

    async def run() -> tuple[int, int]:
        source = _source(server, publisher)
        first = (await source.poll()).new
        await source.commit()
        second = (await source.poll()).new
        await source.commit()
        return first, second

    assert asyncio.run(run()) == (3, 0)
    assert sorted(r.key for r in publisher.on("t.posts.raw")) == sorted(
        f.accession for f in (ACQUIRED, OFFICER, TENDER)
    )
    assert {r.headers["user-agent"] for r in server.requests} == {UA}
    assert [r.headers.get("if-none-match") for r in server.requests[2:]] == [
        f'"8-K-{len(server.docs["8-K"])}"',
        f'"SC TO-T-{len(server.docs["SC TO-T"])}"',
    ]
    state = SourceState.model_validate(publisher.on("t.sources.cursors")[-1].value)
    assert len(state.cursor["accessions"]) == 3


def test_a_429_fails_the_whole_poll_before_anything_is_sent_and_holds_every_edgar_source() -> None:
    server = Edgar({"8-K": current_filings([ACQUIRED])})
    server.script = [
        httpx.Response(200, content=server.docs["8-K"]),
        httpx.Response(429, headers={"Retry-After": "7"}),
    ]
    publisher = MemoryPublisher()

    async def run() -> SourceFetchError:
        source = _source(server, publisher)
        with pytest.raises(SourceFetchError) as caught:
            await source.poll()
        assert sec_limiter(source.ctx) is source.limiter
        assert source.limiter._held_until > source.limiter._clock() + 6
        return caught.value

    error = asyncio.run(run())
    assert error.retry_after == 7.0
    assert publisher.records == []


def test_without_a_user_agent_the_source_refuses_to_start_with_a_coded_error() -> None:
    publisher = MemoryPublisher()
    server = Edgar({})
    bare = Settings(topic_prefix="t.", sources_host_interval_s=0)

    async def run() -> EdgarSource:
        source = _source(server, publisher, bare)
        await asyncio.wait_for(source.run(), timeout=5)
        return source

    source = asyncio.run(run())
    assert server.requests == []
    assert source.status.state == "failing"
    assert source.status.last_error is not None
    assert E_SEC_USER_AGENT in source.status.last_error
    assert "SCOUT_SEC_USER_AGENT" in source.status.last_error
    (saved,) = publisher.on("t.sources.cursors")
    assert saved.value["status"]["state"] == "failing"
    with pytest.raises(SecUserAgentError):
        sec_user_agent(Settings(sec_user_agent="Acme Research"), "sec")  # no e-mail


def test_the_limiter_spaces_requests_by_its_rate_and_honours_a_hold() -> None:
    now = [0.0]
    sent: list[float] = []

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    async def run() -> None:
        limiter = RateLimiter(10.0, clock=lambda: now[0], sleep=sleep)
        for _ in range(25):
            await limiter.acquire()
            sent.append(now[0])
        limiter.hold(3.0)
        await limiter.acquire()
        sent.append(now[0])

    asyncio.run(run())
    times = [round(t, 6) for t in sent]  # microseconds: float sums of 0.1 drift below
    assert all(b - a >= 0.1 - 1e-6 for a, b in zip(times, times[1:-1], strict=False))
    assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) == 10
    assert sent[-1] - sent[-2] == pytest.approx(3.0)


def test_one_limiter_per_context_shared_by_every_edgar_source() -> None:
    publisher = MemoryPublisher()
    ctx = context(publisher, Edgar({}), SETTINGS)
    one = EdgarSource(_config(name="a"), ctx, make_filter("all", None))
    two = EdgarSource(_config(name="b"), ctx, make_filter("all", None))
    assert one.limiter is two.limiter
    other = EdgarSource(
        _config(name="c"), context(publisher, Edgar({}), SETTINGS), make_filter("all", None)
    )
    assert other.limiter is not one.limiter


def test_edgar_and_hackernews_sources_load_from_the_sources_file() -> None:
    from streams.sources.config import parse_sources
    from streams.sources.hackernews.source import HackerNewsSource
    from streams.sources.kinds import source_class

    loaded = parse_sources(
        b"sources:\n"
        b"  - {name: sec, kind: edgar, forms: ['8-K', 'sc to-t'], interval: 1m}\n"
        b"  - {name: hn, kind: hackernews, concurrency: 4}\n"
        b"  - {name: bad, kind: edgar, forms: ['8-K<script>']}\n",
        "sources.yaml",
    )
    assert [s.name for s in loaded.sources] == ["sec", "hn"]
    assert isinstance(loaded.sources[0], EdgarConfig)
    assert loaded.sources[0].forms == ("8-K", "SC TO-T")
    assert source_class("edgar") is EdgarSource
    assert source_class("hackernews") is HackerNewsSource
    (problem,) = loaded.problems
    assert (problem.source, problem.field, problem.code) == ("bad", "forms", "SCOUT-E704")
