"""Retry transient failures with capped exponential backoff and jitter."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

from streams.errors import TransientError
from streams.failures import summary

T = TypeVar("T")
log = logging.getLogger(__name__)


def backoff_delays(
    *, base_s: float = 0.2, cap_s: float = 60.0, rng: random.Random | None = None
) -> Callable[[int], float]:
    """Full-jitter exponential backoff: attempt n -> uniform(0, min(cap, base * 2**n))."""
    rand = rng or random.Random()  # noqa: S311 - jitter, not cryptography

    def delay(attempt: int) -> float:
        return rand.uniform(0, min(cap_s, base_s * (2 ** min(attempt, 30))))

    return delay


async def retry_transient(
    op: Callable[[], Awaitable[T]],
    *,
    what: str,
    cap_s: float,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run ``op`` until it stops raising ``TransientError`` (the partition waits meanwhile)."""
    delay = backoff_delays(cap_s=cap_s)
    attempt = 0
    while True:
        try:
            result = await op()
        except TransientError as exc:
            wait = delay(attempt)
            attempt += 1
            # One line per retry, no traceback: what failed, why, and the next delay.
            log.warning(
                "%s failed (attempt %d), retrying in %.1fs: %s", what, attempt, wait, summary(exc)
            )
            await sleep(wait)
        else:
            if attempt:
                log.info("%s succeeded after %d failed attempts", what, attempt)
            return result
