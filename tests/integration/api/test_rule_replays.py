"""``POST /rules/{id}/test`` of spike and digest rules against the real Elasticsearch:
the same previews as ``scout rules test`` (streams.alerts.reports.preview), over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.enriched import EnrichedPost, Entity
from models.post import Author, BackfillInfo
from streams.alerts.reports.periods import period_containing
from streams.alerts.reports.spikes import spike_alert_id
from streams.index.client import make_async_client
from streams.index.sink import BulkSink, write_all
from streams.settings import Settings
from tests.integration.api.data_support import drop_alert_indices
from tests.integration.support import scout

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
MSFT, ORCL = "company:MSFT", "company:ORCL"


@pytest.fixture
def rules_api(api: TestClient, settings: Settings) -> Iterator[TestClient]:
    yield api
    drop_alert_indices(settings)


def _post(i: str, text: str, at: datetime, entity: str | None = None) -> EnrichedPost:
    name = entity.split(":")[1] if entity else ""
    entities = (
        (Entity(text=name, label="ORG", start=0, end=len(name), id=entity, source="watchlist"),)
        if entity
        else ()
    )
    return EnrichedPost(
        doc_id=f"doc-{i}",
        post_id=i,
        source="test",
        text=text,
        created_at=at,
        author=Author(handle=f"author{i}"),
        url=f"https://example.com/p/{i}",
        lang="en",
        entities=entities,
        model="test",
    )


def _index(settings: Settings, docs: list[EnrichedPost], *, indexed_at: datetime) -> None:
    """Index through the worker's bulk sink as if at ``indexed_at``."""

    async def write() -> None:
        client = make_async_client(settings)
        try:
            sink = BulkSink(client, settings.posts_alias, clock=lambda: indexed_at)
            outcome = await write_all(sink, docs, cap_s=5)
            assert outcome.indexed == len(docs)
            await client.indices.refresh(index=settings.posts_alias)
        finally:
            await client.close()

    asyncio.run(write())


def _mentions(entity: str, tag: str, times: list[datetime]) -> list[EnrichedPost]:
    name = entity.split(":")[1]
    return [_post(f"{tag}-{k}", f"{name} update {k}", t, entity) for k, t in enumerate(times)]


@pytest.fixture
def spiky(settings: Settings) -> None:
    """Microsoft: 2 posts an hour for 12 hours, then 15 in the last quarter hour before
    NOW (one spike); Oracle: 2 an hour throughout (no spike)."""
    steady = [NOW - timedelta(hours=13) + timedelta(minutes=30 * k) for k in range(24)]
    burst = [NOW - timedelta(minutes=2 + k) for k in range(15)]
    docs = _mentions(MSFT, "msft", steady) + _mentions(MSFT, "burst", burst)
    docs += _mentions(ORCL, "orcl", [*steady, NOW - timedelta(minutes=20)])
    _index(settings, docs, indexed_at=NOW)


SPIKE_RULE: dict[str, Any] = {
    "id": "chatter",
    "name": "Chatter",
    "owner": "it",
    "spike": {"window_s": 3600, "min_count": 10, "ratio": 3.0},
}
RANGE = {"since": "2026-03-02T06:00:00Z", "until": "2026-03-02T12:30:00Z"}


@pytest.mark.usefixtures("spiky")
def test_spike_rule_replay_lists_each_spike_once_like_the_cli(
    rules_api: TestClient, settings: Settings
) -> None:
    assert rules_api.post("/rules", json=SPIKE_RULE).status_code == 201

    replay = rules_api.post("/rules/chatter/test", params=RANGE)
    assert replay.status_code == 200, replay.text
    body = replay.json()
    assert body["kind"] == "spike" and body["rule_id"] == "chatter"
    assert body["step_s"] == 300 and body["alerts"] == 1
    (spike,) = body["spikes"]
    assert spike["entity_id"] == MSFT
    start = datetime.fromisoformat(spike["start"])
    assert NOW - timedelta(minutes=20) <= start <= NOW
    assert spike["alert_id"] == spike_alert_id("chatter", MSFT, start)
    assert spike["peak"]["count"] >= 15 and spike["peak"]["baseline"] <= 2.5

    # The CLI previews the same spikes (the same function).
    printed = scout(
        settings, "rules", "test", "chatter", "--since", RANGE["since"], "--until", RANGE["until"]
    )
    assert printed.returncode == 0, printed.stderr
    assert "1 spikes" in printed.stdout and f"{MSFT}: {start:%Y-%m-%d %H:%M}" in printed.stdout

    # Stricter: nothing fires. An unsaved draft is previewed the same way.
    strict = {**SPIKE_RULE, "id": "strict", "spike": {"window_s": 3600, "min_count": 100}}
    draft = rules_api.post("/rules/test", params=RANGE, json=strict)
    assert draft.status_code == 200 and draft.json()["kind"] == "spike"
    assert draft.json()["alerts"] == 0 and draft.json()["spikes"] == []
    assert rules_api.get("/rules/strict").status_code == 404

    # Every watched entity (none named): still only Microsoft spiked.
    anyone = {**SPIKE_RULE, "id": "anyone"}
    assert rules_api.post("/rules/test", params=RANGE, json=anyone).json()["alerts"] == 1

    # A range that needs too many buckets is refused, not sent to Elasticsearch.
    too_long = rules_api.post("/rules/chatter/test", params={"since": "2000-01-01"})
    assert too_long.status_code == 400 and too_long.json()["code"] == "SCOUT-E552"
    backwards = rules_api.post("/rules/chatter/test", params={"since": "1d", "until": "2d"})
    assert backwards.status_code == 400 and backwards.json()["code"] == "SCOUT-E503"


P = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
DIGEST_RULE: dict[str, Any] = {
    "id": "deals-hourly",
    "name": "Deals, hourly",
    "owner": "it",
    "query": "acquire",
    "mode": "hourly",
    "dedup": "story",
}


def test_digest_rule_replay_builds_each_periods_digest_like_the_cli(
    rules_api: TestClient, settings: Settings
) -> None:
    story = "Northwind agrees to acquire Tailspin for $3bn in cash"
    _index(
        settings,
        [
            _post("a", story, P + timedelta(minutes=1)),
            _post("b", story + " today", P + timedelta(minutes=7)),
            _post("c", "Contoso shares rise", P + timedelta(minutes=9)),
        ],
        indexed_at=P + timedelta(minutes=10),
    )
    _index(
        settings,
        [_post("d", "Fabrikam to acquire Litware", P + timedelta(hours=1, minutes=3))],
        indexed_at=P + timedelta(hours=1, minutes=10),
    )
    assert rules_api.post("/rules", json=DIGEST_RULE).status_code == 201

    span = {"since": "2026-03-02T09:00:00Z", "until": "2026-03-02T13:00:00Z"}
    replay = rules_api.post("/rules/deals-hourly/test", params=span)
    assert replay.status_code == 200, replay.text
    body = replay.json()
    assert body["kind"] == "digest" and body["mode"] == "hourly"
    # 09, 10, 11 and 12 o'clock are complete at 13:00; two held posts.
    assert body["periods"] == 4 and body["empty"] == 2 and body["complete"] is True
    assert body["alerts"] == 2
    newest, oldest = body["digests"]
    assert newest["digest"]["start"].startswith("2026-03-02T11:00")
    assert newest["digest"]["total"] == 1
    assert oldest["digest"]["total"] == 2  # "Contoso shares rise" does not match
    (top,) = oldest["digest"]["top_posts"]
    assert top["post"]["post_id"] == "a" and top["similar"] == 1  # the repost folded in
    assert oldest["alert_id"] == period_containing("hourly", P).alert_id("deals-hourly")

    paged = rules_api.post("/rules/deals-hourly/test", params={**span, "size": 1, "page": 2})
    assert [d["alert_id"] for d in paged.json()["digests"]] == [oldest["alert_id"]]
    assert paged.json()["next_page"] is None

    # More periods than are built: the newest are, and the answer says it is incomplete.
    long = rules_api.post(
        "/rules/deals-hourly/test",
        params={"since": "2026-02-01T00:00:00Z", "until": span["until"]},
    ).json()
    assert long["complete"] is False and long["periods"] == 168 and long["alerts"] == 2

    printed = scout(
        settings,
        "rules",
        "test",
        "deals-hourly",
        "--since",
        span["since"],
        "--until",
        span["until"],
    )
    assert printed.returncode == 0, printed.stderr
    assert "2 hourly digests of 4 periods (2 empty, not sent)" in printed.stdout


def test_spike_and_digest_replays_count_backfilled_posts_by_created_at(
    rules_api: TestClient, settings: Settings
) -> None:
    """Regression (issue 11, point 4): replays over a backfilled range found nothing (they
    kept the live guard that skips backfills run without --alerts, and digests went by the
    time a post was indexed: today, for a backfill)."""
    then = datetime(2015, 6, 1, 12, 0, tzinfo=UTC)
    steady = [then - timedelta(hours=13) + timedelta(minutes=30 * k) for k in range(24)]
    burst = [then - timedelta(minutes=2 + k) for k in range(15)]
    deals = [
        _post("deal-1", "Northwind agrees to acquire Tailspin", then - timedelta(hours=3)),
        _post("deal-2", "Fabrikam to acquire Litware", then - timedelta(hours=3, minutes=-20)),
    ]
    run = BackfillInfo(run="history-2015")
    docs = _mentions(MSFT, "msft", steady) + _mentions(MSFT, "burst", burst) + deals
    _index(
        settings,
        [d.model_copy(update={"backfill": run}) for d in docs],
        indexed_at=datetime.now(UTC),
    )
    span = {"since": "2015-06-01T06:00:00Z", "until": "2015-06-01T12:30:00Z"}

    assert rules_api.post("/rules", json=SPIKE_RULE).status_code == 201
    spikes = rules_api.post("/rules/chatter/test", params=span).json()
    assert spikes["alerts"] == 1 and spikes["spikes"][0]["entity_id"] == MSFT
    assert spikes["spikes"][0]["peak"]["count"] >= 15

    assert rules_api.post("/rules", json=DIGEST_RULE).status_code == 201
    digests = rules_api.post("/rules/deals-hourly/test", params=span).json()
    assert digests["alerts"] == 1 and digests["periods"] == 6
    (digest,) = digests["digests"]
    assert digest["digest"]["start"].startswith("2015-06-01T09:00")
    assert digest["digest"]["total"] == 2

    printed = scout(
        settings, "rules", "test", "chatter", "--since", span["since"], "--until", span["until"]
    )
    assert printed.returncode == 0, printed.stderr
    assert "1 spikes" in printed.stdout
