"""``scout leaders``: top and rising voices in the watched space."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from streams.cli.context import settings_of
from streams.durations import parse_duration as parse_duration  # re-exported for the CLI
from streams.durations import parse_time
from streams.errors import ConfigError
from streams.index.leaders import Voice, empty_window_message, no_rising_message


def leaders(
    ctx: typer.Context,
    window: Annotated[str, typer.Option(help="Recent window, e.g. 24h or 7d.")] = "1d",
    baseline: Annotated[int, typer.Option(help="Windows before it that form the baseline.")] = 7,
    until: Annotated[
        str | None,
        typer.Option(help="End of the recent window (ISO 8601, UTC without a zone; default now)."),
    ] = None,
    top: Annotated[int, typer.Option(min=1, max=500)] = 20,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    author: Annotated[
        str | None, typer.Option(help="Only this author's figures (handle, @ optional).")
    ] = None,
) -> None:
    """Thought leaders (influence x relevance x engagement) and rising voices."""
    from streams.index.client import make_client
    from streams.index.leaders import is_rising, post_span, voice
    from streams.index.leaders import leaders as run

    settings = settings_of(ctx)
    now = datetime.now(UTC)
    end = parse_time(until, now=now) if until else now  # the shared rule: no zone is UTC
    span = parse_duration(window)
    client = make_client(settings)
    if author is not None:
        try:
            found = voice(
                client,
                settings.posts_alias,
                author,
                until=end,
                window=span,
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
        title = f"@{found.handle}" + (" (rising)" if is_rising(found) else "")
        _print_table(Console(), title, ONE_AUTHOR_COLUMNS, [found])
        return
    try:
        top_voices, rising = run(
            client,
            settings.posts_alias,
            until=end,
            window=span,
            baseline_windows=baseline,
            top=top,
        )
        posts = None if top_voices else post_span(client, settings.posts_alias)
    finally:
        client.close()
    if as_json:
        print(
            json.dumps(
                {"top": [v.__dict__ for v in top_voices], "rising": [v.__dict__ for v in rising]}
            )
        )
        return
    if not top_voices:  # one plain line, never wrapped (it may be piped)
        print(
            empty_window_message(
                until=end,
                window=span,
                baseline_windows=baseline,
                span=posts,
                option=lambda name, value: f"--{name} {value}",
            )
        )
        return
    console = Console()
    _print_table(console, "top voices", TOP_COLUMNS, top_voices)
    if rising:
        _print_table(console, "rising voices (by growth)", RISING_COLUMNS, rising)
    else:
        print(no_rising_message(span))


Column = tuple[str, Callable[[Voice], str]]

# The first figure is what the table is sorted by.
TOP_COLUMNS: tuple[Column, ...] = (
    ("handle", lambda v: f"@{v.handle}"),
    ("score", lambda v: f"{v.score:g}"),
    ("max influence", lambda v: f"{v.max_influence:g}"),
    ("posts", lambda v: str(v.posts)),
    ("relevant", lambda v: str(v.relevant_posts)),
    ("engagement", lambda v: str(v.engagement)),
    ("mentions", lambda v: str(v.mentions)),
)
RISING_COLUMNS: tuple[Column, ...] = (
    ("handle", lambda v: f"@{v.handle}"),
    ("growth", lambda v: f"x{v.growth:g}"),
    ("recent posts", lambda v: str(v.recent_posts)),
    ("baseline", lambda v: f"{v.baseline_posts:g}"),  # mean posts per baseline window
    ("mentions (recent)", lambda v: f"{v.mentions} ({v.recent_mentions})"),
    ("score", lambda v: f"{v.score:g}"),
)
ONE_AUTHOR_COLUMNS: tuple[Column, ...] = (*TOP_COLUMNS, *RISING_COLUMNS[1:-1])


def _print_table(
    console: Console, title: str, columns: tuple[Column, ...], voices: list[Voice]
) -> None:
    table = Table(title=title)
    for name, _ in columns:
        table.add_column(name, no_wrap=name == "handle")
    for v in voices:
        table.add_row(*(cell(v) for _, cell in columns))
    console.print(table)
