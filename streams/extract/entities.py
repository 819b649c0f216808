"""Docs -> ``Entity`` records (pure; tests build Docs by hand)."""

from __future__ import annotations

from typing import Any

from models.enriched import Entity

# Labels whose span is a name: a leading "the" and a trailing possessive are not part of it
# (OntoNotes and the tweet corpora leave them out; en_core_web_sm/md take them in now and
# then: "the Securities and Exchange Commission", "Apple 's"). Titles keep their article
# ("The Godfather" is a WORK_OF_ART).
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"})
_ARTICLES = frozenset({"the"})
_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
_OPENERS = "<([{\"'\u201c\u2018"
_CLOSERS = ">)]}\"'\u201d\u2019"


def entities_from_doc(doc: Any) -> tuple[Entity, ...]:
    """Named entities of a spaCy ``Doc`` with character offsets into ``doc.text``.

    A span without a letter or digit (an emoji run, a lone ``#``) names nothing: the tweet
    model tags such runs ORG or CARDINAL now and then, so they are dropped. A name's edges
    are trimmed (``name_tokens``): no leading "the", trailing "'s" or unpaired bracket."""
    out = []
    whole = doc.text  # built from every token on each access: once per Doc
    for span in doc.ents:
        first, last = name_tokens(span)
        if first > last:
            continue
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        text = whole[start:end]
        if not any(ch.isalnum() for ch in text):
            continue
        out.append(
            Entity(
                text=text,
                label=span.label_,
                start=start,
                end=end,
                source="ner",
                confidence=1.0,
            )
        )
    return tuple(out)


def name_tokens(span: Any) -> tuple[int, int]:
    """The first and last token index of ``span`` that belong to the name (first > last:
    nothing left). Only ``NAME_LABELS`` lose an article or a possessive; any label loses an
    edge bracket or quote the span does not close (``<TMOC Resources Ltd`` of a Reuters
    ticker mark, ``Apple"``), and a name its trailing ticker mark (``Globex Inc <GLBX>``)."""
    doc = span.doc
    first, last = span.start, span.end - 1
    name = span.label_ in NAME_LABELS
    changed = True
    while changed and first < last:
        changed = False
        head, tail = doc[first].text, doc[last].text
        if name and head.lower() in _ARTICLES:
            first, changed = first + 1, True
        elif name and tail in _POSSESSIVES:
            last, changed = last - 1, True
        elif head in _OPENERS and not _closed(doc, first, last):
            first, changed = first + 1, True
        elif tail in _CLOSERS and not _opened(doc, first, last):
            last, changed = last - 1, True
        elif name and tail == ">" and (mark := _mark_start(doc, first, last)) is not None:
            last, changed = mark - 1, True  # a ticker mark after the name: "Globex <GLBX>"
    if first == last and len(doc[first].text) == 1 and not doc[first].text.isalnum():
        return first, first - 1
    return first, last


def _mark_start(doc: Any, first: int, last: int) -> int | None:
    """Where a trailing ``<...>`` mark starts, if a name stands before it."""
    for i in range(last - 1, first, -1):
        if doc[i].text == "<":
            return i
    return None


def _closed(doc: Any, first: int, last: int) -> bool:
    opener = doc[first].text
    closer = _CLOSERS[_OPENERS.index(opener)]
    return any(doc[i].text == closer for i in range(first + 1, last + 1))


def _opened(doc: Any, first: int, last: int) -> bool:
    closer = doc[last].text
    opener = _OPENERS[_CLOSERS.index(closer)]
    return any(doc[i].text == opener for i in range(first, last))
