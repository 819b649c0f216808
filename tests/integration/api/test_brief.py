"""`GET /brief` over the real Elasticsearch: Markdown, HTML and JSON, escaped and cited."""

from __future__ import annotations

from html.parser import HTMLParser

from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from streams.settings import Settings
from tests.integration.brief_fixture import UNTIL, index_brief_fixture

DAY = {"since": "24h", "until": UNTIL}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def test_brief_is_served_as_markdown_html_and_json(
    api: TestClient, settings: Settings, es: Elasticsearch
) -> None:
    index_brief_fixture(settings, es)

    md = api.get("/brief", params={**DAY, "format": "md"})
    assert md.status_code == 200, md.text
    assert md.headers["content-type"].startswith("text/markdown")
    assert "## M&A rumours and announcements" in md.text
    assert "[fixture:br-04](https://example.org/p/br-04) by @exec\\_watch" in md.text

    page = api.get("/brief", params={**DAY, "format": "html"})
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    links = _Links()
    links.feed(page.text)
    assert "script" not in links.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page.text
    assert "https://example.org/p/br-01" in links.hrefs
    assert all(h.startswith("https://example.org/p/") for h in links.hrefs)
    assert "Jane Doe joins Intel as chief financial officer" in page.text

    data = api.get("/brief", params={**DAY, "format": "json", "company": "company:MSFT"})
    assert data.status_code == 200, data.text
    body = data.json()
    assert body["companies_filter"] == ["company:MSFT"]
    assert [s["company_id"] for s in body["companies"]] == ["company:MSFT"]
    assert body["companies"][0]["developments"][0]["copies"] == 3
    assert body["deals"][0]["status"] == "rumour"
    assert body["moves"] == []  # the Intel move is not about Microsoft


def test_brief_api_errors_and_empty_window(api: TestClient, anonymous: TestClient) -> None:
    assert anonymous.get("/brief").status_code == 401

    empty = api.get("/brief", params={"since": "24h", "until": "2020-01-02T00:00:00Z"})
    assert empty.status_code == 200
    assert "Nothing in this window" in empty.text

    bad = api.get("/brief", params={"since": "soon"})
    assert bad.status_code == 400
    assert bad.json()["code"] == "SCOUT-E600"
    assert api.get("/brief", params={"format": "pdf"}).json()["code"] == "SCOUT-E604"
    assert api.get("/brief", params={"company": "msft"}).json()["code"] == "SCOUT-E603"
