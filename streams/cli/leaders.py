"""``scout leaders``: top and rising voices in the watched space."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from streams.cli.context import settings_of
from streams.durations import parse_duration as parse_duration  # re-exported for the CLI
from streams.errors import ConfigError
from streams.index.leaders import Voice


def leaders(
    ctx: typer.Context,
    window: Annotated[str, typer.Option(help="Recent window, e.g. 24h or 7d.")] = "1d",
    baseline: Annotated[int, typer.Option(help="Windows before it that form the baseline.")] = 7,
    until: Annotated[
        str | None, typer.Option(help="End of the recent window (ISO 8601; default now).")
    ] = None,
    top: Annotated[int, typer.Option(min=1, max=500)] = 20,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    author: Annotated[
        str | None, typer.Option(help="Only this author's figures (handle, @ optional).")
    ] = None,
) -> None:
    """Thought leaders (influence x relevance x engagement) and rising voices."""
    from streams.index.client import make_client
    from streams.index.leaders import is_rising, voice
    from streams.index.leaders import leaders as run

    settings = settings_of(ctx)
    end = datetime.fromisoformat(until) if until else datetime.now(UTC)
    if end.tzinfo is None:
        raise ConfigError("--until needs a timezone, e.g. 2016-03-01T00:00:00Z", code="SCOUT-E042")
    client = make_client(settings)
    if author is not None:
        try:
            found = voice(
                client,
                settings.posts_alias,
                author,
                until=end,
                window=parse_duration(window),
                baseline_windows=baseline,
            )
        finally:
            client.close()
        if found is None:
            raise ConfigError(
                f"no posts by @{author.lstrip('@')} in the window and its baseline",
                code="SCOUT-E044",
            )
        if as_json:
            print(json.dumps({**found.__dict__, "rising": is_rising(found)}))
            return
        _print_table(f"@{found.handle}" + (" (rising)" if is_rising(found) else ""), [found])
        return
    try:
        top_voices, rising = run(
            client,
            settings.posts_alias,
            until=end,
            window=parse_duration(window),
            baseline_windows=baseline,
            top=top,
        )
    finally:
        client.close()
    if as_json:
        print(
            json.dumps(
                {"top": [v.__dict__ for v in top_voices], "rising": [v.__dict__ for v in rising]}
            )
        )
        return
    _print_table("top voices", top_voices)
    _print_table("rising voices", rising)


def _print_table(title: str, voices: list[Voice]) -> None:
    table = Table(title=title)
    for column in (
        "handle",
        "score",
        "max influence",
        "posts",
        "relevant",
        "engagement",
        "recent",
        "baseline/window",
        "mentions (recent)",
        "growth",
    ):
        table.add_column(column)
    for v in voices:
        table.add_row(
            f"@{v.handle}",
            f"{v.score}",
            f"{v.max_influence}",
            str(v.posts),
            str(v.relevant_posts),
            str(v.engagement),
            str(v.recent_posts),
            f"{v.baseline_posts}",
            f"{v.mentions} ({v.recent_mentions})",
            f"{v.growth}",
        )
    Console().print(table)
