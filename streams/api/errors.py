"""The scout's errors as HTTP answers: ``{"detail": ..., "code": ...}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from streams.errors import ConfigError, ScoutError, TransientError


class NotFoundError(ScoutError):
    """A named thing (rule, entity, ...) does not exist: 404."""

    code = "SCOUT-E404"


class ConflictError(ScoutError):
    """The thing exists already (a rule id, ...): 409."""

    code = "SCOUT-E409"


class UnprocessableError(ScoutError):
    """Well-formed but invalid input (a changed rule that no longer validates): 422."""

    code = "SCOUT-E422"


def _status(exc: ScoutError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConflictError):
        return 409
    if isinstance(exc, UnprocessableError):
        return 422
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
