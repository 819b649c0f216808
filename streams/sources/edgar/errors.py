"""Errors of the ``edgar`` kind.

    ConfigError
    └── SecUserAgentError       SCOUT_SEC_USER_AGENT is unset or names no contact e-mail:
                                the SEC refuses anonymous clients, so the source does not
                                start (``scout sources test`` says the same)

Codes:

    SCOUT-E720  SCOUT_SEC_USER_AGENT is missing or has no contact e-mail
"""

from __future__ import annotations

import re

from streams.errors import ConfigError
from streams.settings import Settings

__all__ = ["E_SEC_USER_AGENT", "SecUserAgentError", "sec_user_agent"]

E_SEC_USER_AGENT = "SCOUT-E720"

_EMAIL = re.compile(r"[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}")


class SecUserAgentError(ConfigError):
    code = E_SEC_USER_AGENT


def sec_user_agent(settings: Settings, source: str) -> str:
    """The User-Agent edgar requests send, or ``SecUserAgentError`` saying what to set."""
    value = settings.sec_user_agent.strip()
    if not value:
        problem = "SCOUT_SEC_USER_AGENT is not set"
    elif not _EMAIL.search(value):
        problem = f"SCOUT_SEC_USER_AGENT ({value!r}) holds no contact e-mail"
    else:
        return value
    raise SecUserAgentError(
        f"edgar source {source!r} not started: {problem}. The SEC requires a User-Agent"
        " naming you and a contact e-mail: set SCOUT_SEC_USER_AGENT='Acme Research"
        " ops@acme.example' and restart scout listen"
    )
