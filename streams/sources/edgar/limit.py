"""At most 10 requests a second to EDGAR from the whole process (the SEC's fair-access
rule), whatever the number of edgar sources: one :class:`RateLimiter` kept in the
process's :class:`~streams.sources.base.SourceContext` (made on first use)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from streams.sources.base import SourceContext

__all__ = ["SEC_MAX_PER_S", "RateLimiter", "sec_limiter"]

SEC_MAX_PER_S = 10.0
"""The SEC's published limit."""

_MARGIN = 1.05
"""Requests are spaced 5% wider than the limit: network jitter may bring two closer on
the SEC's side than they left."""

_KEY = "edgar.rate_limiter"
_EPSILON_S = 1e-6


class RateLimiter:
    """A token bucket of ``burst`` tokens refilled at ``per_s`` a second; with ``burst=1``
    no two requests are closer than ``1/per_s`` (so never more than ``per_s`` in any
    second). :meth:`hold` stops every request for a while (the SEC's Retry-After)."""

    def __init__(
        self,
        per_s: float,
        *,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.per_s = per_s
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._tokens = float(burst)
        self._at = clock()
        self._held_until = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Return when one request may be sent (and count it)."""
        async with self._lock:
            while True:
                now = self._clock()
                self._tokens = min(self.burst, self._tokens + (now - self._at) * self.per_s)
                self._at = now
                wait = max(self._held_until - now, (1.0 - self._tokens) / self.per_s)
                if wait <= _EPSILON_S:  # float rounding must not spin the loop
                    self._tokens = max(0.0, self._tokens - 1.0)
                    return
                await self._sleep(wait)

    def hold(self, seconds: float) -> None:
        """No request for ``seconds`` from now."""
        self._held_until = max(self._held_until, self._clock() + seconds)


def sec_limiter(ctx: SourceContext) -> RateLimiter:
    """The process's EDGAR limiter, shared by every edgar source of ``ctx``."""
    limiter = ctx.shared.get(_KEY)
    if not isinstance(limiter, RateLimiter):
        limiter = RateLimiter(SEC_MAX_PER_S / _MARGIN)
        ctx.shared[_KEY] = limiter
    return limiter
