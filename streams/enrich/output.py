"""The JSON object ``scout enrich`` prints per post (stable keys; more may be added)."""

from __future__ import annotations

from typing import Any

from models.enriched import EnrichedPost
from streams.errors import PermanentError


def enrich_output(doc: EnrichedPost) -> dict[str, Any]:
    """Stable keys: id, lang, entities, ma, competitors, sentiment, author{..., influence};
    added: topics, moves, category, story, influence, text, versions and the document's
    other fields."""
    body = doc.model_dump(mode="json")
    author = dict(body.get("author") or {})
    author["influence"] = doc.influence.score if doc.influence is not None else None
    return {
        "id": doc.post_id,
        "lang": doc.lang,
        "entities": body["entities"],
        "ma": body["ma"],
        "competitors": body["competitors"],
        "topics": body["topics"],
        "moves": body["moves"],
        "category": body["category"],
        "story": doc.story,
        "sentiment": body["sentiment"],
        "author": author,
        "influence": body["influence"],
        "doc_id": doc.doc_id,
        "source": doc.source,
        "created_at": body["created_at"],
        "url": doc.url,
        "lang_source": doc.lang_source,
        "text": doc.text,
        "versions": body["versions"],
    }


def error_output(
    line: int, error: PermanentError, post_id: str | None = None, *, file: str | None = None
) -> dict[str, Any]:
    """Stands in for an input line that could not be enriched, keeping the line order."""
    return {
        "id": post_id,
        "file": file,
        "line": line,
        "error": {"reason": error.reason, "detail": error.message, "code": error.code},
    }
