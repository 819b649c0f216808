"""``GET /sources``: the configured live sources and their status (bearer token).

The sources file is read from ``SCOUT_SOURCES_FILE`` and each source's latest state from
the cursor topic, where `scout listen` writes it, so any API replica answers the same,
whether or not a listener runs now.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from streams.api.context import ApiContext, context
from streams.errors import ConfigError
from streams.sources import load_sources, read_states, source_rows

router = APIRouter(tags=["sources"])


@router.get("/sources", summary="Live sources and their status")
def sources(ctx: Annotated[ApiContext, Depends(context)]) -> dict[str, Any]:
    """Each configured source (``valid: false`` with the error naming the field when it is
    left out) with its status: state, published, dropped, dead_lettered, errors, last
    success, last error, ``cursor_age_s``; ``file_error`` when the file cannot be read.
    503 (SCOUT-E302) when Kafka is unreachable."""
    settings = ctx.settings
    file_error: dict[str, str] | None = None
    try:
        loaded = load_sources(settings.sources_file)
    except ConfigError as exc:
        loaded = None
        file_error = {"code": exc.code, "message": exc.message}
    rows = source_rows(loaded, read_states(settings, timeout_s=10))
    return {
        "file": str(settings.sources_file),
        "version": loaded.version if loaded else None,
        "file_error": file_error,
        "sources": rows,
    }
