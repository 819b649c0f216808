"""The board's test helpers: the API served by a real uvicorn on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import uvicorn
from elasticsearch import Elasticsearch
from fastapi import FastAPI

from models.enriched import EnrichedPost, Entity
from models.signals import Category, Influence, MASignal, Party
from streams.api.board_store import columns_index
from streams.index.documents import doc_id, to_source
from streams.settings import Settings


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """``app`` on http://127.0.0.1:<free port> in a thread; stopped (streams cut) on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise AssertionError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


def index_post(
    es: Elasticsearch,
    settings: Settings,
    post_id: str,
    text: str,
    *,
    entities: tuple[Entity, ...] = (),
    ma: MASignal | None = None,
    created_at: datetime | None = None,
    category: Category | None = None,
    indexed_at: datetime | None = None,
) -> str:
    """Index one enriched post directly (no worker), visible at once; returns its doc id.
    ``indexed_at`` (default now) is what the board's live feed goes by."""
    doc = EnrichedPost(
        doc_id=doc_id("board-test", post_id),
        post_id=post_id,
        source="board-test",
        text=text,
        created_at=created_at or datetime.now(UTC),
        author=None,
        url=None,
        lang="en",
        entities=entities,
        model="test",
        influence=Influence(score=42.0),
        category=category,
        **({"ma": ma} if ma else {}),
    )
    es.index(
        index=settings.posts_alias,
        id=doc.doc_id,
        document=to_source(doc, indexed_at=indexed_at or datetime.now(UTC)),
        refresh=True,
    )
    return doc.doc_id


def msft_entity(text: str) -> Entity:
    start = text.index("Microsoft")
    return Entity(text="Microsoft", label="ORG", start=start, end=start + 9, id="company:MSFT")


DEAL = MASignal(
    is_ma=True,
    score=0.9,
    acquirer=Party(name="Microsoft", id="company:MSFT"),
    target=Party(name="Contoso"),
    amount="$2bn",
    status="announced",
)


def drop_columns(es: Elasticsearch, settings: Settings) -> None:
    es.indices.delete(index=columns_index(settings), ignore_unavailable=True)
    es.indices.delete(index=f"{settings.index_prefix}-rules", ignore_unavailable=True)


def sse_events(lines: Iterator[str], *, want: int, timeout: float) -> list[dict[str, Any]]:
    """Parse ``want`` events (not comments) from an SSE line iterator, with a deadline."""
    import json

    events: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    deadline = time.monotonic() + timeout
    for line in lines:
        if time.monotonic() > deadline:
            break
        if not line:
            if "event" in current:
                events.append(current)
                if len(events) >= want:
                    break
            current = {}
        elif line.startswith("event: "):
            current["event"] = line[7:]
        elif line.startswith("data: "):
            current["data"] = json.loads(line[6:])
    return events
