"""Digests against the real Elasticsearch and Kafka: one per rule and period, reposts
folded, late posts in the next digest, sent once through a worker."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import AsyncElasticsearch, Elasticsearch

from models.alerts import Alert, Rule
from models.enriched import EnrichedPost
from models.post import Author
from models.signals import Influence, MASignal, Party
from streams.alerts.matching import AlertClaims, RuleCache, rules_index_name, state_index_name
from streams.alerts.reports import Reports, SpikeRuns
from streams.index.client import make_async_client
from streams.index.sink import BulkSink, write_all
from streams.settings import Settings
from tests.integration.support import WorkerProcess, holds_for, scout, wait_until
from tests.integration.test_alerts_stream import Receiver
from tests.integration.test_spikes import isolated  # noqa: F401 - fixture

pytestmark = pytest.mark.integration

P = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # the hour under test: [10:00, 11:00)
DEAL = MASignal(
    is_ma=True,
    score=0.9,
    acquirer=Party(name="Northwind", id="company:NW"),
    target=Party(name="Tailspin", id="company:TS"),
    status="announced",
)


def _post(i: str, text: str, created: datetime | None, **extra: Any) -> EnrichedPost:
    return EnrichedPost(
        doc_id=f"doc-{i}",
        post_id=i,
        source="test",
        text=text,
        created_at=created,
        author=Author(handle=f"author{i}"),
        url=f"https://example.com/p/{i}",
        lang="en",
        entities=(),
        model="test",
        **extra,
    )


async def _write(
    client: AsyncElasticsearch, alias: str, at: datetime, docs: list[EnrichedPost]
) -> None:
    """Index ``docs`` as if at ``at`` (their ``indexed_at``)."""
    outcome = await write_all(BulkSink(client, alias, clock=lambda: at), docs, cap_s=5)
    assert outcome.indexed == len(docs)


def _rule(created: datetime, **extra: Any) -> Rule:
    return Rule.model_validate(
        {
            "id": "deals-hourly",
            "name": "Deals, hourly",
            "owner": "it",
            "query": "acquire OR hires OR launches OR earnings",
            "mode": "hourly",
            "dedup": "story",
            "created_at": created.isoformat(),
            **extra,
        }
    )


async def _put_rule(client: AsyncElasticsearch, settings: Settings, rule: Rule) -> None:
    index = rules_index_name(settings.index_prefix)
    await client.index(index=index, id=rule.id, document=rule.model_dump(mode="json"), refresh=True)


def _reports(client: AsyncElasticsearch, settings: Settings, **kw: float) -> Reports:
    state = state_index_name(settings.index_prefix)
    return Reports(
        es=client,
        alias=settings.posts_alias,
        rules=RuleCache(client, rules_index_name(settings.index_prefix), ttl_s=0.01),
        claims=AlertClaims(client, state),
        runs=SpikeRuns(client, state),
        **kw,
    )


def test_a_digest_holds_its_period_with_reposts_folded_and_is_built_once(
    isolated: Settings,  # noqa: F811 - the fixture
) -> None:
    story = "Northwind agrees to acquire Tailspin for $3bn"

    async def body(client: AsyncElasticsearch) -> None:
        alias = isolated.posts_alias
        await AlertClaims(client, state_index_name(isolated.index_prefix)).ensure()
        await _put_rule(client, isolated, _rule(P - timedelta(hours=1)))
        # six reposts of one story; the original is the most influential
        original = _post("orig", story, P + timedelta(minutes=10), ma=DEAL,
                         influence=Influence(score=80.0))  # fmt: skip
        reposts = [
            _post(
                f"rt{k}", f"RT @fan{k}: {story} {'!' * k}", P + timedelta(minutes=11 + k), ma=DEAL
            )
            for k in range(5)
        ]
        await _write(client, alias, P + timedelta(minutes=30), [original, *reposts])
        await _write(client, alias, P + timedelta(minutes=45), [
            _post("a", "Contoso hires a new CFO https://news.example/cfo?utm_source=x",
                  P + timedelta(minutes=40)),
            _post("b", "Fabrikam launches a chip", P + timedelta(minutes=41)),
        ])  # fmt: skip
        # late: created 09:30, indexed 10:50 (after the 09:00 digest closed at 10:05)
        await _write(client, alias, P + timedelta(minutes=50),
                     [_post("late", "Litware earnings beat", P - timedelta(minutes=30))])  # fmt: skip
        # on time: created 10:58, indexed 11:03 (before the 10:00 cutoff, 11:05)
        await _write(client, alias, P + timedelta(minutes=63),
                     [_post("slow", "Adatum earnings miss", P + timedelta(minutes=58))])  # fmt: skip
        # not in this digest: indexed after the cutoff, or created in the next hour
        await _write(client, alias, P + timedelta(minutes=80), [
            _post("tooslow", "Woodgrove earnings flat", P + timedelta(minutes=59)),
            _post("next", "Proseware acquire rumours", P + timedelta(minutes=70)),
            _post("other", "Nothing to see here", P + timedelta(minutes=20)),
        ])  # fmt: skip

        reports = _reports(client, isolated, digest_delay_s=300, digest_settle_s=35)
        ready = P + timedelta(hours=1, seconds=336)
        assert await reports.digests(ready - timedelta(seconds=2)) == [], "not ready yet"
        first = await reports.digests(ready)
        await reports.claims.mark_sent([a.alert_id for a in first])
        assert [(a.kind, a.digest.start if a.digest else None) for a in first] == [("digest", P)]
        digest = first[0].digest
        assert digest is not None
        assert (digest.total, digest.late) == (10, 1)
        top = digest.top_posts[0]
        assert (top.post.post_id, top.similar) == ("orig", 5)
        ids = {i.post.post_id for i in digest.top_posts}
        assert ids == {"orig", "a", "b", "late", "slow"}
        assert [s.summary for s in digest.signals] == ["Northwind → Tailspin (announced)"]
        assert ("ma", 6) in [(c.key, c.count) for c in digest.signal_counts]
        assert [(c.key, c.count) for c in digest.links] == [
            ("https://news.example/cfo?utm_source=x", 1)
        ]

        # Evaluated again, by the same or a fresh evaluator: nothing new.
        assert await reports.digests(ready + timedelta(minutes=5)) == []
        assert await _reports(client, isolated).digests(ready + timedelta(minutes=5)) == []
        # The next hour holds what this one did not: the slow post (late) and the next one.
        following = await reports.digests(ready + timedelta(hours=1))
        assert len(following) == 1 and following[0].digest is not None
        later = following[0].digest
        assert later.start == P + timedelta(hours=1) and (later.total, later.late) == (2, 1)
        assert {i.post.post_id for i in later.top_posts} == {"tooslow", "next"}

    asyncio.run(_with_client(isolated, body))


async def _with_client(settings: Settings, body: Callable[[AsyncElasticsearch], Any]) -> None:
    client = make_async_client(settings)
    try:
        await body(client)
    finally:
        await client.close()


def test_scout_rules_digest_previews_without_sending(isolated: Settings) -> None:  # noqa: F811
    async def body(client: AsyncElasticsearch) -> None:
        await _put_rule(client, isolated, _rule(P))
        await _write(client, isolated.posts_alias, P + timedelta(minutes=5),
                     [_post("x", "Northwind to acquire Tailspin", P + timedelta(minutes=1))])  # fmt: skip

    asyncio.run(_with_client(isolated, body))
    shown = scout(isolated, "rules", "digest", "deals-hourly", "--period", "2026-03-02T10:30:00Z")
    assert shown.returncode == 0, shown.stderr
    assert "Deals, hourly: hourly digest" in shown.stdout and "1 post," in shown.stdout
    as_json = scout(
        isolated, "rules", "digest", "deals-hourly", "--period", "2026-03-02T10:30Z", "--json"
    )
    assert json.loads(as_json.stdout)["digest"]["top_posts"][0]["post"]["post_id"] == "x"
    assert scout(isolated, "rules", "digest", "nope").returncode != 0


def test_a_digest_through_a_worker_is_delivered_once(
    settings: Settings, es: Elasticsearch, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    receiver = Receiver()
    request.addfinalizer(receiver.close)
    settings = settings.model_copy(
        update={
            "alert_allow": "127.0.0.1",
            "alert_rules_ttl_s": 0.5,
            "digest_check_s": 1.0,
            "digest_delay_s": 1.0,
            "es_timeout_s": 5.0,  # the digest of an hour is built 1 + 5 + 5 s after it
        }
    )
    hour = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    while datetime.now(UTC) < hour + timedelta(seconds=12):
        time.sleep(0.5)  # right at the top of the hour: let the last hour become ready
    previous = hour - timedelta(hours=1)
    rule = _rule(previous - timedelta(hours=1), channels=[{"type": "webhook", "url": receiver.url}])
    story = "Northwind agrees to acquire Tailspin for $3bn"

    async def body(client: AsyncElasticsearch) -> None:
        await _put_rule(client, settings, rule)
        await _write(client, settings.posts_alias, previous + timedelta(minutes=30), [
            _post(f"p{k}", f"{'RT @x: ' * k}{story}", previous + timedelta(minutes=20 + k))
            for k in range(4)
        ])  # fmt: skip

    asyncio.run(_with_client(settings, body))
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    wait_until(lambda: receiver.requests or worker.assert_alive(), timeout=90, what="a digest")
    # more checks (one a second) must not send it again
    holds_for(lambda: len(receiver.requests) == 1, seconds=4)
    assert len(receiver.requests) == 1, [r["body"][:300] for r in receiver.requests]
    sent: dict[str, Any] = json.loads(receiver.requests[0]["body"])
    assert sent["event"] == "scout.digest" and sent["mode"] == "hourly"
    digest = sent["digest"]
    assert digest["start"].startswith(previous.strftime("%Y-%m-%dT%H:00")) and digest["total"] == 4
    assert [(t["post"]["post_id"], t["similar"]) for t in digest["top_posts"]] == [("p0", 3)]
    assert Alert.model_validate(sent | {"event": None}).kind == "digest"
