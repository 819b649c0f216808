"""``scout api``: serve the HTTP API (and the board) with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from streams.cli.context import settings_of
from streams.errors import ConfigError

console = Console(stderr=True)


def api(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Listen address (SCOUT_API_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Listen port (SCOUT_API_PORT).")] = None,
) -> None:
    """Serve the HTTP API: OpenAPI at /docs, bearer token from SCOUT_API_TOKEN."""
    import uvicorn

    from streams.api import create_api

    settings = settings_of(ctx)
    if settings.api_token is None:
        raise ConfigError(
            "SCOUT_API_TOKEN is not set: the API refuses to start without a bearer token",
            code="SCOUT-E090",
        )
    bind_host = host or settings.api_host
    bind_port = port or settings.api_port
    console.print(f"API on http://{bind_host}:{bind_port} (docs at /docs)")
    uvicorn.run(
        create_api(settings),
        host=bind_host,
        port=bind_port,
        log_level=settings.log_level if settings.log_level != "warn" else "warning",
    )


def register(app: typer.Typer) -> None:
    app.command()(api)
