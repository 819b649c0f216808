"""The FastAPI app: routers, authentication and error handlers wired to one context."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elasticsearch import AsyncElasticsearch, Elasticsearch
from fastapi import APIRouter, Depends, FastAPI

from streams.api import board, health, leaders, ma, metrics, posts, rules, trends
from streams.api.auth import require_token
from streams.api.brief import router as brief_router
from streams.api.context import ApiContext
from streams.api.docs import install_docs
from streams.api.errors import install_error_handlers
from streams.index.client import make_async_client, make_client
from streams.settings import Settings


def create_api(
    settings: Settings,
    *,
    es: Elasticsearch | None = None,
    aes: AsyncElasticsearch | None = None,
) -> FastAPI:
    """The API over ``settings``; the clients ``es`` and ``aes`` are injected by tests, else
    built here and closed when the app stops."""
    client = es if es is not None else make_client(settings)
    async_client = aes if aes is not None else make_async_client(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
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
    app.state.ctx = ApiContext(settings=settings, es=client, aes=async_client)
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


def _secured_routers() -> list[APIRouter]:
    """Every router behind the bearer token; each module adds its own here."""
    return [
        board.router,
        brief_router,
        rules.router,
        posts.router,
        ma.router,
        trends.router,
        leaders.router,
        metrics.router,
    ]
