"""``GET /posts`` and ``GET /posts/{doc_id}`` over enriched, indexed fixture posts."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from models.enriched import EnrichedPost
from tests.integration.api.data_support import indexed  # noqa: F401 - fixture

RANGE = {"since": "2026-04-01", "until": "2026-04-05"}


def _ids(body: dict[str, Any]) -> list[str]:
    return [item["post_id"] for item in body["items"]]


def test_search_is_newest_first_and_paged(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    first = api.get("/posts", params={**RANGE, "size": 3}).json()
    assert first["total"] == 7  # a8 is older than `since`
    assert _ids(first) == ["a7", "a6", "a5"]
    assert first["next_page"] == 2
    last = api.get("/posts", params={**RANGE, "size": 3, "page": 3}).json()
    assert _ids(last) == ["a1"] and last["next_page"] is None
    everything = api.get("/posts").json()
    assert everything["total"] == 8 and _ids(everything)[-1] == "a8"


def test_filters_combine(api: TestClient, indexed: dict[str, EnrichedPost]) -> None:  # noqa: F811
    def ids(**params: Any) -> list[str]:
        response = api.get("/posts", params={**RANGE, **params})
        assert response.status_code == 200, response.text
        return _ids(response.json())

    assert ids(entity="company:NVDA") == ["a4", "a3"]
    assert ids(source=["news", "blog"]) == ["a5", "a4", "a1"]
    assert ids(lang="no") == ["a7"]
    assert ids(author="@Deal_Desk") == ["a4", "a1"]
    assert ids(signal="ma") == ["a2", "a1"]
    assert ids(signal="move") == ["a5"]
    assert ids(topic="topic:cloud") == ["a3"]  # "data center demand"
    assert ids(topic=["topic:cloud", "topic:layoffs"], entity="company:MSFT") == []
    assert ids(q="azure") == ["a6"]
    assert ids(q="shares", entity="company:MSFT") == ["a4"]
    assert ids(since="2026-04-03T09:30:00Z") == ["a7", "a6"]
    assert ids(since="2026-04-03T10:30:00+02:00") == ["a7", "a6", "a5"]


def test_category_and_signal_filters(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    # issue 13 point 2: `category` repeated or comma-separated, `min_signal` on its signal
    newest = _ids(api.get("/posts", params=RANGE).json())

    def ids(**params: Any) -> list[str]:
        response = api.get("/posts", params={**RANGE, **params})
        assert response.status_code == 200, response.text
        return _ids(response.json())

    def having(test: Any) -> list[str]:
        return [i for i in newest if test(indexed[i].category)]

    news = having(lambda c: c.label == "news")
    assert {"a1", "a5"} <= set(news), "a deal and an appointment are news"
    assert ids(category="news") == news
    both = having(lambda c: c.label in ("news", "other"))
    assert ids(category="news,other") == ids(category=["news", "other"]) == both
    assert ids(category="spam") == having(lambda c: c.label == "spam")
    strong = having(lambda c: c.signal >= 0.5)
    assert "a1" in strong and ids(min_signal=0.5) == strong
    assert ids(category="news", min_signal=1.0) == []
    body = api.get(f"/posts/{indexed['a1'].doc_id}").json()
    assert body["category"]["label"] == "news" and body["story"] == indexed["a1"].story
    for bad in ({"category": "weather"}, {"category": "news,"}, {"min_signal": 2}):
        answer = api.get("/posts", params=bad)
        assert answer.status_code == 422 and answer.json()["code"] == "SCOUT-E422", bad


def test_one_post_carries_its_signals(api: TestClient, indexed: dict[str, EnrichedPost]) -> None:  # noqa: F811
    doc = indexed["a1"]
    body = api.get(f"/posts/{doc.doc_id}").json()
    assert body["link"] == f"/posts/{doc.doc_id}"
    assert body["ma"]["acquirer"]["id"] == "company:MSFT"
    assert "company:MSFT" in body["entity_ids"]
    assert body["author"]["handle"] == "deal_desk"
    assert api.get(f"/posts/{indexed['a3'].doc_id}").json()["topics"] == ["topic:cloud"]
    missing = api.get("/posts/nope")
    assert missing.status_code == 404 and missing.json()["code"] == "SCOUT-E506"


def test_bad_queries_times_and_pages_are_400_naming_the_problem(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    bad_query = api.get("/posts", params={"q": "text:(oops"})
    assert bad_query.status_code == 400
    assert bad_query.json()["code"] == "SCOUT-E500"
    assert "Cannot parse 'text:(oops'" in bad_query.json()["detail"]
    assert "Was expecting" not in bad_query.json()["detail"]

    bad_field = api.get("/posts", params={"q": "created_at:notadate"})
    assert bad_field.status_code == 400 and "notadate" in bad_field.json()["detail"]

    bad_time = api.get("/posts", params={"since": "yesterday"})
    assert bad_time.status_code == 400 and bad_time.json()["code"] == "SCOUT-E042"

    backwards = api.get("/posts", params={"since": "2026-04-05", "until": "2026-04-01"})
    assert backwards.status_code == 400 and backwards.json()["code"] == "SCOUT-E503"

    too_deep = api.get("/posts", params={"page": 101, "size": 100})
    assert too_deep.status_code == 400 and too_deep.json()["code"] == "SCOUT-E501"

    assert api.get("/posts", params={"signal": "weather"}).status_code == 422
    assert api.get("/posts", params={"size": 0}).status_code == 422


def test_posts_need_the_token(anonymous: TestClient) -> None:
    assert anonymous.get("/posts").status_code == 401


def test_overlong_ids_and_filters_get_the_scouts_own_answer(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    # Issue 12 point 8: Elasticsearch answered 400 "An HTTP line is larger than 4096 bytes"
    # and "[bool] failed to parse field [filter]".
    long_id = api.get(f"/posts/{'x' * 5000}")
    assert long_id.status_code == 404, long_id.text
    assert long_id.json()["code"] == "SCOUT-E506"
    assert "at most 512 bytes" in long_id.json()["detail"]
    assert len(long_id.text) < 300  # the id is not echoed back

    for name in ("topic", "entity", "source", "lang", "author"):
        answer = api.get("/posts", params={name: "t" * 50_000})
        assert answer.status_code == 422, (name, answer.text[:200])
        body = answer.json()
        assert body["code"] == "SCOUT-E422"
        assert body["detail"][0]["loc"] == ["query", name, 0]
        assert "256 characters" in body["detail"][0]["msg"]
    deals = api.get("/ma", params={"entity": "company:" + "X" * 50_000})
    assert deals.status_code == 422 and deals.json()["code"] == "SCOUT-E422"
    assert api.get("/posts", params={"topic": "topic:cloud"}).status_code == 200
