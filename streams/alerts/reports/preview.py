"""What a spike or digest rule would have sent over past posts (nothing claimed or sent).

``scout rules test`` and ``POST /rules/{id}/test`` both call these:

* :func:`preview_spikes`: one ``date_histogram`` search per entity over the range (the
  worker's :func:`~.spikes.histogram_search`), then the evaluation slid over every step
  (:func:`~.spikes.spike_runs`): the spike runs that would each have fired once;
* :func:`preview_digests`: the completed periods of the range (at most ``MAX_PERIODS``,
  the newest) built like the worker builds them (:meth:`~.evaluate.Reports.build_digests`);
  empty periods would have sent nothing.

Both count backfilled posts, by ``created_at``, like the replay of instant rules: history
is mostly backfilled, though live alerts skip backfills run without ``--alerts``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from elasticsearch import AsyncElasticsearch

from models.alerts import Alert, Rule
from streams.alerts.matching import AlertClaims, RuleCache, rules_index_name, state_index_name
from streams.alerts.reports.errors import BAD_DIGEST_REQUEST, BAD_SPIKE_OPTION, ConfigError
from streams.alerts.reports.evaluate import Reports, msearch
from streams.alerts.reports.periods import Period, completed_periods, period_containing
from streams.alerts.reports.spike_state import SpikeRuns
from streams.alerts.reports.spikes import (
    MAX_BUCKETS,
    MAX_ENTITIES,
    SpikeRun,
    histogram_search,
    histograms_from,
    spike_runs,
    step_for,
)
from streams.settings import Settings

__all__ = [
    "MAX_BUCKETS",
    "MAX_PERIODS",
    "PREVIEW_SAMPLE",
    "DigestPreview",
    "SpikePreview",
    "preview_digests",
    "preview_reports",
    "preview_spikes",
]

MAX_PERIODS = 168
PREVIEW_SAMPLE = 50  # posts sampled per digest (the worker samples SAMPLE)


@dataclass(frozen=True)
class SpikePreview:
    rule_id: str
    since: datetime
    until: datetime
    step_s: int  # the evaluation was slid over history in steps of this size
    entities: int  # the busiest entities evaluated (or the rule's own, at most this many)
    runs: tuple[SpikeRun, ...]  # oldest first: one alert each


@dataclass(frozen=True)
class DigestPreview:
    rule_id: str
    since: datetime
    until: datetime
    periods: tuple[Period, ...]  # completed periods of the range, oldest first
    complete: bool  # False: the range held more than MAX_PERIODS periods (newest kept)
    digests: tuple[Alert, ...]  # the non-empty digests (sent), oldest first

    @property
    def empty(self) -> int:
        return len(self.periods) - len(self.digests)


def preview_reports(settings: Settings, client: AsyncElasticsearch) -> Reports:
    """A :class:`Reports` over ``client`` for previews (its claims are never written)."""
    state = state_index_name(settings.index_prefix)
    return Reports(
        es=client,
        alias=settings.posts_alias,
        rules=RuleCache(client, rules_index_name(settings.index_prefix)),
        claims=AlertClaims(client, state),
        runs=SpikeRuns(client, state),
        digest_delay_s=settings.digest_delay_s,
        digest_late_s=settings.digest_late_s,
        digest_settle_s=settings.es_timeout_s + 5.0,
    )


async def preview_spikes(
    reports: Reports, rule: Rule, *, since: datetime, until: datetime
) -> SpikePreview:
    """The spikes ``rule`` would have fired in ``[since, until]``; 400-type errors
    (SCOUT-E552) when the range needs too many buckets or Elasticsearch rejects the rule."""
    if rule.spike is None:
        raise ConfigError(f"rule {rule.id!r} is not a spike rule", code=BAD_SPIKE_OPTION)
    spec = rule.spike
    step = step_for(spec)
    last = datetime.fromtimestamp(int(until.timestamp()) // step * step, UTC)
    n = max(0, int((last - since).total_seconds() // step))
    first = last - timedelta(seconds=n * step)
    buckets = n + spec.window_s * (spec.baseline_windows + 1) // step
    entities = min(len(spec.entity_ids) or MAX_ENTITIES, MAX_BUCKETS // max(buckets, 1))
    if entities < 1:
        raise ConfigError(
            f"the range covers {buckets} steps of {step}s: too many; test a shorter span",
            code=BAD_SPIKE_OPTION,
        )
    body = histogram_search(rule, first=first, last=last, max_entities=entities, backfilled=True)
    body["aggs"]["entities"]["terms"]["order"] = [{"_count": "desc"}, {"_key": "asc"}]
    (result,) = await msearch(reports.es, reports.alias, [rule], [body])
    if result is None:
        raise ConfigError(f"Elasticsearch rejected rule {rule.id!r}", code=BAD_SPIKE_OPTION)
    times = [first + timedelta(seconds=i * step) for i in range(n + 1)]
    runs = [
        run
        for hist in histograms_from(rule, result.get("aggregations", {}), first=first, last=last)
        for run in spike_runs(hist, spec, times)
    ]
    runs.sort(key=lambda r: (r.start, r.entity_id))
    return SpikePreview(
        rule_id=rule.id, since=since, until=until, step_s=step, entities=entities, runs=tuple(runs)
    )


async def preview_digests(
    reports: Reports,
    rule: Rule,
    *,
    since: datetime,
    until: datetime,
    sample: int = PREVIEW_SAMPLE,
) -> DigestPreview:
    """The digests ``rule`` would have sent for the periods completed in ``[since, until]``
    (SCOUT-E553 when it is not a digest rule)."""
    if rule.mode == "instant" or rule.spike is not None:
        raise ConfigError(f"rule {rule.id!r} is not a digest rule", code=BAD_DIGEST_REQUEST)
    first = period_containing(rule.mode, since).start
    ready = completed_periods(rule.mode, until, delay_s=0, settle_s=0, count=MAX_PERIODS + 1)
    in_range = [p for p in ready if p.end > since and p.start >= first]
    periods = in_range[-MAX_PERIODS:]
    todo = [(rule, p) for p in periods]
    alerts = (
        await reports.build_digests(todo, matched_at=until, sample=sample, backfilled=True)
        if todo
        else []
    )
    if todo and not alerts:
        raise ConfigError(f"Elasticsearch rejected rule {rule.id!r}", code=BAD_DIGEST_REQUEST)
    sent = tuple(a for a in alerts if a.digest and a.digest.total)
    return DigestPreview(
        rule_id=rule.id,
        since=since,
        until=until,
        periods=tuple(periods),
        complete=len(in_range) <= MAX_PERIODS,
        digests=sent,
    )
