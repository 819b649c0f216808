"""A real HTTP server on 127.0.0.1 (aiohttp, in a thread) speaking the two polling APIs
of the edgar and hackernews kinds:

    GET /cgi-bin/browse-edgar?action=getcurrent&type=<FORM>&...&output=atom
                                    EDGAR's current filings of a form (Atom)
    GET /v0/newstories.json         Hacker News' newest story ids
    GET /v0/item/<id>.json          one item (``null`` when there is none)

Every answer has an ETag and is 304 when ``If-None-Match`` matches; ``script`` holds
answers to give first per route (``"edgar"``, ``"newstories"``, ``"item"``), say
``(429, {"Retry-After": "1"})``. Every request is logged with its monotonic time,
route, headers and status.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.edgar_docs import FakeFiling, current_filings


@dataclass
class Request:
    route: str
    target: str  # the form or item id
    at: float
    headers: dict[str, str]
    status: int


@dataclass
class PollServer:
    port: int = 0
    filings: dict[str, list[FakeFiling]] = field(default_factory=dict)  # form -> filings
    items: dict[int, Any] = field(default_factory=dict)
    script: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def requests(self, route: str) -> list[Request]:
        with self.lock:
            return [r for r in self.log if r.route == route]

    def _scripted(self, route: str) -> tuple[int, dict[str, str]] | None:
        with self.lock:
            queue = self.script.get(route)
            return queue.pop(0) if queue else None

    def _answer(self, route: str, target: str, request: web.Request, body: bytes,
                content_type: str) -> web.Response:  # fmt: skip
        scripted = self._scripted(route)
        headers = {k.lower(): v for k, v in request.headers.items()}
        if scripted is not None:
            status, extra = scripted
            response = web.Response(status=status, headers=extra, text="slow down\n")
        else:
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if headers.get("if-none-match") == etag:
                response = web.Response(status=304, headers={"ETag": etag})
            else:
                response = web.Response(
                    body=body, headers={"ETag": etag, "Content-Type": content_type}
                )
        with self.lock:
            self.log.append(Request(route, target, time.monotonic(), headers, response.status))
        return response

    async def edgar(self, request: web.Request) -> web.Response:
        form = request.query.get("type", "")
        if request.query.get("action") != "getcurrent" or request.query.get("output") != "atom":
            return web.Response(status=400, text="unsupported query\n")
        with self.lock:
            body = current_filings(list(self.filings.get(form, [])))
        return self._answer("edgar", form, request, body, "application/atom+xml")

    async def newstories(self, request: web.Request) -> web.Response:
        with self.lock:
            body = json.dumps(sorted(self.items, reverse=True)[:500]).encode()
        return self._answer("newstories", "", request, body, "application/json")

    async def item(self, request: web.Request) -> web.Response:
        raw = request.match_info["id"]
        with self.lock:
            item = self.items.get(int(raw)) if raw.isdigit() else None
        body = json.dumps(item).encode()
        return self._answer("item", raw, request, body, "application/json")


@contextmanager
def poll_server() -> Iterator[PollServer]:
    state = PollServer()
    app = web.Application()
    app.router.add_get("/cgi-bin/browse-edgar", state.edgar)
    app.router.add_get("/v0/newstories.json", state.newstories)
    app.router.add_get(r"/v0/item/{id}.json", state.item)
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, access_log=None)
    started = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        state.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        started.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    if not started.wait(10):
        raise RuntimeError("the poll server did not start")
    try:
        yield state
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
