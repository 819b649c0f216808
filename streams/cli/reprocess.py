"""``scout reprocess``: re-enrich indexed posts with the current models and watch lists."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from streams.backfill.checkpoint import Checkpoint
from streams.backfill.reprocess import reprocess_query
from streams.cli.backfill import parse_time
from streams.cli.context import settings_of
from streams.cli.progress import RateColumn

if TYPE_CHECKING:
    from models.post import Post
    from streams.enrich.enricher import Enricher

console = Console(stderr=True)


def reprocess(
    ctx: typer.Context,
    query: Annotated[str | None, typer.Option(help="Lucene query selecting the posts.")] = None,
    since: Annotated[str | None, typer.Option(help="created_at at or after (ISO or 7d).")] = None,
    until: Annotated[str | None, typer.Option(help="created_at before (ISO or 1d).")] = None,
    stale: Annotated[
        bool, typer.Option("--stale", help="Only posts made with other versions than now.")
    ] = False,
    restart: Annotated[bool, typer.Option("--restart", help="Ignore a saved checkpoint.")] = False,
) -> None:
    """Run indexed posts through the current extraction and write them back (same ids)."""
    from models.enriched import ENRICHMENT_VERSION
    from streams.backfill.reprocess import reprocess as run
    from streams.enrich.build import build_enricher
    from streams.index.client import make_async_client, make_client

    settings = settings_of(ctx)
    enricher = build_enricher(settings)
    current = enricher.versions()
    body = reprocess_query(
        query,
        parse_time(since),
        parse_time(until),
        {
            "enrichment": ENRICHMENT_VERSION,
            "model": enricher.route_labels(),
            "watchlist": current.watchlist,
        }
        if stale
        else None,
    )
    checkpoint = Checkpoint(
        settings.data_dir / "reprocess",
        {
            "query": query,
            "since": since,
            "until": until,
            "stale": stale,
            "index": settings.posts_alias,
        },
    )
    if restart:
        checkpoint.clear()
    elif checkpoint.load().complete:
        console.print(
            f"this reprocess (run {checkpoint.run}) already completed; --restart runs it again"
        )
        return
    sync = make_client(settings)
    try:
        total = int(sync.count(index=settings.posts_alias, query=body)["count"])
    finally:
        sync.close()

    async def main() -> None:
        client = make_async_client(settings)
        try:
            with Progress(
                TextColumn("reprocess"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(),
                TimeRemainingColumn(),
                console=console,
            ) as progress:
                task = progress.add_task("reprocess", total=total)
                summary = await run(
                    client,
                    settings.posts_alias,
                    enricher,
                    query=body,
                    checkpoint=checkpoint,
                    batch_size=settings.batch_size,
                    retry_cap_s=settings.retry_max_s,
                    on_batch=lambda n: progress.advance(task, n),
                    current=_up_to_date(enricher) if stale else None,
                )
        finally:
            await client.close()
        console.print(
            f"{'resumed; ' if summary.resumed else ''}read {summary.read}, written"
            f" {summary.written}, refused {summary.rejected} (versions now: {current.model},"
            f" watch list {current.watchlist})"
        )

    asyncio.run(main())


def _up_to_date(enricher: Enricher) -> Callable[[Post, dict[str, Any]], bool]:
    """Whether a document's versions are those its post would record now (the model of its
    kind of text: a post of unknown source is routed by its text, which a query cannot read)."""
    from models.enriched import ENRICHMENT_VERSION

    def check(post: Post, versions: dict[str, Any]) -> bool:
        now = enricher.versions(post)
        recorded = (versions.get("enrichment"), versions.get("model"), versions.get("watchlist"))
        return recorded == (ENRICHMENT_VERSION, now.model, now.watchlist)

    return check
