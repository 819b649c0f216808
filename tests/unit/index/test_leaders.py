from datetime import UTC, datetime, timedelta

import pytest

from streams.cli.leaders import parse_duration
from streams.errors import ConfigError
from streams.index.leaders import (
    RISING_GROWTH,
    PostSpan,
    empty_window_message,
    leaders_query,
    parse_post_span,
    rank_voices,
)


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


def _cli(name: str, value: str) -> str:
    return f"--{name} {value}"


def test_an_empty_window_names_its_bounds_where_the_posts_are_and_how_to_move_it() -> None:
    old = PostSpan(
        oldest=datetime(2014, 1, 2, 8, tzinfo=UTC), newest=datetime(2016, 3, 31, 22, tzinfo=UTC)
    )
    line = empty_window_message(
        until=datetime(2026, 12, 5, 12, tzinfo=UTC),
        window=timedelta(days=1),
        baseline_windows=7,
        span=old,
        option=_cli,
    )
    assert "\n" not in line
    assert line.startswith("No posts from 2026-11-27 12:00 UTC to 2026-12-05 12:00 UTC")
    assert "the last 1d and the 7 windows before it" in line
    assert "from 2014-01-02 08:00 UTC to 2016-03-31 22:00 UTC" in line
    # 3,901.6 days back to the newest post over 8 windows: 488 days, and a day to spare.
    assert "--until 2016-04-01T00:00:00Z" in line and "--window 489d" in line


def test_an_empty_window_among_posts_is_widened_and_an_empty_index_filled() -> None:
    around = PostSpan(
        oldest=datetime(2026, 1, 1, tzinfo=UTC), newest=datetime(2026, 12, 31, tzinfo=UTC)
    )
    until = datetime(2026, 6, 1, tzinfo=UTC)
    line = empty_window_message(
        until=until, window=timedelta(hours=6), baseline_windows=1, span=around, option=_cli
    )
    assert "the last 6h and the 1 window before it" in line
    assert "--window 42h" in line and "--until" not in line
    api = empty_window_message(
        until=until,
        window=timedelta(days=1),
        baseline_windows=7,
        span=None,
        option=lambda n, v: f"{n}={v}",
    )
    assert "no posts are indexed yet" in api and "scout backfill" in api


def test_the_span_of_the_indexed_posts_is_read_from_min_and_max() -> None:
    assert parse_post_span({"aggregations": {"oldest": {"value": None}}}) is None
    span = parse_post_span(
        {"aggregations": {"oldest": {"value": 1388649600000.0}, "newest": {"value": 1459461600000}}}
    )
    assert span == PostSpan(
        oldest=datetime(2014, 1, 2, 8, tzinfo=UTC), newest=datetime(2016, 3, 31, 22, tzinfo=UTC)
    )


def test_a_voice_without_recent_posts_is_never_rising_however_much_it_is_mentioned() -> None:
    silent = _bucket("silent_star", 7, 7, 50.0, 10, 0, 0)
    response = {
        "aggregations": {
            "authors": {"buckets": [silent]},
            "mentioned": {
                "buckets": [{"key": "silent_star", "doc_count": 500, "recent": {"doc_count": 500}}]
            },
        }
    }
    top, rising = rank_voices(response, baseline_windows=7, top=5)
    assert top[0].growth > RISING_GROWTH and top[0].recent_posts == 0
    assert rising == []
