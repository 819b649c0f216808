"""What every route needs, built once per app and injected with ``Depends(context)``."""

from __future__ import annotations

from dataclasses import dataclass

from elasticsearch import AsyncElasticsearch, Elasticsearch
from fastapi import Request

from streams.api.producer import PostsProducer
from streams.settings import Settings


@dataclass(frozen=True)
class ApiContext:
    """The settings, the Elasticsearch clients and the Kafka producer of one API process.

    Routes are plain ``def`` functions (FastAPI runs them in its thread pool), so one
    synchronous client serves them all. ``aes`` runs the alert reports' async functions
    (spike and digest previews) on the app's event loop (``anyio.from_thread.run``).
    """

    settings: Settings
    es: Elasticsearch
    aes: AsyncElasticsearch
    producer: PostsProducer  # POST /posts (streams/api/producer.py)


def context(request: Request) -> ApiContext:
    ctx = request.app.state.ctx
    if not isinstance(ctx, ApiContext):  # pragma: no cover - wiring error
        raise RuntimeError("the API context was not set up")
    return ctx
