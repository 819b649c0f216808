"""The FastAPI app: routers, authentication and error handlers wired to one context."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

from elasticsearch import AsyncElasticsearch, Elasticsearch
from fastapi import APIRouter, Depends, FastAPI

from streams.api import board, health, leaders, ma, metrics, posts, push, rules, sources, trends
from streams.api.auth import require_token
from streams.api.brief import router as brief_router
from streams.api.context import ApiContext
from streams.api.docs import install_docs
from streams.api.errors import install_error_handlers
from streams.api.producer import PostsProducer
from streams.index.client import make_async_client, make_client
from streams.kafka.producer import make_producer
from streams.settings import Settings


def create_api(
    settings: Settings,
    *,
    es: Elasticsearch | None = None,
    aes: AsyncElasticsearch | None = None,
    producer: Any = None,
) -> FastAPI:
    """The API over ``settings``; the clients ``es`` and ``aes`` and the Kafka ``producer``
    are injected by tests, else built here (the producer when the app starts) and closed
    when the app stops."""
    client = es if es is not None else make_client(settings)
    async_client = aes if aes is not None else make_async_client(settings)
    posts_producer = (
        PostsProducer(None, given=producer)
        if producer is not None
        else PostsProducer(
            partial(
                make_producer,
                settings,
                client="api",
                bootstrap_timeout_ms=API_BOOTSTRAP_MS,
                max_block_ms=API_MAX_BLOCK_MS,
            )
        )
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        posts_producer.start()
        yield
        await posts_producer.close()
        if es is None:
            client.close()
        if aes is None:
            await async_client.close()

    app = FastAPI(
        title="Signal Scout",
        summary="Competitive intelligence over Kafka, spaCy and Elasticsearch.",
        version="0.1.0",
        lifespan=lifespan,
        # Public: /health, /docs and /openapi.json only (no ReDoc, no OAuth2 redirect page).
        # /docs is the scout's own page over packaged assets (streams/api/docs.py).
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.ctx = ApiContext(
        settings=settings, es=client, aes=async_client, producer=posts_producer
    )
    install_error_handlers(app)
    install_docs(app)
    app.include_router(health.router)
    # Public on purpose: the board's page shell and static files (no data; the page sends the
    # bearer token on every data call, see streams/api/board.py).
    app.include_router(board.public_router)
    secured = [Depends(require_token)]
    for router in _secured_routers():
        app.include_router(router, dependencies=secured)
    return app


# How long a push waits for a first broker, and a send for metadata: Kafka down is a 503
# sooner than the CLI would give up.
API_BOOTSTRAP_MS, API_MAX_BLOCK_MS = 5_000, 10_000


def _secured_routers() -> list[APIRouter]:
    """Every router behind the bearer token; each module adds its own here."""
    return [
        board.router,
        brief_router,
        rules.router,
        posts.router,
        push.router,
        ma.router,
        trends.router,
        leaders.router,
        metrics.router,
        sources.router,
    ]
