"""Evaluate spike rules and build digests against Elasticsearch; claim what fires.

``Reports.spikes(now)`` and ``Reports.digests(now)`` return the *newly claimed* alerts
(create-only claims in ``<prefix>-alert-state``, like instant alerts): the caller
publishes them to the alerts topic and marks them sent. Evaluating again, on another
worker or after a restart, finds the claims and returns nothing new.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, TransportError

from models.alerts import Alert, Rule, SpikeInfo
from streams.alerts.matching import AlertClaims, RuleCache, alert_post
from streams.alerts.query import rule_query
from streams.alerts.reports.digest import SAMPLE, build_digest, digest_search
from streams.alerts.reports.errors import REPORT_SEARCH_FAILED, IndexUnavailableError
from streams.alerts.reports.periods import Period, completed_periods
from streams.alerts.reports.spike_state import SpikeRuns
from streams.alerts.reports.spikes import (
    Histogram,
    WindowStats,
    histogram_search,
    histograms_from,
    is_spike,
    spike_alert_id,
    spike_dedup_value,
    window_stats,
)
from streams.normalize.text import clean_text

__all__ = ["Reports", "spike_rules", "digest_rules", "evaluation_time"]

log = logging.getLogger("streams.alerts.reports")

_RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})
TOP_SPIKE_POSTS = 3
DIGESTS_PER_REQUEST = 10  # digest searches per _msearch (each returns up to SAMPLE posts)


def spike_rules(rules: Sequence[Rule]) -> list[Rule]:
    return [r for r in rules if r.enabled and r.spike is not None]


def digest_rules(rules: Sequence[Rule]) -> list[Rule]:
    return [r for r in rules if r.enabled and r.spike is None and r.mode != "instant"]


def evaluation_time(now: datetime) -> datetime:
    """Spikes are evaluated on whole minutes (every worker computes the same windows)."""
    return now.replace(second=0, microsecond=0)


async def refresh(client: AsyncElasticsearch, alias: str) -> None:
    """Make the posts just indexed searchable; ES down is transient (the timer retries)."""
    try:
        await client.indices.refresh(index=alias)
    except (ApiError, TransportError) as exc:
        raise IndexUnavailableError(
            f"cannot refresh {alias!r} before the spike/digest searches: {exc}",
            code=REPORT_SEARCH_FAILED,
        ) from exc


async def msearch(
    client: AsyncElasticsearch, alias: str, rules: Sequence[Rule], bodies: Sequence[dict[str, Any]]
) -> list[dict[str, Any] | None]:
    """One ``_msearch``; a body Elasticsearch rejects gives None (logged), not an error."""
    if not bodies:
        return []
    searches: list[dict[str, Any]] = []
    for body in bodies:
        searches += [{"index": alias}, body]
    try:
        response = await client.msearch(searches=searches)
    except (ApiError, TransportError) as exc:
        raise IndexUnavailableError(
            f"spike/digest searches over {alias!r} failed: {exc}", code=REPORT_SEARCH_FAILED
        ) from exc
    out: list[dict[str, Any] | None] = []
    for rule, item in zip(rules, response.body["responses"], strict=True):
        if "error" in item:
            if int(item.get("status", 500)) in _RETRYABLE_STATUS:
                raise IndexUnavailableError(
                    f"rule {rule.id!r}: search failed: {item['error']}", code=REPORT_SEARCH_FAILED
                )
            log.error("rule %s skipped, Elasticsearch rejected it: %s", rule.id, item["error"])
            out.append(None)
        else:
            out.append(item)
    return out


@dataclass
class Reports:
    es: AsyncElasticsearch
    alias: str
    rules: RuleCache
    claims: AlertClaims
    runs: SpikeRuns
    digest_delay_s: float = 300.0
    digest_late_s: float = 86400.0
    digest_settle_s: float = 35.0

    # --- spikes ---------------------------------------------------------------------
    async def spikes(self, now: datetime | None = None) -> list[Alert]:
        at = evaluation_time(now or datetime.now(UTC))
        rules = spike_rules(await self.rules.rules())
        found = await self.spiking(rules, at)
        alerts: list[Alert] = []
        for rule, hist, stats in found:
            assert rule.spike is not None  # noqa: S101 - spike_rules guarantees it
            start = await self.runs.run_start(rule.id, hist.entity_id, at, rule.spike.window_s)
            alerts.append(spike_alert(rule, hist.entity_id, stats, start))
        new = await self.claims.claim(alerts)
        return await self._with_posts(new, {r.id: r for r in rules})

    async def spiking(
        self, rules: Sequence[Rule], at: datetime
    ) -> list[tuple[Rule, Histogram, WindowStats]]:
        """(rule, entity histogram, stats) for every entity spiking at ``at``."""
        bodies = [histogram_search(r, first=at, last=at) for r in rules]
        await refresh(self.es, self.alias)
        results = await msearch(self.es, self.alias, rules, bodies)
        out = []
        for rule, result in zip(rules, results, strict=True):
            if result is None or rule.spike is None:
                continue
            aggs = result.get("aggregations", {})
            for hist in histograms_from(rule, aggs, first=at, last=at):
                stats = window_stats(hist, rule.spike, at)
                if is_spike(stats, rule.spike):
                    out.append((rule, hist, stats))
        return out

    async def _with_posts(self, alerts: list[Alert], rules: dict[str, Rule]) -> list[Alert]:
        """Add the most influential posts of each spike's window (and the entity's name)."""
        if not alerts:
            return []
        bodies = []
        for alert in alerts:
            assert alert.spike is not None  # noqa: S101 - spike alerts only
            query = rule_query(rules[alert.rule_id])
            query["bool"]["filter"] += [
                {"term": {"entity_ids": alert.spike.entity_id}},
                {
                    "range": {
                        "created_at": {
                            "gte": alert.spike.window_start.isoformat(),
                            "lt": alert.spike.window_end.isoformat(),
                        }
                    }
                },
            ]
            bodies.append(
                {
                    "query": query,
                    "size": TOP_SPIKE_POSTS,
                    "sort": [{"influence.score": {"order": "desc", "missing": "_last"}}],
                }
            )
        try:
            results = await msearch(self.es, self.alias, [rules[a.rule_id] for a in alerts], bodies)
        except IndexUnavailableError as exc:
            log.warning("spike posts not added (%s); alerts sent without them", exc)
            return alerts
        out = []
        for alert, result in zip(alerts, results, strict=True):
            assert alert.spike is not None  # noqa: S101
            hits = [h["_source"] for h in (result or {}).get("hits", {}).get("hits", [])]
            spike = alert.spike.model_copy(
                update={
                    "top_posts": tuple(alert_post(h) for h in hits),
                    "entity_name": _entity_name(alert.spike.entity_id, hits),
                }
            )
            out.append(alert.model_copy(update={"spike": spike}))
        return out

    # --- digests --------------------------------------------------------------------
    async def digests(self, now: datetime | None = None) -> list[Alert]:
        """Digests of every completed, not yet sent period of every digest rule."""
        now = now or datetime.now(UTC)
        todo: list[tuple[Rule, Period]] = []
        for rule in digest_rules(await self.rules.rules()):
            assert rule.mode != "instant"  # noqa: S101 - digest_rules guarantees it
            periods = completed_periods(
                rule.mode,
                now,
                delay_s=self.digest_delay_s,
                settle_s=self.digest_settle_s,
                not_before=rule.created_at,
            )
            todo += [(rule, p) for p in periods]
        done = await self._sent({p.alert_id(r.id) for r, p in todo})
        todo = [(r, p) for r, p in todo if p.alert_id(r.id) not in done]
        if not todo:
            return []
        alerts = await self.build_digests(todo, matched_at=now)
        new = await self.claims.claim(alerts)
        empty = [a.alert_id for a in new if a.digest is not None and a.digest.total == 0]
        await self.claims.mark_sent(empty)  # nothing to say: recorded, never sent
        return [a for a in new if a.alert_id not in set(empty)]

    async def build_digests(
        self,
        todo: Sequence[tuple[Rule, Period]],
        *,
        matched_at: datetime,
        sample: int = SAMPLE,
        backfilled: bool = False,
    ) -> list[Alert]:
        """The digests of these (rule, period) pairs, in order (nothing is claimed);
        ``backfilled``: with every backfilled post, by ``created_at`` (previews)."""
        await refresh(self.es, self.alias)
        bodies = [
            digest_search(
                r,
                p,
                delay_s=self.digest_delay_s,
                late_s=self.digest_late_s,
                sample=sample,
                backfilled=backfilled,
            )
            for r, p in todo
        ]
        # Each search returns up to `sample` posts: a worker catching up (24 hours of many
        # rules) would ask for millions in one response, which ES refuses (circuit breaker,
        # 429) at every check. A few searches per request keep responses bounded.
        results: list[dict[str, Any] | None] = []
        for i in range(0, len(todo), DIGESTS_PER_REQUEST):
            chunk = slice(i, i + DIGESTS_PER_REQUEST)
            rules = [r for r, _ in todo[chunk]]
            results += await msearch(self.es, self.alias, rules, bodies[chunk])
        alerts = []
        for (rule, period), result in zip(todo, results, strict=True):
            if result is None:
                continue
            hits = [h["_source"] for h in result["hits"]["hits"]]
            total = int(result["hits"]["total"]["value"])
            summary = build_digest(rule, period, hits, result.get("aggregations", {}), total)
            alerts.append(
                Alert(
                    alert_id=period.alert_id(rule.id),
                    rule_id=rule.id,
                    rule_name=rule.name,
                    dedup_value=period.dedup_value,
                    kind="digest",
                    digest=summary,
                    matched_at=matched_at,
                    mode=rule.mode,
                )
            )
        return alerts

    async def _sent(self, alert_ids: set[str]) -> set[str]:
        """Of ``alert_ids``, those already claimed and handed on."""
        if not alert_ids:
            return set()
        try:
            found = await self.es.mget(index=self.claims.index, ids=sorted(alert_ids))
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"cannot read digest claims in {self.claims.index!r}: {exc}",
                code=REPORT_SEARCH_FAILED,
            ) from exc
        return {
            str(d["_id"])
            for d in found.body["docs"]
            if d.get("found") and (d.get("_source") or {}).get("sent")
        }


def spike_alert(rule: Rule, entity_id: str, stats: WindowStats, run_start: datetime) -> Alert:
    assert rule.spike is not None  # noqa: S101 - callers pass spike rules
    window = timedelta(seconds=rule.spike.window_s)
    return Alert(
        alert_id=spike_alert_id(rule.id, entity_id, run_start),
        rule_id=rule.id,
        rule_name=rule.name,
        dedup_value=spike_dedup_value(entity_id, run_start),
        kind="spike",
        spike=SpikeInfo(
            entity_id=entity_id,
            window_s=rule.spike.window_s,
            window_start=stats.at - window,
            window_end=stats.at,
            count=stats.count,
            baseline=round(stats.baseline, 3),
            baseline_windows=rule.spike.baseline_windows,
            ratio=stats.ratio,
            run_start=run_start,
        ),
        matched_at=stats.at,
        mode=rule.mode,
    )


def _entity_name(entity_id: str, hits: Sequence[dict[str, Any]]) -> str | None:
    for hit in hits:
        for entity in hit.get("entities") or ():
            if entity.get("id") == entity_id and entity.get("text"):
                return clean_text(str(entity["text"]))  # the display copy
    return None
