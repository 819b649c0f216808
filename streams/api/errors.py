"""The scout's errors as HTTP answers: ``{"detail": ..., "code": ...}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from streams.errors import ConfigError, ScoutError, TransientError


class NotFoundError(ScoutError):
    """A named thing (rule, entity, ...) does not exist: 404."""

    code = "SCOUT-E404"


def _status(exc: ScoutError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConfigError):
        return 400
    if isinstance(exc, TransientError):
        return 503
    return 500


async def _scout_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ScoutError)  # noqa: S101 - registered for ScoutError only
    return JSONResponse(status_code=_status(exc), content={"detail": exc.message, "code": exc.code})


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ScoutError, _scout_error)
