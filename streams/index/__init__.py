"""Elasticsearch: versioned mappings, deterministic documents, bulk sink, search."""

from streams.index.documents import build_document, doc_id, to_source
from streams.index.schema import MAPPING_VERSION, ensure_posts_index, posts_index_name
from streams.index.sink import BulkOutcome, BulkSink

__all__ = [
    "MAPPING_VERSION",
    "BulkOutcome",
    "BulkSink",
    "build_document",
    "doc_id",
    "ensure_posts_index",
    "posts_index_name",
    "to_source",
]
