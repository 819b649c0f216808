"""The indexed deals a worker learns at start-up (``streams.index.deals``): which hits hold one."""

from datetime import UTC, datetime

from streams.index.deals import deals_query, known_deal

DEAL = {
    "is_ma": True,
    "score": 1.0,
    "acquirer": {"name": "Globex", "id": None},
    "target": {"name": "Initech", "id": "company:INTK"},
}


def test_a_hit_with_a_deal_and_both_parties_is_learnt_as_read() -> None:
    found = known_deal({"ma": DEAL, "story": "s1", "created_at": "2026-03-01T10:00:00+00:00"})
    assert found is not None
    assert (found.ma.acquirer.name, found.ma.target.id) == ("Globex", "company:INTK")  # type: ignore[union-attr]
    assert found.story == "s1"
    assert found.seen == datetime(2026, 3, 1, 10, tzinfo=UTC)


def test_a_hit_the_registry_cannot_learn_from_is_skipped() -> None:
    when = "2026-03-01T10:00:00+00:00"
    assert known_deal({"ma": {**DEAL, "target": None}, "story": "s", "created_at": when}) is None
    assert known_deal({"ma": {**DEAL, "is_ma": False}, "story": "s", "created_at": when}) is None
    assert known_deal({"ma": DEAL, "created_at": when}) is None  # no story
    assert known_deal({"ma": DEAL, "story": "s", "created_at": "yesterday"}) is None


def test_the_query_asks_for_news_deals_with_both_parties_since_a_time() -> None:
    query = deals_query(datetime(2025, 1, 1, tzinfo=UTC))
    filters = query["bool"]["filter"]
    assert {"term": {"category.label": "news"}} in filters
    assert {"exists": {"field": "ma.target.name.raw"}} in filters
    assert {"range": {"created_at": {"gte": "2025-01-01T00:00:00+00:00"}}} in filters
