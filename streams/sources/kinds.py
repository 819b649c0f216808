"""Which kinds exist: each kind's configuration model and connector class.

A new kind adds one line to :data:`CONFIGS` and one to :func:`source_class`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.sources.rss.config import RssConfig
from streams.sources.spec import SourceConfig
from streams.sources.x.config import XConfig

if TYPE_CHECKING:
    from streams.sources.base import Source

__all__ = ["CONFIGS", "PLANNED", "source_class"]

CONFIGS: dict[str, type[SourceConfig]] = {"rss": RssConfig, "x": XConfig}
"""Kinds ``scout listen`` runs."""

PLANNED = ("edgar", "mastodon", "bluesky", "hackernews")
"""Kinds named by issue 15 and not implemented yet: a source of one is refused, saying so."""


def source_class(kind: str) -> type[Source]:
    """The connector of ``kind`` (imported on use: a command that only reads the file
    does not import the connectors' libraries)."""
    if kind == "rss":
        from streams.sources.rss.source import RssSource

        return RssSource
    if kind == "x":
        from streams.sources.x.source import XSource

        return XSource
    raise KeyError(kind)
