"""The scout's errors as HTTP answers: ``{"detail": ..., "code": ...}``.

Malformed input (422) lists each problem's location and message but never echoes the
input (a rule's channel secret or webhook URL would come back in the answer). Anything
unexpected answers 500 with ``SCOUT-E508`` and no trace; the trace goes to the server log.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from streams.errors import ConfigError, ScoutError, TransientError

MALFORMED = "SCOUT-E422"
INTERNAL = "SCOUT-E508"


class NotFoundError(ScoutError):
    """A named thing (rule, entity, ...) does not exist: 404."""

    code = "SCOUT-E404"


class ConflictError(ScoutError):
    """The thing exists already (a rule id, ...): 409."""

    code = "SCOUT-E409"


class UnprocessableError(ScoutError):
    """Well-formed but invalid input (a changed rule that no longer validates): 422."""

    code = "SCOUT-E422"


class PayloadTooLargeError(ScoutError):
    """A request body over its limit (``POST /posts``: SCOUT_PUSH_MAX_BYTES): 413."""

    code = "SCOUT-E413"


class UnsupportedMediaTypeError(ScoutError):
    """A request body of a content type the route does not read: 415."""

    code = "SCOUT-E415"


def _status(exc: ScoutError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, PayloadTooLargeError):
        return 413
    if isinstance(exc, UnsupportedMediaTypeError):
        return 415
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


async def _malformed(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)  # noqa: S101 - registered for it only
    problems: list[dict[str, Any]] = [
        {"type": e.get("type"), "loc": list(e.get("loc", ())), "msg": e.get("msg")}
        for e in exc.errors()
    ]
    return JSONResponse(
        status_code=422, content={"detail": jsonable_encoder(problems), "code": MALFORMED}
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Starlette re-raises the exception after this answer, so the server logs the trace.
    return JSONResponse(
        status_code=500,
        content={"detail": "internal error: see the API's log", "code": INTERNAL},
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ScoutError, _scout_error)
    app.add_exception_handler(RequestValidationError, _malformed)
    app.add_exception_handler(Exception, _unexpected)
