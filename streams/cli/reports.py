"""Spike and digest rules on the command line: the ``--spike-*`` options of ``scout rules
add/update``, what ``scout rules test`` shows for them, and ``scout rules digest``."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console

from models.alerts import Alert, Rule, SpikeSpec
from streams.alerts.reports.errors import BAD_DIGEST_REQUEST, BAD_SPIKE_OPTION, ConfigError
from streams.normalize.text import clean_text
from streams.settings import Settings
from streams.wording import count_of

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


def _run(settings: Settings, body: Any) -> Any:
    from streams.alerts.reports.preview import preview_reports
    from streams.index.client import make_async_client

    async def run() -> Any:
        client = make_async_client(settings)
        try:
            return await body(preview_reports(settings, client))
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
    from streams.alerts.reports.preview import SpikePreview, preview_spikes

    async def body(reports: Any) -> SpikePreview:
        return await preview_spikes(reports, rule, since=since, until=until)

    found: SpikePreview = _run(settings, body)
    out.print(
        f"rule {rule.id}: {len(found.runs)} spikes from {since:%Y-%m-%d %H:%M} to"
        f" {until:%Y-%m-%d %H:%M} UTC, evaluated every {found.step_s}s over the"
        f" {found.entities} busiest entities (nothing sent)",
        markup=False,
    )
    for run in found.runs[-samples:] if samples else []:
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
    from streams.alerts.reports.preview import MAX_PERIODS, DigestPreview, preview_digests

    async def body(reports: Any) -> DigestPreview:
        return await preview_digests(reports, rule, since=since, until=until)

    found: DigestPreview = _run(settings, body)
    out.print(
        f"rule {rule.id}: {len(found.digests)} {rule.mode} digests of {len(found.periods)}"
        f" periods ({found.empty} empty, not sent); nothing sent",
        markup=False,
    )
    if not found.complete:
        out.print(f"  (only the newest {MAX_PERIODS} periods; test a shorter span)", markup=False)
    for alert in found.digests[-samples:] if samples else []:
        d = alert.digest
        assert d is not None  # noqa: S101 - preview_digests keeps digests only
        head = clean_text(d.top_posts[0].post.text)[:80] if d.top_posts else ""
        out.print(
            f"  {d.start:%Y-%m-%d %H:%M}: {count_of(d.total, 'post')}, top: {head}", markup=False
        )


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
