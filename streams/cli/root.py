"""Assemble the ``scout`` command tree."""

from __future__ import annotations

from collections.abc import Callable

import click
import typer

from streams.settings import load_settings


def _root(ctx: typer.Context) -> None:
    """Signal Scout: competitive-intelligence scout over Kafka, spaCy and Elasticsearch."""
    ctx.obj = load_settings()


def build_cli() -> Callable[..., object]:
    from streams.cli import pipeline, services

    app = typer.Typer(
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        callback=_root,
    )
    app.add_typer(services.app, name="services", help="Local Kafka and Elasticsearch.")
    pipeline.register(app)
    command = typer.main.get_command(app)

    def run(*, standalone_mode: bool = True) -> object:
        try:
            return command.main(standalone_mode=False)
        except click.ClickException as exc:
            exc.show()
            raise SystemExit(exc.exit_code) from None
        except click.exceptions.Exit as exc:
            raise SystemExit(exc.exit_code) from None
        except click.Abort:
            click.echo("aborted", err=True)
            raise SystemExit(130) from None

    return run
