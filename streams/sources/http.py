"""The one HTTP client every source shares, and how sources read an HTTP answer.

Built once by ``scout listen`` (and ``scout sources test``) and injected: an informative
User-Agent (``SignalScout/<version> (+<SCOUT_SOURCES_CONTACT>)``), gzip, a timeout on
every request, redirects followed. Tests inject their own (``httpx.MockTransport``) or
point sources at a real local server.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from streams import __version__
from streams.settings import Settings

__all__ = ["MAX_BODY_BYTES", "make_http_client", "retry_after_s", "user_agent"]

MAX_BODY_BYTES = 16 * 1024 * 1024
"""Largest answer a source reads (a feed over it fails the poll: it is not a feed)."""


def user_agent(settings: Settings) -> str:
    contact = settings.sources_contact.strip()
    return f"SignalScout/{__version__}" + (f" (+{contact})" if contact else "")


def make_http_client(
    settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers={"User-Agent": user_agent(settings), "Accept-Encoding": "gzip"},
        timeout=httpx.Timeout(settings.sources_timeout_s),
        follow_redirects=True,
        max_redirects=5,
        limits=httpx.Limits(max_connections=64, max_keepalive_connections=16),
        transport=transport,
    )


def retry_after_s(value: str | None, *, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date; None if absent
    or unreadable, 0 for a date in the past."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
