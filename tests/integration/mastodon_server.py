"""A real Mastodon-speaking server on 127.0.0.1 for the mastodon kind's tests (a thread
running an aiohttp app): server-sent events on ``/api/v1/streaming/hashtag`` with ``:thump``
heartbeats, and ``/api/v1/timelines/tag/<tag>`` answering ``min_id``/``limit`` as Mastodon
does. The test drives each stream connection: send an event, drop the connection in the
middle of a chunk, or fall silent (a stall)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "test-token-123"  # noqa: S105 - a test server's token
HOST = "social.example"


def status(sid: int, text: str, *, acct: str = "alice", **extra: Any) -> dict[str, Any]:
    """A Status entity as Mastodon's API returns it."""
    return {
        "id": str(sid),
        "uri": f"https://{HOST}/users/{acct}/statuses/{sid}",
        "url": f"https://{HOST}/@{acct}/{sid}",
        "created_at": f"2026-12-06T00:{sid % 60:02d}:00.000Z",
        "content": f"<p>{text}</p>",
        "spoiler_text": "",
        "language": "en",
        "replies_count": 1,
        "reblogs_count": 2,
        "favourites_count": 3,
        "account": {
            "id": "1",
            "acct": acct,
            "display_name": acct.title(),
            "followers_count": 10,
            "following_count": 5,
            "bot": False,
        },
        "reblog": None,
        **extra,
    }


_DROP, _STALL = object(), object()


@dataclass
class Connection:
    queue: asyncio.Queue[Any]
    headers: dict[str, str]


@dataclass
class MastodonServer:
    heartbeat_s: float = 0.5
    port: int = 0
    timeline: dict[int, dict[str, Any]] = field(default_factory=dict)
    connections: list[Connection] = field(default_factory=list)
    catch_ups: list[str | None] = field(default_factory=list)  # min_id of each REST request
    refused: int = 0  # requests without the token
    loop: asyncio.AbstractEventLoop | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, *statuses: dict[str, Any]) -> None:
        with self.lock:
            for s in statuses:
                self.timeline[int(s["id"])] = s

    def _put(self, item: Any) -> None:
        assert self.loop is not None and self.connections
        conn = self.connections[-1]
        self.loop.call_soon_threadsafe(conn.queue.put_nowait, item)

    def send(self, event: str, data: Any, *, add: bool = True) -> None:
        """An event on the current connection (an ``update`` joins the timeline too)."""
        if event == "update" and add:
            self.add(data)
        self._put((event, data if isinstance(data, str) else json.dumps(data)))

    def drop(self) -> None:
        """Cut the current connection in the middle of an event (no final chunk)."""
        self._put(_DROP)

    def stall(self) -> None:
        """The current connection stays open and sends nothing more, heartbeats included."""
        self._put(_STALL)

    # --- the handlers (in the server's loop) -----------------------------------------
    def _authorized(self, request: web.Request) -> bool:
        ok = request.headers.get("Authorization") == f"Bearer {TOKEN}"
        if not ok:
            with self.lock:
                self.refused += 1
        return ok

    async def stream(self, request: web.Request) -> web.StreamResponse:
        if not self._authorized(request):
            return web.json_response(
                {"error": "This method requires an authenticated user"}, status=401
            )
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        conn = Connection(asyncio.Queue(), dict(request.headers))
        with self.lock:
            self.connections.append(conn)
        silent = False
        while request.transport is not None and not request.transport.is_closing():
            try:
                item = await asyncio.wait_for(conn.queue.get(), self.heartbeat_s)
            except TimeoutError:
                if not silent:
                    await response.write(b":thump\n")
                continue
            if item is _STALL:
                silent = True
            elif item is _DROP:
                await response.write(b'event: update\ndata: {"id": "9')
                request.transport.abort()
                break
            else:
                event, data = item
                await response.write(f"event: {event}\ndata: {data}\n\n".encode())
        return response

    async def tag_timeline(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return web.json_response({"error": "unauthorized"}, status=401)
        min_id = request.query.get("min_id")
        limit = int(request.query.get("limit", "20"))
        with self.lock:
            self.catch_ups.append(min_id)
            ids = sorted(self.timeline)
            after = ids if min_id is None else [i for i in ids if i > int(min_id)]
            page = after[-limit:] if min_id is None else after[:limit]
            body = [self.timeline[i] for i in reversed(page)]  # newest first
        return web.json_response(body)


@contextmanager
def mastodon_server(heartbeat_s: float = 0.5) -> Iterator[MastodonServer]:
    server = MastodonServer(heartbeat_s=heartbeat_s)
    ready = threading.Event()
    stop: asyncio.Event | None = None

    async def main() -> None:
        nonlocal stop
        stop = asyncio.Event()
        app = web.Application()
        app.router.add_get("/api/v1/streaming/hashtag", server.stream)
        app.router.add_get("/api/v1/timelines/tag/{tag}", server.tag_timeline)
        runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        server.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        server.loop = asyncio.get_running_loop()
        ready.set()
        await stop.wait()
        await runner.cleanup()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    assert ready.wait(10), "the Mastodon test server did not start"
    try:
        yield server
    finally:
        assert server.loop is not None and stop is not None
        server.loop.call_soon_threadsafe(stop.set)
        thread.join(10)
