"""HTTP to a Mastodon server: timeline pages (REST catch-up) and the streaming connection.

    stream      GET /api/v1/streaming/hashtag?tag=T | /public | /public/local
    catch-up    GET /api/v1/timelines/tag/T | /timelines/public[?local=true]
                ?min_id=<last id seen>&limit=40: the statuses right after ``min_id``

Both send ``Authorization: Bearer <token>`` (Mastodon 4.2+ requires a user token for
streaming). A 429/503 carries its Retry-After; the stream's read timeout is the stall
timeout: no byte (event or ``:thump`` heartbeat) for that long is a stall.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from streams.failures import short_reason
from streams.sources.errors import E_FETCH, SourceFetchError
from streams.sources.http import retry_after_s
from streams.sources.mastodon.config import MastodonConfig
from streams.sources.mastodon.errors import E_BAD_ANSWER, E_STALLED

__all__ = ["PAGE_SIZE", "fetch_page", "open_stream"]

PAGE_SIZE = 40  # the most a timeline request returns

_STREAMS = {
    "hashtag": "/api/v1/streaming/hashtag",
    "public": "/api/v1/streaming/public",
    "local": "/api/v1/streaming/public/local",
}
_SLOW_DOWN = {429, 503}


def _headers(token: str, accept: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Accept": accept}


def _timeline(config: MastodonConfig) -> tuple[str, dict[str, str]]:
    if config.timeline == "hashtag":
        return f"{config.server}/api/v1/timelines/tag/{config.tag}", {}
    params = {"local": "true"} if config.timeline == "local" else {}
    return f"{config.server}/api/v1/timelines/public", params


def _stream(config: MastodonConfig) -> tuple[str, dict[str, str]]:
    params = {"tag": config.tag} if config.tag else {}
    return f"{config.server}{_STREAMS[config.timeline]}", params


def _refused(response: httpx.Response, what: str, host: str) -> SourceFetchError:
    status = response.status_code
    retry_after = (
        retry_after_s(response.headers.get("retry-after")) if status in _SLOW_DOWN else None
    )
    wait = f" (Retry-After: {retry_after:.0f}s)" if retry_after is not None else ""
    hint = (
        ": the access token was refused; check the variable named by token_env"
        if status in {401, 403}
        else ""
    )
    return SourceFetchError(
        f"{what} answered HTTP {status}{wait}{hint}",
        retry_after=retry_after,
        host=host,
        code=E_FETCH,
    )


async def fetch_page(
    http: httpx.AsyncClient, config: MastodonConfig, token: str, *, min_id: str | None
) -> list[dict[str, Any]]:
    """One page of the timeline: the statuses right after ``min_id`` (the latest ones
    when None), as the server sent them (newest first)."""
    url, params = _timeline(config)
    params = params | {"limit": str(PAGE_SIZE)} | ({"min_id": min_id} if min_id else {})
    try:
        response = await http.get(url, params=params, headers=_headers(token, "application/json"))
    except httpx.HTTPError as exc:
        raise SourceFetchError(
            f"{url}: {short_reason(exc)}", host=config.host, code=E_FETCH
        ) from exc
    if response.status_code >= 300:
        raise _refused(response, url, config.host)
    try:
        body = json.loads(response.content)
    except ValueError as exc:
        raise SourceFetchError(
            f"{url} answered something that is not JSON", host=config.host, code=E_BAD_ANSWER
        ) from exc
    if not isinstance(body, list) or not all(isinstance(s, dict) for s in body):
        raise SourceFetchError(
            f"{url} answered JSON that is not a list of statuses",
            host=config.host,
            code=E_BAD_ANSWER,
        )
    return body


@asynccontextmanager
async def open_stream(
    http: httpx.AsyncClient, config: MastodonConfig, token: str, *, connect_timeout_s: float
) -> AsyncIterator[AsyncIterator[str]]:
    """Connect; yields the stream's lines. A read that waits past ``stall_timeout`` raises
    ``SourceFetchError`` SCOUT-E751; a dropped connection SCOUT-E706."""
    url, params = _stream(config)
    stall = config.stall_timeout.total_seconds()
    timeout = httpx.Timeout(connect_timeout_s, read=stall)
    try:
        async with http.stream(
            "GET",
            url,
            params=params,
            headers=_headers(token, "text/event-stream"),
            timeout=timeout,
        ) as response:
            if response.status_code >= 300:
                await response.aread()
                raise _refused(response, url, config.host)
            yield _lines(response, stall, config.host)
    except httpx.HTTPError as exc:
        raise SourceFetchError(
            f"{url}: {short_reason(exc)}", host=config.host, code=E_FETCH
        ) from exc


async def _lines(response: httpx.Response, stall: float, host: str) -> AsyncIterator[str]:
    try:
        async for line in response.aiter_lines():
            yield line
    except httpx.ReadTimeout as exc:
        raise SourceFetchError(
            f"the stream sent neither an event nor a heartbeat for {stall:g}s: reconnecting",
            host=host,
            code=E_STALLED,
        ) from exc
