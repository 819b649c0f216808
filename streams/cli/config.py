"""``scout config``: every SCOUT_ setting with its default and meaning, or current values."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import SecretStr

from streams.cli.context import settings_of
from streams.settings import Settings

_DYNAMIC_DEFAULTS = {
    "services_home": "`/var/tmp/signal-scout` as root, else `~/.cache/signal-scout`",
}


def _default(name: str) -> str:
    if name in _DYNAMIC_DEFAULTS:
        return _DYNAMIC_DEFAULTS[name]
    value: Any = Settings.model_fields[name].default
    if value is None:
        return "unset"
    if isinstance(value, Path):
        value = str(value)
    return f"`{value}`"


def settings_table() -> str:
    """The Markdown table of settings, generated from the model (the README embeds it)."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        rows.append(f"| `SCOUT_{name.upper()}` | {_default(name)} | {field.description or ''} |")
    return "\n".join(rows) + "\n"


def config(
    ctx: typer.Context,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the settings table in Markdown.")
    ] = False,
) -> None:
    """Show the effective settings (secrets masked), or the table of all settings."""
    if markdown:
        typer.echo(settings_table(), nl=False)
        return
    settings = settings_of(ctx)
    for name, value in settings.model_dump().items():
        shown = "**********" if isinstance(value, SecretStr) else value
        typer.echo(f"SCOUT_{name.upper()}={'' if shown is None else shown}")
