"""The brief's window and company filter: durations, instants, and coded errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from streams.brief import check_format, parse_companies, parse_window
from streams.errors import ConfigError

NOW = datetime(2026, 5, 2, 12, tzinfo=UTC)


def test_a_duration_counts_back_from_until_or_now() -> None:
    assert parse_window("24h", None, now=NOW).since == NOW - timedelta(hours=24)
    window = parse_window("7d", "2026-05-01T00:00:00Z", now=NOW)
    assert window.until == datetime(2026, 5, 1, tzinfo=UTC)
    assert window.since == datetime(2026, 4, 24, tzinfo=UTC)


def test_since_may_be_an_instant() -> None:
    window = parse_window("2026-05-01T06:00:00+02:00", None, now=NOW)
    assert window.since == datetime(2026, 5, 1, 4, tzinfo=UTC)


def test_a_time_without_a_zone_is_utc_as_everywhere_else() -> None:
    window = parse_window("2026-04-30T06:00:00", "2026-05-01T00:00:00", now=NOW)
    assert window.since == datetime(2026, 4, 30, 6, tzinfo=UTC)
    assert window.until == datetime(2026, 5, 1, tzinfo=UTC)
    assert window == parse_window("2026-04-30T06:00:00Z", "2026-05-01T00:00:00+00:00", now=NOW)


@pytest.mark.parametrize(
    ("since", "until", "code"),
    [
        ("yesterday", None, "SCOUT-E600"),
        ("24", None, "SCOUT-E600"),
        ("0h", None, "SCOUT-E600"),
        ("2026-13-01T00:00:00Z", None, "SCOUT-E600"),
        ("24h", "tomorrow", "SCOUT-E601"),
        ("2026-05-03T00:00:00Z", None, "SCOUT-E602"),
    ],
)
def test_bad_windows_are_refused_with_a_code(since: str, until: str | None, code: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_window(since, until, now=NOW)
    assert caught.value.code == code
    assert code in str(caught.value)


def test_companies_must_be_watch_list_ids() -> None:
    assert parse_companies(["company:MSFT", " company:MSFT", "company:BRK.B"]) == (
        "company:MSFT",
        "company:BRK.B",
    )
    with pytest.raises(ConfigError) as caught:
        parse_companies(["Microsoft"])
    assert caught.value.code == "SCOUT-E603"


def test_unknown_format_is_refused() -> None:
    assert check_format("html") == "html"
    with pytest.raises(ConfigError) as caught:
        check_format("pdf")
    assert caught.value.code == "SCOUT-E604"
