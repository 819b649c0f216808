"""Helpers shared by the M&A signal tests."""

from __future__ import annotations

from streams.signals.ma import MASignal


def roles(signal: MASignal) -> tuple[str | None, str | None]:
    """(acquirer name, target name) of a signal."""
    return (
        signal.acquirer.name if signal.acquirer else None,
        signal.target.name if signal.target else None,
    )
