from datetime import UTC, datetime, timedelta

import pytest

from streams.durations import (
    es_interval,
    parse_duration,
    parse_instant,
    parse_interval,
    parse_time,
)
from streams.errors import ConfigError

NOW = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


def test_durations_in_minutes_hours_days_weeks() -> None:
    assert parse_duration("30m") == timedelta(minutes=30)
    assert parse_duration(" 24h ") == timedelta(hours=24)
    assert parse_duration("2w") == timedelta(days=14)


def test_a_time_is_iso_or_a_duration_back_from_now() -> None:
    assert parse_time("7d", now=NOW) == datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert parse_time("2026-03-01", now=NOW) == datetime(2026, 3, 1, tzinfo=UTC)
    assert parse_time("2026-03-01T10:00:00+01:00", now=NOW) == datetime(
        2026, 3, 1, 9, 0, tzinfo=UTC
    )


def test_a_time_without_a_zone_is_utc_and_one_with_a_zone_as_written() -> None:
    assert parse_instant("2016-03-01T00:00:00") == datetime(2016, 3, 1, tzinfo=UTC)
    assert parse_instant("2016-03-01T00:00:00Z") == datetime(2016, 3, 1, tzinfo=UTC)
    assert parse_instant(" 2016-03-01T02:00:00+02:00 ") == datetime(2016, 3, 1, tzinfo=UTC)
    assert parse_time("2016-03-01T00:00:00", now=NOW) == parse_instant("2016-03-01T00:00:00Z")


def test_an_instant_is_not_a_duration() -> None:
    with pytest.raises(ConfigError, match="2024-01-31T12:00:00 \\(UTC\\)") as info:
        parse_instant("7d")
    assert info.value.code == "SCOUT-E042"


@pytest.mark.parametrize("bad", ["yesterday", "7 days", "-1d", "2026-13-01"])
def test_bad_times_name_the_forms_that_work(bad: str) -> None:
    with pytest.raises(ConfigError, match="7d") as info:
        parse_time(bad, now=NOW)
    assert info.value.code == "SCOUT-E042"


def test_elasticsearch_intervals_use_the_largest_whole_unit() -> None:
    assert es_interval("2w") == "14d"
    assert es_interval("120m") == "2h"
    assert es_interval("90m") == "90m"
    assert es_interval("1d") == "1d"
    with pytest.raises(ConfigError, match="longer than zero"):
        es_interval("0h")


def test_repeat_intervals_take_seconds_too() -> None:
    assert parse_interval("30s") == timedelta(seconds=30)
    assert parse_interval(" 5m ") == timedelta(minutes=5)
    assert parse_interval("2h") == timedelta(hours=2)
    for bad in ("0s", "30", "5 min", "-5m", "1y"):
        with pytest.raises(ConfigError) as info:
            parse_interval(bad)
        assert info.value.code == "SCOUT-E042"
    with pytest.raises(ConfigError):
        parse_duration("30s")  # windows and lookbacks stay in minutes and up
