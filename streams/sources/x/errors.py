"""Errors of the ``x`` kind.

ConfigError
└── (SCOUT-E740)    SCOUT_X_BEARER_TOKEN is not set: the source does not start
SourceFetchError (TransientError)
├── XApiError       X answered an error (SCOUT-E741 rules refused: a rule too long,
│                   too many rules, invalid; SCOUT-E742 a request or the stream failed:
│                   HTTP error, 429 with ``x-rate-limit-reset``, unreachable)
└── StreamStalled   SCOUT-E743 neither data nor a keep-alive for ``stall_timeout``
"""

from __future__ import annotations

from streams.sources.errors import SourceFetchError

__all__ = ["E_UNSET", "E_RULES", "E_STALLED", "E_X_API", "StreamStalled", "XApiError"]

E_UNSET = "SCOUT-E740"
E_RULES = "SCOUT-E741"
E_X_API = "SCOUT-E742"
E_STALLED = "SCOUT-E743"


class XApiError(SourceFetchError):
    """X answered an error; ``status`` its HTTP status (None: no answer), ``retry_after``
    the seconds until ``x-rate-limit-reset`` (or Retry-After) of a 429."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        host: str | None = None,
        code: str = E_X_API,
    ) -> None:
        self.status = status
        super().__init__(message, retry_after=retry_after, host=host, code=code)


class StreamStalled(SourceFetchError):
    def __init__(self, seconds: float, *, host: str | None = None) -> None:
        super().__init__(
            f"the stream sent neither data nor a keep-alive for {seconds:g}s: reconnecting",
            host=host,
            code=E_STALLED,
        )
