"""``GET /docs`` works offline: every file the page loads is served by the API itself."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

_REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*'([^']+)'""")


def test_docs_page_loads_only_files_the_api_serves(anonymous: TestClient) -> None:
    page = anonymous.get("/docs")
    assert page.status_code == 200
    html = page.text
    references = [a or b for a, b in _REFERENCE.findall(html)]
    assert len(references) >= 4, references  # CSS, favicon, JS, the OpenAPI document
    assert "http://" not in html and "https://" not in html
    for reference in references:
        parts = urlsplit(reference)
        assert (parts.scheme, parts.netloc) == ("", ""), f"{reference} is on another host"
        assert reference.startswith("/"), reference
    assets = [r for r in references if r.endswith((".js", ".css"))]
    assert {a.rsplit(".", 1)[1] for a in assets} == {"js", "css"}
    for asset in assets:
        served = anonymous.get(asset)
        assert served.status_code == 200, asset
        assert len(served.content) > 10_000, asset  # the real Swagger UI, not a stub
        kind = "javascript" if asset.endswith(".js") else "css"
        assert kind in served.headers["content-type"], (asset, served.headers["content-type"])
    assert "SwaggerUIBundle" in anonymous.get(next(a for a in assets if a.endswith(".js"))).text
    assert anonymous.get("/openapi.json").json()["info"]["title"] == "Signal Scout"
