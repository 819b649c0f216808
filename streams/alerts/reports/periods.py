"""Digest periods and which posts belong to which digest (pure: no I/O).

Periods are UTC hours (``hourly``) or UTC days (``daily``): ``[start, end)``.

Which posts a digest holds. Every post goes to exactly one digest of a rule, even when it
is indexed late, and whatever the time the digest is built:

* *on time*: ``created_at`` in ``[start, end)`` and indexed (``indexed_at``) before the
  period's **cutoff** ``end + delay_s``;
* *late*: created before ``start`` (at most ``late_s`` before) and indexed in
  ``[previous cutoff, cutoff)``, i.e. after the previous digest was closed; posts without
  ``created_at`` count by ``indexed_at`` alone.

A digest is built once its cutoff is ``settle_s`` in the past (a bulk request started
before the cutoff is searchable by then) and is then final: it is claimed create-only
under ``alert_id(rule, period)`` and never built again. ``created_at`` keeps a post in one
digest when it is re-indexed (Kafka redelivery) in another period. ``scout reprocess``
re-indexes posts: ones created within ``late_s`` can then show up again as late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from streams.alerts.matching.dedup import alert_id

__all__ = ["Period", "completed_periods", "digest_filter", "period_containing", "CATCHUP"]

DigestMode = Literal["hourly", "daily"]
PERIOD_S: dict[DigestMode, int] = {"hourly": 3600, "daily": 86400}
# How many completed periods a check looks back at (a worker that was down catches up).
CATCHUP: dict[DigestMode, int] = {"hourly": 24, "daily": 3}


@dataclass(frozen=True)
class Period:
    mode: DigestMode
    start: datetime
    end: datetime

    def cutoff(self, delay_s: float) -> datetime:
        return self.end + timedelta(seconds=delay_s)

    @property
    def dedup_value(self) -> str:
        return f"digest:{self.mode}:{self.start.isoformat()}"

    def alert_id(self, rule_id: str) -> str:
        """One digest per rule and period."""
        return alert_id(rule_id, self.dedup_value)


def period_containing(mode: DigestMode, at: datetime) -> Period:
    if at.tzinfo is None:
        raise ValueError("period_containing needs a timezone-aware datetime")
    length = PERIOD_S[mode]
    epoch = int(at.timestamp()) // length * length
    start = datetime.fromtimestamp(epoch, UTC)
    return Period(mode, start, start + timedelta(seconds=length))


def completed_periods(
    mode: DigestMode,
    now: datetime,
    *,
    delay_s: float,
    settle_s: float,
    count: int | None = None,
    not_before: datetime | None = None,
) -> list[Period]:
    """The newest ``count`` periods ready to be built at ``now``, oldest first; only those
    ending after ``not_before`` (a rule's creation: no digests of before it existed)."""
    ready_at = now - timedelta(seconds=delay_s + settle_s)
    period = period_containing(mode, ready_at)
    length = timedelta(seconds=PERIOD_S[mode])
    period = Period(mode, period.start - length, period.start)  # the last one fully past
    out: list[Period] = []
    for _ in range(CATCHUP[mode] if count is None else count):
        if not_before is not None and period.end <= not_before:
            break
        out.append(period)
        period = Period(mode, period.start - length, period.start)
    return out[::-1]


def digest_filter(period: Period, *, delay_s: float, late_s: float) -> dict[str, Any]:
    """The Elasticsearch filter of the posts of ``period``'s digest (see the module doc)."""
    cutoff = period.cutoff(delay_s).isoformat()
    previous = (period.start + timedelta(seconds=delay_s)).isoformat()
    start = period.start.isoformat()
    return {
        "bool": {
            "should": [
                {
                    "bool": {
                        "filter": [
                            {"range": {"created_at": {"gte": start, "lt": period.end.isoformat()}}},
                            {"range": {"indexed_at": {"lt": cutoff}}},
                        ]
                    }
                },
                {
                    "bool": {
                        "filter": [
                            {"range": {"indexed_at": {"gte": previous, "lt": cutoff}}},
                            {
                                "bool": {
                                    "should": [
                                        {
                                            "range": {
                                                "created_at": {
                                                    "gte": (
                                                        period.start - timedelta(seconds=late_s)
                                                    ).isoformat(),
                                                    "lt": start,
                                                }
                                            }
                                        },
                                        {"bool": {"must_not": {"exists": {"field": "created_at"}}}},
                                    ],
                                    "minimum_should_match": 1,
                                }
                            },
                        ]
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def late_filter(period: Period) -> dict[str, Any]:
    """Within a digest: the posts that arrived late (created before the period)."""
    return {
        "bool": {
            "should": [
                {"range": {"created_at": {"lt": period.start.isoformat()}}},
                {"bool": {"must_not": {"exists": {"field": "created_at"}}}},
            ],
            "minimum_should_match": 1,
        }
    }
