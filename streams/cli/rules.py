"""``scout rules add | list | show | update | delete | test``."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console

from models.alerts import Channel, Rule
from streams.cli.context import settings_of
from streams.cli.reports import (
    SpikeBaselineOpt,
    SpikeEntityOpt,
    SpikeMinOpt,
    SpikeOffOpt,
    SpikeRatioOpt,
    SpikeWindowOpt,
    preview,
    spike_changes,
)
from streams.durations import parse_duration, parse_time
from streams.errors import ConfigError
from streams.wording import count_of

app = typer.Typer(no_args_is_help=True, help="Alert rules (stored in Elasticsearch).")
console = Console(stderr=True)
out = Console()

QueryOpt = Annotated[str | None, typer.Option("--query", "-q", help="Lucene query string.")]
DslOpt = Annotated[str | None, typer.Option("--dsl", help="Query DSL as JSON, or @file.json.")]
EntityOpt = Annotated[
    list[str] | None, typer.Option("--entity", help="Entity id, e.g. company:MSFT.")
]
SignalOpt = Annotated[list[str] | None, typer.Option("--signal", help="ma, move or competitor.")]
InfluenceOpt = Annotated[float | None, typer.Option("--min-influence", min=0, max=100)]
CategoryOpt = Annotated[
    list[str] | None,
    typer.Option("--category", help="Post category: news, chatter, spam or other (repeatable)."),
]
SignalScoreOpt = Annotated[
    float | None,
    typer.Option("--min-signal", min=0, max=1, help="Lowest category signal (0..1), e.g. 0.5."),
]
LangOpt = Annotated[list[str] | None, typer.Option("--lang", help="Language code, e.g. en, no.")]
ChannelOpt = Annotated[
    list[str] | None, typer.Option("--channel", help="TYPE=URL with TYPE webhook, slack or teams.")
]
SecretOpt = Annotated[
    str | None,
    typer.Option(
        "--secret-env",
        help="Name of the workers' env var holding the webhook signing secret (the name is"
        " stored, never the secret).",
    ),
]
ThrottleOpt = Annotated[str | None, typer.Option("--throttle", help="Re-alert window, e.g. 30m.")]
DedupOpt = Annotated[str | None, typer.Option("--dedup", help="post, story or link.")]
ModeOpt = Annotated[str | None, typer.Option("--mode", help="instant, hourly or daily.")]


def _store(ctx: typer.Context) -> Any:
    from streams.alerts.store import RuleStore
    from streams.index.client import make_client

    settings = settings_of(ctx)
    store = RuleStore(make_client(settings), settings)
    store.ensure()
    return store


def _dsl(value: str | None) -> dict[str, Any] | None:
    if value is None:
        return None
    text = Path(value[1:]).read_text() if value.startswith("@") else value
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"--dsl is not JSON: {exc}", code="SCOUT-E085") from exc
    if not isinstance(parsed, dict):
        raise ConfigError("--dsl must be a JSON object (a query)", code="SCOUT-E085")
    return parsed


def _channels(specs: list[str] | None, secret_env: str | None) -> list[Channel] | None:
    if specs is None:
        return None
    if secret_env and not os.environ.get(secret_env):
        console.print(
            f"[yellow]warning:[/] {secret_env} is unset here: the workers must have it, or"
            " they dead-letter this rule's webhooks (SCOUT-E223)"
        )
    channels = []
    for spec in specs:
        kind, sep, url = spec.partition("=")
        if not sep:
            raise ConfigError(f"--channel {spec!r}: use TYPE=URL", code="SCOUT-E086")
        try:
            channels.append(
                Channel.model_validate(
                    {
                        "type": kind,
                        "url": url,
                        "secret_env": secret_env if kind == "webhook" else None,
                    }
                )
            )
        except ValidationError as exc:
            raise ConfigError(
                f"--channel {spec!r}: {exc.errors()[0]['msg']}", code="SCOUT-E086"
            ) from exc
    return channels


def _changes(
    query: str | None,
    dsl: str | None,
    entity: list[str] | None,
    signal: list[str] | None,
    min_influence: float | None,
    lang: list[str] | None,
    channel: list[str] | None,
    secret_env: str | None,
    throttle: str | None,
    dedup: str | None,
    mode: str | None,
    category: list[str] | None = None,
    min_signal: float | None = None,
) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if query is not None:
        changes["query"] = query or None
    if dsl is not None:
        changes["query_dsl"] = _dsl(dsl)
    conditions = {
        k: v
        for k, v in {
            "entity_ids": entity,
            "signals": signal,
            "min_influence": min_influence,
            "languages": lang,
            "categories": category,
            "min_signal": min_signal,
        }.items()
        if v is not None
    }
    if conditions:
        changes["conditions"] = conditions
    channels = _channels(channel, secret_env)
    if channels is not None:
        from streams.alerts.store import rule_to_source

        changes["channels"] = rule_to_source(
            Rule(id="x", name="x", owner="x", channels=tuple(channels))
        )["channels"]
    if throttle is not None:
        changes["throttle_s"] = int(parse_duration(throttle).total_seconds())
    for key, value in (("dedup", dedup), ("mode", mode)):
        if value is not None:
            changes[key] = value
    return changes


@app.command()
def add(
    ctx: typer.Context,
    rule_id: Annotated[str, typer.Argument(help="Rule id: lower case, digits, - and _.")],
    name: Annotated[str, typer.Option(help="Human-readable name.")],
    owner: Annotated[str, typer.Option(help="Who owns the rule.")],
    query: QueryOpt = None,
    dsl: DslOpt = None,
    entity: EntityOpt = None,
    signal: SignalOpt = None,
    min_influence: InfluenceOpt = None,
    lang: LangOpt = None,
    category: CategoryOpt = None,
    min_signal: SignalScoreOpt = None,
    channel: ChannelOpt = None,
    secret_env: SecretOpt = None,
    throttle: ThrottleOpt = None,
    dedup: DedupOpt = None,
    mode: ModeOpt = None,
    spike_entity: SpikeEntityOpt = None,
    spike_window: SpikeWindowOpt = None,
    spike_baseline: SpikeBaselineOpt = None,
    spike_ratio: SpikeRatioOpt = None,
    spike_min: SpikeMinOpt = None,
) -> None:
    """Create a rule (validated by Elasticsearch); any --spike-* option makes a spike rule."""
    changes = _changes(
        query,
        dsl,
        entity,
        signal,
        min_influence,
        lang,
        channel,
        secret_env,
        throttle,
        dedup,
        mode,
        category,
        min_signal,
    )
    changes |= spike_changes(
        None, spike_entity, spike_window, spike_baseline, spike_ratio, spike_min
    )
    try:
        rule = Rule.model_validate({"id": rule_id, "name": name, "owner": owner, **changes})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"invalid rule: {problems}", code="SCOUT-E084") from exc
    _store(ctx).add(rule)
    console.print(f"rule {rule_id} created")


@app.command("list")
def list_rules(ctx: typer.Context) -> None:
    """List rules (no secrets)."""
    for rule in _store(ctx).list():
        state = "enabled" if rule.enabled else "disabled"
        kinds = ",".join(c.type for c in rule.channels) or "-"
        typer.echo(f"{rule.id}\t{state}\t{rule.mode}\t{kinds}\t{rule.owner}\t{rule.name}")


@app.command("migrate-secrets")
def migrate_secrets(
    ctx: typer.Context,
    env_file: Annotated[
        Path, typer.Option(help="Env file (mode 0600) that receives NAME=secret lines.")
    ],
    apply: Annotated[
        bool, typer.Option("--apply", help="Also replace the secrets in the rules.")
    ] = False,
) -> None:
    """Move webhook secrets stored in clear by earlier versions into variables: write them
    to --env-file for the workers; with --apply, store each variable's name instead."""
    from streams.alerts.delivery.secrets import merge_env_file, migration_plan

    store = _store(ctx)
    plans = [p for p in (migration_plan(r) for r in store.list()) if p is not None]
    if not plans:
        console.print("no rule stores a secret in clear")
        return
    merge_env_file(env_file, {k: v for p in plans for k, v in p.assignments.items()})
    for plan in plans:
        console.print(f"{plan.rule_id}: {', '.join(plan.assignments)} -> {env_file}")
    if not apply:
        console.print(
            "give the workers these variables (and restart them), then run again with --apply"
        )
        return
    for plan in plans:
        store.update(plan.rule_id, {"channels": plan.channels})
    console.print(f"{len(plans)} rules now name their secrets' variables (secret_env)")


