"""Docs -> ``Entity`` records (pure; tests build Docs by hand)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from models.enriched import Entity


def entities_from_doc(doc: Any) -> tuple[Entity, ...]:
    """Named entities of a spaCy ``Doc`` with character offsets into ``doc.text``."""
    return tuple(
        Entity(
            text=span.text,
            label=span.label_,
            start=span.start_char,
            end=span.end_char,
            source="ner",
            confidence=1.0,
        )
        for span in doc.ents
    )


def extract_entities(
    nlp: Any, texts: Sequence[str], *, batch_size: int = 256
) -> list[tuple[Entity, ...]]:
    """Run ``nlp.pipe`` over ``texts`` (blocking: call it off the event loop)."""
    docs: Iterable[Any] = nlp.pipe(texts, batch_size=batch_size)
    return [entities_from_doc(doc) for doc in docs]
