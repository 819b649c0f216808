"""Spike rules and hourly/daily digests: alerts that come from time, not from one post.

    spikes       per-entity histograms -> window vs baseline -> spike runs (pure)
    spike_state  when the current spike of (rule, entity) began (alert-state index, OCC)
    periods      digest periods, cutoffs, which posts belong to which digest (pure)
    digest       digest search body and assembly: top posts, entities, signals, links (pure)
    evaluate     Reports.spikes(now) / Reports.digests(now): search, build, claim

The worker runs both on Faust timers (``SCOUT_SPIKE_CHECK_S``, ``SCOUT_DIGEST_CHECK_S``)
and publishes what they return to the alerts topic; the dispatcher delivers them like
post alerts. Claims make every evaluation idempotent.
"""

from streams.alerts.reports.evaluate import Reports, digest_rules, evaluation_time, spike_rules
from streams.alerts.reports.periods import Period, completed_periods, period_containing
from streams.alerts.reports.spike_state import SpikeRuns
from streams.alerts.reports.spikes import Histogram, SpikeRun, spike_runs, step_for

__all__ = [
    "Histogram",
    "Period",
    "Reports",
    "SpikeRun",
    "SpikeRuns",
    "completed_periods",
    "digest_rules",
    "evaluation_time",
    "period_containing",
    "spike_rules",
    "spike_runs",
    "step_for",
]
