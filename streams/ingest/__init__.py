"""``scout ingest``: JSON Lines files -> validated -> ``posts.raw`` (refusals -> dead letters)."""

from streams.ingest.publisher import IngestReport, ingest_lines, publish_lines
from streams.ingest.reader import SourceLine, read_bytes, read_lines

__all__ = [
    "IngestReport",
    "SourceLine",
    "ingest_lines",
    "publish_lines",
    "read_bytes",
    "read_lines",
]
