"""``GET /health``: is Elasticsearch usable? (No authentication: for load balancers.)"""

from __future__ import annotations

from typing import Annotated, Any

from elasticsearch import ApiError, TransportError
from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from streams.api.context import ApiContext, context

router = APIRouter(tags=["health"])


@router.get("/health", summary="Health of the API and its Elasticsearch")
def health(ctx: Annotated[ApiContext, Depends(context)]) -> JSONResponse:
    body: dict[str, Any] = {"status": "ok"}
    try:
        cluster = ctx.es.cluster.health(timeout="2s")
        body["elasticsearch"] = cluster["status"]
        healthy = cluster["status"] in {"green", "yellow"}
    except (ApiError, TransportError) as exc:
        body["elasticsearch"] = f"unreachable: {type(exc).__name__}"
        healthy = False
    if not healthy:
        body["status"] = "degraded"
    return JSONResponse(status_code=200 if healthy else 503, content=body)
