from __future__ import annotations

import asyncio
from typing import Any

import pytest

from models.alerts import DeliveryAttempt
from streams.alerts.delivery import (
    DELIVERIES_MAPPING,
    DeliveryLog,
    DeliveryLogUnavailableError,
    deliveries_index,
)
from tests.unit.alerts.delivery.support import NOW


class _Body:
    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body


class _Indices:
    def __init__(self) -> None:
        self.created: list[dict[str, Any]] = []
        self.present = False

    async def exists(self, *, index: str) -> bool:
        return self.present

    async def create(self, **kwargs: Any) -> None:
        self.created.append(kwargs)
        self.present = True


class FakeES:
    def __init__(self, item_status: int = 201) -> None:
        self.indices = _Indices()
        self.bulks: list[list[dict[str, Any]]] = []
        self.item_status = item_status

    async def bulk(self, *, operations: list[dict[str, Any]], refresh: Any) -> _Body:
        self.bulks.append(operations)
        items = [
            {"index": {"status": self.item_status, "error": {"reason": "mapping"}}}
            for _ in operations[::2]
        ]
        return _Body({"items": items})


def _attempts() -> list[DeliveryAttempt]:
    return [
        DeliveryAttempt(
            alert_id="a1",
            rule_id="r1",
            channel="webhook:hooks.example.com",
            attempt=n,
            outcome="retry" if n == 1 else "delivered",
            http_status=500 if n == 1 else 200,
            at=NOW,
            duration_ms=3.5,
        )
        for n in (1, 2)
    ]


def test_record_creates_the_index_once_and_uses_idempotent_ids() -> None:
    es = FakeES()
    log = DeliveryLog(es, deliveries_index("scout"))  # type: ignore[arg-type]

    async def run() -> None:
        assert await log.record(_attempts()) == 2
        assert await log.record(_attempts()) == 2

    asyncio.run(run())
    assert log.index == "scout-deliveries"
    (created,) = es.indices.created
    assert created["mappings"] == DELIVERIES_MAPPING
    ids = [op["index"]["_id"] for op in es.bulks[0][::2]]
    assert ids == ["a1:webhook:hooks.example.com:1", "a1:webhook:hooks.example.com:2"]
    assert es.bulks[0] == es.bulks[1]
    assert es.bulks[0][1]["at"] == "2024-05-01T12:00:00Z"


def test_mapping_is_explicit_and_strict() -> None:
    props = DELIVERIES_MAPPING["properties"]
    assert DELIVERIES_MAPPING["dynamic"] == "strict"
    assert set(props) == set(DeliveryAttempt.model_fields)
    assert props["error"]["fields"]["keyword"]["type"] == "keyword"


@pytest.mark.parametrize(("status", "code"), [(429, "SCOUT-E321"), (400, "SCOUT-E322")])
def test_item_failures_raise(status: int, code: str) -> None:
    log = DeliveryLog(FakeES(item_status=status), "x-deliveries")  # type: ignore[arg-type]
    with pytest.raises(DeliveryLogUnavailableError) as caught:
        asyncio.run(log.record(_attempts()))
    assert caught.value.code == code


def test_nothing_to_record_writes_nothing() -> None:
    es = FakeES()
    assert asyncio.run(DeliveryLog(es, "x").record([])) == 0  # type: ignore[arg-type]
    assert es.bulks == []
