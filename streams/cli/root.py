"""Assemble the ``scout`` command tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperGroup

from streams.failures import as_scout_error
from streams.settings import Settings, load_settings


def _root(ctx: typer.Context) -> None:
    """Signal Scout: competitive-intelligence scout over Kafka, spaCy and Elasticsearch."""
    ctx.obj = load_settings()


class ScoutGroup(TyperGroup):
    """The root group: a command that cannot reach Elasticsearch or Kafka (or gets an
    answer it did not expect) ends with one coded ``ScoutError`` line, not a traceback."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        try:
            return super().invoke(ctx)
        except Exception as exc:
            settings = ctx.obj
            coded = as_scout_error(exc, settings) if isinstance(settings, Settings) else None
            if coded is None or coded is exc:
                raise
            raise coded from exc


def build_command() -> TyperGroup:
    """The command tree of ``scout`` (tests walk it to check sub-command names).

    Typer 0.29+ vendors click, so the tree is typer's group class, not ``click.Group``.
    """
    from streams.cli import alerts, api, brief, listen, pipeline, reports, rules, services

    app = typer.Typer(
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        callback=_root,
        cls=ScoutGroup,
    )
    app.add_typer(services.app, name="services", help="Local Kafka and Elasticsearch.")
    reports.register(rules.app)  # scout rules digest
    app.add_typer(rules.app, name="rules", help="Alert rules (stored in Elasticsearch).")
    app.add_typer(alerts.app, name="alerts", help="Alert delivery (replay dead letters).")
    pipeline.register(app)
    api.register(app)
    brief.register(app)
    listen.register(app)
    command = typer.main.get_command(app)
    if not isinstance(command, TyperGroup):  # pragma: no cover - a callback always makes a group
        raise TypeError(f"expected a command group, got {type(command).__name__}")
    return command


def build_cli() -> Callable[[], object]:
    """The ``scout`` entry: usage errors are click's; ``ScoutError`` is left to ``main``."""
    command = build_command()

    def run() -> object:
        return command.main(prog_name="scout")

    return run
