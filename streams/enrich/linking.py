"""Combine NER spans with watch-list matches (pure).

* A linked watch-list match (it has an ``id``) wins over the NER spans it overlaps.
* An ambiguous alias (matched, but not linked for lack of context) is linked when NER
  independently labels the same span with the same label: the sentence itself says it is
  the organisation. Not at the start of a sentence, where a capital letter (NER's main
  clue) says nothing. Otherwise it stays unlinked with its low confidence.
* Everything else NER found is kept as is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from models.enriched import Entity

_NER_CONFIRMS = 0.75
_SENTENCE_END = re.compile(r"(?:^|[.!?:]\s+|\n)[\"'(\[]*$")


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(a: Entity, b: Entity) -> bool:
    return b.start <= a.start and a.end <= b.end


def sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 4) : start]))


def link_entities(
    ner: Sequence[Entity],
    watch: Sequence[Entity],
    *,
    text: str = "",
    candidate: Callable[[Entity], str | None] = lambda e: None,
) -> list[Entity]:
    """Merged entities sorted by offset. ``candidate`` gives an ambiguous match's id."""
    kept: list[Entity] = []
    for match in watch:
        if match.id is None and any(
            n.label == "PERSON"
            and _inside(match, n)
            and (n.start, n.end) != (match.start, match.end)
            for n in ner
        ):
            continue  # an unlinked alias inside a person's name ("Williams" in "Brian Williams")
        if match.id is None and not sentence_initial(text, match.start):
            confirming = next(
                (
                    n
                    for n in ner
                    if (n.start, n.end, n.label) == (match.start, match.end, match.label)
                ),
                None,
            )
            linked_id = candidate(match) if confirming is not None else None
            if linked_id is not None:
                match = match.model_copy(
                    update={
                        "id": linked_id,
                        "source": f"{match.source}+ner",
                        "confidence": max(match.confidence, _NER_CONFIRMS),
                    }
                )
        kept.append(match)
    linked = [m for m in kept if m.id is not None]
    for entity in ner:
        if any(_overlaps(entity, m) for m in linked):
            continue
        if any(
            _overlaps(entity, m) and (entity.start, entity.end) == (m.start, m.end)
            for m in kept
            if m.id is None
        ):
            continue  # the unlinked alias already stands for this exact span
        kept.append(entity)
    return sorted(kept, key=lambda e: (e.start, -e.end))


def merge_ner(
    general: Sequence[Entity],
    tweet: Sequence[Entity],
    *,
    owned: frozenset[str] = frozenset({"ORG", "PERSON"}),
    fill: bool = False,
) -> list[Entity]:
    """The tweet model wins for ``owned`` labels; the general model adds the rest
    (MONEY, GPE, DATE...) where it does not overlap them. With ``fill`` the general
    model's ORG/PERSON spans are kept too where the tweet model found nothing."""
    winners = [e for e in tweet if e.label in owned]
    merged = list(winners)
    for entity in general:
        if entity.label in owned and not fill:
            continue
        if not any(_overlaps(entity, w) for w in winners):
            merged.append(entity)
    return sorted(merged, key=lambda e: (e.start, -e.end))
