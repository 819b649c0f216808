"""Elasticsearch calls of the data routes, with its errors turned into the scout's.

Codes of the HTTP API's data and rules routes (SCOUT-E500..E549):

    SCOUT-E500  400  Elasticsearch rejected the query (the message names the problem)
    SCOUT-E501  400  page * size beyond the first 10,000 results
    SCOUT-E502  400  a histogram would have too many buckets (widen the interval)
    SCOUT-E503  400  ``since`` is not before ``until``
    SCOUT-E504  503  the posts index does not exist (run ``scout setup``)
    SCOUT-E505  503  Elasticsearch is unreachable or overloaded
    SCOUT-E506  404  no such post
    SCOUT-E507  retired: spike and digest rules are replayed too (was: 400 for them)
    SCOUT-E508  500  an unexpected error (no detail in the answer; the trace is in the log)

Bad times and durations keep the CLI's code, SCOUT-E042 (400); unknown rules SCOUT-E083
(404), duplicate rule ids SCOUT-E082 (409), invalid changed rules SCOUT-E084 (422),
queries rejected on rule changes SCOUT-E081 (400), a PUT body whose id is not the path's
SCOUT-E084 (422), malformed input SCOUT-E422 (422). Spike and digest replays keep their
codes: SCOUT-E550 (503, searches failed), E552 (400, range too long for a spike replay, or
the query rejected), E553 (400, the query rejected in a digest replay).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from elasticsearch import ApiError, TransportError

from streams.errors import ConfigError, IndexUnavailableError
from streams.index.small import short_reason

__all__ = [
    "BAD_QUERY",
    "BAD_RANGE",
    "NO_INDEX",
    "NO_POST",
    "TOO_DEEP",
    "TOO_MANY_BUCKETS",
    "UNAVAILABLE",
    "es_errors",
    "es_problem",
    "es_reason",
]

BAD_QUERY = "SCOUT-E500"
TOO_DEEP = "SCOUT-E501"
TOO_MANY_BUCKETS = "SCOUT-E502"
BAD_RANGE = "SCOUT-E503"
NO_INDEX = "SCOUT-E504"
UNAVAILABLE = "SCOUT-E505"
NO_POST = "SCOUT-E506"

_RETRYABLE = frozenset({408, 429, 500, 502, 503, 504})


def es_reason(body: Any) -> str:
    """The most telling reason of an Elasticsearch error body: the first shard failure's
    cause ("Cannot parse 'text:(oops': ...") before the generic "all shards failed"."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return str(body)
    for failure in error.get("failed_shards") or ():
        reason = failure.get("reason") or {}
        cause = reason.get("caused_by") or {}
        text = cause.get("reason") or reason.get("reason")
        if text:
            return short_reason(str(text))
    for root in error.get("root_cause") or ():
        if root.get("reason"):
            return short_reason(str(root["reason"]))
    return short_reason(str(error.get("reason") or error.get("type") or body))


def es_problem(exc: ApiError | TransportError) -> str:
    """A failed call in a few words a person can read (no Java trace, no index UUID)."""
    if isinstance(exc, ApiError):
        return f"Elasticsearch answered {exc.meta.status}: {es_reason(exc.body)}"
    return f"cannot reach Elasticsearch ({type(exc).__name__})"


@contextmanager
def es_errors(what: str) -> Iterator[None]:
    """Turn Elasticsearch failures during ``what`` into 400 / 503 answers with codes."""
    try:
        yield
    except ApiError as exc:
        status = exc.meta.status
        if status == 404 and "index_not_found" in str(exc):
            raise IndexUnavailableError(
                f"{what}: the index does not exist; run `scout setup` first", code=NO_INDEX
            ) from exc
        if status in _RETRYABLE:
            raise IndexUnavailableError(
                f"{what}: Elasticsearch is busy or failing ({status}); try again", code=UNAVAILABLE
            ) from exc
        raise ConfigError(
            f"{what}: Elasticsearch rejected the query: {es_reason(exc.body)}", code=BAD_QUERY
        ) from exc
    except TransportError as exc:
        raise IndexUnavailableError(
            f"{what}: cannot reach Elasticsearch ({type(exc).__name__})", code=UNAVAILABLE
        ) from exc
