"""Post -> EnrichedPost: language, entities (NER + watch lists), signals, influence.

One code path for the stream, ``scout enrich`` and backfills (``Enricher.enrich``).
"""

from streams.enrich.enricher import Enricher, WatchlistView
from streams.enrich.lang import detect_language

__all__ = ["Enricher", "WatchlistView", "detect_language"]
