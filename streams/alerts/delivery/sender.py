"""Send one alert to one channel with retries; report every attempt.

Outcomes: ``delivered`` (2xx), ``retry`` (429, 5xx, 408, timeout, connection error: we wait
and try again), ``failed`` (other statuses at once, or the last allowed attempt), ``refused``
(the URL resolves to an internal address: never sent).

Each attempt resolves and vets the host again, then connects to the vetted address (Host
header and TLS SNI keep the name), so a DNS answer that changes between check and connect
(DNS rebinding) cannot redirect the request. Redirects are not followed. Requests go
straight to the transport (no ``httpx.AsyncClient``), so httpx never logs a channel URL and
environment proxies are not used: pass ``httpx.AsyncHTTPTransport(proxy=...)`` to use one.
"""

from __future__ import annotations

import asyncio
import logging
import random
import socket
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

import httpx

from models.alerts import Alert, Channel, DeliveryAttempt
from streams.alerts.delivery.exceptions import TargetRefusedError, TargetUnresolvedError
from streams.alerts.delivery.payloads import render
from streams.alerts.delivery.safety import IPAddress, Resolver, channel_label, check_target
from streams.alerts.delivery.secrets import SecretUnsetError
from streams.retry import backoff_delays

__all__ = ["Deliverer", "RETRYABLE_STATUS"]

log = logging.getLogger(__name__)

RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_USER_AGENT = "signal-scout-alerts/1"
_MAX_ERROR_BODY = 300
Outcome = Literal["delivered", "retry", "failed", "refused"]


