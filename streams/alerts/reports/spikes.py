"""Spike detection over per-entity histograms (pure: no I/O).

A spike rule counts, per entity, the rule's posts by ``created_at`` (event time: a burst
of re-indexing or a late batch is not a burst of mentions). At an evaluation time ``at``
the *window* is ``[at - W, at)`` and the *baseline* the ``B`` windows before it; the entity
spikes when the window holds at least ``min_count`` posts and at least ``ratio`` times
the baseline's mean per window (a zero baseline needs only ``min_count``).

Elasticsearch returns a ``date_histogram`` per entity with buckets of ``step_for(spec)``
seconds ending exactly at ``at`` (``offset``), so window sums are sums of whole buckets and
a replay can slide the evaluation time over history step by step (:func:`spike_runs`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from models.alerts import Rule, SpikeSpec
from streams.alerts.matching.dedup import alert_id
from streams.alerts.query import rule_query

__all__ = [
    "Histogram",
    "SpikeRun",
    "WindowStats",
    "histogram_search",
    "histograms_from",
    "is_spike",
    "spike_alert_id",
    "spike_runs",
    "step_for",
    "window_stats",
]

MAX_ENTITIES = 100
# Buckets one histogram search may ask for (entities x buckets per entity), under
# Elasticsearch's search.max_buckets (65,536), which rejects the whole search (400).
MAX_BUCKETS = 60_000
_STEPS = (12, 10, 6, 5, 4, 3, 2, 1)


def step_for(spec: SpikeSpec) -> int:
    """Bucket size (s): the window split into as many equal whole-second steps as fit."""
    steps = next(k for k in _STEPS if spec.window_s % k == 0)
    return spec.window_s // steps


@dataclass(frozen=True)
class Histogram:
    """Posts of one entity per bucket: bucket ``i`` is ``[start + i*step, start + (i+1)*step)``."""

    entity_id: str
    start: datetime
    step_s: int
    counts: tuple[int, ...]

    def total(self, begin: datetime, end: datetime) -> int:
        """Posts in ``[begin, end)``; both must fall on bucket edges (outside: zero)."""
        first = self._index(begin)
        last = self._index(end)
        return sum(self.counts[max(first, 0) : max(last, 0)])

    def _index(self, t: datetime) -> int:
        offset = (t - self.start).total_seconds()
        if offset % self.step_s:
            raise ValueError(f"{t.isoformat()} is not on a {self.step_s}s bucket edge")
        return int(offset // self.step_s)


@dataclass(frozen=True)
class WindowStats:
    at: datetime  # end of the window
    count: int
    baseline: float  # mean posts per window over the baseline windows

    @property
    def ratio(self) -> float | None:
        return round(self.count / self.baseline, 3) if self.baseline else None


@dataclass(frozen=True)
class SpikeRun:
    """Consecutive evaluation times at which an entity spiked."""

    entity_id: str
    start: datetime
    end: datetime
    peak: WindowStats


def window_stats(hist: Histogram, spec: SpikeSpec, at: datetime) -> WindowStats:
    window = timedelta(seconds=spec.window_s)
    count = hist.total(at - window, at)
    base = hist.total(at - window * (spec.baseline_windows + 1), at - window)
    return WindowStats(at=at, count=count, baseline=base / spec.baseline_windows)


def is_spike(stats: WindowStats, spec: SpikeSpec) -> bool:
    return stats.count >= spec.min_count and stats.count >= spec.ratio * stats.baseline


def spike_runs(hist: Histogram, spec: SpikeSpec, times: Sequence[datetime]) -> list[SpikeRun]:
    """The runs of consecutive spiking evaluation times (``times`` ascending)."""
    runs: list[SpikeRun] = []
    start: datetime | None = None
    peak: WindowStats | None = None
    last: datetime | None = None
    for at in times:
        stats = window_stats(hist, spec, at)
        if is_spike(stats, spec):
            if start is None:
                start, peak = at, stats
            elif peak is None or stats.count > peak.count:
                peak = stats
            last = at
            continue
        if start is not None and peak is not None and last is not None:
            runs.append(SpikeRun(hist.entity_id, start, last, peak))
        start = peak = last = None
    if start is not None and peak is not None and last is not None:
        runs.append(SpikeRun(hist.entity_id, start, last, peak))
    return runs


def spike_alert_id(rule_id: str, entity_id: str, run_start: datetime) -> str:
    """One alert per rule, entity and spike (identified by when the spike began)."""
    return alert_id(rule_id, spike_dedup_value(entity_id, run_start))


def spike_dedup_value(entity_id: str, run_start: datetime) -> str:
    return f"spike:{entity_id}:{run_start.isoformat()}"


def histogram_search(
    rule: Rule,
    *,
    first: datetime,
    last: datetime,
    max_entities: int = MAX_ENTITIES,
    backfilled: bool = False,
) -> dict[str, Any]:
    """The search for the histograms needed to evaluate ``rule`` at every step edge in
    ``[first, last]`` (``last`` is a bucket edge; entities ranked by the last window, as
    many as fit in ``MAX_BUCKETS``). ``backfilled``: count the posts of backfills that
    live alerts skip too (a preview over history)."""
    spec = _spec(rule)
    step = step_for(spec)
    window = timedelta(seconds=spec.window_s)
    start = first - window * (spec.baseline_windows + 1)
    per_entity = int((last - start).total_seconds()) // step
    # A long baseline (168 windows of 12 steps: 2,028 buckets each) fits fewer entities.
    entities = max(1, min(len(spec.entity_ids) or max_entities, MAX_BUCKETS // per_entity))
    query = rule_query(rule, backfilled=backfilled)
    query["bool"]["filter"].append(
        {"range": {"created_at": {"gte": start.isoformat(), "lt": last.isoformat()}}}
    )
    terms: dict[str, Any] = {
        "field": "entity_ids",
        "size": entities,
        "order": [{"recent": "desc"}, {"_key": "asc"}],
    }
    if spec.entity_ids:
        terms["include"] = list(spec.entity_ids)
    last_s = int(last.timestamp())
    return {
        "size": 0,
        "track_total_hits": False,
        "query": query,
        "aggs": {
            "entities": {
                "terms": terms,
                "aggs": {
                    "recent": {
                        "filter": {"range": {"created_at": {"gte": (last - window).isoformat()}}}
                    },
                    "histogram": {
                        "date_histogram": {
                            "field": "created_at",
                            "fixed_interval": f"{step}s",
                            "offset": f"{last_s % step}s",
                            "min_doc_count": 1,
                        }
                    },
                },
            }
        },
    }


def histograms_from(
    rule: Rule, aggregations: Mapping[str, Any], *, first: datetime, last: datetime
) -> list[Histogram]:
    """Parse :func:`histogram_search`'s aggregations into dense histograms."""
    spec = _spec(rule)
    step = step_for(spec)
    start = first - timedelta(seconds=spec.window_s * (spec.baseline_windows + 1))
    size = int((last - start).total_seconds() // step)
    start_ms = int(start.timestamp() * 1000)
    out = []
    for bucket in aggregations.get("entities", {}).get("buckets", []):
        counts = [0] * size
        for b in bucket["histogram"]["buckets"]:
            i = (int(b["key"]) - start_ms) // (step * 1000)
            if 0 <= i < size:
                counts[i] += int(b["doc_count"])
        out.append(Histogram(str(bucket["key"]), start, step, tuple(counts)))
    return out


def _spec(rule: Rule) -> SpikeSpec:
    if rule.spike is None:
        raise ValueError(f"rule {rule.id!r} is not a spike rule")
    return rule.spike