@app.command()
def show(ctx: typer.Context, rule_id: str) -> None:
    """Show one rule as JSON (secrets masked)."""
    out.print_json(_store(ctx).get(rule_id).model_dump_json())


@app.command()
def update(
    ctx: typer.Context,
    rule_id: str,
    name: Annotated[str | None, typer.Option()] = None,
    owner: Annotated[str | None, typer.Option()] = None,
    enabled: Annotated[bool | None, typer.Option("--enabled/--disabled")] = None,
    query: QueryOpt = None,
    dsl: DslOpt = None,
    entity: EntityOpt = None,
    signal: SignalOpt = None,
    min_influence: InfluenceOpt = None,
    lang: LangOpt = None,
    category: CategoryOpt = None,
    min_signal: SignalScoreOpt = None,
    channel: ChannelOpt = None,
    secret_env: SecretOpt = None,
    throttle: ThrottleOpt = None,
    dedup: DedupOpt = None,
    mode: ModeOpt = None,
    spike_entity: SpikeEntityOpt = None,
    spike_window: SpikeWindowOpt = None,
    spike_baseline: SpikeBaselineOpt = None,
    spike_ratio: SpikeRatioOpt = None,
    spike_min: SpikeMinOpt = None,
    no_spike: SpikeOffOpt = False,
) -> None:
    """Change a rule (only the options given; validated again)."""
    changes = _changes(
        query,
        dsl,
        entity,
        signal,
        min_influence,
        lang,
        channel,
        secret_env,
        throttle,
        dedup,
        mode,
        category,
        min_signal,
    )
    store = _store(ctx)
    if "conditions" in changes:  # the conditions given change; the others stay
        current = store.get(rule_id).conditions.model_dump(mode="json")
        changes["conditions"] = {**current, **changes["conditions"]}
    spike = (spike_entity, spike_window, spike_baseline, spike_ratio, spike_min)
    if no_spike or any(v is not None for v in spike):
        changes |= spike_changes(store.get(rule_id).spike, *spike, off=no_spike)
    for key, value in (("name", name), ("owner", owner), ("enabled", enabled)):
        if value is not None:
            changes[key] = value
    store.update(rule_id, changes)
    console.print(f"rule {rule_id} updated")


