"""``GET /ma``: deals read by the enricher, newest first, with the post as evidence."""

from __future__ import annotations

from fastapi.testclient import TestClient

from models.enriched import EnrichedPost
from tests.integration.api.data_support import indexed  # noqa: F401 - fixture


def test_the_feed_lists_deals_newest_first_with_evidence(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    feed = api.get("/ma").json()
    assert feed["total"] == 2
    rumour, deal = feed["items"]
    assert deal["acquirer"] == {"name": "Microsoft", "id": "company:MSFT"}
    assert "fabrikam" in deal["target"]["name"].lower()
    assert "2 billion" in deal["amount"] and deal["status"] == "announced"
    assert deal["evidence"]["post"] == f"/posts/{indexed['a1'].doc_id}"
    assert deal["evidence"]["url"] == "https://example.org/a1"
    assert deal["evidence"]["author"] == "deal_desk"
    assert rumour["status"] == "rumour" and rumour["acquirer"]["name"] == "Oracle"
    assert api.get(deal["evidence"]["post"]).json()["post_id"] == "a1"


def test_filters_and_paging(api: TestClient, indexed: dict[str, EnrichedPost]) -> None:  # noqa: F811
    rumours = api.get("/ma", params={"status": "rumour"}).json()
    assert [d["evidence"]["source"] for d in rumours["items"]] == ["twitter"]
    assert api.get("/ma", params={"entity": "company:MSFT"}).json()["total"] == 1
    assert api.get("/ma", params={"until": "2026-04-01T12:00:00Z"}).json()["total"] == 1
    first = api.get("/ma", params={"size": 1}).json()
    assert first["next_page"] == 2 and first["items"][0]["status"] == "rumour"
    assert api.get("/ma", params={"status": "maybe"}).status_code == 422
