from __future__ import annotations

import asyncio
import json
import logging
import random
from collections.abc import Callable
from datetime import timedelta
from email.utils import format_datetime

import httpx
import pytest

from models.alerts import Channel, DeliveryAttempt
from streams.alerts.delivery import SIGNATURE_HEADER, Deliverer, verify_signature
from tests.unit.alerts.delivery.support import (
    NOW,
    PUBLIC_IP,
    SECRET,
    SLACK_URL,
    make_alert,
    resolver,
    webhook,
)

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler answering a scripted sequence of statuses."""

    def __init__(self, *answers: int | httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, int):
            return httpx.Response(answer, text="ok" if answer < 300 else "nope")
        return answer


def _deliver(
    handler: Handler,
    channel: Channel | None = None,
    *,
    max_attempts: int = 4,
    delays: list[float] | None = None,
    **kwargs: object,
) -> list[DeliveryAttempt]:
    async def sleep(seconds: float) -> None:
        if delays is not None:
            delays.append(seconds)

    kwargs.setdefault("resolve", resolver(PUBLIC_IP))

    async def run() -> list[DeliveryAttempt]:
        async with Deliverer(
            httpx.MockTransport(handler),
            max_attempts=max_attempts,
            base_delay_s=0.5,
            cap_s=30.0,
            sleep=sleep,
            clock=lambda: NOW,
            rng=random.Random(7),
            **kwargs,  # type: ignore[arg-type]
        ) as deliverer:
            return await deliverer.deliver(make_alert(), channel or webhook())

    return asyncio.run(run())


def test_500_then_200_is_delivered_on_the_second_attempt() -> None:
    handler = Recorder(500, 200)
    attempts = _deliver(handler)
    assert [a.outcome for a in attempts] == ["retry", "delivered"]
    assert [a.http_status for a in attempts] == [500, 200]
    assert [a.attempt for a in attempts] == [1, 2]
    assert attempts[0].error == "HTTP 500: nope"
    assert len(handler.requests) == 2


def test_404_fails_at_once() -> None:
    handler = Recorder(404)
    attempts = _deliver(handler)
    assert [(a.outcome, a.http_status) for a in attempts] == [("failed", 404)]
    assert len(handler.requests) == 1


def test_always_503_gives_up_after_max_attempts() -> None:
    delays: list[float] = []
    attempts = _deliver(Recorder(503), max_attempts=3, delays=delays)
    assert [a.outcome for a in attempts] == ["retry", "retry", "failed"]
    assert len(delays) == 2
    assert 0 <= delays[0] <= 0.5 and 0 <= delays[1] <= 1.0  # full jitter, doubling


def test_retry_after_is_honoured_and_capped() -> None:
    delays: list[float] = []
    later = format_datetime(NOW + timedelta(seconds=12), usegmt=True)
    handler = Recorder(
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(503, headers={"Retry-After": later}),
        httpx.Response(429, headers={"Retry-After": "3600"}),
        200,
    )
    attempts = _deliver(handler, delays=delays)
    assert attempts[-1].outcome == "delivered"
    assert delays == [7.0, 12.0, 30.0]


def test_timeouts_and_connection_errors_are_retried() -> None:
    handler = Recorder(httpx.ConnectError("connection refused"), httpx.ReadTimeout("slow"), 204)
    attempts = _deliver(handler)
    assert [a.outcome for a in attempts] == ["retry", "retry", "delivered"]
    assert attempts[0].error is not None and "ConnectError" in attempts[0].error
    assert attempts[1].error is not None and "timeout" in attempts[1].error


def test_slow_receiver_hits_the_overall_timeout() -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200)

    attempts = _deliver(slow, max_attempts=1, timeout_s=0.05)  # type: ignore[arg-type]
    assert [(a.outcome, a.error) for a in attempts] == [("failed", "timed out after 0.05s")]


def test_redirects_are_not_followed() -> None:
    handler = Recorder(httpx.Response(302, headers={"Location": "http://169.254.169.254/"}))
    attempts = _deliver(handler)
    assert [(a.outcome, a.http_status) for a in attempts] == [("failed", 302)]
    assert len(handler.requests) == 1


def test_internal_target_is_refused_without_a_request() -> None:
    handler = Recorder(200)
    attempts = _deliver(handler, webhook("http://127.0.0.1:9/hook"))
    assert [a.outcome for a in attempts] == ["refused"]
    assert attempts[0].error is not None and "SCOUT-E220" in attempts[0].error
    assert handler.requests == []


def test_dns_is_checked_before_every_attempt() -> None:
    answers = iter([[PUBLIC_IP], ["10.0.0.5"]])

    def rebinding(host: str, port: int, *args: object) -> object:
        return resolver(*next(answers))(host, port)

    handler = Recorder(503)
    attempts = _deliver(handler, resolve=rebinding)
    assert [a.outcome for a in attempts] == ["retry", "refused"]
    assert len(handler.requests) == 1


def test_request_goes_to_the_vetted_address_with_the_original_host() -> None:
    handler = Recorder(200)
    _deliver(handler, Channel(type="slack", url=SLACK_URL))
    (request,) = handler.requests
    assert request.url.host == PUBLIC_IP
    assert request.url.path == "/services/T000/B000/XXXXSECRETXXXX"
    assert request.headers["Host"] == "hooks.slack.com"
    assert request.extensions["sni_hostname"] == "hooks.slack.com"
    assert request.headers["Connection"] == "close"
    assert json.loads(request.content)["blocks"][0]["type"] == "header"


def test_allow_listed_host_is_not_rewritten() -> None:
    handler = Recorder(200)
    attempts = _deliver(handler, webhook("http://127.0.0.1:8080/in"), allow=["127.0.0.1:8080"])
    assert attempts[0].outcome == "delivered"
    assert str(handler.requests[0].url) == "http://127.0.0.1:8080/in"


def test_webhook_request_is_signed() -> None:
    handler = Recorder(200)
    _deliver(handler)
    (request,) = handler.requests
    assert verify_signature(
        SECRET,
        request.headers["X-Scout-Timestamp"],
        request.content,
        request.headers[SIGNATURE_HEADER],
        now=NOW.timestamp(),
    )
    assert request.headers["Idempotency-Key"] == "ma-deals:abc123"


def test_channel_secrets_never_reach_the_attempts_or_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    url = SLACK_URL
    handler = Recorder(httpx.ConnectError(f"cannot connect to {url}"), 410)
    attempts = _deliver(handler, Channel(type="slack", url=url))
    assert [a.outcome for a in attempts] == ["retry", "failed"]
    dumped = json.dumps([a.model_dump(mode="json") for a in attempts]) + caplog.text
    assert "XXXXSECRETXXXX" not in dumped
    assert "slack:hooks.slack.com" in dumped
    assert all(a.channel == "slack:hooks.slack.com" for a in attempts)


def test_max_attempts_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        Deliverer(httpx.MockTransport(Recorder(200)), max_attempts=0)
