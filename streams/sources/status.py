"""Configured sources joined with their saved states: what `scout sources status` and
``GET /sources`` show (pure)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models.sources import SourceState
from streams.sources.config import SourcesFile

__all__ = ["source_rows"]


def source_rows(
    loaded: SourcesFile | None,
    states: dict[str, SourceState],
    *,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """One row per configured source (valid or not), then one per saved state of a source
    no longer configured. ``cursor_age_s``: seconds since the cursor last moved;
    ``updated_age_s``: since `scout listen` last wrote the source's status."""
    at = now or datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    configured: set[str] = set()
    for config in loaded.sources if loaded else ():
        configured.add(config.name)
        rows.append(
            {
                "name": config.name,
                "kind": config.kind,
                "configured": True,
                "valid": True,
                "target": config.describe(),
                "interval_s": config.poll_interval.total_seconds(),
                "filter": config.filter if isinstance(config.filter, str) else "keywords",
                **_state(states.get(config.name), at, scope=config.scope()),
            }
        )
    for problem in loaded.problems if loaded else ():
        name = problem.source
        configured.add(name)
        rows.append(
            {
                "name": name,
                "kind": None,
                "configured": True,
                "valid": False,
                "error": {"code": problem.code, "field": problem.field, "message": problem.message},
                **_state(states.get(name), at, scope=None),
            }
        )
    for name in sorted(set(states) - configured):
        rows.append(
            {"name": name, "kind": states[name].kind, "configured": False, "valid": True}
            | _state(states[name], at, scope=None)
        )
    return rows


def _state(state: SourceState | None, at: datetime, *, scope: str | None) -> dict[str, Any]:
    if state is None:
        return {"status": None, "cursor_age_s": None, "updated_age_s": None}
    status = state.status
    saved = status.cursor_saved_at
    return {
        "status": status.model_dump(mode="json"),
        "cursor_age_s": round((at - saved).total_seconds(), 1) if saved else None,
        "updated_age_s": round((at - state.updated_at).total_seconds(), 1),
        "cursor_current": scope is None or state.scope == scope,
    }
