import asyncio
import random

from streams.errors import IndexUnavailableError
from streams.retry import backoff_delays, retry_transient


def test_backoff_is_capped_and_grows() -> None:
    delay = backoff_delays(base_s=1.0, cap_s=8.0, rng=random.Random(1))
    samples = [max(delay(n) for _ in range(200)) for n in range(6)]
    assert samples[0] <= 1.0
    assert all(s <= 8.0 for s in samples)
    assert samples[4] > samples[0]


def test_transient_errors_are_retried_until_success() -> None:
    calls = []
    sleeps: list[float] = []

    async def op() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise IndexUnavailableError("down")
        return "ok"

    async def fake_sleep(s: float) -> None:
        sleeps.append(s)

    assert asyncio.run(retry_transient(op, what="x", cap_s=1.0, sleep=fake_sleep)) == "ok"
    assert len(calls) == 3 and len(sleeps) == 2
