"""The spike and digest timers survive Elasticsearch and Kafka failures (no network).

A Faust timer whose function raises stops for good and crashes the worker, so one tick
against an Elasticsearch that is down must log, send nothing, and let the next tick
(Elasticsearch back) send the digest, once.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

from elasticsearch import ConnectionError as ESConnectionError

from models.alerts import Rule
from streams.alerts.matching import AlertClaims
from streams.alerts.reports import Reports, SpikeRuns
from streams.worker.agents import publish_reports
from streams.worker.runtime import Runtime

HOUR = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
NOW = HOUR + timedelta(hours=1, minutes=10)  # the 10:00 digest is ready (delay + settle)
RULE = Rule.model_validate(
    {
        "id": "deals",
        "name": "Deals",
        "owner": "it",
        "query": "acquire",
        "mode": "hourly",
        "created_at": HOUR.isoformat(),  # only the 10:00 period is due
    }
)
POST = {
    "doc_id": "doc-1",
    "post_id": "p-1",
    "source": "test",
    "text": "Northwind to acquire Tailspin",
    "created_at": (HOUR + timedelta(minutes=5)).isoformat(),
}


class FakeES:
    """Just what Reports and AlertClaims call; ``down`` makes every call fail."""

    def __init__(self) -> None:
        self.down = True
        self.indices = self
        self.claims: dict[str, dict[str, Any]] = {}
        self.msearches: list[int] = []  # searches per _msearch request

    def _check(self) -> None:
        if self.down:
            raise ESConnectionError("Connection refused")

    async def refresh(self, index: str) -> None:
        self._check()

    async def msearch(self, searches: list[dict[str, Any]]) -> Any:
        self._check()
        self.msearches.append(len(searches) // 2)
        hit = {"hits": {"hits": [{"_source": POST}], "total": {"value": 1}}, "aggregations": {}}
        return SimpleNamespace(body={"responses": [hit for _ in searches[1::2]]})

    async def mget(self, index: str, ids: list[str]) -> Any:
        self._check()
        docs = [{"_id": i, "found": i in self.claims, "_source": self.claims.get(i)} for i in ids]
        return SimpleNamespace(body={"docs": docs})

    async def bulk(self, operations: list[dict[str, Any]], refresh: bool = False) -> Any:
        self._check()
        items = []
        for action, body in zip(operations[::2], operations[1::2], strict=True):
            if "create" in action:
                alert_id = action["create"]["_id"]
                status = 409 if alert_id in self.claims else 201
                self.claims.setdefault(alert_id, body)
                items.append({"create": {"status": status}})
            else:
                self.claims[action["update"]["_id"]].update(body["doc"])
                items.append({"update": {"status": 200}})
        return SimpleNamespace(body={"items": items})


class FixedRules:
    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    async def rules(self) -> list[Rule]:
        return [self.rule]


class Topic:
    def __init__(self, error: Exception | None = None) -> None:
        self.sent: list[bytes] = []
        self.error = error

    async def send(self, key: bytes, value: bytes) -> asyncio.Future[None]:
        if self.error is not None:
            raise self.error
        self.sent.append(value)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


def _runtime(es: FakeES, rule: Rule = RULE) -> Runtime:
    client: Any = es
    reports = Reports(
        es=client,
        alias="posts",
        rules=cast(Any, FixedRules(rule)),
        claims=AlertClaims(client, "state", clock=lambda: NOW),
        runs=SpikeRuns(client, "state"),
    )
    return cast(Runtime, SimpleNamespace(reports=reports))


def test_a_timer_tick_with_elasticsearch_down_sends_nothing_and_the_next_tick_sends_once() -> None:
    es = FakeES()
    rt = _runtime(es)
    topic = Topic()

    async def ticks() -> list[int]:
        down = [
            await publish_reports(rt, topic, "digests", now=NOW),
            await publish_reports(rt, topic, "spikes", now=NOW),
        ]
        es.down = False
        back = await publish_reports(rt, topic, "digests", now=NOW + timedelta(minutes=1))
        again = await publish_reports(rt, topic, "digests", now=NOW + timedelta(minutes=2))
        return [*down, back, again]

    assert asyncio.run(ticks()) == [0, 0, 1, 0]
    assert len(topic.sent) == 1 and b'"kind":"digest"' in topic.sent[0]
    assert [c["sent"] for c in es.claims.values()] == [True]


def test_a_kafka_error_while_publishing_does_not_end_the_timer() -> None:
    es = FakeES()
    es.down = False
    rt = _runtime(es)

    async def tick() -> int:
        return await publish_reports(rt, Topic(RuntimeError("broker gone")), "digests", now=NOW)

    assert asyncio.run(tick()) == 0
    # claimed but not handed on: still pending, so a later check emits it again
    assert [c["sent"] for c in es.claims.values()] == [False]


def test_a_worker_catching_up_asks_for_a_few_digests_per_request() -> None:
    # Down for a day: 24 hourly digests are due at once, each search returning up to
    # SAMPLE posts; one _msearch for all of them could be refused at every check.
    es = FakeES()
    es.down = False
    old_rule = RULE.model_copy(update={"created_at": HOUR - timedelta(days=2)})
    topic = Topic()
    sent = asyncio.run(publish_reports(_runtime(es, old_rule), topic, "digests", now=NOW))
    assert sent == len(topic.sent) == 24
    assert es.msearches == [10, 10, 4]
