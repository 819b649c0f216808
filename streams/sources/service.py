"""``scout listen`` and ``scout sources test``: build the shared clients once, run sources."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

from streams.errors import ConfigError
from streams.settings import Settings
from streams.sources.base import SourceContext
from streams.sources.config import load_sources
from streams.sources.cursors import read_states
from streams.sources.errors import E_NO_SOURCE
from streams.sources.filters import make_filter
from streams.sources.http import make_http_client
from streams.sources.kinds import source_class
from streams.sources.pacing import HostPacer
from streams.sources.publish import KafkaPublisher
from streams.topics import POSTS_DLQ, POSTS_RAW, SOURCE_CURSORS

__all__ = ["listen", "test_source"]

log = logging.getLogger(__name__)


async def listen(settings: Settings) -> None:
    """Run every configured source until SIGTERM/SIGINT; then finish the polls in flight
    (posts acknowledged, cursors saved) and stop."""
    from streams.kafka.producer import make_producer
    from streams.sources.health import serve_health
    from streams.sources.runner import Listener
    from streams.watchlist import WatchlistStore, default_watchlist_dir

    load_sources(settings.sources_file)  # an unreadable file fails now, with its code
    if not settings.sources_contact.strip():
        log.warning("SCOUT_SOURCES_CONTACT is not set: publishers cannot reach the operator")
    publisher = KafkaPublisher(await asyncio.to_thread(make_producer, settings))
    http = make_http_client(settings)
    server: asyncio.Server | None = None
    try:
        topics = [t.name(settings) for t in (POSTS_RAW, POSTS_DLQ, SOURCE_CURSORS)]
        await asyncio.to_thread(publisher.check_topics, topics)
        states = await asyncio.to_thread(read_states, settings)
        ctx = SourceContext(
            settings=settings,
            http=http,
            pacer=HostPacer(settings.sources_host_interval_s),
            publisher=publisher,
        )
        listener = Listener(
            ctx,
            settings.sources_file,
            states=states,
            watchlists=lambda: WatchlistStore(
                settings.watchlist_dir or default_watchlist_dir(), settings.watchlist_check_s
            ),
        )
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, listener.stop)
        if settings.listen_port is not None:
            server = await serve_health(listener, settings.listen_host, settings.listen_port)
            log.info("health on http://%s:%d/health", settings.listen_host, settings.listen_port)
        log.info("listening: %d cursors read from %s", len(states), topics[2])
        await listener.run()
        log.info("stopped: every source's acknowledged posts and cursor saved")
    finally:
        if server is not None:
            server.close()
        await http.aclose()
        await asyncio.to_thread(publisher.close)


async def test_source(settings: Settings, name: str) -> list[dict[str, Any]]:
    """Fetch source ``name`` once: its items as Post-shaped dicts. Nothing is published and
    no cursor is read or written."""
    loaded = load_sources(settings.sources_file)
    config = loaded.get(name)
    if config is None:
        broken = next((p for p in loaded.problems if p.source == name), None)
        if broken is not None:
            raise broken
        known = ", ".join(s.name for s in loaded.sources) or "none"
        raise ConfigError(
            f"no source {name!r} in {settings.sources_file} (sources: {known})", code=E_NO_SOURCE
        )
    async with make_http_client(settings) as http:
        ctx = SourceContext(
            settings=settings,
            http=http,
            pacer=HostPacer(0),
            publisher=_NoPublisher(),
            save_cursors=False,
        )
        source = source_class(config.kind)(config, ctx, make_filter("all", None))
        return await source.fetch_once()


class _NoPublisher:
    def send(self, topic: str, key: bytes, value: bytes) -> asyncio.Future[None]:
        raise RuntimeError("`scout sources test` publishes nothing")
