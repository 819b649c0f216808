"""The API's security review, kept as regression tests: what is public, what is never in an
answer or a log line, what one request may ask of Elasticsearch."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute, Mount, Route

from models.enriched import EnrichedPost
from streams.api import create_api
from streams.api.docs import ASSETS_URL
from streams.settings import Settings
from tests.integration.api.conftest import TOKEN
from tests.integration.api.data_support import (
    drop_alert_indices,
    indexed,  # noqa: F401 - fixture
)

PUBLIC = {"/health", "/docs", "/openapi.json", "/board", "/board/static/{name}"}
SECRET, HOOK_PATH = "s3cr3t-signing-key", "/hooks/T0/B0/abcdef"
SIGNED = {
    "type": "webhook",
    "url": f"https://hooks.example.com{HOOK_PATH}?k=v",
    "secret_env": "HOOK_KEY",
}
IN_CLEAR = {**SIGNED, "secret": SECRET}  # refused (SCOUT-E088), never echoed
SPIKE_RULE: dict[str, Any] = {
    "id": "buzz",
    "name": "Buzz",
    "owner": "it",
    "spike": {"entity_ids": ["company:MSFT"]},
    "channels": [SIGNED],
}


def _no_secrets(text: str) -> None:
    assert SECRET not in text and HOOK_PATH not in text and TOKEN not in text, text


@pytest.fixture
def rules_api(api: TestClient, settings: Settings) -> Iterator[TestClient]:
    yield api
    drop_alert_indices(settings)


def _routes(routes: Iterable[BaseRoute]) -> Iterator[APIRoute | Route]:
    for route in routes:
        if isinstance(route, APIRoute | Route):
            yield route
        elif isinstance(route, Mount):  # static files only: Swagger UI's, for /docs
            assert route.path == ASSETS_URL, route.path
        else:  # an included router (FastAPI >= 0.160 keeps it whole)
            yield from _routes(getattr(route, "original_router").routes)  # noqa: B009


def test_only_health_docs_and_the_board_shell_are_public(anonymous: TestClient) -> None:
    """Every other route, whatever its method (the SSE stream, /metrics, /brief, the board's
    columns and timeline included), answers 401 without the token: a route added without
    the token fails here."""
    routes = list(_routes(anonymous.app.routes))  # type: ignore[attr-defined]
    assert len(routes) > 25  # the walk found them all (FastAPI wraps included routers)
    public = set()
    for route in routes:
        for method in sorted(route.methods or ()):
            if method == "HEAD":
                continue
            path = re.sub(r"\{name\}", "board.js", route.path)
            path = re.sub(r"\{[^}]+\}", "x", path)
            answer = anonymous.request(method, path)
            if answer.status_code != 401:
                public.add(route.path)
            else:
                assert answer.json()["detail"].startswith("missing bearer token")
    assert public == PUBLIC
    for gone in ("/redoc", "/docs/oauth2-redirect"):
        assert anonymous.get(gone).status_code == 404, gone


@pytest.mark.parametrize(
    "name",
    [
        "..%2F..%2Fapp.py",
        "%2e%2e%2fboard.py",
        "..%5Cboard.py",
        "board.js%0A",
        "board.js%00.js",
        ".board.js",
        "board.html",
        "BOARD.JS",
    ],
)
def test_static_files_refuse_anything_but_a_plain_asset_name(
    anonymous: TestClient, name: str
) -> None:
    answer = anonymous.get(f"/board/static/{name}")
    assert answer.status_code == 404
    assert "import " not in answer.text  # no Python source, whatever the path


def test_board_page_and_html_brief_carry_a_strict_csp(api: TestClient) -> None:
    page = api.get("/board").headers["content-security-policy"]
    assert "default-src 'none'" in page and "script-src 'self';" in page
    assert "frame-ancestors 'none'" in page and "unsafe" not in page
    brief = api.get("/brief", params={"format": "html", "since": "1h"})
    assert brief.status_code == 200 and brief.headers["content-type"].startswith("text/html")
    policy = brief.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert "frame-ancestors 'none'" in policy and "form-action 'none'" in policy


def test_a_malformed_rule_is_refused_without_echoing_its_secret(rules_api: TestClient) -> None:
    """FastAPI's default 422 echoes the input; a rule's input holds the channel secret."""
    refused = rules_api.post("/rules", json={**SPIKE_RULE, "mode": "daily", "channels": [IN_CLEAR]})
    assert refused.status_code == 422 and refused.json()["code"] == "SCOUT-E422"
    assert "spike rule" in refused.text
    _no_secrets(refused.text)
    bad_url = rules_api.post(
        "/rules", json={**SPIKE_RULE, "channels": [{**IN_CLEAR, "url": f"ftp://x{HOOK_PATH}"}]}
    )
    assert bad_url.status_code == 422
    _no_secrets(bad_url.text)
    in_clear = rules_api.post("/rules", json={**SPIKE_RULE, "channels": [IN_CLEAR]})
    assert in_clear.status_code == 422 and in_clear.json()["code"] == "SCOUT-E088"
    _no_secrets(in_clear.text)


def test_an_invalid_change_is_refused_without_the_stored_secret(
    rules_api: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Regression: the store's SCOUT-E084 message printed pydantic's error, whose input is
    the merged rule with its channel secret and webhook URL in clear."""
    caplog.set_level(logging.DEBUG)
    assert rules_api.post("/rules", json=SPIKE_RULE).status_code == 201
    for change in ({"mode": "daily"}, {"name": None}):
        refused = rules_api.patch("/rules/buzz", json=change)
        assert refused.status_code == 422 and refused.json()["code"] == "SCOUT-E084"
        _no_secrets(refused.text)
    assert "spike rule" in rules_api.patch("/rules/buzz", json={"mode": "daily"}).text
    put = rules_api.put("/rules/buzz", json={**SPIKE_RULE, "mode": "hourly"})
    assert put.status_code == 422
    _no_secrets(put.text)
    for answer in (
        rules_api.get("/rules"),
        rules_api.get("/rules/buzz"),
        rules_api.post("/rules/buzz/test"),
        rules_api.get("/board/rules"),
    ):
        assert answer.status_code == 200, answer.text
        _no_secrets(answer.text)
    _no_secrets(caplog.text)


