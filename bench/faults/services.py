"""Services a fault can be injected into without touching the shared ones: a TCP proxy in
front of Elasticsearch that can be cut, and a webhook receiver that can be down (its port
closed) or answer 500."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal


class TcpProxy:
    """Forwards ``127.0.0.1:<port>`` to a target from a background event loop. ``cut()``
    closes the listener and aborts every open connection (clients see refused
    connections, as with a stopped service); ``restore()`` listens on the same port."""

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.port = 0
        self.restore()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self, coro: Coroutine[Any, Any, None]) -> None:
        future: Future[None] = asyncio.run_coroutine_threadsafe(coro, self._loop)
        future.result(timeout=10)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65_536):
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        self._writers -= {writer, up_writer}

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(
            self._handle, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    def restore(self) -> None:
        self._run(self._listen())

    def cut(self) -> None:
        self._run(self._close())

    def close(self) -> None:
        self.cut()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


Mode = Literal["ok", "error", "down"]


@dataclass(frozen=True)
class Receipt:
    at: float  # time.monotonic() when answered 200
    key: str  # the Idempotency-Key header
    rule_id: str
    post_id: str


class FlakyReceiver:
    """A real webhook receiver on 127.0.0.1: ``ok`` (200 and recorded), ``error`` (500,
    counted, not recorded) or ``down`` (the listening port closed). ``arm`` runs a hook
    between an alert's arrival and its answer (a sender killed mid-send)."""

    def __init__(self) -> None:
        self.receipts: list[Receipt] = []
        self.errors = 0
        self.mode: Mode = "ok"
        self._lock = threading.Lock()
        self._hook: Callable[[], None] | None = None
        self._server: ThreadingHTTPServer | None = None
        self.port = 0
        self._listen()

    def arm(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` once, when the next alert has arrived and before it is answered."""
        with self._lock:
            self._hook = hook

    def disarm(self) -> bool:
        """Drop the hook; True when it had not fired."""
        with self._lock:
            armed, self._hook = self._hook is not None, None
        return armed

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def _listen(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                if len(body) < length:  # the sender died mid-request: not delivered
                    self.send_response(400)
                    self.end_headers()
                    return
                if owner.mode != "ok":
                    with owner._lock:
                        owner.errors += 1
                    self.send_response(500)
                    self.end_headers()
                    return
                alert = json.loads(body)
                receipt = Receipt(
                    time.monotonic(),
                    self.headers.get("Idempotency-Key", ""),
                    str(alert.get("rule_id")),
                    str((alert.get("post") or {}).get("post_id")),
                )
                with owner._lock:
                    owner.receipts.append(receipt)
                    hook, owner._hook = owner._hook, None
                if hook is not None:
                    hook()  # e.g. kill the sender: the alert arrived, the 200 never does
                try:
                    self.send_response(200)
                    self.end_headers()
                except OSError:
                    pass

            def log_message(self, *args: Any) -> None:
                return None

        class Server(ThreadingHTTPServer):
            allow_reuse_address = True
            daemon_threads = True
            request_queue_size = 256

        self._server = Server(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _shut(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def set_mode(self, mode: Mode) -> None:
        if mode == "down":
            self._shut()
        elif self._server is None:
            self._listen()
        self.mode = mode

    def snapshot(self) -> list[Receipt]:
        with self._lock:
            return list(self.receipts)

    def close(self) -> None:
        self._shut()


@dataclass(frozen=True)
class AlertTally:
    received: int  # distinct (rule, post) delivered
    resent_same_key: int  # extra deliveries under a key already received (safe resends)
    duplicated: int  # (rule, post) pairs delivered under more than one key


def tally(receipts: list[Receipt]) -> AlertTally:
    pairs: dict[tuple[str, str], set[str]] = {}
    for r in receipts:
        pairs.setdefault((r.rule_id, r.post_id), set()).add(r.key)
    keys = Counter(r.key for r in receipts)
    return AlertTally(
        received=len(pairs),
        resent_same_key=sum(n - 1 for n in keys.values()),
        duplicated=sum(1 for ks in pairs.values() if len(ks) > 1),
    )
