"""Errors of live sources (``scout listen``, ``scout sources``, ``GET /sources``).

    ConfigError
    └── SourceConfigError       one source of the sources file is wrong: names the source
                                and the field; that source is left out, the others run
    TransientError
    └── SourceFetchError        a poll failed (unreachable, HTTP error, not a feed): the
                                source retries with capped, jittered backoff

Codes:

    SCOUT-E700  the sources file cannot be read or is not YAML with a ``sources`` list
    SCOUT-E701  a source is not a mapping, or has no valid ``name``
    SCOUT-E702  two sources have the same name
    SCOUT-E703  a source's ``kind`` is missing or unknown
    SCOUT-E704  a source's field is missing, unknown or has a bad value
    SCOUT-E705  no source of that name (``scout sources test NAME``)
    SCOUT-E706  a poll failed: the host is unreachable, timed out or answered an HTTP error
    SCOUT-E707  the URL answered something that is not a feed
    SCOUT-E708  the health endpoint of ``scout listen`` cannot listen on its port
    SCOUT-E709  the cursor topic is missing: run ``scout setup``
"""

from __future__ import annotations

from streams.errors import ConfigError, TransientError

__all__ = [
    "E_DUPLICATE",
    "E_FIELD",
    "E_FILE",
    "E_KIND",
    "E_NAME",
    "E_NOT_A_FEED",
    "E_NO_SOURCE",
    "E_FETCH",
    "E_PORT",
    "E_TOPIC",
    "SourceConfigError",
    "SourceFetchError",
]

E_FILE = "SCOUT-E700"
E_NAME = "SCOUT-E701"
E_DUPLICATE = "SCOUT-E702"
E_KIND = "SCOUT-E703"
E_FIELD = "SCOUT-E704"
E_NO_SOURCE = "SCOUT-E705"
E_FETCH = "SCOUT-E706"
E_NOT_A_FEED = "SCOUT-E707"
E_PORT = "SCOUT-E708"
E_TOPIC = "SCOUT-E709"


class SourceConfigError(ConfigError):
    """A problem with one source: ``source`` (its name, or ``#N``, its place in the list, when
    it has none) and
    ``field`` (``name``, ``kind``, ``url``...) say where."""

    def __init__(self, source: str, field: str, message: str, *, code: str) -> None:
        self.source = source
        self.field = field
        label = source if source.startswith("#") else repr(source)
        super().__init__(f"source {label}: {field}: {message}", code=code)


class SourceFetchError(TransientError):
    """A poll failed; ``retry_after`` (s) is the publisher's Retry-After when it sent one,
    ``host`` the host that answered (kept quiet that long by every source)."""

    code = E_FETCH

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        host: str | None = None,
        code: str | None = None,
    ) -> None:
        self.retry_after = retry_after
        self.host = host
        super().__init__(message, code=code)
