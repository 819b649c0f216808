from datetime import UTC, datetime, timedelta

import pytest

from streams.cli.leaders import parse_duration
from streams.errors import ConfigError
from streams.index.leaders import leaders_query, rank_voices


def _bucket(
    handle: str, posts: int, relevant: int, infl: float, eng: int, recent: int, recent_eng: int
) -> dict[str, object]:
    return {
        "key": handle,
        "doc_count": posts,
        "relevant": {"doc_count": relevant},
        "max_influence": {"value": infl},
        "engagement": {"value": eng},
        "recent": {"doc_count": recent, "engagement": {"value": recent_eng}},
    }


def test_top_voices_rank_influence_relevance_and_engagement() -> None:
    response = {
        "aggregations": {
            "authors": {
                "buckets": [
                    _bucket("busy_nobody", 80, 0, 5.0, 0, 10, 0),
                    _bucket("analyst", 10, 9, 70.0, 3000, 1, 200),
                    _bucket("newcomer", 8, 6, 30.0, 400, 7, 390),
                ]
            }
        }
    }
    top, rising = rank_voices(response, baseline_windows=7, top=2)
    assert [v.handle for v in top] == ["analyst", "newcomer"]
    assert [v.handle for v in rising] == ["newcomer"]
    assert rising[0].growth > 5


def test_mentions_by_others_count_towards_rising() -> None:
    quiet = _bucket("quiet_expert", 8, 8, 40.0, 10, 1, 1)
    base = {"aggregations": {"authors": {"buckets": [quiet]}}}
    _, rising = rank_voices(base, baseline_windows=7, top=5)
    assert rising == []
    talked_about = {
        "aggregations": {
            "authors": {
                "buckets": [{**quiet, "recent": {"doc_count": 2, "engagement": {"value": 1}}}]
            },
            "mentioned": {
                "buckets": [{"key": "quiet_expert", "doc_count": 60, "recent": {"doc_count": 55}}]
            },
        }
    }
    _, rising = rank_voices(talked_about, baseline_windows=7, top=5)
    assert [v.handle for v in rising] == ["quiet_expert"]
    assert rising[0].recent_mentions == 55


def test_query_covers_recent_window_and_baseline() -> None:
    until = datetime(2026, 3, 8, tzinfo=UTC)
    body = leaders_query(until=until, window=timedelta(days=1), baseline_windows=7, candidates=50)
    assert body["query"]["range"]["created_at"]["gte"] == "2026-02-28T00:00:00+00:00"
    recent = body["aggs"]["authors"]["aggs"]["recent"]["filter"]["range"]["created_at"]["gte"]
    assert recent == "2026-03-07T00:00:00+00:00"


def test_durations_parse_and_bad_ones_say_how() -> None:
    assert parse_duration("24h") == timedelta(hours=24)
    assert parse_duration("7d") == timedelta(days=7)
    with pytest.raises(ConfigError, match="7d"):
        parse_duration("a week")
