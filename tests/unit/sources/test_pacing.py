"""Adaptive intervals, failure backoff and per-host spacing (pure or with a fake clock)."""

from __future__ import annotations

import asyncio
import random

import pytest

from streams.sources.http import retry_after_s
from streams.sources.pacing import HostPacer, adaptive_interval, failure_delay


def test_quiet_feeds_are_polled_less_up_to_the_cap_and_news_resets_the_interval() -> None:
    waits = [30.0]
    for _ in range(8):
        waits.append(adaptive_interval(waits[-1], base=30, cap=300, new_items=0))
    assert waits[:4] == [30.0, 45.0, 67.5, 101.25]
    assert waits[-1] == 300 and all(b >= a for a, b in zip(waits, waits[1:], strict=False))
    assert adaptive_interval(300, base=30, cap=300, new_items=2) == 30


def test_failure_backoff_doubles_is_jittered_and_capped() -> None:
    rng = random.Random(7)
    for failures, centre in [(1, 10), (2, 20), (3, 40), (4, 80)]:
        delay = failure_delay(failures, base=10, cap=100, rng=rng)
        assert 0.8 * centre <= delay <= min(100, 1.2 * centre)
    assert all(failure_delay(n, base=10, cap=100, rng=rng) <= 100 for n in range(1, 60))


def test_retry_after_is_never_cut_short_but_is_capped() -> None:
    rng = random.Random(1)
    assert failure_delay(1, base=1, cap=900, retry_after=120, rng=rng) == 120
    assert failure_delay(1, base=1, cap=60, retry_after=3600, rng=rng) == 60


def test_retry_after_reads_seconds_and_http_dates() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert retry_after_s("120") == 120
    assert retry_after_s("Tue, 01 Dec 2026 09:01:30 GMT", now=now) == 90
    assert retry_after_s("Tue, 01 Dec 2026 08:00:00 GMT", now=now) == 0
    assert retry_after_s("soon") is None and retry_after_s(None) is None


def test_requests_to_one_host_are_spaced_and_a_hold_delays_them() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(2.0, clock=lambda: now[0], sleep=sleep)

    async def run() -> None:
        await pacer.wait("a.example")
        await pacer.wait("b.example")  # another host: no wait
        await pacer.wait("a.example")
        pacer.hold("a.example", 30)
        await pacer.wait("a.example")

    asyncio.run(run())
    assert slept == [pytest.approx(2.0), pytest.approx(30.0)]
