"""One conditional GET of a feed (ETag / Last-Modified sent back exactly as received)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from streams.failures import short_reason
from streams.sources.errors import E_FETCH, E_NOT_A_FEED, SourceFetchError
from streams.sources.http import MAX_BODY_BYTES, retry_after_s

__all__ = ["Fetched", "fetch_feed"]

_SLOW_DOWN = {429, 503}


@dataclass(frozen=True)
class Fetched:
    not_modified: bool
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


async def fetch_feed(
    http: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BODY_BYTES,
    headers: dict[str, str] | None = None,
) -> Fetched:
    """GET ``url``; 304 is ``not_modified``; anything but 2xx/304 is ``SourceFetchError``
    (with the Retry-After of a 429/503). ``headers`` add to (or replace) the client's."""
    host = urlsplit(url).hostname or url
    headers = {
        "Accept": "application/rss+xml, application/atom+xml, application/rdf+xml,"
        " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
    } | dict(headers or {})
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with http.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return Fetched(not_modified=True, etag=etag, last_modified=last_modified)
            if response.status_code >= 300:
                retry_after = (
                    retry_after_s(response.headers.get("retry-after"))
                    if response.status_code in _SLOW_DOWN
                    else None
                )
                wait = f" (Retry-After: {retry_after:.0f}s)" if retry_after is not None else ""
                raise SourceFetchError(
                    f"{url} answered HTTP {response.status_code}{wait}",
                    retry_after=retry_after,
                    host=host,
                    code=E_FETCH,
                )
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise SourceFetchError(
                        f"{url} answered over {max_bytes // (1024 * 1024)} MiB: not a feed",
                        host=host,
                        code=E_NOT_A_FEED,
                    )
            return Fetched(
                not_modified=False,
                body=bytes(body),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
    except httpx.HTTPError as exc:
        kind = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
        raise SourceFetchError(
            f"request to {url} {kind}: {short_reason(exc) or type(exc).__name__}",
            host=host,
            code=E_FETCH,
        ) from exc
