"""Errors of alert matching (codes SCOUT-E450..E459).

    IndexUnavailableError (transient, from streams.errors)
    ├── SCOUT-E450  the batch's rule searches failed as a whole (ES down, 429, 5xx)
    ├── SCOUT-E451  the alert-state index refused or could not be reached
    └── SCOUT-E452  the rules index could not be read and no rules are cached yet
    ConfigError
    └── SCOUT-E453  the alert-state index cannot be created (check the prefix and rights)

A rule whose query Elasticsearch rejects is not an error of the batch: it is reported as
a :class:`RejectedRule` and skipped, the other rules still match.
"""

from __future__ import annotations

from dataclasses import dataclass

from streams.errors import ConfigError, IndexUnavailableError

__all__ = ["ConfigError", "IndexUnavailableError", "RejectedRule"]

SEARCH_FAILED = "SCOUT-E450"
STATE_UNAVAILABLE = "SCOUT-E451"
RULES_UNAVAILABLE = "SCOUT-E452"
STATE_SETUP_FAILED = "SCOUT-E453"


@dataclass(frozen=True)
class RejectedRule:
    """A rule Elasticsearch refused to run: fix or disable it (``reason`` says why)."""

    rule_id: str
    reason: str
