"""A local X API v2 filtered stream on 127.0.0.1 for the x kind's integration tests (aiohttp
in a thread; team-written, after X's documented shapes).

    GET  /2/tweets/search/stream/rules    {"data": [{"id", "value", "tag"}], "meta": {...}}
    POST /2/tweets/search/stream/rules    add / delete, ``dry_run=true`` validates only;
                                          limits enforced like X: past ``max_rules`` a 403
                                          RulesCapExceeded problem, a rule over
                                          ``max_rule_length`` a 400 invalid-rules error
                                          (nothing of that request created)
    GET  /2/tweets/search/stream          chunked newline-delimited JSON: the tweets pushed
                                          while connected that a rule matches (with
                                          ``matching_rules``), ``\\r\\n`` keep-alives;
                                          ``backfill_minutes`` replays that many minutes

Every request needs ``Authorization: Bearer <token>`` (else 401). ``script`` holds what
the next stream connections do instead of streaming normally: ``("429", seconds)`` answers
429 with ``x-rate-limit-reset`` that far ahead; :meth:`XServer.stall` makes the open
connection go silent (no data, no keep-alive) without closing it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

TOKEN = "test-bearer-token"
_TOKEN = re.compile(r'"[^"]*"|\S+')


@dataclass
class Connection:
    at: float
    params: dict[str, str]
    status: int
    closed_at: float | None = None


@dataclass
class Pushed:
    at: float
    tweet: dict[str, Any]
    user: dict[str, Any]


def _matches(value: str, text: str, username: str) -> bool:
    body = value
    if ")" in body:
        body = body[: body.rindex(")") + 1]
    terms = [t for t in _TOKEN.findall(body.strip("()")) if t != "OR"]
    lowered = text.lower()
    for term in terms:
        term = term.strip("()")
        if term.startswith("from:"):
            if username.lower() == term[5:].lower():
                return True
        elif term.startswith(("@", "$")):
            if re.search(re.escape(term.lower()) + r"(?!\w)", lowered):
                return True
        else:
            words = term.strip('"').lower()
            if re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", lowered):
                return True
    return False


@dataclass
class XServer:
    max_rules: int = 5
    max_rule_length: int = 64
    keepalive_s: float = 0.5
    port: int = 0
    rules: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> value, tag
    pushed: list[Pushed] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    rule_requests: list[tuple[str, dict[str, str], Any, int]] = field(default_factory=list)
    script: list[tuple[str, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1_500_000_000_000_000_000))
    _stall: bool = False

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add_rule(self, value: str, tag: str | None) -> str:
        with self.lock:
            rule_id = str(next(self._ids))
            self.rules[rule_id] = (value, tag)
            return rule_id

    def rules_tagged(self, tag: str) -> dict[str, str]:
        with self.lock:
            return {i: v for i, (v, t) in self.rules.items() if t == tag}

    def push(self, text: str, *, username: str = "someone", tweet_id: str | None = None) -> str:
        """A tweet posted now (delivered to the connections whose rules match it)."""
        with self.lock:
            tid = tweet_id or str(next(self._ids))
            user = {
                "id": f"u-{username}",
                "username": username,
                "name": username.title(),
                "verified": False,
                "public_metrics": {"followers_count": 10, "following_count": 1},
            }
            tweet = {
                "id": tid,
                "text": text,
                "author_id": user["id"],
                "created_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "lang": "en",
                "public_metrics": {"like_count": 1, "retweet_count": 0, "reply_count": 0},
                "edit_history_tweet_ids": [tid],
            }
            self.pushed.append(Pushed(time.time(), tweet, user))
            return tid

    def stall(self) -> float:
        """The open connection goes silent from now (it is not closed)."""
        with self.lock:
            self._stall = True
            return time.monotonic()

    def open_connections(self) -> list[Connection]:
        with self.lock:
            return [c for c in self.connections if c.status == 200]

    # --- handlers -------------------------------------------------------------------
    def _authorized(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {TOKEN}"

    @staticmethod
    def _unauthorized() -> web.Response:
        return web.json_response(
            {
                "title": "Unauthorized",
                "type": "about:blank",
                "status": 401,
                "detail": "Unauthorized",
            },
            status=401,
        )

    async def get_rules(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return self._unauthorized()
        sent = datetime.now(UTC).isoformat()
        with self.lock:
            data = [
                {"id": i, "value": v, **({"tag": t} if t is not None else {})}
                for i, (v, t) in self.rules.items()
            ]
        meta = {"sent": sent, "result_count": len(data)}
        return web.json_response({"data": data, "meta": meta} if data else {"meta": meta})

    async def post_rules(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return self._unauthorized()
        body = await request.json()
        dry_run = request.query.get("dry_run") == "true"
        status, answer = self._change(body, dry_run)
        with self.lock:
            self.rule_requests.append((request.method, dict(request.query), body, status))
        return web.json_response(answer, status=status)

    def _change(self, body: dict[str, Any], dry_run: bool) -> tuple[int, dict[str, Any]]:
        sent = datetime.now(UTC).isoformat()
        if "delete" in body:
            ids = [str(i) for i in body["delete"].get("ids", [])]
            with self.lock:
                found = [i for i in ids if i in self.rules]
                if not dry_run:
                    for i in found:
                        del self.rules[i]
            errors = [
                {"title": "Not Found", "detail": f"rule {i} not found", "type": "about:blank"}
                for i in ids
                if i not in found
            ]
            summary = {"deleted": len(found), "not_deleted": len(ids) - len(found)}
            answer: dict[str, Any] = {"meta": {"sent": sent, "summary": summary}}
            return 200, answer | ({"errors": errors} if errors else {})
        adds = body.get("add") or []
        invalid = [
            {
                "value": a["value"],
                "details": [f"Rule length exceeds {self.max_rule_length} characters."],
                "title": "UnprocessableEntity",
                "type": "https://api.twitter.com/2/problems/invalid-rules",
            }
            for a in adds
            if len(a["value"]) > self.max_rule_length
        ]
        if invalid:
            summary = {"created": 0, "not_created": len(adds), "valid": len(adds) - len(invalid)}
            summary["invalid"] = len(invalid)
            return 400, {"errors": invalid, "meta": {"sent": sent, "summary": summary}}
        with self.lock:
            if len(self.rules) + len(adds) > self.max_rules:
                return 403, {
                    "title": "RulesCapExceeded",
                    "detail": "Rule creation would exceed the maximum number of rules"
                    f" ({self.max_rules}) of this access level.",
                    "type": "https://api.twitter.com/2/problems/rule-cap",
                }
            created = []
            for add in adds:
                rule_id = str(next(self._ids))
                if not dry_run:
                    self.rules[rule_id] = (add["value"], add.get("tag"))
                created.append({"id": rule_id, "value": add["value"], "tag": add.get("tag")})
        summary = {"created": len(adds), "not_created": 0, "valid": len(adds), "invalid": 0}
        return 201, {"data": [] if dry_run else created, "meta": {"sent": sent, "summary": summary}}

    async def stream(self, request: web.Request) -> web.StreamResponse:
        if not self._authorized(request):
            return self._unauthorized()
        with self.lock:
            action = self.script.pop(0) if self.script else ("stream", 0.0)
        if action[0] == "429":
            with self.lock:
                self.connections.append(Connection(time.monotonic(), dict(request.query), 429))
            reset = int(time.time() + action[1])
            return web.json_response(
                {
                    "title": "Too Many Requests",
                    "detail": "Too Many Requests",
                    "type": "about:blank",
                },
                status=429,
                headers={
                    "x-rate-limit-limit": "50",
                    "x-rate-limit-remaining": "0",
                    "x-rate-limit-reset": str(reset),
                },
            )
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        connection = Connection(time.monotonic(), dict(request.query), 200)
        with self.lock:
            self._stall = False
            self.connections.append(connection)
            minutes = int(request.query.get("backfill_minutes") or 0)
            since = time.time() - minutes * 60
            position = next(
                (n for n, p in enumerate(self.pushed) if minutes and p.at >= since),
                len(self.pushed),
            )
        last_write = 0.0
        try:
            while True:
                transport = request.transport
                if transport is None or transport.is_closing():
                    break
                with self.lock:
                    stalled = self._stall
                    fresh = self.pushed[position:]
                    position = len(self.pushed)
                    rules = dict(self.rules)
                if stalled:
                    await asyncio.sleep(0.05)
                    continue
                for item in fresh:
                    matching = [
                        {"id": i, "tag": t}
                        for i, (v, t) in rules.items()
                        if _matches(v, item.tweet["text"], item.user["username"])
                    ]
                    if not matching:
                        continue
                    line = {
                        "data": item.tweet,
                        "includes": {"users": [item.user]},
                        "matching_rules": matching,
                    }
                    await response.write(json.dumps(line).encode() + b"\r\n")
                    last_write = time.monotonic()
                if time.monotonic() - last_write >= self.keepalive_s:
                    await response.write(b"\r\n")
                    last_write = time.monotonic()
                await asyncio.sleep(0.05)
        except (ConnectionResetError, ConnectionError):
            pass
        finally:
            connection.closed_at = time.monotonic()
        return response


@contextmanager
def x_server(**options: Any) -> Iterator[XServer]:
    state = XServer(**options)
    app = web.Application()
    app.router.add_get("/2/tweets/search/stream/rules", state.get_rules)
    app.router.add_post("/2/tweets/search/stream/rules", state.post_rules)
    app.router.add_get("/2/tweets/search/stream", state.stream)
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=1.0)
    ready = threading.Event()

    async def start() -> None:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        sockets = site._server.sockets if site._server else []  # type: ignore[union-attr]
        state.port = int(sockets[0].getsockname()[1])
        ready.set()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        loop.run_forever()

    thread = threading.Thread(target=serve, name="x-server", daemon=True)
    thread.start()
    if not ready.wait(10):
        raise RuntimeError("the local X server did not start")
    try:
        yield state
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
