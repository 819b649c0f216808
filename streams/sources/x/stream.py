"""The filtered stream's body: newline-delimited JSON, ``\\r\\n`` keep-alives (pure but
for the reading).

Every line is one of: empty (a keep-alive, every ~20 s when nothing matches), a tweet
``{"data", "includes", "matching_rules"}``, or ``{"errors": [...]}`` (an
``operational-disconnect`` before X closes the connection, say). A stall, neither data
nor a keep-alive for ``stall_timeout`` seconds, is :class:`StreamStalled`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from streams.backfill.formats.social import twitter_v2_posts
from streams.sources.x.errors import StreamStalled, XApiError

__all__ = ["MAX_LINE_BYTES", "StreamLine", "parse_line", "read_lines", "until_stopped"]

MAX_LINE_BYTES = 4 * 1024 * 1024
SOURCE = "twitter"
"""The source of posts read from X: the one the backfill's v1.1 and v2 readers use, so a
tweet read by both has one document id."""


async def read_lines(
    chunks: AsyncIterator[bytes], *, stall_timeout: float, host: str | None = None
) -> AsyncIterator[bytes]:
    """The lines of a chunked body (keep-alives as ``b""``); ``StreamStalled`` when no
    byte came for ``stall_timeout`` seconds. Ends when the server closes the stream."""
    buffer = bytearray()
    iterator = aiter(chunks)
    while True:
        try:
            chunk = await asyncio.wait_for(anext(iterator), timeout=stall_timeout)
        except StopAsyncIteration:
            return
        except TimeoutError:
            raise StreamStalled(stall_timeout, host=host) from None
        buffer += chunk
        while True:
            end = buffer.find(b"\n")
            if end < 0:
                break
            line = bytes(buffer[:end]).strip()
            del buffer[: end + 1]
            yield line
        if len(buffer) > MAX_LINE_BYTES:
            raise XApiError(f"a stream line passed {MAX_LINE_BYTES} bytes", host=host)


async def until_stopped(
    lines: AsyncIterator[bytes], stopping: asyncio.Event
) -> AsyncIterator[bytes]:
    """``lines`` until they end or ``stopping`` is set (the read in flight is cancelled:
    a quiet stream does not hold a stop until its next keep-alive)."""
    stop = asyncio.ensure_future(stopping.wait())
    iterator = aiter(lines)
    try:
        while True:
            following = asyncio.ensure_future(anext(iterator))
            await asyncio.wait({following, stop}, return_when=asyncio.FIRST_COMPLETED)
            if not following.done():
                following.cancel()
                with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                    await following
                return
            try:
                yield following.result()
            except StopAsyncIteration:
                return
    finally:
        stop.cancel()


@dataclass(frozen=True)
class StreamLine:
    posts: list[dict[str, Any]]  # Post-shaped, source "twitter"
    tags: frozenset[str]  # tags of the rules that matched
    errors: list[dict[str, Any]]
    raw: bytes

    @property
    def disconnect(self) -> bool:
        """X says it is closing the stream (operational-disconnect and the like)."""
        return any(
            "disconnect" in str(e.get("title", "")).lower()
            or "disconnect" in str(e.get("type", "")).lower()
            or e.get("disconnect_type")
            for e in self.errors
        )


def parse_line(line: bytes) -> StreamLine | None:
    """One non-empty line -> its posts and errors; None for a keep-alive. A line that is
    not JSON is a ``ValueError``."""
    if not line.strip():
        return None
    obj = json.loads(line)
    if not isinstance(obj, dict):
        raise ValueError("a stream line is not a JSON object")
    errors = [e for e in obj.get("errors") or [] if isinstance(e, dict)]
    posts = []
    if isinstance(obj.get("data"), dict):
        for post in twitter_v2_posts(obj):
            post["source"] = SOURCE
            posts.append(post)
    tags = frozenset(
        str(r.get("tag")) for r in obj.get("matching_rules") or [] if isinstance(r, dict)
    )
    return StreamLine(posts=posts, tags=tags, errors=errors, raw=line)
