"""Durations (``30m``, ``24h``, ``7d``, ``2w``) and points in time (ISO 8601 or a duration
back from now), shared by the CLI and the HTTP API (pure: no I/O).

One rule for times, everywhere (every ``--since``/``--until`` and every API ``since``/
``until``): ISO 8601 with a zone is taken as written; without one it is UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from streams.errors import ConfigError

__all__ = [
    "BAD_TIME",
    "es_interval",
    "is_duration",
    "parse_duration",
    "parse_instant",
    "parse_interval",
    "parse_time",
]

BAD_TIME = "SCOUT-E042"

_DURATION = re.compile(r"^(\d+)([mhdw])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_INTERVAL = re.compile(r"^(\d+)([smhdw])$")
_INTERVAL_UNITS = {"s": "seconds", **_UNITS}


def is_duration(text: str) -> bool:
    """Whether ``text`` is written as a duration (``24h``), not as a point in time."""
    return _DURATION.match(text.strip()) is not None


def parse_duration(text: str) -> timedelta:
    """``30m`` -> 30 minutes; units m, h, d, w."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ConfigError(f"bad duration {text!r}: use e.g. 30m, 24h, 7d, 2w", code=BAD_TIME)
    try:
        return timedelta(**{_UNITS[match[2]]: int(match[1])})
    except OverflowError as exc:
        raise ConfigError(f"bad duration {text!r}: too long", code=BAD_TIME) from exc


def parse_interval(text: str) -> timedelta:
    """A repeat interval: ``30s``, ``5m``, ``1h`` (units s, m, h, d, w); longer than zero."""
    match = _INTERVAL.match(text.strip())
    if not match:
        raise ConfigError(f"bad interval {text!r}: use e.g. 30s, 5m, 1h", code=BAD_TIME)
    try:
        interval = timedelta(**{_INTERVAL_UNITS[match[2]]: int(match[1])})
    except OverflowError as exc:
        raise ConfigError(f"bad interval {text!r}: too long", code=BAD_TIME) from exc
    if interval <= timedelta(0):
        raise ConfigError(f"bad interval {text!r}: must be longer than zero", code=BAD_TIME)
    return interval


def parse_time(value: str, *, now: datetime | None = None) -> datetime:
    """ISO 8601 (a date, or a time; UTC when it has no zone) or a duration back from
    ``now`` (``7d``: seven days ago). Always timezone-aware."""
    text = value.strip()
    if _DURATION.match(text):
        try:
            return (now or datetime.now(UTC)) - parse_duration(text)
        except OverflowError as exc:
            raise ConfigError(f"bad time {value!r}: too far back", code=BAD_TIME) from exc
    try:
        return parse_instant(text)
    except ConfigError as exc:
        raise ConfigError(
            f"bad time {value!r}: use 2024-01-31, 2024-01-31T12:00:00 (UTC),"
            " 2024-01-31T12:00:00+02:00 or a duration such as 7d",
            code=BAD_TIME,
        ) from exc


def parse_instant(value: str) -> datetime:
    """ISO 8601, a date or a time: as written when it has a zone, else UTC. Always
    timezone-aware. The one parser of points in time for the CLI and the API."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise ConfigError(
            f"bad time {value!r}: use 2024-01-31, 2024-01-31T12:00:00 (UTC) or"
            " 2024-01-31T12:00:00+02:00",
            code=BAD_TIME,
        ) from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def es_interval(text: str) -> str:
    """A duration as an Elasticsearch ``fixed_interval`` (``2w`` -> ``14d``); not zero."""
    seconds = int(parse_duration(text).total_seconds())
    if seconds == 0:
        raise ConfigError(f"bad interval {text!r}: must be longer than zero", code=BAD_TIME)
    for unit, size in (("d", 86400), ("h", 3600)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds // 60}m"
