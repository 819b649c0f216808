"""``scout enrich``: JSON Lines posts in, one enriched JSON object per line out, same order.

Runs exactly the stream's enrichment code and needs neither Kafka nor Elasticsearch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console

from models.post import Post
from streams.cli.context import settings_of
from streams.enrich.enricher import Enricher
from streams.enrich.output import enrich_output, error_output
from streams.errors import InvalidPostError
from streams.ingest.reader import SourceLine, read_lines
from streams.normalize import parse_post
from streams.settings import Settings

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
    """Enrich posts offline: entities, M&A, competitors, sentiment, author influence."""
    from streams.enrich.build import build_enricher

    settings = settings_of(ctx)
    enricher = build_enricher(settings)
    sink: IO[str] = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        counts = run_enrich(read_lines(files or ["-"]), enricher, settings, sink)
    finally:
        if output:
            sink.close()
    console.print(f"enriched {counts[0]} posts, {counts[1]} refused (error objects in place)")


def run_enrich(
    lines: Iterable[SourceLine], enricher: Enricher, settings: Settings, sink: IO[str]
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
                slots.append(error_output(item.line, exc))
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
    return done, refused


def _chunks(lines: Iterable[SourceLine], size: int) -> Iterator[list[SourceLine]]:
    iterator = iter(lines)
    while chunk := list(islice(iterator, size)):
        yield chunk
