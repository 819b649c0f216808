"""``scout brief``: the boardroom brief of a time window, printed to stdout."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Annotated

import typer

from streams.cli.context import settings_of


def brief(
    ctx: typer.Context,
    since: Annotated[
        str, typer.Option(help="Start: a duration back from --until (30m, 24h, 7d) or ISO 8601.")
    ] = "24h",
    until: Annotated[
        str | None,
        typer.Option(help="End of the window (ISO 8601, UTC without a zone; default now)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or json.")] = "md",
    company: Annotated[
        list[str] | None,
        typer.Option(help="Only this company (watch-list id, e.g. company:MSFT); repeatable."),
    ] = None,
) -> None:
    """Main developments per watched company, M&A, executive moves, rising voices; cited."""
    from streams.brief import check_format, make_brief, parse_companies, parse_window, render
    from streams.index.client import make_client

    check_format(fmt)
    settings = settings_of(ctx)
    now = datetime.now(UTC)
    window = parse_window(since, until, now=now)
    companies = parse_companies(company or [])
    client = make_client(settings)
    try:
        result = make_brief(client, settings, window, now=now, companies=companies)
    finally:
        client.close()
    text, _ = render(result, fmt)
    sys.stdout.write(text)


def register(app: typer.Typer) -> None:
    app.command()(brief)
