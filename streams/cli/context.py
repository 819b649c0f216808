"""How sub-commands get the settings: the root callback stores them in ``ctx.obj``."""

from __future__ import annotations

import typer

from streams.settings import Settings


def settings_of(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    if not isinstance(obj, Settings):  # pragma: no cover - wiring error
        raise RuntimeError("settings were not loaded by the root command")
    return obj
