"""What every route needs, built once per app and injected with ``Depends(context)``."""

from __future__ import annotations

from dataclasses import dataclass

from elasticsearch import Elasticsearch
from fastapi import Request

from streams.settings import Settings


@dataclass(frozen=True)
class ApiContext:
    """The settings and the Elasticsearch client of one API process.

    Routes are plain ``def`` functions (FastAPI runs them in its thread pool), so one
    synchronous client serves them all.
    """

    settings: Settings
    es: Elasticsearch


def context(request: Request) -> ApiContext:
    ctx = request.app.state.ctx
    if not isinstance(ctx, ApiContext):  # pragma: no cover - wiring error
        raise RuntimeError("the API context was not set up")
    return ctx
