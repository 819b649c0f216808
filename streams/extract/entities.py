"""Docs -> ``Entity`` records (pure; tests build Docs by hand)."""

from __future__ import annotations

from typing import Any

from models.enriched import Entity


def entities_from_doc(doc: Any) -> tuple[Entity, ...]:
    """Named entities of a spaCy ``Doc`` with character offsets into ``doc.text``.

    A span without a letter or digit (an emoji run, a lone ``#``) names nothing: the tweet
    model tags such runs ORG or CARDINAL now and then, so they are dropped."""
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
        if any(ch.isalnum() for ch in span.text)
    )
