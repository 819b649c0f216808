"""The brief's time window and company filter, from operator input (CLI or API).

Error codes (``ConfigError``):

    SCOUT-E600  bad ``since``: neither a duration (30m, 24h, 7d, 2w) nor an ISO 8601 time
    SCOUT-E601  bad ``until``: not an ISO 8601 time (one without a zone is UTC)
    SCOUT-E602  an empty window: ``since`` is not before ``until``
    SCOUT-E603  a company filter that is not a watch-list id such as ``company:MSFT``
    SCOUT-E604  an unknown output format (``streams.brief.render.render``: md, html, json)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from streams.durations import is_duration, parse_duration, parse_instant
from streams.errors import ConfigError

__all__ = ["BriefWindow", "parse_companies", "parse_window"]

E_SINCE = "SCOUT-E600"
E_UNTIL = "SCOUT-E601"
E_EMPTY = "SCOUT-E602"
E_COMPANY = "SCOUT-E603"

_COMPANY_ID = re.compile(r"^company:[A-Za-z0-9][A-Za-z0-9._&-]*$")
MAX_WINDOW = timedelta(days=366)


@dataclass(frozen=True)
class BriefWindow:
    since: datetime
    until: datetime


def _instant(text: str, *, what: str, code: str) -> datetime:
    """The shared parser's rule (a time without a zone is UTC), the brief's codes."""
    try:
        return parse_instant(text)
    except ConfigError as exc:
        raise ConfigError(
            f"bad {what} {text!r}: use an ISO 8601 time, e.g. 2026-05-01T00:00:00Z (UTC when"
            " it has no zone)" + (", or a duration such as 24h" if what == "since" else ""),
            code=code,
        ) from exc


def parse_window(since: str, until: str | None, *, now: datetime) -> BriefWindow:
    """``since`` is a duration back from ``until`` (``24h``) or an instant; ``until``
    defaults to ``now`` (timezone-aware)."""
    end = _instant(until, what="until", code=E_UNTIL) if until else now
    if is_duration(since):
        try:
            length = parse_duration(since)
        except ConfigError as exc:  # too long for a timedelta
            raise ConfigError(f"bad since {since!r}: {exc.message}", code=E_SINCE) from exc
        if not timedelta(0) < length <= MAX_WINDOW:
            raise ConfigError(
                f"bad since {since!r}: the window must be longer than 0 and at most 366 days",
                code=E_SINCE,
            )
        start = end - length
    elif since.strip() and since.strip()[0].isdigit() and "-" in since:
        start = _instant(since, what="since", code=E_SINCE)
    else:
        raise ConfigError(
            f"bad since {since!r}: use a duration such as 30m, 24h, 7d or 2w, or an ISO 8601"
            " time (UTC when it has no zone)",
            code=E_SINCE,
        )
    if start >= end:
        raise ConfigError(
            f"empty window: since ({start.isoformat()}) must be before until ({end.isoformat()})",
            code=E_EMPTY,
        )
    return BriefWindow(since=start, until=end)


def parse_companies(values: Sequence[str]) -> tuple[str, ...]:
    """Validated, de-duplicated company ids in the order given."""
    out: list[str] = []
    for value in values:
        item = value.strip()
        if not _COMPANY_ID.match(item):
            raise ConfigError(
                f"bad company {value!r}: use a watch-list id such as company:MSFT",
                code=E_COMPANY,
            )
        if item not in out:
            out.append(item)
    return tuple(out)
