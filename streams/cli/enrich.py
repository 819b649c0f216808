"""``scout enrich``: JSON Lines posts in, one enriched JSON object per line out, same order.

Runs exactly the stream's enrichment code and needs neither Kafka nor Elasticsearch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console

from models.post import Post
from streams.cli.context import settings_of
from streams.cli.progress import progress_bar
from streams.enrich.enricher import Enricher
from streams.enrich.output import enrich_output, error_output
from streams.errors import ConfigError, InvalidPostError
from streams.ingest.reader import SourceLine, check_paths, count_lines, read_lines
from streams.normalize import parse_post
from streams.settings import Settings
from streams.wording import count_of

console = Console(stderr=True)


def enrich(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(help="JSON Lines files (Post or raw Twitter v1.1); - or none: stdin"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Enrich posts offline: entities, M&A, competitors, sentiment, author influence.

    A line that cannot be enriched gets an error object in its place and the run goes on.
    Error object: {"id", "file", "line", "error": {"reason", "detail", "code"}}.
    The exit status is 0 all the same. Blank lines are skipped. Progress goes to stderr.
    """
    from streams.enrich.build import build_enricher

    settings = settings_of(ctx)
    paths = files or ["-"]
    check_paths(paths)  # before anything slow, and before -o truncates a file
    enricher = build_enricher(settings)
    sink = _open_output(output) if output else sys.stdout
    try:
        with progress_bar(console) as progress:
            task = progress.add_task("enrich", total=count_lines(paths))
            counts = run_enrich(
                read_lines(paths),
                enricher,
                settings,
                sink,
                on_batch=lambda n: progress.advance(task, n),
            )
    finally:
        if output:
            sink.close()
    console.print(
        f"enriched {count_of(counts[0], 'post')}, {counts[1]} refused (error objects in place)"
    )


def run_enrich(
    lines: Iterable[SourceLine],
    enricher: Enricher,
    settings: Settings,
    sink: IO[str],
    *,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[int, int]:
    """Enrich in batches of ``settings.batch_size``; one output line per input line."""
    done = refused = 0
    for chunk in _chunks(lines, settings.batch_size):
        slots: list[dict[str, Any] | int] = []
        posts: list[Post] = []
        for item in chunk:
            try:
                post = parse_post(
                    item.raw,
                    max_message_bytes=settings.max_message_bytes,
                    max_text_chars=settings.max_text_chars,
                )
            except InvalidPostError as exc:
                slots.append(error_output(item.line, exc, _post_id(item.raw), file=item.file))
                refused += 1
                continue
            slots.append(len(posts))
            posts.append(post)
        enriched = enricher.enrich(posts)
        for slot in slots:
            record = enrich_output(enriched[slot]) if isinstance(slot, int) else slot
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        done += len(posts)
        sink.flush()
        if on_batch is not None:
            on_batch(len(chunk))
    return done, refused


def _post_id(raw: bytes) -> str | None:
    """The id of a refused line when it can be read (``id_str`` first: exact for tweets)."""
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(obj, dict):
        return None
    value = obj.get("id_str", obj.get("id"))
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return text


def _open_output(path: Path) -> IO[str]:
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"cannot write {path}: {exc.strerror or exc}; choose another --output",
            code="SCOUT-E043",
        ) from exc


def _chunks(lines: Iterable[SourceLine], size: int) -> Iterator[list[SourceLine]]:
    iterator = iter(lines)
    while chunk := list(islice(iterator, size)):
        yield chunk
