"""Combine NER spans with watch-list matches (pure).

* A linked watch-list match (it has an ``id``) wins over the NER spans it overlaps.
* An ambiguous alias (matched, but not linked for lack of context) is linked when NER
  independently labels the same span with the same label: the sentence itself says it is
  the organisation. A product name is also confirmed by an ORG label (tweet models tag
  products as organisations) and by a longer PRODUCT or ORG span that starts with it
  ("Surface Pro 9", "Windows Server": a model or edition of the product); a company or
  person name is not (a longer name is often another organisation: "Dow Jones", "Ford
  Foundation"). Not at the start of a sentence, where a capital letter (NER's main clue)
  says nothing. Otherwise it stays unlinked with its low confidence.
* An unlinked alias is dropped when a NER span of another extent overlaps it ("Dow" in
  "Dow Jones", "Williams" in "Brian Williams"): the model saw the whole name, the alias
  is only a guess. On the very same span the unlinked alias stands for it. So no two
  entities in the result overlap (NER spans never overlap one another, nor do matches).
* Everything else NER found is kept as is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from models.enriched import Entity

_NER_CONFIRMS = 0.75
_SENTENCE_END = re.compile(r"(?:^|[.!?:]\s+|\n)[\"'(\[]*$")
# NER labels that confirm a watch-list label on the very same span (default: the same label)
_SAME_SPAN = {"PRODUCT": frozenset({"PRODUCT", "ORG"})}
# NER labels that confirm it on a longer span starting with the name (a model, an edition)
_LONGER_SPAN = {"PRODUCT": frozenset({"PRODUCT", "ORG"})}


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


def _same_span(a: Entity, b: Entity) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 4) : start]))


def _confirms(span: Entity, match: Entity) -> bool:
    """Whether the NER ``span`` says the unlinked ``match`` is what the watch list means."""
    if _same_span(span, match):
        return span.label in _SAME_SPAN.get(match.label, frozenset({match.label}))
    longer = span.start == match.start and span.end > match.end
    return longer and span.label in _LONGER_SPAN.get(match.label, frozenset())


def _confirmed(
    match: Entity, ner: Sequence[Entity], text: str, candidate: Callable[[Entity], str | None]
) -> Entity:
    """``match`` linked to its candidate when NER confirms it, else ``match`` itself."""
    if match.id is not None or sentence_initial(text, match.start):
        return match
    if not any(_confirms(span, match) for span in ner):
        return match
    linked_id = candidate(match)
    if linked_id is None:
        return match
    return match.model_copy(
        update={
            "id": linked_id,
            "source": f"{match.source}+ner",
            "confidence": max(match.confidence, _NER_CONFIRMS),
        }
    )


def link_entities(
    ner: Sequence[Entity],
    watch: Sequence[Entity],
    *,
    text: str = "",
    candidate: Callable[[Entity], str | None] = lambda e: None,
) -> list[Entity]:
    """Merged entities sorted by offset, none overlapping another. ``candidate`` gives an
    ambiguous match's id."""
    matches = [_confirmed(match, ner, text, candidate) for match in watch]
    linked = [m for m in matches if m.id is not None]
    found = [span for span in ner if not any(_overlaps(span, m) for m in linked)]
    unlinked = [
        m
        for m in matches
        if m.id is None
        and not any(_overlaps(m, span) and not _same_span(m, span) for span in found)
    ]  # an unlinked alias inside or across a NER span of another extent: NER saw more
    found = [
        span for span in found if not any(_same_span(span, m) for m in unlinked)
    ]  # the unlinked alias already stands for this exact span
    return sorted([*linked, *unlinked, *found], key=lambda e: (e.start, -e.end))


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
