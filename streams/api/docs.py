"""``GET /docs``: Swagger UI served by the API itself, so the page works offline.

FastAPI's stock page loads Swagger UI's JavaScript and CSS from a CDN (jsDelivr) and its
favicon from fastapi.tiangolo.com: without internet access the page stays blank. The
assets come instead from the ``fastapi-offline`` package (MIT; Swagger UI itself is
Apache-2.0) and are served under ``/docs/assets``. Public, like ``/openapi.json``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS_URL", "DOCS_URL", "install_docs"]

DOCS_URL = "/docs"
ASSETS_URL = "/docs/assets"


def _assets() -> Path:
    return Path(str(files("fastapi_offline") / "static"))


def install_docs(app: FastAPI) -> None:
    """Mount Swagger UI's files and the page that uses them (``app`` has ``docs_url=None``)."""
    app.mount(ASSETS_URL, StaticFiles(directory=_assets()), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"
    title = f"{app.title} · API"

    @app.get(DOCS_URL, include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = str(request.scope.get("root_path", "")).rstrip("/")
        return get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=title,
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
        )
