"""``scout brief``: the boardroom brief of a time window, printed to stdout."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Annotated

import typer

from streams.cli.context import settings_of

BRIEF_MIN_SIGNAL = 0.5  # streams.brief.BriefLimits.min_signal (not imported: a fast --help)


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
    min_signal: Annotated[
        float,
        typer.Option(
            "--min-signal", min=0, max=1, help="Lowest category signal of a news post used."
        ),
    ] = BRIEF_MIN_SIGNAL,
) -> None:
    """Main developments per watched company, M&A, executive moves, rising voices; cited."""
    from streams.brief import (
        BriefLimits,
        check_format,
        make_brief,
        parse_companies,
        parse_window,
        render,
    )
    from streams.index.client import make_client

    check_format(fmt)
    settings = settings_of(ctx)
    now = datetime.now(UTC)
    window = parse_window(since, until, now=now)
    companies = parse_companies(company or [])
    client = make_client(settings)
    try:
        result = make_brief(
            client,
            settings,
            window,
            now=now,
            companies=companies,
            limits=BriefLimits(min_signal=min_signal),
        )
    finally:
        client.close()
    text, _ = render(result, fmt)
    sys.stdout.write(text)


def register(app: typer.Typer) -> None:
    app.command()(brief)
