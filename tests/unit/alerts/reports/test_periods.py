"""Digest periods and the every-post-in-exactly-one-digest filter (no Elasticsearch)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from streams.alerts.reports.periods import (
    Period,
    completed_periods,
    digest_filter,
    period_containing,
)

NOW = datetime(2026, 3, 2, 10, 7, 30, tzinfo=UTC)


def _matches(query: dict[str, Any], doc: dict[str, datetime | None]) -> bool:
    """The subset of the query DSL the digest filter uses, evaluated in Python."""
    ((kind, body),) = query.items()
    if kind == "bool":
        ok = all(_matches(q, doc) for q in body.get("filter", []))
        ok = ok and not _matches(body["must_not"], doc) if "must_not" in body else ok
        should = body.get("should", [])
        if should:
            ok = ok and sum(_matches(q, doc) for q in should) >= body["minimum_should_match"]
        return ok
    if kind == "exists":
        return doc.get(body["field"]) is not None
    if kind == "range":
        ((field, bounds),) = body.items()
        value = doc.get(field)
        if value is None:
            return False
        checks = {
            "gte": lambda b: value >= b,
            "lt": lambda b: value < b,
        }
        return all(checks[op](datetime.fromisoformat(b)) for op, b in bounds.items())
    raise AssertionError(f"unexpected query {kind}")


def test_periods_are_utc_hours_and_days() -> None:
    assert period_containing("hourly", NOW) == Period(
        "hourly", datetime(2026, 3, 2, 10, tzinfo=UTC), datetime(2026, 3, 2, 11, tzinfo=UTC)
    )
    day = period_containing("daily", NOW)
    assert (day.start, day.end) == (
        datetime(2026, 3, 2, tzinfo=UTC),
        datetime(2026, 3, 3, tzinfo=UTC),
    )
    with pytest.raises(ValueError):
        period_containing("hourly", NOW.replace(tzinfo=None))


def test_a_period_is_ready_only_after_its_delay_and_settle_time() -> None:
    at_10 = datetime(2026, 3, 2, 10, tzinfo=UTC)
    ready = completed_periods("hourly", at_10 + timedelta(seconds=334), delay_s=300, settle_s=35)
    assert ready[-1].end == at_10 - timedelta(hours=1)  # 09:00-10:00 not ready yet
    ready = completed_periods("hourly", at_10 + timedelta(seconds=335), delay_s=300, settle_s=35)
    assert ready[-1] == Period("hourly", at_10 - timedelta(hours=1), at_10)
    assert len(ready) == 24 and ready == sorted(ready, key=lambda p: p.start)


def test_no_digest_of_periods_before_the_rule_existed() -> None:
    created = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    ready = completed_periods("hourly", NOW, delay_s=0, settle_s=0, not_before=created)
    assert [p.start.hour for p in ready] == [7, 8, 9]


def test_digest_ids_differ_per_rule_and_period() -> None:
    p = period_containing("hourly", NOW)
    q = period_containing("hourly", NOW + timedelta(hours=1))
    assert p.alert_id("r") == period_containing("hourly", NOW).alert_id("r")
    assert len({p.alert_id("r"), q.alert_id("r"), p.alert_id("s")}) == 3


@pytest.mark.parametrize("mode", ["hourly", "daily"])
def test_every_post_is_in_exactly_one_digest_even_when_late(mode: str) -> None:
    rng = random.Random(7)
    delay, late = 300.0, 86400.0 * 2
    base = period_containing(mode, NOW)  # type: ignore[arg-type]
    length = base.end - base.start
    periods = [
        Period(base.mode, base.start + length * k, base.end + length * k) for k in range(-60, 60)
    ]
    filters = [digest_filter(p, delay_s=delay, late_s=late) for p in periods]
    for _ in range(300):
        created = NOW + timedelta(seconds=rng.uniform(-86400, 86400))
        lag = rng.choice([1.0, 30.0, 299.0, 301.0, 3000.0, 7200.0, 80000.0])
        doc: dict[str, datetime | None] = {
            "created_at": created if rng.random() > 0.1 else None,
            "indexed_at": created + timedelta(seconds=lag),
        }
        hits = [p for p, f in zip(periods, filters, strict=True) if _matches(f, doc)]
        assert len(hits) == 1, (doc, hits)
        if doc["created_at"] is not None and lag < delay:
            assert hits[0].start <= created < hits[0].end  # on time: its own period


def test_posts_later_than_late_s_are_left_out() -> None:
    p = period_containing("hourly", NOW)
    f = digest_filter(p, delay_s=300, late_s=3600)
    old = {
        "created_at": p.start - timedelta(hours=2),
        "indexed_at": p.start + timedelta(minutes=20),
    }
    assert not _matches(f, old)
    recent = {"created_at": p.start - timedelta(minutes=50), "indexed_at": old["indexed_at"]}
    assert _matches(f, recent)
