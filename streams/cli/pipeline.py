"""``scout setup | ingest | worker | search | sample``."""

from __future__ import annotations

import json
import time
from typing import Annotated, Any

import typer
from rich.console import Console

from streams.cli.context import settings_of
from streams.settings import Settings
from streams.topics import POSTS_DLQ, POSTS_RAW
from streams.wording import count_of

console = Console(stderr=True)
out = Console(soft_wrap=True)  # never wrapped at the width (80 columns when piped)


def setup(ctx: typer.Context) -> None:
    """Create the Kafka topics and the Elasticsearch index template, index and alias."""
    run_setup(settings_of(ctx))


def run_setup(settings: Settings) -> None:
    from streams.index.client import make_client
    from streams.index.schema import ensure_posts_index
    from streams.kafka.admin import ensure_topics

    for name, state in ensure_topics(settings).items():
        console.print(f"topic [bold]{name}[/]: {state}")
    client = make_client(settings)
    try:
        index = ensure_posts_index(client, settings)
    finally:
        client.close()
    console.print(f"index [bold]{index}[/] behind alias [bold]{settings.posts_alias}[/]: ready")
    _setup_alert_indices(settings)


def _setup_alert_indices(settings: Settings) -> None:
    import asyncio

    from streams.alerts.delivery import DeliveryLog, deliveries_index
    from streams.alerts.matching import AlertClaims, state_index_name
    from streams.alerts.store import RuleStore
    from streams.index.client import make_async_client, make_client

    client = make_client(settings)
    try:
        RuleStore(client, settings).ensure()
    finally:
        client.close()

    async def ensure() -> None:
        es = make_async_client(settings)
        try:
            await AlertClaims(es, state_index_name(settings.index_prefix)).ensure()
            await DeliveryLog(
                es, deliveries_index(settings.index_prefix), replicas=settings.index_replicas
            ).ensure()
        finally:
            await es.close()

    asyncio.run(ensure())
    console.print("alert indices (rules, alert state, deliveries): ready")


def ingest(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help="JSON Lines files (.jsonl, .jsonl.gz) or -")],
    show: Annotated[int, typer.Option(help="How many rejected lines to list.")] = 20,
) -> None:
    """Publish posts (normalized Post shape, one JSON object per line) to posts.raw.

    A file may also hold a JSON array of posts. Exit 3 when nothing was published, 4 when a
    file could not be read fully (see README, Commands).
    """
    from streams.cli.outcome import FileProgress, finish
    from streams.cli.progress import file_progress_bar
    from streams.errors import UnreadableFileError
    from streams.ingest import publish_lines, read_lines
    from streams.ingest.reader import check_paths

    settings = settings_of(ctx)
    check_paths(files)
    failed: dict[str, UnreadableFileError] = {}
    with file_progress_bar(console) as progress:
        bar = FileProgress(progress, "ingest", files)
        report = publish_lines(
            settings,
            read_lines(files, failed=failed),
            on_line=lambda line: bar.advance(line.file, line.end),
        )
        bar.complete()
    console.print(
        f"read {report.read}, published {report.published} to {POSTS_RAW.name(settings)},"
        f" rejected {len(report.rejected)}"
    )
    for dead in report.rejected[:show]:
        console.print(f"  rejected {dead.source_file}:{dead.line}: {dead.reason}: {dead.detail}")
    if len(report.rejected) > show:
        console.print(
            f"  … and {len(report.rejected) - show} more (all in {POSTS_DLQ.name(settings)})"
        )
    if report.rejected:
        summary = ", ".join(f"{r}: {n}" for r, n in sorted(report.reasons.items()))
        console.print(f"rejected by reason: {summary}; sent to {POSTS_DLQ.name(settings)}")
    rejected = len(report.rejected)
    finish(
        console,
        published=report.published,
        problems={f: str(e) for f, e in {**failed, **report.encoding.problems()}.items()},
        nothing=f"all {rejected} posts read were rejected (above)"
        if rejected
        else "the input holds no posts",
    )


def worker(ctx: typer.Context) -> None:
    """Run the Faust worker: posts.raw -> normalize -> spaCy entities -> Elasticsearch."""
    run_worker(settings_of(ctx))


def run_worker(settings: Settings) -> None:
    import faust

    from streams.app import create_app
    from streams.errors import ConfigError
    from streams.index.client import make_client
    from streams.kafka.probe import check_kafka
    from streams.worker.runtime import Runtime, warm_deals

    # Fail fast, with a coded line, when a service is unreachable at start-up; once
    # running, the worker waits out an Elasticsearch outage (one log line per retry).
    client = make_client(settings)
    try:
        if not client.indices.exists_alias(name=settings.posts_alias):
            raise ConfigError(
                f"no index alias {settings.posts_alias!r}: run `scout setup` first",
                code="SCOUT-E021",
            )
        check_kafka(settings)
        runtime = Runtime.build(settings)
        # a restarted worker knows the deals it had learnt (streams.index.deals)
        started = time.monotonic()
        known = warm_deals(client, settings, runtime.enricher)
        console.print(
            f"deal registry: {count_of(known, 'deal')} known from the index"
            f" ({time.monotonic() - started:.1f} s)"
        )
    finally:
        client.close()
    app = create_app(settings, runtime)
    faust.Worker(app, loglevel=settings.log_level, quiet=True).execute_from_commandline()


def search(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(help="Lucene query string, e.g. 'apple AND mentions:tim*'")
    ],
    size: Annotated[int, typer.Option("--size", "-n", min=1, max=1000)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document per line.")] = False,
) -> None:
    """Print posts matching QUERY with their entities, newest first."""
    from streams.index.client import make_client
    from streams.index.search import search_posts

    settings = settings_of(ctx)
    client = make_client(settings)
    try:
        total, docs = search_posts(client, settings.posts_alias, query, size=size)
    finally:
        client.close()
    if as_json:
        for doc in docs:
            out.print_json(json.dumps(doc), indent=None)
        return
    console.print(f"{count_of(total, 'matching post')} (showing {len(docs)})")
    for doc in docs:
        _print_post(doc)


def _print_post(doc: dict[str, Any]) -> None:
    author = (doc.get("author") or {}).get("handle") or "?"
    out.print(
        f"[bold]{doc.get('created_at') or '-'}[/] @{author} [dim]{doc['source']}:{doc['post_id']}[/]"
    )
    out.print(f"  {doc['text']}", highlight=False, markup=False)
    ents = ", ".join(f"{e['text']} [{e['label']}]" for e in doc.get("entities", []))
    out.print(f"  entities: {ents or '-'}", highlight=False, markup=False)


def sample(
    ctx: typer.Context,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for the sample to be indexed.")
    ] = 120,
) -> None:
    """Set up, ingest the built-in sample, run the worker until it is indexed, search it,
    then follow a local feed with `scout listen` and show its items indexed live."""
    from streams.cli.sample import run_sample

    run_sample(settings_of(ctx), timeout_s=timeout, console=console)


def register(app: typer.Typer) -> None:
    from streams.cli.backfill import backfill
    from streams.cli.config import config
    from streams.cli.enrich import enrich
    from streams.cli.leaders import leaders
    from streams.cli.reprocess import reprocess

    app.command()(config)
    app.command()(enrich)
    app.command()(leaders)
    app.command()(backfill)
    app.command()(reprocess)
    app.command()(setup)
    app.command()(ingest)
    app.command()(worker)
    app.command()(search)
    app.command()(sample)
