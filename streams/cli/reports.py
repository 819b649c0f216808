"""Spike and digest rules on the command line: the ``--spike-*`` options of ``scout rules
add/update``, what ``scout rules test`` shows for them, and ``scout rules digest``."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console

from models.alerts import Alert, Rule, SpikeSpec
from streams.alerts.reports.errors import BAD_DIGEST_REQUEST, BAD_SPIKE_OPTION, ConfigError
from streams.settings import Settings

__all__ = [
    "SpikeBaselineOpt",
    "SpikeEntityOpt",
    "SpikeMinOpt",
    "SpikeOffOpt",
    "SpikeRatioOpt",
    "SpikeWindowOpt",
    "preview",
    "register",
    "spike_changes",
]

out = Console()
MAX_BUCKETS = 60_000  # under Elasticsearch's search.max_buckets (65 536)
MAX_PERIODS = 168

SpikeEntityOpt = Annotated[
    list[str] | None,
    typer.Option("--spike-entity", help="Spike rule: entity to watch (repeat); none: any."),
]
SpikeWindowOpt = Annotated[
    str | None, typer.Option("--spike-window", help="Spike rule: window, e.g. 1h (default 1h).")
]
SpikeBaselineOpt = Annotated[
    int | None,
    typer.Option("--spike-baseline", min=1, max=168, help="Spike rule: windows of baseline (12)."),
]
SpikeRatioOpt = Annotated[
    float | None, typer.Option("--spike-ratio", help="Spike rule: window/baseline to fire (3).")
]
SpikeMinOpt = Annotated[
    int | None, typer.Option("--spike-min", min=1, help="Spike rule: fewest posts to fire (10).")
]
SpikeOffOpt = Annotated[
    bool, typer.Option("--no-spike", help="Turn a spike rule back into a post rule.")
]


def spike_changes(
    current: SpikeSpec | None,
    entity: list[str] | None,
    window: str | None,
    baseline: int | None,
    ratio: float | None,
    min_count: int | None,
    *,
    off: bool = False,
) -> dict[str, Any]:
    """``{"spike": ...}`` for the rule changes when any spike option is given (merged into
    the rule's current spike settings), ``{"spike": None}`` for ``--no-spike``, else {}."""
    from streams.cli.leaders import parse_duration

    if off:
        return {"spike": None}
    given: dict[str, Any] = {}
    if entity is not None:
        given["entity_ids"] = [e for e in entity if e]
    if window is not None:
        given["window_s"] = int(parse_duration(window).total_seconds())
    for key, value in (("baseline_windows", baseline), ("ratio", ratio), ("min_count", min_count)):
        if value is not None:
            given[key] = value
    if not given:
        return {}
    base = current.model_dump() if current else {}
    try:
        spec = SpikeSpec.model_validate({**base, **given})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"invalid spike options: {problems}", code=BAD_SPIKE_OPTION) from exc
    return {"spike": spec.model_dump(mode="json")}


def _reports(settings: Settings, client: Any) -> Any:
    from streams.alerts.matching import AlertClaims, RuleCache, rules_index_name, state_index_name
    from streams.alerts.reports import Reports, SpikeRuns

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


def _run(settings: Settings, body: Any) -> Any:
    from streams.index.client import make_async_client

    async def run() -> Any:
        client = make_async_client(settings)
        try:
            return await body(_reports(settings, client))
        finally:
            await client.close()

    return asyncio.run(run())


def preview(
    settings: Settings, rule: Rule, *, since: datetime, until: datetime, samples: int
) -> None:
    """``scout rules test`` of a spike or digest rule: what it would have sent."""
    if rule.spike is not None:
        _spikes(settings, rule, since, until, samples)
    else:
        _digests(settings, rule, since, until, samples)


