"""Live sources: long-running connectors that publish public posts to ``posts.raw``.

    load_sources(path) -> SourcesFile        the sources file: valid sources + problems
    Source / StatefulSource / PollingSource  the connector interface (streams.sources.base)
    Listener(ctx, path, states=...)          every source as one asyncio task, hot reload
    listen(settings)                         `scout listen`
    test_source(settings, name)              `scout sources test NAME`
    read_states(settings)                    the latest cursor and status of every source
    source_rows(file, states)                what `scout sources status` / GET /sources show

Kinds: ``rss`` (streams.sources.rss). The cursor topic is ``<prefix>sources.cursors``.
"""

from streams.sources.config import SourcesFile, load_sources, parse_sources
from streams.sources.cursors import read_states
from streams.sources.errors import SourceConfigError, SourceFetchError
from streams.sources.status import source_rows

__all__ = [
    "SourceConfigError",
    "SourceFetchError",
    "SourcesFile",
    "load_sources",
    "parse_sources",
    "read_states",
    "source_rows",
]