def _pinned(url: str, address: IPAddress) -> tuple[str, str, str]:
    """(URL with the host replaced by ``address``, Host header value, TLS server name)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    ip = f"[{address}]" if address.version == 6 else str(address)
    netloc = ip if parts.port is None else f"{ip}:{parts.port}"
    host_header = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=netloc)), host_header, host


def _retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), None when absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _scrub(text: str, url: str) -> str:
    """Remove the channel URL and its path from an error message."""
    parts = urlsplit(url)
    for part in (url, parts.path, parts.query):
        if part and part != "/":
            text = text.replace(part, "<redacted>")
    return text


class Deliverer:
    """POST alerts to channels. ``transport`` is the HTTP seam (``httpx.MockTransport`` in
    unit tests); None builds an ``httpx.AsyncHTTPTransport`` owned (and closed) by us."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport | None = None,
        *,
        allow: Sequence[str] = (),
        timeout_s: float = 10.0,
        max_attempts: int = 5,
        base_delay_s: float = 1.0,
        cap_s: float = 60.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        resolve: Resolver = socket.getaddrinfo,
        rng: random.Random | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be >= 1")
        self._owned = transport is None
        self._transport = transport or httpx.AsyncHTTPTransport(retries=0)
        self._allow = tuple(allow)
        self._timeout_s = timeout_s
        self._max_attempts = max_attempts
        self._cap_s = cap_s
        self._delay = backoff_delays(base_s=base_delay_s, cap_s=cap_s, rng=rng)
        self._sleep = sleep
        self._clock = clock
        self._resolve = resolve

    async def aclose(self) -> None:
        if self._owned:
            await self._transport.aclose()

    async def __aenter__(self) -> Deliverer:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def attempt(self, alert: Alert, channel: Channel, number: int) -> DeliveryAttempt:
        """One attempt, numbered ``number``, and no retry: the delivery queue schedules the
        next one (:mod:`streams.alerts.delivery.lanes`). ``retry`` means "try again later"."""
        at = self._clock()
        started = time.perf_counter()
        outcome, status, error, _ = await self._attempt(alert, channel, at)
        label = channel_label(channel)
        if outcome != "retry":
            self._log_end(alert, label, number, outcome, status, error)
        return DeliveryAttempt(
            alert_id=alert.alert_id,
            rule_id=alert.rule_id,
            channel=label,
            attempt=number,
            outcome=outcome,
            http_status=status,
            error=error,
            at=at,
            duration_ms=round((time.perf_counter() - started) * 1000, 3),
        )

    async def deliver(self, alert: Alert, channel: Channel) -> list[DeliveryAttempt]:
        """Try until delivered, refused, permanently failed or out of attempts."""
        label = channel_label(channel)
        attempts: list[DeliveryAttempt] = []
        for number in range(1, self._max_attempts + 1):
            at = self._clock()
            started = time.perf_counter()
            outcome, status, error, retry_after = await self._attempt(alert, channel, at)
            last = number == self._max_attempts
            if outcome == "retry" and last:
                outcome = "failed"
            attempts.append(
                DeliveryAttempt(
                    alert_id=alert.alert_id,
                    rule_id=alert.rule_id,
                    channel=label,
                    attempt=number,
                    outcome=outcome,
                    http_status=status,
                    error=error,
                    at=at,
                    duration_ms=round((time.perf_counter() - started) * 1000, 3),
                )
            )
            if outcome != "retry":
                self._log_end(alert, label, number, outcome, status, error)
                return attempts
            wait = self._delay(number - 1)
            if retry_after is not None:
                wait = max(wait, min(retry_after, self._cap_s))
            log.warning(
                "alert %s to %s: attempt %d/%d failed (%s), retrying in %.1fs",
                alert.alert_id,
                label,
                number,
                self._max_attempts,
                error,
                wait,
            )
            await self._sleep(wait)
        return attempts  # pragma: no cover - the loop always returns

    async def _attempt(
        self, alert: Alert, channel: Channel, at: datetime
    ) -> tuple[Outcome, int | None, str | None, float | None]:
        url = channel.url
        try:
            addresses = await asyncio.to_thread(
                check_target, url, allow=self._allow, resolve=self._resolve
            )
        except TargetRefusedError as exc:
            return "refused", None, f"{exc.code}: {exc.message}", None
        except TargetUnresolvedError as exc:
            return "retry", None, _scrub(f"{exc.code}: {exc.message}", url), None
        try:
            body, headers = render(alert, channel, timestamp=int(at.timestamp()))
        except SecretUnsetError as exc:  # not sent unsigned: dead-lettered, named
            return "refused", None, f"{exc.code}: {exc.message}", None
        headers["User-Agent"] = _USER_AGENT
        extensions: dict[str, object] = {
            "timeout": httpx.Timeout(self._timeout_s).as_dict(),
        }
        if addresses:
            url, headers["Host"], server_name = _pinned(url, addresses[0])
            if urlsplit(url).scheme == "https":
                extensions["sni_hostname"] = server_name
                # The pool keys connections by IP: never reuse one made for another name.
                headers["Connection"] = "close"
        request = httpx.Request("POST", url, headers=headers, content=body, extensions=extensions)
        try:
            async with asyncio.timeout(self._timeout_s):
                response = await self._transport.handle_async_request(request)
                try:
                    detail = await _read_some(response)
                finally:
                    await response.aclose()
        except TimeoutError:
            return "retry", None, f"timed out after {self._timeout_s:g}s", None
        except httpx.TimeoutException as exc:
            return "retry", None, _scrub(f"timeout: {type(exc).__name__} {exc}", url), None
        except httpx.TransportError as exc:
            return "retry", None, _scrub(f"{type(exc).__name__}: {exc}", channel.url), None
        status = response.status_code
        if 200 <= status < 300:
            return "delivered", status, None, None
        error = _scrub(f"HTTP {status}: {detail}".rstrip(": "), channel.url)
        if status in RETRYABLE_STATUS:
            return "retry", status, error, _retry_after(response.headers.get("Retry-After"), at)
        return "failed", status, error, None

    def _log_end(
        self,
        alert: Alert,
        label: str,
        number: int,
        outcome: Outcome,
        status: int | None,
        error: str | None,
    ) -> None:
        if outcome == "delivered":
            log.info("alert %s delivered to %s (attempt %d)", alert.alert_id, label, number)
        else:
            log.error(
                "alert %s to %s %s after %d attempt(s): %s",
                alert.alert_id,
                label,
                outcome,
                number,
                error or f"HTTP {status}",
            )


async def _read_some(response: httpx.Response) -> str:
    """The start of the response body (for error messages), never more than a few KB."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= 4096:
            break
    text = b"".join(chunks).decode("utf-8", "replace")
    return " ".join(text.split())[:_MAX_ERROR_BODY]
