"""When a source polls next: per-host spacing, adaptive intervals, failure backoff (pure but
for :class:`HostPacer`'s waiting)."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable

__all__ = ["HostPacer", "adaptive_interval", "failure_delay"]

QUIET_FACTOR = 1.5
"""A poll that found nothing new multiplies the interval by this (up to the cap)."""


def adaptive_interval(current: float, *, base: float, cap: float, new_items: int) -> float:
    """The next wait: back to ``base`` when the poll found something, else ``current``
    times 1.5, never over ``cap``."""
    if new_items:
        return base
    return min(cap, max(base, current) * QUIET_FACTOR)


def failure_delay(
    failures: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Wait after the ``failures``-th failure in a row: ``base * 2**(failures-1)`` capped at
    ``cap``, jittered by +-20% (never over ``cap``); never less than the publisher's
    ``Retry-After`` (itself capped at ``cap``)."""
    rand = rng or random.Random()  # noqa: S311 - jitter, not cryptography
    backoff = min(cap, base * float(2 ** min(max(failures - 1, 0), 30)))
    jittered = float(min(cap, backoff * rand.uniform(0.8, 1.2)))
    if retry_after is not None:
        return max(jittered, min(retry_after, cap))
    return jittered


class HostPacer:
    """At least ``min_interval_s`` between two requests to one host, across every source
    of the process; :meth:`hold` keeps a host quiet longer (its Retry-After)."""

    def __init__(
        self,
        min_interval_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.min_interval_s = min_interval_s
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, host: str) -> None:
        """Return when a request to ``host`` may be sent (and count it as sent)."""
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            delay = self._next.get(host, 0.0) - self._clock()
            if delay > 0:
                await self._sleep(delay)
            self._next[host] = self._clock() + self.min_interval_s

    def hold(self, host: str, seconds: float) -> None:
        """No request to ``host`` for ``seconds`` from now."""
        self._next[host] = max(self._next.get(host, 0.0), self._clock() + seconds)
