"""The API's frame: health without a token, OpenAPI, bearer authentication."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from streams.api import create_api
from streams.settings import Settings


def test_health_reports_elasticsearch_without_a_token(anonymous: TestClient) -> None:
    response = anonymous.get("/health")
    assert response.status_code == 200
    assert response.json()["elasticsearch"] in {"green", "yellow"}


def test_health_is_503_when_elasticsearch_is_unreachable(api_settings: Settings) -> None:
    down = api_settings.model_copy(update={"es_url": "http://127.0.0.1:1", "es_timeout_s": 1.0})
    with TestClient(create_api(down)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["status"] == "degraded"


@pytest.fixture
def probed(api_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The API with one extra secured route, ``GET /probe``."""
    from streams.api import app as api_app

    probe = APIRouter()

    @probe.get("/probe")
    def _probe() -> dict[str, bool]:
        return {"ok": True}

    routers = api_app._secured_routers()
    monkeypatch.setattr(api_app, "_secured_routers", lambda: [*routers, probe])
    with TestClient(create_api(api_settings)) as client:
        yield client


def test_openapi_declares_bearer_security(probed: TestClient) -> None:
    spec = probed.get("/openapi.json").json()
    assert spec["info"]["title"] == "Signal Scout"
    assert probed.get("/docs").status_code == 200
    schemes = spec["components"]["securitySchemes"]
    assert [s["scheme"] for s in schemes.values()] == ["bearer"]
    (name,) = schemes
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            expected = [] if path == "/health" else [{name: []}]
            assert operation.get("security", []) == expected, path


def test_secured_routes_need_the_right_token(probed: TestClient) -> None:
    missing = probed.get("/probe")
    wrong = probed.get("/probe", headers={"Authorization": "Bearer nope"})
    right = probed.get("/probe", headers={"Authorization": "Bearer test-token-0123456789"})
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert wrong.status_code == 403
    assert right.status_code == 200
    assert right.json() == {"ok": True}
