from datetime import UTC, datetime, timedelta

import pytest

from streams.errors import ConfigError
from streams.index.queries import (
    PostFilter,
    histogram_agg,
    parse_histogram,
    parse_share_of_voice,
    posts_query,
    share_of_voice_aggs,
)

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def test_filters_of_one_kind_are_ored_and_kinds_anded() -> None:
    query = posts_query(
        PostFilter(
            q="takeover",
            entity_ids=("company:MSFT", "company:ORCL"),
            sources=("news",),
            authors=("@FinWire",),
            signals=("ma", "competitor"),
            since=T0,
            until=T0 + timedelta(days=1),
        )
    )["bool"]
    assert query["must"][0]["query_string"]["query"] == "takeover"
    assert query["must"][0]["query_string"]["default_operator"] == "AND"
    assert {"terms": {"entity_ids": ["company:MSFT", "company:ORCL"]}} in query["filter"]
    assert {"terms": {"source": ["news"]}} in query["filter"]
    assert {"terms": {"author.handle": ["FinWire"]}} in query["filter"]
    assert {"term": {"ma.is_ma": True}} in query["filter"]
    assert {"exists": {"field": "competitors.id"}} in query["filter"]
    assert {
        "range": {
            "created_at": {"gte": "2026-03-01T00:00:00+00:00", "lt": "2026-03-02T00:00:00+00:00"}
        }
    } in query["filter"]


def test_category_and_minimum_signal_filter_posts() -> None:
    query = posts_query(PostFilter(categories=("news", "chatter"), min_signal=0.5))["bool"]
    assert {"terms": {"category.label": ["news", "chatter"]}} in query["filter"]
    assert {"range": {"category.signal": {"gte": 0.5}}} in query["filter"]


def test_no_query_matches_everything() -> None:
    assert posts_query(PostFilter(q="  "))["bool"] == {"must": [{"match_all": {}}], "filter": []}


def test_since_must_be_before_until() -> None:
    with pytest.raises(ConfigError) as info:
        posts_query(PostFilter(since=T0, until=T0))
    assert info.value.code == "SCOUT-E503"


def test_histograms_cover_the_whole_range_and_refuse_too_many_buckets() -> None:
    agg = histogram_agg("1d", T0, T0 + timedelta(days=7))["date_histogram"]
    assert agg["fixed_interval"] == "1d" and agg["min_doc_count"] == 0
    assert agg["extended_bounds"] == {
        "min": "2026-03-01T00:00:00+00:00",
        "max": "2026-03-07T23:59:59.999000+00:00",
    }
    with pytest.raises(ConfigError, match="more than 2000 buckets") as info:
        histogram_agg("1m", T0, T0 + timedelta(days=7))
    assert info.value.code == "SCOUT-E502"


def _ms(day: int) -> int:
    return int((T0 + timedelta(days=day)).timestamp() * 1000)


def test_histogram_and_share_of_voice_responses() -> None:
    hist = parse_histogram(
        {"buckets": [{"key": _ms(0), "doc_count": 2}, {"key": _ms(1), "doc_count": 0}]}
    )
    assert hist.starts == (T0, T0 + timedelta(days=1)) and hist.counts == (2, 0) and hist.total == 2

    entities = ["company:A", "company:B"]
    aggs = share_of_voice_aggs(entities, "1d", T0, T0 + timedelta(days=2))
    assert aggs["timeline"]["aggs"]["entities"] == aggs["entities"]
    assert aggs["entities"]["filters"]["filters"]["company:B"] == {
        "term": {"entity_ids": "company:B"}
    }

    response = {
        "entities": {"buckets": {"company:A": {"doc_count": 3}, "company:B": {"doc_count": 1}}},
        "timeline": {
            "buckets": [
                {
                    "key": _ms(0),
                    "entities": {
                        "buckets": {"company:A": {"doc_count": 3}, "company:B": {"doc_count": 1}}
                    },
                },
                {
                    "key": _ms(1),
                    "entities": {
                        "buckets": {"company:A": {"doc_count": 0}, "company:B": {"doc_count": 0}}
                    },
                },
            ]
        },
    }
    overall, days = parse_share_of_voice(response, entities)
    assert overall.total == 4 and overall.shares == {"company:A": 0.75, "company:B": 0.25}
    assert days[0].start == T0 and days[0].counts == {"company:A": 3, "company:B": 1}
    assert days[1].shares == {"company:A": 0.0, "company:B": 0.0}
