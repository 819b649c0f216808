"""Post + entities -> the indexed document, with an id that only depends on the post."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from models.enriched import EnrichedPost, Entity
from models.post import Post
from streams.normalize.text import clean_text


def doc_id(source: str, post_id: str) -> str:
    """Deterministic document id: re-ingesting a post overwrites, never duplicates."""
    digest = hashlib.sha256(f"{source}\x1f{post_id}".encode()).hexdigest()
    return digest[:40]


def build_document(post: Post, entities: Sequence[Entity], *, model: str) -> EnrichedPost:
    """The document fields that come from the post itself (signals are added by enrichment)."""
    return EnrichedPost(
        doc_id=doc_id(post.source, post.id),
        post_id=post.id,
        source=post.source,
        text=post.text,
        created_at=post.created_at,
        author=post.author,
        url=post.url,
        lang=post.lang,
        entities=tuple(entities),
        model=model,
        engagement=post.engagement,
        repost_of=post.repost_of,
        backfill=post.backfill,
    )


def to_source(doc: EnrichedPost, *, indexed_at: datetime) -> dict[str, Any]:
    """The ``_source`` sent to Elasticsearch, with denormalized fields for easy queries."""
    body = doc.model_dump(mode="json")
    body["indexed_at"] = indexed_at.isoformat()
    # The display copy of each mention: the same key for "Acme  Corp" and "Acme Corp", as
    # when the stored text was cleaned.
    body["mentions"] = sorted({clean_text(e.text) for e in doc.entities})
    body["entity_labels"] = sorted({e.label for e in doc.entities})
    body["entity_ids"] = sorted({e.id for e in doc.entities if e.id})
    return body