@app.command()
def delete(ctx: typer.Context, rule_id: str) -> None:
    """Delete a rule."""
    _store(ctx).delete(rule_id)
    console.print(f"rule {rule_id} deleted")


@app.command()
def test(
    ctx: typer.Context,
    rule_id: str,
    since: Annotated[str, typer.Option(help="How far back (7d) or from when (ISO 8601).")] = "7d",
    until: Annotated[str | None, typer.Option(help="Up to when (default now).")] = None,
    samples: Annotated[int, typer.Option(min=0, max=100, help="Alerts to show.")] = 5,
    limit: Annotated[int, typer.Option(min=1, max=100_000, help="Posts to replay.")] = 5000,
) -> None:
    """Replay a rule over indexed history: the alerts it would have fired (nothing is sent)."""
    from streams.alerts.replay import group_replay

    store = _store(ctx)
    rule = store.get(rule_id)
    now = datetime.now(UTC)
    start = parse_time(since, now=now)
    end = parse_time(until, now=now) if until else None
    if rule.spike is not None or rule.mode != "instant":  # spikes and digests fired instead
        preview(settings_of(ctx), rule, since=start, until=end or now, samples=samples)
        return
    found = store.replay(rule, since=start, until=end, limit=limit)
    replay = group_replay(
        rule,
        found.docs,
        now=now,
        matching_posts=found.total,
        silent_backfill=found.silent_backfill,
    )
    out.print(
        f"rule {rule_id}: {count_of(replay.matching_posts, 'matching post')} since {start:%Y-%m-%d %H:%M} UTC"
        f" would have fired {replay.alerts} alerts (dedup {rule.dedup},"
        f" throttle {rule.throttle_s}s; nothing sent)"
    )
    if replay.silent_backfill:
        out.print(
            f"  ({replay.silent_backfill} of the posts were backfilled without --alerts: included"
            " here, but live alerts skip them; `scout backfill --alerts` lets them fire)",
            markup=False,
        )
    if not replay.complete:
        out.print(f"  (grouped the oldest {replay.scanned}; raise --limit for all)")
    for group in replay.groups[:samples]:
        doc = group.sample
        handle = (doc.get("author") or {}).get("handle")
        out.print(
            f"  {group.count:>5} posts  first {doc.get('created_at')} @{handle}:"
            f" {str(doc.get('text') or '')[:100]}",
            markup=False,
        )
    if replay.alerts > samples:
        out.print(f"  ... and {replay.alerts - samples} more alerts")
