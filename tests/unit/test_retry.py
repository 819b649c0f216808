import asyncio
import logging
import random
import re

import pytest

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


def test_each_retry_is_one_log_line_with_the_reason_and_the_next_delay(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from elasticsearch import ConnectionError

    calls = []

    async def op() -> str:
        calls.append(1)
        if len(calls) < 3:
            refused = ConnectionError("Connection error caused by: ...")
            refused.__cause__ = ConnectionRefusedError(111, "Connection refused")
            raise IndexUnavailableError(f"cannot reach Elasticsearch: {refused}") from refused
        return "ok"

    async def no_sleep(s: float) -> None:
        return None

    with caplog.at_level(logging.INFO, logger="streams.retry"):
        asyncio.run(retry_transient(op, what="bulk index", cap_s=1.0, sleep=no_sleep))
    retries = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(retries) == 2
    assert all(r.exc_info is None for r in caplog.records)
    assert re.fullmatch(
        r"bulk index failed \(attempt 1\), retrying in \d\.\ds: \[SCOUT-E301\]"
        r" Elasticsearch is unreachable: Connection refused",
        retries[0].getMessage(),
    )
    assert caplog.records[-1].getMessage() == "bulk index succeeded after 2 failed attempts"