def test_a_wrong_token_is_not_echoed(anonymous: TestClient) -> None:
    wrong = anonymous.get("/posts", headers={"Authorization": "Bearer guess-0123"})
    assert wrong.status_code == 403 and "guess-0123" not in wrong.text


@pytest.fixture
def failing(api_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The API with one secured route that fails unexpectedly."""
    from streams.api import app as api_app

    broken = APIRouter()

    @broken.get("/broken")
    def _broken() -> None:
        raise RuntimeError(f"boom while posting to {HOOK_PATH}")

    routers = api_app._secured_routers()
    monkeypatch.setattr(api_app, "_secured_routers", lambda: [*routers, broken])
    with TestClient(
        create_api(api_settings),
        headers={"Authorization": f"Bearer {TOKEN}"},
        raise_server_exceptions=False,
    ) as client:
        yield client


def test_an_unexpected_error_answers_without_a_trace(failing: TestClient) -> None:
    answer = failing.get("/broken")
    assert answer.status_code == 500
    assert answer.json() == {"detail": "internal error: see the API's log", "code": "SCOUT-E508"}
    assert "Traceback" not in answer.text and "boom" not in answer.text


@pytest.mark.parametrize(
    ("path", "params", "code"),
    [
        ("/share-of-voice", {"entity": [f"company:C{i}" for i in range(21)]}, "SCOUT-E422"),
        ("/entities/company:MSFT/timeline", {"since": "3000d", "interval": "1h"}, "SCOUT-E502"),
        ("/posts", {"since": "99999999999d"}, "SCOUT-E042"),
        ("/entities/company:MSFT/timeline", {"since": "99999999w"}, "SCOUT-E042"),
        ("/leaders", {"window": "99999999w"}, "SCOUT-E042"),
        ("/leaders", {"window": "52w", "baseline": 52}, "SCOUT-E042"),
        ("/leaders", {"until": "0001-01-02T00:00:00Z"}, "SCOUT-E042"),
        ("/posts", {"page": 101, "size": 100}, "SCOUT-E501"),
    ],
)
def test_one_request_cannot_ask_elasticsearch_for_unbounded_work(
    api: TestClient, path: str, params: dict[str, Any], code: str
) -> None:
    """Caps on pages, buckets, compared entities and ranges: a 4xx with a code, never a
    500 (an overflowing date once was one) nor an unbounded search."""
    answer = api.get(path, params=params)
    assert 400 <= answer.status_code < 500 and answer.json()["code"] == code, answer.text


def test_filter_values_are_terms_not_lucene_syntax(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811 - the fixture
) -> None:
    """Only `q` (and a keyword column's or a rule's query) is a Lucene query string; every
    other value is matched exactly, so `*` or `x OR y` match nothing."""
    assert api.get("/posts").json()["total"] == len(indexed)
    for params in (
        {"author": "*"},
        {"author": "deal_desk OR rumor_mill"},
        {"entity": "company:MSFT OR *"},
        {"source": "news*"},
        {"lang": "*"},
    ):
        found = api.get("/posts", params=params)
        assert found.status_code == 200 and found.json()["total"] == 0, params
    assert api.get("/posts", params={"author": "deal_desk"}).json()["total"] == 2
    assert api.get("/board/timeline", params={"mention": "*"}).json()["total"] == 0
    timeline = api.get("/entities/*/timeline", params={"since": "3000d", "interval": "1w"})
    assert timeline.status_code == 200 and timeline.json()["total"] == 0
