"""Combine NER spans with watch-list matches (pure).

* A linked watch-list match (it has an ``id``) wins over the NER spans it overlaps.
* An ambiguous alias (matched, but not linked for lack of context) is linked when NER
  independently labels the same span with the same label: the sentence itself says it is
  the organisation. A product name is also confirmed by an ORG label (tweet models tag
  products as organisations) and by a longer PRODUCT or ORG span that starts with it
  ("Surface Pro 9", "Windows Server": a model or edition of the product); a company or
  person name is not (a longer name is often another organisation: "Dow Jones", "Ford
  Foundation"). Not at the start of a sentence, where a capital letter (NER's main clue)
  says nothing, nor after "the" ("joins the Dow": an index, "the Target": a word), where
  a company name rarely stands. Otherwise it stays unlinked with its low confidence.
* An unlinked alias is dropped when a NER span of another extent overlaps it ("Dow" in
  "Dow Jones", "Williams" in "Brian Williams"): the model saw the whole name, the alias
  is only a guess. On the very same span the unlinked alias stands for it. So no two
  entities in the result overlap (NER spans never overlap one another, nor do matches).
* Everything else NER found is kept as is.

Overlaps are looked up in a sorted index, so a post with thousands of entities (a 20,000
character post naming companies over and over) links in O(n log n), not O(n²).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

from models.enriched import Entity

_NER_CONFIRMS = 0.75
_SENTENCE_END = re.compile(r"(?:^|[.!?:]\s+|\n)[\"'(\[]*$")
_THE = re.compile(r"\bthe\s+$")
# NER labels that confirm a watch-list label on the very same span (default: the same label)
_SAME_SPAN = {"PRODUCT": frozenset({"PRODUCT", "ORG"})}
# NER labels that confirm it on a longer span starting with the name (a model, an edition)
_LONGER_SPAN = {"PRODUCT": frozenset({"PRODUCT", "ORG"})}


class _Spans:
    """Entities indexed by offsets (spans have ``end >= start``), for overlap queries."""

    def __init__(self, spans: Iterable[Entity]) -> None:
        ordered = sorted((e.start, e.end) for e in spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # prefix max end
        self._ends: defaultdict[int, list[int]] = defaultdict(list)
        for start, end in ordered:
            self._ends[start].append(end)

    def _reaches(self, before: int, past: int) -> bool:
        """Whether a span starting before ``before`` ends after ``past``."""
        i = bisect_left(self._starts, before)
        return i > 0 and self._reach[i - 1] > past

    def overlaps(self, e: Entity) -> bool:
        """Whether any span overlaps ``e``."""
        return self._reaches(e.end, e.start)

    def overlaps_other(self, e: Entity) -> bool:
        """Whether a span of another extent than ``e`` overlaps it."""
        if self._reaches(e.start, e.start):  # starts before it, ends inside or after
            return True
        if bisect_right(self._starts, e.start) < bisect_left(self._starts, e.end):
            return True  # starts inside it
        return e.start < e.end and any(
            end != e.end and end > e.start for end in self._ends.get(e.start, ())
        )


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
    if _THE.search(text[max(0, match.start - 4) : match.start]):
        return match
    if not any(_confirms(span, match) for span in ner if span.start == match.start):
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
    by_start: defaultdict[int, list[Entity]] = defaultdict(list)
    for span in ner:
        by_start[span.start].append(span)  # _confirms needs the same start
    matches = [_confirmed(match, by_start[match.start], text, candidate) for match in watch]
    linked = _Spans(m for m in matches if m.id is not None)
    found = [span for span in ner if not linked.overlaps(span)]
    kept = _Spans(found)
    unlinked = [
        m for m in matches if m.id is None and not kept.overlaps_other(m)
    ]  # an unlinked alias inside or across a NER span of another extent: NER saw more
    stands = {(m.start, m.end) for m in unlinked}
    found = [
        span for span in found if (span.start, span.end) not in stands
    ]  # the unlinked alias already stands for this exact span
    linked_matches = [m for m in matches if m.id is not None]
    return sorted([*linked_matches, *unlinked, *found], key=lambda e: (e.start, -e.end))


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
    taken = _Spans(winners)
    for entity in general:
        if entity.label in owned and not fill:
            continue
        if not taken.overlaps(entity):
            merged.append(entity)
    return sorted(merged, key=lambda e: (e.start, -e.end))
