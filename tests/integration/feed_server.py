"""A real feed server on 127.0.0.1 for the rss kind's integration tests (a thread).

Each path serves a document with an ETag and answers 304 when ``If-None-Match`` matches;
``script[path]`` holds answers to give first (say ``(429, {"Retry-After": "2"})``). Every
request is logged with its time and headers.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    path: str
    at: float
    headers: dict[str, str]
    status: int


@dataclass
class FeedServer:
    port: int = 0
    docs: dict[str, bytes] = field(default_factory=dict)
    script: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    log: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def publish(self, path: str, body: bytes) -> None:
        with self.lock:
            self.docs[path] = body

    def requests(self, path: str) -> list[Seen]:
        with self.lock:
            return [s for s in self.log if s.path == path]

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            if self.script.get(path):
                status, extra = self.script[path].pop(0)
                return status, extra, b"slow down\n"
            body = self.docs.get(path)
        if body is None:
            return 404, {}, b"no such feed\n"
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"ETag": etag, "Content-Type": "application/rss+xml"}, body


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, extra, body = state.answer(self.path, headers)
            with state.lock:
                state.log.append(Seen(self.path, time.monotonic(), headers, status))
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
