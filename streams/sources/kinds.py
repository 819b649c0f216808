"""Which kinds exist: each kind's configuration model and connector class.

A new kind adds one line to :data:`CONFIGS` and one to :func:`source_class`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.sources.bluesky.config import BlueskyConfig
from streams.sources.edgar.config import EdgarConfig
from streams.sources.hackernews.config import HackerNewsConfig
from streams.sources.mastodon.config import MastodonConfig
from streams.sources.rss.config import RssConfig
from streams.sources.spec import SourceConfig
from streams.sources.x.config import XConfig

if TYPE_CHECKING:
    from streams.sources.base import Source

__all__ = ["CONFIGS", "PLANNED", "source_class"]

CONFIGS: dict[str, type[SourceConfig]] = {
    "rss": RssConfig,
    "bluesky": BlueskyConfig,
    "x": XConfig,
    "mastodon": MastodonConfig,
    "edgar": EdgarConfig,
    "hackernews": HackerNewsConfig,
}
"""Kinds ``scout listen`` runs."""

PLANNED: tuple[str, ...] = ()
"""Kinds named by issue 15 and not implemented yet: a source of one is refused, saying so."""


def source_class(kind: str) -> type[Source]:
    """The connector of ``kind`` (imported on use: a command that only reads the file
    does not import the connectors' libraries)."""
    if kind == "rss":
        from streams.sources.rss.source import RssSource

        return RssSource
    if kind == "bluesky":
        from streams.sources.bluesky.source import BlueskySource

        return BlueskySource
    if kind == "x":
        from streams.sources.x.source import XSource

        return XSource
    if kind == "mastodon":
        from streams.sources.mastodon.source import MastodonSource

        return MastodonSource
    if kind == "edgar":
        from streams.sources.edgar.source import EdgarSource

        return EdgarSource
    if kind == "hackernews":
        from streams.sources.hackernews.source import HackerNewsSource

        return HackerNewsSource
    raise KeyError(kind)
