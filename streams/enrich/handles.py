"""Type a post's @handles with the handle classifier after NER (pure).

The tweet NER often calls an organisation's handle a person (``@BBCNews``, ``@Etsy``); the
handle classifier (``models/ner_tweets/handles.py``) reads the handle's spelling and context
and is better at that split (``models/ner_tweets/README.md``). So for each handle the
classifier owns ORG and PERSON:

* NER's ORG/PERSON entities overlapping the handle are dropped;
* if the classifier says ORG or PERSON, the handle becomes that entity (source ``handle``,
  confidence = the classifier's probability), unless another NER entity (GPE, ...) covers it;
* if it says neither, the handle is no ORG/PERSON entity.

Other labels and other spans are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from models.enriched import Entity
from models.ner_tweets.handles import HANDLE

__all__ = ["HANDLE_SOURCE", "HandleTyper", "type_handles"]

HandleTyper = Callable[[str, int, int], tuple[str, float]]
"""``(text, start, end) -> (label, probability)``, label ORG, PERSON or O."""

HANDLE_SOURCE = "handle"
_OWNED = frozenset({"ORG", "PERSON"})


def type_handles(text: str, entities: Sequence[Entity], typer: HandleTyper) -> list[Entity]:
    """``entities`` with every @handle of ``text`` typed by ``typer``, sorted by offset."""
    kept = list(entities)
    for match in HANDLE.finditer(text):
        start, end = match.span()
        kept = [e for e in kept if not (e.label in _OWNED and e.start < end and start < e.end)]
        label, probability = typer(text, start, end)
        if label not in _OWNED or any(e.start < end and start < e.end for e in kept):
            continue
        kept.append(
            Entity(
                text=text[start:end],
                label=label,
                start=start,
                end=end,
                source=HANDLE_SOURCE,
                confidence=round(min(max(probability, 0.0), 1.0), 4),
            )
        )
    return sorted(kept, key=lambda e: (e.start, -e.end))
