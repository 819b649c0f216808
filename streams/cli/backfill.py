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
from streams.backfill.runner import (
    BackfillOptions,
    BackfillRunner,
    BackfillSummary,
    RejectsWriter,
    expand_paths,
)
from streams.cli.context import settings_of
from streams.cli.outcome import FileProgress, finish
from streams.cli.progress import file_progress_bar
from streams.errors import ConfigError
from streams.topics import POSTS_RAW

console = Console(stderr=True)


def parse_time(value: str | None) -> datetime | None:
    """ISO 8601 (a date, or a time with zone) or a duration back from now (``7d``)."""
    return None if value is None else durations.parse_time(value)


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
    author: Annotated[
        str | None,
        typer.Option(help="Author handle of a LinkedIn or Facebook export's posts."),
    ] = None,
    checkpoint_every: Annotated[
        int, typer.Option(help="Confirm sends and save the checkpoint every N records.", min=1)
    ] = 2000,
) -> None:
    """Publish historical posts into posts.raw; workers enrich and index them.

    Exit 3 when nothing was published, 4 when a file could not be read fully (README,
    Commands); the other files are read all the same.
    """
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
        author=author,
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
            file_progress_bar(console) as progress,
        ):
            bar = FileProgress(progress, "backfill", files)
            runner = BackfillRunner(
                options,
                producer=producer,
                topic=POSTS_RAW.name(settings),
                checkpoint=checkpoint,
                rejects=RejectsWriter(sink),
                max_text_chars=settings.max_text_chars,
                confirm_every=checkpoint_every,
                on_record=lambda record: bar.advance(record.file, record.end),
            )
            if checkpoint is not None and checkpoint.path.exists():
                console.print(f"resuming run {run_name} from {checkpoint.path}")
            summary = runner.run(files)
            bar.complete()
    finally:
        if producer is not None:
            producer.close(timeout=30)
    invalid = sum(summary.invalid.values())
    verb = "valid (dry run: not published)" if dry_run else "published"
    console.print(
        f"read {summary.read}, {verb} {summary.published}, skipped by time range"
        f" {summary.skipped_time}, invalid {invalid}, duplicates {summary.duplicates}",
        highlight=False,
    )
    if invalid:
        reasons = ", ".join(f"{r}: {n}" for r, n in sorted(summary.invalid.items()))
        console.print(f"invalid by reason: {reasons}; details in {rejects_path}", highlight=False)
    finish(
        console,
        published=summary.published,
        problems=summary.failed,
        nothing=_nothing(summary),
        verb="valid" if dry_run else "published",
    )


def _nothing(summary: BackfillSummary) -> str:
    invalid = sum(summary.invalid.values())
    if not summary.read:
        return "no records were read" + (
            " (the files above could not be read)" if summary.failed else " (empty files)"
        )
    parts = [
        f"{n} {what}"
        for n, what in (
            (invalid, "invalid"),
            (summary.skipped_time, "outside --since/--until"),
            (summary.duplicates, "duplicates"),
        )
        if n
    ]
    return f"of {summary.read} records read, {', '.join(parts)}"
