"""The board's pure parts: column queries, cards with highlight spans, SSE framing."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from pydantic import ValidationError

from models.alerts import Conditions, Rule
from models.board import Column, ColumnSpec
from streams.api.board_query import column_query, default_title, highlight_spans, to_card
from streams.api.live import StreamCounter, sse, stream
from streams.errors import IndexUnavailableError


def _column(kind: str, value: str | None) -> Column:
    return Column(id="c1", kind=kind, value=value, title="t")  # type: ignore[arg-type]


def test_keyword_column_searches_text_mentions_and_authors() -> None:
    query = column_query(_column("keyword", "oracle AND cloud"))
    (must,) = query["bool"]["must"]
    assert must["query_string"]["query"] == "oracle AND cloud"
    assert "mentions" in must["query_string"]["fields"]
    assert query["bool"]["filter"] == []


def test_entity_columns_filter_on_the_linked_id_and_new_docs() -> None:
    query = column_query(_column("company", "company:MSFT"), doc_ids=["a", "b"])
    assert query["bool"]["must"] == [{"match_all": {}}]
    assert {"term": {"entity_ids": "company:MSFT"}} in query["bool"]["filter"]
    assert {"ids": {"values": ["a", "b"]}} in query["bool"]["filter"]


def test_ma_column_takes_an_optional_query() -> None:
    plain = column_query(_column("ma", None))
    narrowed = column_query(_column("ma", "chips"))
    assert plain["bool"]["filter"] == [{"term": {"ma.is_ma": True}}]
    assert narrowed["bool"]["must"][0]["query_string"]["query"] == "chips"


def test_rule_column_uses_the_rules_own_query() -> None:
    rule = Rule(
        id="deals",
        name="Deals",
        owner="me",
        query="acquire",
        conditions=Conditions(entity_ids=("company:MSFT",)),
    )
    query = column_query(_column("rule", "deals"), rule=rule, doc_ids=["x"])
    assert query["bool"]["must"][0]["query_string"]["query"] == "acquire"
    assert {"terms": {"entity_ids": ["company:MSFT"]}} in query["bool"]["filter"]
    assert {"ids": {"values": ["x"]}} in query["bool"]["filter"]
    assert default_title(ColumnSpec(kind="rule", value="deals"), rule) == "Rule: Deals"
    with pytest.raises(ValueError, match="needs its rule"):
        column_query(_column("rule", "deals"))


@pytest.mark.parametrize(
    ("kind", "value"),
    [("keyword", ""), ("company", "MSFT"), ("person", "company:MSFT"), ("rule", None)],
)
def test_column_spec_refuses_values_that_do_not_fit_the_kind(kind: str, value: str | None) -> None:
    with pytest.raises(ValidationError):
        ColumnSpec(kind=kind, value=value)  # type: ignore[arg-type]


def test_spans_use_utf16_offsets_and_drop_overlaps() -> None:
    text = "🚀 Microsoft buys Contoso"
    entities = [
        {"text": "Microsoft", "label": "ORG", "start": 2, "end": 11, "id": "company:MSFT"},
        {"text": "Micro", "label": "ORG", "start": 2, "end": 7},
        {"text": "Contoso", "label": "ORG", "start": 17, "end": 24},
        {"text": "bad", "label": "ORG", "start": 20, "end": 99},
    ]
    spans = highlight_spans(text, entities)
    assert [(s["text"], s["start"], s["end"]) for s in spans] == [
        ("Microsoft", 3, 12),
        ("Contoso", 18, 25),
    ]
    utf16 = text.encode("utf-16-le")
    first = spans[0]
    assert utf16[first["start"] * 2 : first["end"] * 2].decode("utf-16-le") == "Microsoft"
    assert spans[0]["id"] == "company:MSFT"


def test_card_keeps_author_influence_and_signals_only() -> None:
    card = to_card(
        {
            "doc_id": "d",
            "post_id": "p",
            "text": "Microsoft buys Contoso",
            "author": {"handle": "deal_desk", "name": "Deal Desk", "followers": 10},
            "influence": {"score": 61.5, "followers": 10},
            "entities": [],
            "ma": {"is_ma": False, "score": 0.1},
            "sentiment": {"label": "neutral", "score": 0.0},
        }
    )
    assert card["author"]["handle"] == "deal_desk"
    assert card["influence"] == 61.5
    assert card["ma"] is None
    assert card["moves"] == [] and card["sentiment"]["label"] == "neutral"


def test_sse_frames_one_json_line() -> None:
    frame = sse("posts", {"column": "c", "text": "a\nb"}, event_id=3)
    assert frame.startswith("id: 3\nevent: posts\ndata: ")
    assert frame.endswith("\n\n") and frame.count("\n") == 4
    assert json.loads(frame.split("data: ", 1)[1]) == {"column": "c", "text": "a\nb"}


class _FakeFeed:
    def __init__(self) -> None:
        self.polls = 0

    def poll(self) -> list[dict[str, Any]]:
        self.polls += 1
        if self.polls == 2:
            raise IndexUnavailableError("es down")
        return [{"column": "c", "posts": [{"doc_id": str(self.polls)}]}]


def test_stream_sends_events_and_ends_when_the_client_goes_away() -> None:
    feed = _FakeFeed()
    counter = StreamCounter()
    checks = 0

    async def gone() -> bool:
        nonlocal checks
        checks += 1
        return checks > 3

    async def collect() -> list[str]:
        frames = []
        events = stream(
            feed,  # type: ignore[arg-type]
            poll_s=0.01,
            is_disconnected=gone,
            counter=counter,
            heartbeat_s=0.0,
        )
        async for frame in events:
            frames.append(frame)
            assert counter.open == 1
        return frames

    frames = asyncio.run(collect())
    assert counter.open == 0 and counter.total == 1
    assert frames[0].startswith("event: ready")
    names = [f.split("event: ", 1)[1].split("\n", 1)[0] for f in frames if "event: " in f]
    assert names == ["ready", "posts", "problem", "posts"]
    assert feed.polls == 3
    assert any(f.startswith(": keep-alive") for f in frames)


def test_stream_closed_by_the_server_releases_its_slot() -> None:
    counter = StreamCounter()

    async def never() -> bool:
        return False

    async def first_then_close() -> None:
        events = stream(
            _FakeFeed(),  # type: ignore[arg-type]
            poll_s=0.01,
            is_disconnected=never,
            counter=counter,
        )
        await events.__anext__()
        assert counter.open == 1
        await events.aclose()  # what Starlette does when it cancels the response

    asyncio.run(first_then_close())
    assert counter.open == 0


def test_company_columns_hide_spam_and_chatter_unless_asked_not_to() -> None:
    """Issue 13 point 5: on by default for company columns, off for the others."""
    hide = {"bool": {"must_not": [{"terms": {"category.label": ["spam", "chatter"]}}]}}
    assert hide in column_query(_column("company", "company:MSFT"))["bool"]["filter"]
    assert hide not in column_query(_column("keyword", "oracle"))["bool"]["filter"]
    assert hide not in column_query(_column("ma", None))["bool"]["filter"]
    shown = Column(id="c1", kind="company", value="company:MSFT", title="t", hide_noise=False)
    assert hide not in column_query(shown)["bool"]["filter"]
    quiet = Column(id="c1", kind="keyword", value="oracle", title="t", hide_noise=True)
    assert hide in column_query(quiet)["bool"]["filter"]
    rule = Rule(id="r", name="R", owner="me", query="acquire")
    quiet_rule = Column(id="c1", kind="rule", value="r", title="t", hide_noise=True)
    assert hide in column_query(quiet_rule, rule=rule)["bool"]["filter"]
    # Columns saved before the choice existed take their kind's default.
    stored = {"id": "c2", "kind": "company", "value": "company:MSFT", "title": "t"}
    assert Column.model_validate(stored).hide_noise is True
    assert ColumnSpec(kind="company", value="company:MSFT").hide_noise is None


def test_card_carries_the_posts_category() -> None:
    card = to_card({"text": "x", "category": {"label": "news", "score": 0.8, "signal": 0.6}})
    assert card["category"] == {"label": "news", "score": 0.8, "signal": 0.6}
