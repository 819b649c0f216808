"""A real Jetstream-shaped websocket server on 127.0.0.1 (aiohttp, in a thread) for the
bluesky kind's integration tests.

``GET /subscribe?wantedCollections=...&cursor=...`` upgrades to a websocket and sends
every event with ``time_us >= cursor`` in order, then each event added later (without a
cursor: only the later ones, like Jetstream's live tail). ``script[n] = (action, i)``
makes the n-th connection (0-based) ``drop`` (the TCP connection cut, no close frame) or
``stall`` (open, silent) once it has sent the event at index ``i``, or ``refuse`` the
handshake with 429 and ``Retry-After: i``. Every connection's query, headers and time are
logged.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.jetstream_events import encode


@dataclass
class Connection:
    query: dict[str, list[str]]
    headers: dict[str, str] = field(default_factory=dict)
    at: float = 0.0
    sent: list[dict[str, Any]] = field(default_factory=list)

    @property
    def cursor(self) -> int | None:
        values = self.query.get("cursor")
        return int(values[0]) if values else None


@dataclass
class JetstreamServer:
    port: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    script: dict[int, tuple[str, int]] = field(default_factory=dict)
    connections: list[Connection] = field(default_factory=list)
    loop: asyncio.AbstractEventLoop | None = None
    changed: asyncio.Condition | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/subscribe"

    def add(self, *events: dict[str, Any]) -> None:
        """Append events (in time order); open connections send them at once."""
        assert self.loop is not None
        asyncio.run_coroutine_threadsafe(self._add(list(events)), self.loop).result(timeout=10)

    async def _add(self, events: list[dict[str, Any]]) -> None:
        assert self.changed is not None
        async with self.changed:
            self.events.extend(events)
            self.changed.notify_all()

    async def subscribe(self, request: web.Request) -> web.StreamResponse:
        assert self.changed is not None
        query = {k: request.query.getall(k) for k in request.query}
        headers = {k.lower(): v for k, v in request.headers.items()}
        connection = Connection(query, headers, time.monotonic())
        number = len(self.connections)
        self.connections.append(connection)
        action = self.script.get(number)
        if action is not None and action[0] == "refuse":
            return web.Response(status=429, headers={"Retry-After": str(action[1])})
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        cursor = connection.cursor
        position = (
            len(self.events)
            if cursor is None
            else next(
                (i for i, e in enumerate(self.events) if e["time_us"] >= cursor), len(self.events)
            )
        )
        reading = asyncio.create_task(self._drain(ws))
        try:
            while not ws.closed:
                async with self.changed:
                    await self.changed.wait_for(
                        lambda at=position: at < len(self.events) or ws.closed  # type: ignore[misc]
                    )
                    batch = self.events[position:]
                for event in batch:
                    await ws.send_str(encode(event))
                    connection.sent.append(event)
                    if action is not None and position == action[1]:
                        if action[0] == "drop":
                            assert request.transport is not None
                            request.transport.abort()
                            return ws
                        async with self.changed:  # stall: silent until the client leaves
                            await self.changed.wait_for(lambda: ws.closed)
                        return ws
                    position += 1
        finally:
            reading.cancel()
        return ws

    async def _drain(self, ws: web.WebSocketResponse) -> None:
        async for message in ws:
            if message.type is WSMsgType.ERROR:
                break
        assert self.changed is not None
        async with self.changed:
            self.changed.notify_all()


@contextmanager
def jetstream_server() -> Iterator[JetstreamServer]:
    server = JetstreamServer()
    ready = threading.Event()
    stop: asyncio.Event | None = None

    async def main() -> None:
        nonlocal stop
        stop = asyncio.Event()
        server.loop = asyncio.get_running_loop()
        server.changed = asyncio.Condition()
        app = web.Application()
        app.router.add_get("/subscribe", server.subscribe)
        runner = web.AppRunner(app, shutdown_timeout=1)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        server.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        ready.set()
        await stop.wait()
        await runner.cleanup()

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    ready.wait(timeout=10)
    try:
        yield server
    finally:
        assert server.loop is not None and stop is not None
        server.loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=10)
