"""``scout services up | down | status | logs``: the local Kafka and Elasticsearch."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from streams.cli.context import settings_of
from streams.services import ServicesManager, ServiceStatus

app = typer.Typer(no_args_is_help=True, help="Local Kafka and Elasticsearch (no Docker).")


class Service(StrEnum):
    kafka = "kafka"
    elasticsearch = "elasticsearch"


OnlyOption = Annotated[
    Service | None, typer.Option("--only", help="Act on one service only.", case_sensitive=False)
]


def _manager(ctx: typer.Context, console: Console) -> ServicesManager:
    return ServicesManager(
        settings_of(ctx),
        env=os.environ,
        report=lambda line: console.print(line, highlight=False, markup=False, soft_wrap=True),
    )


def _table(statuses: list[ServiceStatus]) -> Table:
    table = Table(title="local services")
    for column in ("service", "state", "pid", "port", "version"):
        table.add_column(column)
    colour = {"running": "green", "unhealthy": "yellow", "stopped": "red"}
    for s in statuses:
        table.add_row(
            s.name,
            f"[{colour[s.state]}]{s.state}[/]",
            str(s.pid) if s.pid else "-",
            str(s.port),
            s.version,
        )
    return table


def _print_statuses(console: Console, statuses: list[ServiceStatus]) -> None:
    console.print(_table(statuses))
    for s in statuses:
        console.print(f"{s.name} log: {s.log}", highlight=False, markup=False)


@app.command()
def up(
    ctx: typer.Context,
    only: OnlyOption = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            min=1.0, help="Seconds to wait for health (default: SCOUT_SERVICES_TIMEOUT_S)."
        ),
    ] = None,
) -> None:
    """Fetch (first run), start and health-check Kafka and Elasticsearch."""
    console = Console()
    statuses = _manager(ctx, console).up(only.value if only else None, timeout)
    _print_statuses(console, statuses)


@app.command()
def down(
    ctx: typer.Context,
    only: OnlyOption = None,
    purge: Annotated[
        bool, typer.Option(help="Also delete the data directories (not the download cache).")
    ] = False,
) -> None:
    """Stop the services (SIGTERM, then SIGKILL after a bounded wait)."""
    console = Console()
    stopped = _manager(ctx, console).down(only.value if only else None, purge=purge)
    console.print(f"stopped: {', '.join(stopped)}" if stopped else "nothing was running")


@app.command()
def status(ctx: typer.Context, only: OnlyOption = None) -> None:
    """Show each service's state; exit 0 when all are healthy, else 3."""
    console = Console()
    statuses = _manager(ctx, console).status(only.value if only else None)
    _print_statuses(console, statuses)
    if any(s.state != "running" for s in statuses):
        # SystemExit, not typer.Exit: the root runs click with standalone_mode=False,
        # which turns typer.Exit into a return value that would be lost.
        raise SystemExit(3)


@app.command()
def logs(
    ctx: typer.Context,
    service: Annotated[
        Service | None, typer.Argument(help="kafka or elasticsearch (default: both).")
    ] = None,
    lines: Annotated[int, typer.Option("-n", "--lines", min=1, help="Lines to show.")] = 50,
) -> None:
    """Print the tail of a service's log."""
    console = Console()
    manager = _manager(ctx, console)
    names = [service.value] if service else [s.value for s in Service]
    for name in names:
        for path, tail in manager.log_tail(name, lines):
            console.rule(f"{name}: {path}")
            text = "\n".join(tail) if tail else "(empty or missing)"
            console.print(text, highlight=False, markup=False, soft_wrap=True)
