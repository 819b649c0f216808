"""The board's API against the real Elasticsearch: columns, posts, timeline, live stream."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from models.alerts import Rule
from models.signals import Category
from streams.alerts.store import RuleStore
from streams.api import create_api
from streams.api.live import StreamCounter
from streams.settings import Settings
from tests.integration.api.board_support import (
    DEAL,
    drop_columns,
    index_post,
    msft_entity,
    serve,
    sse_events,
)
from tests.integration.api.conftest import TOKEN
from tests.integration.support import wait_until

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(autouse=True)
def _drop_board(es: Elasticsearch, settings: Settings) -> Iterator[None]:
    yield
    drop_columns(es, settings)


def test_board_page_is_public_but_its_data_needs_the_token(anonymous: TestClient) -> None:
    page = anonymous.get("/board")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<script type="module" src="/board/static/board.js">' in page.text
    script = anonymous.get("/board/static/board.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert anonymous.get("/board/static/..%2Fboard.py").status_code == 404
    assert anonymous.get("/board/columns").status_code == 401
    assert anonymous.get("/board/stream").status_code == 401
    assert "/board" not in anonymous.get("/openapi.json").json()["paths"]


def test_columns_are_saved_reordered_and_removed(api: TestClient) -> None:
    assert api.get("/board/columns").json() == []
    keyword = api.post("/board/columns", json={"kind": "keyword", "value": "oracle AND cloud"})
    company = api.post("/board/columns", json={"kind": "company", "value": "company:MSFT"})
    deals = api.post("/board/columns", json={"kind": "ma", "title": "Deals"})
    assert keyword.status_code == company.status_code == deals.status_code == 201
    ids = [c.json()["id"] for c in (keyword, company, deals)]
    listed = api.get("/board/columns").json()
    assert [c["id"] for c in listed] == ids
    assert [c["title"] for c in listed] == ["oracle AND cloud", "company:MSFT", "Deals"]

    reordered = api.put("/board/columns/order", json={"ids": [ids[2], ids[0]]})
    assert [c["id"] for c in reordered.json()] == [ids[2], ids[0], ids[1]]
    assert [c["id"] for c in api.get("/board/columns").json()] == [ids[2], ids[0], ids[1]]

    assert api.delete(f"/board/columns/{ids[0]}").status_code == 204
    assert [c["id"] for c in api.get("/board/columns").json()] == [ids[2], ids[1]]
    missing = api.delete(f"/board/columns/{ids[0]}")
    assert missing.status_code == 404 and missing.json()["code"] == "SCOUT-E096"
    assert api.put("/board/columns/order", json={"ids": ["nope"]}).status_code == 404


def test_bad_columns_are_refused_with_the_reason(api: TestClient, settings: Settings) -> None:
    bad_query = api.post("/board/columns", json={"kind": "keyword", "value": "oracle AND ("})
    assert bad_query.status_code == 400
    assert bad_query.json()["code"] == "SCOUT-E095"
    # The scout's own words: the point of the parse error, no Java exception, no index UUID.
    detail = bad_query.json()["detail"]
    assert detail.startswith("the column's query is not valid: Cannot parse 'oracle AND (':")
    assert "Exception" not in detail and "org." not in detail and "\n" not in detail
    assert settings.index_prefix not in detail and not re.search(r"/[\w-]{22}\]", detail)
    no_rule = api.post("/board/columns", json={"kind": "rule", "value": "ghost"})
    assert no_rule.status_code == 400 and no_rule.json()["code"] == "SCOUT-E097"
    not_an_id = api.post("/board/columns", json={"kind": "company", "value": "Microsoft"})
    assert not_an_id.status_code == 422
    assert api.get("/board/columns").json() == []


def test_column_posts_are_cards_newest_first(
    api: TestClient, es: Elasticsearch, settings: Settings
) -> None:
    now = datetime.now(UTC)
    older = "Microsoft ships a new Surface."
    newer = "🚀 Microsoft agrees to acquire Contoso for $2bn."
    index_post(
        es,
        settings,
        "old",
        older,
        entities=(msft_entity(older),),
        created_at=now - timedelta(hours=3),
    )
    index_post(es, settings, "new", newer, entities=(msft_entity(newer),), ma=DEAL, created_at=now)
    index_post(es, settings, "other", "Oracle opens a cloud region.", created_at=now)
    column = api.post("/board/columns", json={"kind": "company", "value": "company:MSFT"}).json()

    page = api.get(f"/board/columns/{column['id']}/posts").json()
    assert [p["post_id"] for p in page["posts"]] == ["new", "old"]
    card = page["posts"][0]
    assert card["influence"] == 42.0
    assert card["ma"]["target"]["name"] == "Contoso" and card["ma"]["amount"] == "$2bn"
    (span,) = card["spans"]
    assert (span["start"], span["end"], span["id"]) == (3, 12, "company:MSFT")  # UTF-16


def test_company_columns_hide_spam_and_chatter_until_the_toggle_shows_them(
    api: TestClient, es: Elasticsearch, settings: Settings
) -> None:
    """Issue 13 point 5: on by default for company columns; a PATCH turns it off and on."""
    texts = {
        "event": ("Microsoft opens a research lab in Oslo.", "news"),
        "pump": ("Microsoft $MSFT $AAPL $NVDA runners, join the free room", "spam"),
        "talk": ("Microsoft calls printing, holding through the close", "chatter"),
        "plain": ("Microsoft posted something an old enrichment saw", None),
    }
    for post_id, (text, label) in texts.items():
        category = Category(label=label, score=0.9, signal=0.5) if label else None
        index_post(es, settings, post_id, text, entities=(msft_entity(text),), category=category)
    column = api.post("/board/columns", json={"kind": "company", "value": "company:MSFT"}).json()
    assert column["hide_noise"] is True
    keyword = api.post("/board/columns", json={"kind": "keyword", "value": "microsoft"}).json()
    assert keyword["hide_noise"] is False

    def shown(column_id: str) -> set[str]:
        posts = api.get(f"/board/columns/{column_id}/posts").json()["posts"]
        return {p["post_id"] for p in posts}

    assert shown(column["id"]) == {"event", "plain"}
    cards = api.get(f"/board/columns/{column['id']}/posts").json()["posts"]
    assert {c["post_id"]: (c["category"] or {}).get("label") for c in cards} == {
        "event": "news",
        "plain": None,
    }
    off = api.patch(f"/board/columns/{column['id']}", json={"hide_noise": False})
    assert off.status_code == 200 and off.json()["hide_noise"] is False
    assert shown(column["id"]) == {"event", "pump", "talk", "plain"}
    assert api.get("/board/columns").json()[0]["hide_noise"] is False  # kept on the server
    api.patch(f"/board/columns/{column['id']}", json={"hide_noise": True})
    assert shown(column["id"]) == {"event", "plain"}
    missing = api.patch("/board/columns/nope", json={"hide_noise": True})
    assert missing.status_code == 404 and missing.json()["code"] == "SCOUT-E096"


def test_rule_column_shows_what_the_rule_matches(
    api: TestClient, es: Elasticsearch, settings: Settings
) -> None:
    rules = RuleStore(es, settings)
    rules.ensure()
    rules.add(Rule(id="surface", name="Surface news", owner="test", query="surface"))
    index_post(es, settings, "s1", "Microsoft ships a new Surface.")
    index_post(es, settings, "s2", "Oracle opens a cloud region.")
    assert [r["id"] for r in api.get("/board/rules").json()] == ["surface"]
    column = api.post("/board/columns", json={"kind": "rule", "value": "surface"}).json()
    assert column["title"] == "Rule: Surface news"
    posts = api.get(f"/board/columns/{column['id']}/posts").json()["posts"]
    assert [p["post_id"] for p in posts] == ["s1"]
    rules.delete("surface")
    gone = api.get(f"/board/columns/{column['id']}/posts").json()
    assert gone["posts"] == [] and "deleted" in gone["note"]


def test_timeline_counts_an_unlinked_names_mentions_per_day(
    api: TestClient, es: Elasticsearch, settings: Settings
) -> None:
    now = datetime.now(UTC)
    for i, age in enumerate([0, 0, 3]):
        text = f"Microsoft update {i}"
        index_post(
            es,
            settings,
            f"t{i}",
            text,
            entities=(msft_entity(text),),
            created_at=now - timedelta(days=age),
        )
    timeline = api.get("/board/timeline", params={"mention": "MICROSOFT", "days": 7}).json()
    assert timeline["total"] == 3 and timeline["interval"] == "day"
    assert sum(b["count"] for b in timeline["buckets"]) == 3
    assert len(timeline["buckets"]) >= 7 and max(b["count"] for b in timeline["buckets"]) == 2
    hourly = api.get("/board/timeline", params={"mention": "microsoft", "days": 1}).json()
    assert hourly["interval"] == "hour" and hourly["total"] == 2
    assert api.get("/board/timeline").status_code == 422


def test_timeline_range_is_chosen_with_since_and_until(
    api: TestClient, es: Elasticsearch, settings: Settings
) -> None:
    for i, day in enumerate(
        [datetime(2016, 1, 10, 9, tzinfo=UTC), datetime(2016, 3, 2, tzinfo=UTC)]
    ):
        text = f"Microsoft news {i}"
        index_post(es, settings, f"r{i}", text, entities=(msft_entity(text),), created_at=day)
    ask = {"mention": "microsoft", "since": "2016-01-01", "until": "2016-04-01"}
    quarter = api.get("/board/timeline", params=ask).json()
    assert quarter["total"] == 2 and quarter["interval"] == "day"
    assert quarter["since"].startswith("2016-01-01T00:00:00") and len(quarter["buckets"]) == 91
    year = api.get("/board/timeline", params={**ask, "until": "2016-12-31"}).json()
    assert year["total"] == 2 and year["interval"] == "week"
    empty = api.get("/board/timeline", params={**ask, "since": "2016-03-03"}).json()
    assert empty["total"] == 0 and all(b["count"] == 0 for b in empty["buckets"])
    assert (
        api.get("/board/timeline", params={"mention": "microsoft", "days": 30}).json()["total"] == 0
    )
    backwards = api.get("/board/timeline", params={**ask, "since": "2016-05-01"})
    assert backwards.status_code == 400 and backwards.json()["code"] == "SCOUT-E503"
    entity = api.get(
        "/entities/company:MSFT/timeline", params={**ask, "interval": "1d"}
    ).json()  # the route the board uses for linked names takes the same range
    assert entity["total"] == 2


def test_stream_pushes_new_posts_to_matching_columns_and_ends_on_disconnect(
    api_settings: Settings, es: Elasticsearch, settings: Settings
) -> None:
    app = create_api(api_settings.model_copy(update={"board_poll_s": 0.2}))
    with serve(app) as url, httpx.Client(base_url=url, headers=AUTH, timeout=10) as client:
        msft = client.post("/board/columns", json={"kind": "company", "value": "company:MSFT"})
        oracle = client.post("/board/columns", json={"kind": "keyword", "value": "oracle"})
        assert msft.status_code == oracle.status_code == 201
        assert httpx.get(f"{url}/board/stream").status_code == 401

        with client.stream("GET", "/board/stream") as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            lines = response.iter_lines()
            (ready,) = sse_events(lines, want=1, timeout=10)
            assert ready["event"] == "ready"
            counter = app.state.board_streams
            assert isinstance(counter, StreamCounter) and counter.open == 1

            text = "Microsoft agrees to acquire Contoso for $2bn."
            new_id = index_post(
                es, settings, "live-1", text, entities=(msft_entity(text),), ma=DEAL
            )
            (event,) = sse_events(lines, want=1, timeout=10)
        assert event["event"] == "posts"
        assert event["data"]["column"] == msft.json()["id"]
        assert [p["doc_id"] for p in event["data"]["posts"]] == [new_id]
        assert event["data"]["posts"][0]["spans"][0]["id"] == "company:MSFT"

        # The client went away: the server's generator stops within a poll or two.
        wait_until(lambda: counter.open == 0, timeout=10, what="the stream to end")
        assert counter.total == 1
