"""What a rule would have fired over history, as ``POST /rules/{id}/test`` answers it.

One answer per kind of rule, told apart by ``kind`` (nothing is sent, no state written):

* ``post`` (instant rules): matching posts grouped by the live matcher's dedup key and
  throttle window (:func:`~streams.alerts.replay.group_replay`), one group per alert;
* ``spike``: the spike runs the worker would have fired, one alert each
  (:func:`~streams.alerts.reports.preview.preview_spikes`);
* ``digest`` (hourly, daily): the digests of the completed periods, empty ones counted
  but not sent (:func:`~streams.alerts.reports.preview.preview_digests`).

``scout rules test`` prints the same, from the same functions.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Annotated, Literal

import anyio.from_thread
from pydantic import BaseModel, Field

from models.alerts import DedupKey, DigestSummary, Rule
from streams.alerts.replay import Replay, group_replay
from streams.alerts.reports.preview import (
    MAX_PERIODS,
    DigestPreview,
    SpikePreview,
    preview_digests,
    preview_reports,
    preview_spikes,
)
from streams.alerts.reports.spikes import spike_alert_id
from streams.alerts.store import RuleStore
from streams.api.context import ApiContext
from streams.api.elastic import BAD_RANGE, es_errors
from streams.api.params import Paging, bounded
from streams.api.responses import PostOut
from streams.errors import ConfigError

__all__ = [
    "DigestReplayOut",
    "ReplayAnswer",
    "ReplayOut",
    "SpikeReplayOut",
    "replay",
]


class ReplayGroupOut(BaseModel):
    alert_id: str = Field(description="The id the live matcher would give this alert.")
    dedup_value: str
    window_start: datetime | None = Field(description="Throttle window; null: no throttle.")
    count: int = Field(description="Matching posts this one alert covers.")
    first_at: datetime | None
    last_at: datetime | None
    sample: PostOut = Field(description="The first post: the one the alert would carry.")


class ReplayOut(BaseModel):
    """Replay of an instant (per-post) rule."""

    kind: Literal["post"] = "post"
    rule_id: str
    dedup: DedupKey
    throttle_s: int
    since: datetime
    until: datetime
    matching_posts: int = Field(
        description="Posts the rule matches in the range (by created_at), backfilled included."
    )
    silent_backfill: int = Field(
        description="Of matching_posts, those backfilled without --alerts: live alerts skip them."
    )
    scanned: int = Field(description="Posts grouped (oldest first, at most `limit`).")
    complete: bool = Field(description="Whether every matching post was grouped.")
    alerts: int = Field(description="Alerts that would have fired (one per group).")
    page: int
    size: int
    next_page: int | None
    groups: list[ReplayGroupOut] = Field(description="Most posts first, paged.")


class SpikePeakOut(BaseModel):
    at: datetime = Field(description="End of the window with the most posts of the run.")
    count: int = Field(description="Posts in that window.")
    baseline: float = Field(description="Mean posts per window over the baseline windows.")
    ratio: float | None = Field(description="count / baseline; null when the baseline is 0.")


class SpikeRunOut(BaseModel):
    alert_id: str = Field(description="The id the worker would give this spike's alert.")
    entity_id: str
    start: datetime = Field(description="First evaluation that spiked: the alert fires then.")
    end: datetime = Field(description="Last evaluation that spiked.")
    peak: SpikePeakOut


class SpikeReplayOut(BaseModel):
    """Replay of a spike rule: every spike (entity, run) fires once."""

    kind: Literal["spike"] = "spike"
    rule_id: str
    since: datetime
    until: datetime
    step_s: int = Field(description="The evaluation slid over the range in steps of this.")
    entities: int = Field(description="Entities evaluated (the busiest, or the rule's own).")
    alerts: int = Field(description="Spikes that would have fired.")
    page: int
    size: int
    next_page: int | None
    spikes: list[SpikeRunOut] = Field(description="Newest first, paged.")


class DigestOut(BaseModel):
    alert_id: str = Field(description="The id the worker would give this digest.")
    digest: DigestSummary


class DigestReplayOut(BaseModel):
    """Replay of an hourly or daily digest rule: one digest per non-empty period."""

    kind: Literal["digest"] = "digest"
    rule_id: str
    mode: Literal["hourly", "daily"]
    since: datetime
    until: datetime
    periods: int = Field(description="Completed periods of the range that were built.")
    empty: int = Field(description="Periods without posts: nothing would have been sent.")
    complete: bool = Field(
        description=f"False when the range holds more than {MAX_PERIODS} periods"
        " (the newest were built)."
    )
    alerts: int = Field(description="Digests that would have been sent.")
    page: int
    size: int
    next_page: int | None
    digests: list[DigestOut] = Field(description="Newest first, paged.")


ReplayAnswer = Annotated[ReplayOut | SpikeReplayOut | DigestReplayOut, Field(discriminator="kind")]


def replay(
    ctx: ApiContext,
    store: RuleStore,
    rule: Rule,
    *,
    since: str | None,
    until: str | None,
    limit: int,
    pages: Paging,
) -> ReplayOut | SpikeReplayOut | DigestReplayOut:
    """Replay ``rule`` from ``since`` (default 7 days ago) to ``until`` (default now).

    Runs in a route's worker thread; the spike and digest previews are async and run on
    the app's event loop with its async client."""
    span = bounded(since, until, default_since="7d")
    if span.since >= span.until:
        raise ConfigError(
            f"since ({span.since.isoformat()}) must be before until ({span.until.isoformat()})",
            code=BAD_RANGE,
        )
    reports = preview_reports(ctx.settings, ctx.aes)
    if rule.spike is not None:
        with es_errors("spike preview"):
            spikes = anyio.from_thread.run(
                functools.partial(preview_spikes, reports, rule, since=span.since, until=span.until)
            )
        return _spikes_out(rule, spikes, pages)
    if rule.mode != "instant":
        with es_errors("digest preview"):
            digests = anyio.from_thread.run(
                functools.partial(
                    preview_digests, reports, rule, since=span.since, until=span.until
                )
            )
        return _digests_out(rule, digests, pages)
    with es_errors("rule replay"):
        found = store.replay(rule, since=span.since, until=span.until, limit=limit)
    grouped = group_replay(
        rule,
        found.docs,
        now=span.until,
        matching_posts=found.total,
        silent_backfill=found.silent_backfill,
    )
    return _posts_out(rule, grouped, span.since, span.until, pages)


