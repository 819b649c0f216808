"""The outbox sweep picks the right claims and never stops the worker (no network)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

from elasticsearch import ConnectionError as ESConnectionError

from models.alerts import Alert, AlertPost, DigestSummary, SpikeInfo
from streams.alerts.matching import AlertClaims, Outbox
from streams.alerts.matching.claims import PENDING_GRACE_S
from streams.alerts.matching.outbox import pending_query, sort_pending
from streams.worker.agents import sweep_alerts

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
POST = Alert(
    alert_id="a-post",
    rule_id="r",
    rule_name="R",
    dedup_value="v",
    post=AlertPost(doc_id="d-1", post_id="p-1", source="test", text="Northwind buys Tailspin"),
    matched_at=T0,
)
SPIKE = Alert(
    alert_id="a-spike",
    rule_id="s",
    rule_name="S",
    dedup_value="spike:company:MSFT:2026-03-02T10:00:00+00:00",
    kind="spike",
    spike=SpikeInfo(
        entity_id="company:MSFT",
        window_s=3600,
        window_start=T0 - timedelta(hours=1),
        window_end=T0,
        count=40,
        baseline=2.0,
        baseline_windows=12,
        ratio=20.0,
        run_start=T0,
    ),
    matched_at=T0,
)


def _digest(alert_id: str, total: int) -> Alert:
    summary = DigestSummary(period="hourly", start=T0, end=T0 + timedelta(hours=1), total=total)
    return Alert(
        alert_id=alert_id,
        rule_id="d",
        rule_name="D",
        dedup_value="hourly:2026-03-02T10",
        kind="digest",
        digest=summary,
        matched_at=T0,
        mode="hourly",
    )


def _hit(claim_id: str, alert: dict[str, Any] | None, seq_no: int = 1) -> dict[str, Any]:
    source = {} if alert is None else {"alert": alert}
    return {"_id": claim_id, "_source": source, "_seq_no": seq_no, "_primary_term": 1}


def test_the_sweep_asks_for_unsent_outbox_claims_past_the_cutoff_oldest_first_bounded() -> None:
    body = pending_query(T0, size=7)
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"outbox": True}} in filters  # claims of earlier versions: not swept
    assert {"term": {"sent": False}} in filters
    assert {"range": {"claimed_at": {"lte": T0.isoformat()}}} in filters
    assert body["size"] == 7 and body["sort"] == [{"claimed_at": "asc"}]
    assert body["seq_no_primary_term"] is True  # taken with optimistic concurrency


def test_post_and_spike_alerts_are_published_empty_digests_marked_and_unreadable_kept() -> None:
    hits = [
        _hit("a-post", POST.model_dump(mode="json")),
        _hit("a-spike", SPIKE.model_dump(mode="json")),
        _hit("a-full", _digest("a-full", 3).model_dump(mode="json")),
        _hit("a-empty", _digest("a-empty", 0).model_dump(mode="json")),
        _hit("a-old", None),
        _hit("a-bad", {"alert_id": "a-bad", "kind": "spike"}),
    ]
    pending = sort_pending(hits)
    assert [a.alert_id for a in pending.publish] == ["a-post", "a-spike", "a-full"]
    assert pending.publish[1] == SPIKE
    assert pending.done == ["a-empty"]
    assert [claim_id for claim_id, _ in pending.unreadable] == ["a-old", "a-bad"]


class StateIndex:
    """A search returning ``hits``; bulk updates answer 409 for ids in ``taken``."""

    def __init__(self, hits: list[dict[str, Any]], taken: set[str] | None = None) -> None:
        self.hits = hits
        self.taken = taken or set()
        self.searches: list[dict[str, Any]] = []
        self.updates: list[tuple[dict[str, Any], dict[str, Any]]] = []

    async def search(self, index: str, **body: Any) -> Any:
        self.searches.append(body)
        return SimpleNamespace(body={"hits": {"hits": self.hits}})

    async def bulk(self, operations: list[dict[str, Any]], refresh: bool = False) -> Any:
        items = []
        for action, doc in zip(operations[::2], operations[1::2], strict=True):
            meta = action["update"]
            self.updates.append((meta, doc["doc"]))
            status = 409 if meta["_id"] in self.taken and "if_seq_no" in meta else 200
            items.append({"update": {"status": status}})
        return SimpleNamespace(body={"items": items})


def _outbox(state: StateIndex) -> Outbox:
    client: Any = state
    return Outbox(client, AlertClaims(client, "state"), clock=lambda: T0)


def test_a_claim_another_sweep_took_first_is_not_published() -> None:
    state = StateIndex(
        [
            _hit("a-post", POST.model_dump(mode="json")),
            _hit("a-spike", SPIKE.model_dump(mode="json")),
            _hit("a-empty", _digest("a-empty", 0).model_dump(mode="json")),
        ],
        taken={"a-post"},
    )
    alerts = asyncio.run(_outbox(state).take())
    assert [a.alert_id for a in alerts] == ["a-spike"]
    cutoff = T0 - timedelta(seconds=PENDING_GRACE_S)
    assert {"range": {"claimed_at": {"lte": cutoff.isoformat()}}} in (
        state.searches[0]["query"]["bool"]["filter"]
    )
    takes = [(m["_id"], d) for m, d in state.updates if "if_seq_no" in m]
    assert takes == [(i, {"claimed_at": T0.isoformat()}) for i in ("a-post", "a-spike", "a-empty")]
    assert [(m["_id"], d) for m, d in state.updates if "if_seq_no" not in m] == [
        ("a-empty", {"sent": True})
    ]


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


class DownES:
    async def search(self, index: str, **body: Any) -> Any:
        raise ESConnectionError("Connection refused")


def test_a_sweep_with_elasticsearch_or_kafka_down_returns_instead_of_ending_the_timer() -> None:
    down = Outbox(cast(Any, DownES()), AlertClaims(cast(Any, DownES()), "state"))
    assert asyncio.run(sweep_alerts(down, Topic())) == 0
    state = StateIndex([_hit("a-post", POST.model_dump(mode="json"))])
    assert asyncio.run(sweep_alerts(_outbox(state), Topic(RuntimeError("broker gone")))) == 0
    # taken but not published: left unsent (claimed_at moved on), swept again later
    assert [d for _, d in state.updates] == [{"claimed_at": T0.isoformat()}]


def test_a_swept_alert_is_published_then_marked_sent() -> None:
    state = StateIndex([_hit("a-post", POST.model_dump(mode="json"))])
    topic = Topic()
    assert asyncio.run(sweep_alerts(_outbox(state), topic)) == 1
    assert [Alert.model_validate_json(v) for v in topic.sent] == [POST]
    assert [d for _, d in state.updates][-1] == {"sent": True}
