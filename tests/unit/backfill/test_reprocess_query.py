"""`scout reprocess --stale` finds the posts recorded with another model than their kind of
text takes now (the query evaluated here by a tiny matcher of its bool/term/terms)."""

from typing import Any

import pytest

from streams.backfill.reprocess import model_query, reprocess_query

LABELS = {"social": "sm+tweets", "news": "md"}


def _value(doc: dict[str, Any], field: str) -> Any:
    for part in field.split("."):
        doc = doc.get(part, {}) if isinstance(doc, dict) else {}
    return doc if doc != {} else None


def _matches(query: dict[str, Any], doc: dict[str, Any]) -> bool:
    ((kind, body),) = query.items()
    if kind == "term":
        ((field, value),) = body.items()
        return bool(_value(doc, field) == value)
    if kind == "terms":
        ((field, values),) = body.items()
        return _value(doc, field) in values
    assert kind == "bool", kind
    ok = all(_matches(q, doc) for q in body.get("filter", []))
    ok = ok and not any(_matches(q, doc) for q in body.get("must_not", []))
    if "should" in body:
        ok = ok and sum(_matches(q, doc) for q in body["should"]) >= body["minimum_should_match"]
    return ok


def _doc(source: str, model: str) -> dict[str, Any]:
    return {"source": source, "versions": {"enrichment": 1, "model": model, "watchlist": "w"}}


@pytest.mark.parametrize(
    ("source", "model", "current"),
    [
        ("twitter", "sm+tweets", True),
        ("twitter", "md", False),
        ("rss", "md", True),
        ("rss", "sm+tweets", False),  # a news post enriched before routing: stale
        ("edgar", "old-model", False),
        ("unknown", "md", True),  # checked one by one by reprocess(current=)
        ("unknown", "sm+tweets", True),
        ("unknown", "old-model", False),
    ],
)
def test_a_post_is_current_only_with_the_model_of_its_kind(
    source: str, model: str, current: bool
) -> None:
    assert _matches(model_query(LABELS), _doc(source, model)) is current
    stale = reprocess_query(None, None, None, {"enrichment": 1, "model": LABELS, "watchlist": "w"})
    assert _matches(stale, _doc(source, model)) is not current


def test_one_model_for_every_post_is_a_plain_term() -> None:
    assert model_query({"social": "sm", "news": "sm"}) == {"term": {"versions.model": "sm"}}
