"""Spike rules against the real Elasticsearch and Kafka: one alert per spike, none without.

The evaluation functions run directly against ES with a fixed clock; one test runs the
whole path: `scout rules add --spike-*`, posts through Kafka, a worker evaluating every
second, one webhook at a real local receiver.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from elasticsearch import AsyncElasticsearch, Elasticsearch

from models.alerts import Rule, SpikeSpec
from models.enriched import EnrichedPost, Entity
from models.post import Author
from streams.alerts.matching import AlertClaims, RuleCache, rules_index_name, state_index_name
from streams.alerts.reports import Reports, SpikeRuns
from streams.index.client import make_async_client, make_client
from streams.index.schema import ensure_posts_index, posts_index_name
from streams.index.sink import BulkSink, write_all
from streams.settings import Settings
from tests.integration.support import WorkerProcess, count_docs, holds_for, scout, wait_until
from tests.integration.test_alerts_stream import Receiver

pytestmark = pytest.mark.integration

T = TypeVar("T")
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
MSFT = "company:MSFT"
ORCL = "company:ORCL"


@pytest.fixture
def isolated(base_settings: Settings) -> Iterator[Settings]:
    settings = base_settings.model_copy(update={"index_prefix": f"it-s-{uuid.uuid4().hex[:10]}"})
    es = make_client(settings)
    ensure_posts_index(es, settings)
    yield settings
    try:
        for index in (
            posts_index_name(settings),
            rules_index_name(settings.index_prefix),
            state_index_name(settings.index_prefix),
        ):
            es.indices.delete(index=index, ignore_unavailable=True)
        es.options(ignore_status=404).indices.delete_index_template(
            name=f"{settings.index_prefix}-posts"
        )
    finally:
        es.close()


def _post(i: str, entity: str, at: datetime) -> EnrichedPost:
    name = entity.split(":")[1]
    return EnrichedPost(
        doc_id=f"doc-{i}",
        post_id=i,
        source="test",
        text=f"{name} update number {i}",
        created_at=at,
        author=Author(handle=f"author{i}"),
        url=f"https://example.com/p/{i}",
        lang="en",
        entities=(
            Entity(text=name, label="ORG", start=0, end=len(name), id=entity, source="watchlist"),
        ),
        model="test",
    )


def _history(entity: str, *, per_hour: int, hours: int, end: datetime) -> list[EnrichedPost]:
    step = timedelta(minutes=60 / per_hour)
    return [
        _post(f"{entity}-h{h}-{k}", entity, end - timedelta(hours=h + 1) + step * k)
        for h in range(hours)
        for k in range(per_hour)
    ]


def _burst(tag: str, entity: str, n: int, end: datetime) -> list[EnrichedPost]:
    return [_post(f"{tag}-{k}", entity, end - timedelta(minutes=2 + k)) for k in range(n)]


def _run(settings: Settings, body: Callable[[Reports, AsyncElasticsearch], Awaitable[T]]) -> T:
    async def run() -> T:
        client = make_async_client(settings)
        try:
            claims = AlertClaims(client, state_index_name(settings.index_prefix))
            await claims.ensure()
            reports = Reports(
                es=client,
                alias=settings.posts_alias,
                rules=RuleCache(client, rules_index_name(settings.index_prefix), ttl_s=0.01),
                claims=claims,
                runs=SpikeRuns(client, claims.index),
            )
            return await body(reports, client)
        finally:
            await client.close()

    return asyncio.run(run())


async def _setup(
    client: AsyncElasticsearch, settings: Settings, docs: list[EnrichedPost], rules: list[Rule]
) -> None:
    outcome = await write_all(BulkSink(client, settings.posts_alias), docs, cap_s=5)
    assert outcome.indexed == len(docs)
    index = rules_index_name(settings.index_prefix)
    for rule in rules:
        await client.index(index=index, id=rule.id, document=rule.model_dump(mode="json"))
    if rules:
        await client.indices.refresh(index=index)


def test_a_spike_fires_once_however_often_evaluated_and_again_after_volume_was_normal(
    isolated: Settings,
) -> None:
    rule = Rule(
        id="chatter",
        name="Chatter",
        owner="it",
        spike=SpikeSpec(window_s=3600, baseline_windows=12, min_count=10, ratio=3.0),
    )
    # MSFT: 2 posts an hour for 12 hours, then 15 in the last hour. ORCL: steady 12/h.
    docs = _history(MSFT, per_hour=2, hours=12, end=NOW - timedelta(hours=1))
    docs += _burst("msft-1", MSFT, 15, NOW)
    docs += _history(ORCL, per_hour=12, hours=14, end=NOW + timedelta(hours=1))
    later = NOW + timedelta(hours=3)
    docs += _burst("msft-2", MSFT, 15, later)

    async def body(reports: Reports, client: AsyncElasticsearch) -> None:
        await _setup(client, isolated, docs, [rule])
        fired = []
        for minute in range(4):  # the same spike, evaluated again and again
            fired += await reports.spikes(NOW + timedelta(minutes=minute, seconds=7))
            await reports.claims.mark_sent([a.alert_id for a in fired])
        assert [(a.kind, a.spike.entity_id if a.spike else None) for a in fired] == [
            ("spike", MSFT)
        ]
        spike = fired[0].spike
        assert spike is not None
        assert spike.count == 15 and spike.baseline == 2.0 and spike.ratio == 7.5
        assert spike.run_start == NOW and spike.entity_name == "MSFT"
        assert len(spike.top_posts) == 3 and all(MSFT in p.entity_ids for p in spike.top_posts)

        # A second evaluator (another worker, or after a restart) with no memory: nothing.
        again = Reports(
            es=client,
            alias=reports.alias,
            rules=reports.rules,
            claims=AlertClaims(client, reports.claims.index),
            runs=SpikeRuns(client, reports.claims.index),
        )
        assert await again.spikes(NOW + timedelta(minutes=5)) == []
        # 90 minutes on, the burst is over: no spike.
        assert await again.spiking([rule], NOW + timedelta(minutes=90)) == []
        # A new burst after volume was normal for more than a window fires again.
        second = await again.spikes(later)
        assert [(a.spike.entity_id, a.spike.run_start) for a in second if a.spike] == [
            (MSFT, later)
        ]
        assert second[0].alert_id != fired[0].alert_id

    _run(isolated, body)


def test_steady_or_small_volume_never_fires(isolated: Settings) -> None:
    any_entity = Rule(id="any", name="Any", owner="it", spike=SpikeSpec(min_count=10))
    docs = _history(ORCL, per_hour=12, hours=14, end=NOW + timedelta(hours=1))
    docs += _burst("tiny", MSFT, 9, NOW)  # from zero, but below min_count

    async def body(reports: Reports, client: AsyncElasticsearch) -> None:
        await _setup(client, isolated, docs, [any_entity])
        for minute in range(0, 60, 10):
            assert await reports.spikes(NOW + timedelta(minutes=minute)) == []

    _run(isolated, body)


def test_scout_rules_test_lists_past_spikes(isolated: Settings) -> None:
    docs = _history(MSFT, per_hour=2, hours=12, end=NOW - timedelta(hours=1))
    docs += _burst("msft-1", MSFT, 15, NOW)

    async def body(reports: Reports, client: AsyncElasticsearch) -> None:
        await _setup(client, isolated, docs, [])

    _run(isolated, body)
    added = scout(
        isolated, "rules", "add", "chatter", "--name", "Chatter", "--owner", "it",
        "--spike-entity", MSFT, "--spike-window", "1h", "--spike-min", "10",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    shown = scout(isolated, "rules", "show", "chatter")
    assert '"window_s": 3600' in shown.stdout and '"mode": "instant"' in shown.stdout
    until = (NOW + timedelta(minutes=30)).isoformat()
    tested = scout(
        isolated,
        "rules",
        "test",
        "chatter",
        "--since",
        "2026-03-02T06:00:00+00:00",
        "--until",
        until,
    )
    assert tested.returncode == 0, tested.stderr
    assert "1 spikes" in tested.stdout and f"{MSFT}: 2026-03-02 " in tested.stdout, tested.stdout
    bad = scout(isolated, "rules", "update", "chatter", "--spike-ratio", "0.5")
    assert bad.returncode != 0 and "SCOUT-E552" in bad.stderr + bad.stdout


def test_a_spike_through_kafka_and_a_worker_sends_one_webhook(
    settings: Settings, es: Elasticsearch, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    receiver = Receiver()
    request.addfinalizer(receiver.close)
    settings = settings.model_copy(
        update={"alert_allow": "127.0.0.1", "alert_rules_ttl_s": 0.5, "spike_check_s": 1.0}
    )
    # --spike-min 8 = all eight Microsoft posts: the worker indexes them in batches of any
    # size while it evaluates every second, and may fire only once all are searchable.
    added = scout(
        settings, "rules", "add", "msft-chatter", "--name", "Microsoft chatter",
        "--owner", "it", "--spike-entity", MSFT, "--spike-min", "8", "--spike-window", "1h",
        "--channel", f"webhook={receiver.url}",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    now = datetime.now(UTC)
    posts = tmp_path / "posts.jsonl"
    lines = [
        {
            "id": f"ms-{k}",
            "text": f"Microsoft is everywhere today, take {k}: Microsoft news",
            "source": "fixture",
            "created_at": (now - timedelta(minutes=1 + k)).isoformat(),
        }
        for k in range(8)
    ]
    lines.append({"id": "o-1", "text": "Oracle says hello", "source": "fixture",
                  "created_at": now.isoformat()})  # fmt: skip
    posts.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    worker = WorkerProcess(settings, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)
    assert scout(settings, "ingest", str(posts)).returncode == 0
    wait_until(
        lambda: count_docs(es, settings) == 9 or worker.assert_alive(),
        timeout=120,
        what="9 indexed posts",
    )
    wait_until(lambda: receiver.requests or worker.assert_alive(), timeout=60, what="a webhook")
    # several more evaluations (one a second) must not send it again
    holds_for(lambda: len(receiver.requests) == 1, seconds=4)
    assert len(receiver.requests) == 1, [r["body"][:200] for r in receiver.requests]
    body: dict[str, Any] = json.loads(receiver.requests[0]["body"])
    assert body["event"] == "scout.spike" and body["kind"] == "spike"
    assert body["spike"]["entity_id"] == MSFT and body["spike"]["count"] == 8
    assert body["post"] is None
