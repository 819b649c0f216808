"""Errors of the ``mastodon`` kind.

ConfigError
└── (SCOUT-E750)    the access token's environment variable (``token_env``) is not
                    set: the source does not start
SourceFetchError (TransientError)
├── (SCOUT-E706)    a REST request or the stream's connection failed (HTTP error,
│                   429 with Retry-After, unreachable): reconnect with backoff
├── (SCOUT-E751)    the stream sent neither an event nor a ``:thump`` heartbeat for
│                   ``stall_timeout``: reconnect
└── (SCOUT-E752)    the server answered something that is not a timeline (not JSON,
                    not a list of statuses)
"""

from __future__ import annotations

__all__ = ["E_BAD_ANSWER", "E_UNSET", "E_STALLED"]

E_UNSET = "SCOUT-E750"
E_STALLED = "SCOUT-E751"
E_BAD_ANSWER = "SCOUT-E752"