def _spikes(settings: Settings, rule: Rule, since: datetime, until: datetime, samples: int) -> None:
    from streams.alerts.reports.evaluate import msearch
    from streams.alerts.reports.spikes import (
        histogram_search,
        histograms_from,
        spike_runs,
        step_for,
    )

    assert rule.spike is not None  # noqa: S101 - preview() checked
    spec = rule.spike
    step = step_for(spec)
    last = datetime.fromtimestamp(int(until.timestamp()) // step * step, UTC)
    n = max(0, int((last - since).total_seconds() // step))
    first = last - timedelta(seconds=n * step)
    buckets = n + spec.window_s * (spec.baseline_windows + 1) // step
    entities = min(len(spec.entity_ids) or 100, MAX_BUCKETS // max(buckets, 1))
    if entities < 1:
        raise ConfigError(
            f"--since covers {buckets} steps of {step}s: too many; test a shorter span",
            code=BAD_SPIKE_OPTION,
        )
    body = histogram_search(rule, first=first, last=last, max_entities=entities)
    body["aggs"]["entities"]["terms"]["order"] = [{"_count": "desc"}, {"_key": "asc"}]

    async def search(reports: Any) -> list[dict[str, Any] | None]:
        result: list[dict[str, Any] | None] = await msearch(
            reports.es, reports.alias, [rule], [body]
        )
        return result

    result = _run(settings, search)[0]
    if result is None:
        raise ConfigError(f"Elasticsearch rejected rule {rule.id!r}", code=BAD_SPIKE_OPTION)
    times = [first + timedelta(seconds=i * step) for i in range(n + 1)]
    runs = [
        run
        for hist in histograms_from(rule, result.get("aggregations", {}), first=first, last=last)
        for run in spike_runs(hist, spec, times)
    ]
    runs.sort(key=lambda r: r.start)
    out.print(
        f"rule {rule.id}: {len(runs)} spikes from {since:%Y-%m-%d %H:%M} to {until:%Y-%m-%d %H:%M}"
        f" UTC, evaluated every {step}s over the {entities} busiest entities (nothing sent)",
        markup=False,
    )
    for run in runs[-samples:] if samples else []:
        peak = run.peak
        ratio = f"{peak.ratio:g}x" if peak.ratio else "from 0"
        out.print(
            f"  {run.entity_id}: {run.start:%Y-%m-%d %H:%M} to {run.end:%H:%M}, peak {peak.count}"
            f" posts vs {peak.baseline:g} usual ({ratio})",
            markup=False,
        )


def _digests(
    settings: Settings, rule: Rule, since: datetime, until: datetime, samples: int
) -> None:
    from streams.alerts.reports.periods import completed_periods, period_containing

    if rule.mode == "instant":
        raise ConfigError(f"rule {rule.id!r} is not a digest rule", code=BAD_DIGEST_REQUEST)
    ready = completed_periods(rule.mode, until, delay_s=0, settle_s=0, count=MAX_PERIODS)
    periods = [
        p for p in ready if p.end > since and p.start >= period_containing(rule.mode, since).start
    ]
    todo = [(rule, p) for p in periods]

    async def build(reports: Any) -> list[Alert]:
        alerts: list[Alert] = await reports.build_digests(todo, matched_at=until, sample=50)
        return alerts

    alerts = _run(settings, build) if todo else []
    sent = [a for a in alerts if a.digest and a.digest.total]
    out.print(
        f"rule {rule.id}: {len(sent)} {rule.mode} digests of {len(periods)} periods"
        f" ({len(periods) - len(sent)} empty, not sent); nothing sent",
        markup=False,
    )
    for alert in sent[-samples:] if samples else []:
        d = alert.digest
        assert d is not None  # noqa: S101 - filtered above
        head = d.top_posts[0].post.text[:80] if d.top_posts else ""
        out.print(f"  {d.start:%Y-%m-%d %H:%M}: {d.total} posts, top: {head}", markup=False)


def register(app: typer.Typer) -> None:
    """Adds ``digest`` to the ``scout rules`` group."""

    @app.command()
    def digest(
        ctx: typer.Context,
        rule_id: str,
        period: Annotated[
            str | None,
            typer.Option(help="Any time in the period (ISO 8601); default: the last complete one."),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="The alert as sent (JSON).")] = False,
    ) -> None:
        """Preview a rule's hourly or daily digest (nothing is sent or recorded)."""
        from streams.alerts.delivery.reports import report
        from streams.alerts.reports.periods import completed_periods, period_containing
        from streams.alerts.store import RuleStore
        from streams.cli.context import settings_of
        from streams.index.client import make_client

        settings = settings_of(ctx)
        client = make_client(settings)
        try:
            rule = RuleStore(client, settings).get(rule_id)
        finally:
            client.close()
        if rule.mode == "instant" or rule.spike is not None:
            raise ConfigError(
                f"rule {rule_id!r} is not an hourly or daily digest rule (mode {rule.mode})",
                code=BAD_DIGEST_REQUEST,
            )
        now = datetime.now(UTC)
        if period:
            try:
                at = datetime.fromisoformat(period)
            except ValueError as exc:
                raise ConfigError(
                    f"--period {period!r}: not ISO 8601", code=BAD_DIGEST_REQUEST
                ) from exc
            chosen = period_containing(rule.mode, at if at.tzinfo else at.replace(tzinfo=UTC))
        else:
            chosen = completed_periods(rule.mode, now, delay_s=0, settle_s=0, count=1)[0]

        async def build(reports: Any) -> list[Alert]:
            alerts: list[Alert] = await reports.build_digests([(rule, chosen)], matched_at=now)
            return alerts

        alerts = _run(settings, build)
        if not alerts:
            raise ConfigError(f"Elasticsearch rejected rule {rule_id!r}", code=BAD_DIGEST_REQUEST)
        alert = alerts[0]
        if as_json:
            typer.echo(json.dumps(alert.model_dump(mode="json"), ensure_ascii=False, indent=2))
            return
        r = report(alert)
        out.print(r.title, markup=False)
        out.print(r.summary, markup=False)
        for title, lines in r.sections:
            out.print(f"\n{title}", markup=False)
            for line in lines:
                out.print(
                    f"  - {line.text}" + (f"  <{line.url}>" if line.url else ""), markup=False
                )
