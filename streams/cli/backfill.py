"""``scout backfill``: history through the live path, resumable and idempotent."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from streams import durations
from streams.backfill.checkpoint import Checkpoint
from streams.backfill.formats import FORMATS
from streams.backfill.runner import BackfillOptions, BackfillRunner, RejectsWriter, expand_paths
from streams.cli.context import settings_of
from streams.cli.progress import progress_bar
from streams.errors import ConfigError
from streams.topics import POSTS_RAW

console = Console(stderr=True)


def parse_time(value: str | None) -> datetime | None:
    """ISO 8601 (a date, or a time with zone) or a duration back from now (``7d``)."""
    return None if value is None else durations.parse_time(value)


def _count_records(files: list[Path]) -> int | None:
    total = 0
    for path in files:
        if not path.name.endswith((".jsonl", ".ndjson")):
            return None
        with path.open("rb") as fh:
            total += sum(1 for line in fh if line.strip())
    return total


def backfill(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files or directories to load.")],
    fmt: Annotated[str, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = "auto",
    since: Annotated[str | None, typer.Option(help="Only posts at or after (ISO or 7d).")] = None,
    until: Annotated[str | None, typer.Option(help="Only posts before (ISO or 1d).")] = None,
    rate: Annotated[float | None, typer.Option(help="At most N posts/s.", min=0.1)] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Read and validate only.")] = False,
    alerts: Annotated[bool, typer.Option("--alerts", help="Let these posts fire alerts.")] = False,
    restart: Annotated[bool, typer.Option("--restart", help="Ignore a saved checkpoint.")] = False,
    rejects: Annotated[Path | None, typer.Option(help="Rejects file (JSON Lines).")] = None,
    checkpoint_every: Annotated[
        int, typer.Option(help="Confirm sends and save the checkpoint every N records.", min=1)
    ] = 2000,
) -> None:
    """Publish historical posts into posts.raw; workers enrich and index them."""
    from streams.kafka.producer import make_producer

    settings = settings_of(ctx)
    if fmt not in FORMATS:
        raise ConfigError(
            f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}", code="SCOUT-E072"
        )
    options = BackfillOptions(
        paths=tuple(paths),
        fmt=fmt,
        since=parse_time(since),
        until=parse_time(until),
        rate=rate,
        dry_run=dry_run,
        alerts=alerts,
    )
    files = expand_paths(paths)
    directory = settings.data_dir / "backfill"
    checkpoint = None if dry_run else Checkpoint(directory, options.arguments())
    if checkpoint is not None:
        if restart:
            checkpoint.clear()
        elif checkpoint.load().complete:
            console.print(
                f"this backfill (run {checkpoint.run}) already completed; --restart runs it again"
            )
            return
    run_name = checkpoint.run if checkpoint else "dry-run"
    rejects_path = rejects or directory / f"{run_name}.rejects.jsonl"
    rejects_path.parent.mkdir(parents=True, exist_ok=True)
    producer = None if dry_run else make_producer(settings)
    try:
        with (
            rejects_path.open("a", encoding="utf-8") as sink,
            progress_bar(console, elapsed=True) as progress,
        ):
            task = progress.add_task("backfill", total=_count_records(files))
            runner = BackfillRunner(
                options,
                producer=producer,
                topic=POSTS_RAW.name(settings),
                checkpoint=checkpoint,
                rejects=RejectsWriter(sink),
                max_text_chars=settings.max_text_chars,
                confirm_every=checkpoint_every,
                on_record=lambda: progress.advance(task),
            )
            if checkpoint is not None and checkpoint.path.exists():
                console.print(f"resuming run {run_name} from {checkpoint.path}")
            summary = runner.run(files)
    finally:
        if producer is not None:
            producer.close(timeout=30)
    invalid = sum(summary.invalid.values())
    console.print(
        f"{'dry run: ' if dry_run else ''}read {summary.read}, published {summary.published},"
        f" skipped by time range {summary.skipped_time}, invalid {invalid},"
        f" duplicates {summary.duplicates}"
    )
    if invalid:
        reasons = ", ".join(f"{r}: {n}" for r, n in sorted(summary.invalid.items()))
        console.print(f"invalid by reason: {reasons}; details in {rejects_path}")