def _posts_out(
    rule: Rule, grouped: Replay, since: datetime, until: datetime, pages: Paging
) -> ReplayOut:
    chosen = grouped.groups[pages.offset : pages.offset + pages.size]
    return ReplayOut(
        rule_id=rule.id,
        dedup=rule.dedup,
        throttle_s=rule.throttle_s,
        since=since,
        until=until,
        matching_posts=grouped.matching_posts,
        silent_backfill=grouped.silent_backfill,
        scanned=grouped.scanned,
        complete=grouped.complete,
        alerts=grouped.alerts,
        page=pages.page,
        size=pages.size,
        next_page=pages.next_page(grouped.alerts),
        groups=[
            ReplayGroupOut(
                alert_id=g.alert_id,
                dedup_value=g.dedup_value,
                window_start=g.window_start,
                count=g.count,
                first_at=g.first_at,
                last_at=g.last_at,
                sample=PostOut.from_source(g.sample),
            )
            for g in chosen
        ],
    )


def _spikes_out(rule: Rule, found: SpikePreview, pages: Paging) -> SpikeReplayOut:
    newest = found.runs[::-1]
    chosen = newest[pages.offset : pages.offset + pages.size]
    return SpikeReplayOut(
        rule_id=rule.id,
        since=found.since,
        until=found.until,
        step_s=found.step_s,
        entities=found.entities,
        alerts=len(newest),
        page=pages.page,
        size=pages.size,
        next_page=pages.next_page(len(newest)),
        spikes=[
            SpikeRunOut(
                alert_id=spike_alert_id(rule.id, run.entity_id, run.start),
                entity_id=run.entity_id,
                start=run.start,
                end=run.end,
                peak=SpikePeakOut(
                    at=run.peak.at,
                    count=run.peak.count,
                    baseline=round(run.peak.baseline, 3),
                    ratio=run.peak.ratio,
                ),
            )
            for run in chosen
        ],
    )


def _digests_out(rule: Rule, found: DigestPreview, pages: Paging) -> DigestReplayOut:
    assert rule.mode != "instant"  # noqa: S101 - preview_digests refused instant rules
    newest = found.digests[::-1]
    chosen = newest[pages.offset : pages.offset + pages.size]
    return DigestReplayOut(
        rule_id=rule.id,
        mode=rule.mode,
        since=found.since,
        until=found.until,
        periods=len(found.periods),
        empty=found.empty,
        complete=found.complete,
        alerts=len(newest),
        page=pages.page,
        size=pages.size,
        next_page=pages.next_page(len(newest)),
        digests=[
            DigestOut(alert_id=a.alert_id, digest=a.digest) for a in chosen if a.digest is not None
        ],
    )
