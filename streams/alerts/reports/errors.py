"""Errors of spike rules and digests (codes SCOUT-E550..E559).

    IndexUnavailableError (transient, from streams.errors)
    ├── SCOUT-E550  the spike or digest searches failed as a whole (ES down, 429, 5xx)
    └── SCOUT-E551  the spike-run state in the alert-state index could not be read/written
    ConfigError
    ├── SCOUT-E552  a spike option of `scout rules add/update` is invalid
    └── SCOUT-E553  `scout rules digest`: the rule is not a digest rule, or a bad --period

A rule whose query Elasticsearch rejects is skipped with an error in the log; the other
rules are still evaluated.
"""

from __future__ import annotations

from streams.errors import ConfigError, IndexUnavailableError

__all__ = ["ConfigError", "IndexUnavailableError"]

REPORT_SEARCH_FAILED = "SCOUT-E550"
SPIKE_STATE_UNAVAILABLE = "SCOUT-E551"
BAD_SPIKE_OPTION = "SCOUT-E552"
BAD_DIGEST_REQUEST = "SCOUT-E553"
