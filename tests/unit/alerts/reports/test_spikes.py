"""Spike detection on synthetic histograms (no Elasticsearch)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.alerts import Rule, SpikeSpec
from streams.alerts.reports.spike_state import continues
from streams.alerts.reports.spikes import (
    MAX_BUCKETS,
    Histogram,
    histogram_search,
    histograms_from,
    is_spike,
    spike_alert_id,
    spike_runs,
    step_for,
    window_stats,
)

T0 = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
SPEC = SpikeSpec(window_s=3600, baseline_windows=12, min_count=10, ratio=3.0)
STEP = 300  # 1h / 12


def _hist(per_step: list[int], start: datetime = T0) -> Histogram:
    return Histogram("company:MSFT", start, STEP, tuple(per_step))


def _at(steps: int) -> datetime:
    return T0 + timedelta(seconds=steps * STEP)


def test_step_splits_the_window_into_whole_steps() -> None:
    assert step_for(SPEC) == 300
    assert step_for(SpikeSpec(window_s=86400)) == 7200
    assert step_for(SpikeSpec(window_s=301)) == 301  # prime: one step per window


def test_window_and_baseline_are_sums_of_whole_buckets() -> None:
    # 13 hours: 1 post per step in the baseline (12/window), 5 per step in the last hour.
    hist = _hist([1] * 144 + [5] * 12)
    stats = window_stats(hist, SPEC, _at(156))
    assert (stats.count, stats.baseline, stats.ratio) == (60, 12.0, 5.0)
    assert is_spike(stats, SPEC)


def test_steady_volume_is_not_a_spike_however_high() -> None:
    hist = _hist([4] * 156)
    stats = window_stats(hist, SPEC, _at(156))
    assert stats.count == 48 and stats.baseline == 48.0
    assert not is_spike(stats, SPEC)


def test_a_spike_needs_min_count_even_from_zero() -> None:
    quiet = _hist([0] * 150 + [1] * 6)
    stats = window_stats(quiet, SPEC, _at(156))
    assert stats.count == 6 and stats.baseline == 0 and stats.ratio is None
    assert not is_spike(stats, SPEC)
    loud = _hist([0] * 150 + [2] * 6)
    assert is_spike(window_stats(loud, SPEC, _at(156)), SPEC)


def test_times_off_the_bucket_grid_are_refused() -> None:
    with pytest.raises(ValueError, match="bucket edge"):
        window_stats(_hist([1] * 156), SPEC, _at(156) - timedelta(seconds=1))


def test_one_burst_is_one_run_and_a_second_burst_after_quiet_is_another() -> None:
    counts = [1] * 156 + [6] * 6 + [1] * 40 + [7] * 6 + [1] * 20
    hist = _hist(counts)
    times = [_at(i) for i in range(156, len(counts) + 1)]
    runs = spike_runs(hist, SPEC, times)
    assert len(runs) == 2
    first, second = runs
    # baseline 12 per window: the window needs 36; 12 + 5k >= 36 after k = 5 busy steps
    assert first.start == _at(161)
    assert first.peak.count == 6 * 6 + 6 and first.peak.baseline == 12.0
    assert second.start > first.end
    steady = spike_runs(_hist([3] * len(counts)), SPEC, times)
    assert steady == []


def test_spike_alert_id_depends_on_rule_entity_and_run_start_only() -> None:
    a = spike_alert_id("r", "company:MSFT", _at(10))
    assert a == spike_alert_id("r", "company:MSFT", _at(10))
    assert a != spike_alert_id("r", "company:MSFT", _at(11))
    assert a != spike_alert_id("r", "company:AAPL", _at(10))
    assert a != spike_alert_id("s", "company:MSFT", _at(10))


def test_a_run_continues_while_the_entity_spiked_within_the_last_window() -> None:
    last = _at(100)
    assert continues(last, last + timedelta(minutes=1), 3600)
    assert continues(last, last + timedelta(hours=1), 3600)
    assert not continues(last, last + timedelta(hours=1, seconds=1), 3600)


def test_histogram_search_asks_for_buckets_ending_at_the_evaluation_time() -> None:
    rule = Rule(id="s", name="s", owner="o", spike=SpikeSpec(entity_ids=("company:MSFT",)))
    at = datetime(2026, 3, 2, 12, 7, tzinfo=UTC)
    body = histogram_search(rule, first=at, last=at)
    terms = body["aggs"]["entities"]["terms"]
    assert terms["include"] == ["company:MSFT"] and terms["size"] == 1
    histogram = body["aggs"]["entities"]["aggs"]["histogram"]["date_histogram"]
    assert histogram["fixed_interval"] == "300s"
    assert (int(at.timestamp()) - int(histogram["offset"][:-1])) % 300 == 0
    time_range = body["query"]["bool"]["filter"][-1]["range"]["created_at"]
    assert time_range == {"gte": (at - timedelta(hours=13)).isoformat(), "lt": at.isoformat()}


def test_histograms_are_parsed_dense_and_aligned() -> None:
    rule = Rule(id="s", name="s", owner="o", spike=SPEC)
    at = _at(156)
    start_ms = int(T0.timestamp() * 1000)
    aggs = {
        "entities": {
            "buckets": [
                {
                    "key": "company:MSFT",
                    "histogram": {
                        "buckets": [
                            {"key": start_ms, "doc_count": 2},
                            {"key": start_ms + 155 * STEP * 1000, "doc_count": 11},
                            {"key": start_ms + 156 * STEP * 1000, "doc_count": 99},  # after
                        ]
                    },
                }
            ]
        }
    }
    (hist,) = histograms_from(rule, aggs, first=at, last=at)
    assert hist.start == T0 and len(hist.counts) == 156
    assert hist.counts[0] == 2 and hist.counts[155] == 11 and sum(hist.counts) == 13
    assert window_stats(hist, SPEC, at).count == 11


def test_a_long_baseline_asks_for_fewer_entities_than_elasticsearch_max_buckets() -> None:
    # 168 baseline windows + the window, 12 steps each: 2,028 buckets per entity; 100
    # entities (202,800 buckets) would be refused by search.max_buckets (65,536).
    long = Rule(id="s", name="s", owner="o", spike=SpikeSpec(window_s=3600, baseline_windows=168))
    at = datetime(2026, 3, 2, 12, 7, tzinfo=UTC)
    terms = histogram_search(long, first=at, last=at)["aggs"]["entities"]["terms"]
    assert terms["size"] == MAX_BUCKETS // 2028 == 29
    # the default (13 windows x 12 steps) still ranks the 100 busiest
    default = Rule(id="d", name="d", owner="o", spike=SpikeSpec())
    assert histogram_search(default, first=at, last=at)["aggs"]["entities"]["terms"]["size"] == 100
