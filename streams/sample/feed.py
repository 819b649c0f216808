"""The sample's own live feed: an RSS 2.0 document on 127.0.0.1 that grows item by item.

`scout sample` starts it, points `scout listen` (the ``rss`` kind) at it, and publishes the
items of ``feed.jsonl`` one at a time, so a newcomer sees posts arrive live. It answers
conditional GETs like a real publisher (an ``ETag`` per version, 304 when unchanged).

    with SampleFeed() as feed:           # listening on a free port
        feed.url                         # http://127.0.0.1:<port>/sample-feed.xml
        feed.requests                    # GETs answered so far (the listener is polling)
        feed.publish(item)               # the item is in the feed from now on
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from types import TracebackType
from xml.sax.saxutils import escape

__all__ = ["SampleItem", "SampleFeed", "feed_items", "render_feed"]

PATH = "/sample-feed.xml"
TITLE = "Signal Scout sample newswire"


@dataclass(frozen=True)
class SampleItem:
    guid: str  # an absolute IRI: the post id, the same on every run
    title: str
    summary: str
    link: str


@dataclass(frozen=True)
class Published:
    item: SampleItem
    at: datetime  # when it entered the feed (its pubDate)


def feed_items() -> list[SampleItem]:
    """The sample feed's items (``streams/sample/feed.jsonl``), in publishing order."""
    text = resources.files("streams.sample").joinpath("feed.jsonl").read_text("utf-8")
    return [SampleItem(**json.loads(line)) for line in text.splitlines() if line.strip()]


def render_feed(published: list[Published]) -> bytes:
    """RSS 2.0, newest item first, as publishers write it."""
    entries = "".join(
        "<item>"
        f'<guid isPermaLink="false">{escape(p.item.guid)}</guid>'
        f"<title>{escape(p.item.title)}</title>"
        f"<link>{escape(p.item.link)}</link>"
        f"<description>{escape(p.item.summary)}</description>"
        f"<pubDate>{format_datetime(p.at, usegmt=True)}</pubDate>"
        "</item>"
        for p in reversed(published)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(TITLE)}</title><link>https://example.org/wire/</link>"
        "<description>Items published one by one by `scout sample`.</description>"
        f"<language>en</language>{entries}</channel></rss>\n"
    ).encode()


class SampleFeed:
    """The feed, served by a thread of this process until :meth:`close`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._lock = threading.Lock()
        self._published: list[Published] = []
        self.requests = 0
        self.not_modified = 0
        self._server = ThreadingHTTPServer((host, port), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{PATH}"

    def publish(self, item: SampleItem) -> datetime:
        """Put ``item`` in the feed now; returns that time (UTC)."""
        at = datetime.now(UTC)
        with self._lock:
            self._published.append(Published(item, at))
        return at

    def _answer(self, if_none_match: str | None) -> tuple[int, str, bytes]:
        with self._lock:
            self.requests += 1
            published = list(self._published)
            etag = f'"sample-{len(published)}"'
            if if_none_match == etag:
                self.not_modified += 1
                return 304, etag, b""
        return 200, etag, render_feed(published)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if self.path.split("?")[0] != PATH:
                    self.send_error(404)
                    return
                status, etag, body = feed._answer(self.headers.get("If-None-Match"))
                self.send_response(status)
                self.send_header("ETag", etag)
                if status == 200:
                    self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return  # quiet: the sample prints what matters

        return Handler

    def start(self) -> SampleFeed:
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and free the port."""
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    def __enter__(self) -> SampleFeed:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
