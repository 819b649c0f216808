"""Parties are organisations: what a name run read around a cue may not keep.

Social posts put words before a name that no company bears ("Why Globex bought ...",
"Dear Globex, ...", "RT @someone: ...", "The Inside Story Of How Globex ..."), write a cashtag
before the name it stands for ("$GLBX Globex"), end a headline with a link, and make people,
pronouns, plural nouns ("Stocks", "Traders") or a country buying a product look like a
buyer. A party is trimmed to its name; when nothing of a name remains it is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from models.enriched import Entity
from streams.signals.ma.names import RoleSpan, span_any, words

# A name starts after these ("Why Globex", "How Globex", "Dear Globex", "RT @x: Globex").
_CUT_AFTER: Final = words("why how what when where who whom whether dear rt if via")
# Words that are never (the start of) an organisation's name.
_NOT_NAMES: Final = words(
    """
    want wants wish wishes keep having maybe please look looks watch report reports
    breaking exclusive update video inside story stocks stock shares traders investors
    analysts pros cons people everyone somebody someone guys folks longs shorts bulls bears
    i me my you your we our he she they it this that these those there here so and but or
    lol wow omg yes no not just even still also
    """
)
# Labels of entities that name a place or a people, never a buyer of a company.
_PLACES: Final = frozenset({"GPE", "LOC", "NORP"})


def _is_link(token: Any) -> bool:
    """A link, not a domain that names a company ("alando.de")."""
    text: str = token.text.lower()
    return text.startswith(("http", "www.")) or "t.co/" in text


def _is_handle_or_link(token: Any) -> bool:
    return _is_link(token) or bool(token.text.startswith("@"))


def _trimmed(doc: Any, span: RoleSpan) -> tuple[int, int]:
    start, end = span.start, span.end
    for k in range(start, end):  # a link ends the name ("Initech http://t.co/x")
        if _is_link(doc[k]):
            end = k
            break
    for k in range(end - 1, start - 1, -1):
        if doc[k].lower_ in _CUT_AFTER:
            start = k + 1
            break
    while start < end and (doc[start].lower_ in _NOT_NAMES or _is_handle_or_link(doc[start])):
        if doc[start].text.startswith("@") and end - start == 1:
            break  # a handle alone may be the company's own ("@Initech")
        start += 1
    # "$GLBX Globex": the cashtag's ticker before the name it stands for
    if end - start > 1 and start > 0 and doc[start - 1].text == "$" and doc[start].is_upper:
        start += 1
    return start, end


def _place(span: RoleSpan, entities: Sequence[Entity]) -> bool:
    """A country or city as a party, not linked to a watched company."""
    over = [e for e in entities if e.start < span.end_char and span.start_char < e.end]
    return bool(over) and all(e.label in _PLACES and not e.id for e in over)


def organisation(
    doc: Any, span: RoleSpan | None, entities: Sequence[Entity] = ()
) -> RoleSpan | None:
    """``span`` trimmed to the organisation's name, or None when it names none."""
    if span is None:
        return None
    start, end = _trimmed(doc, span)
    if start >= end:
        return None
    handle = doc[start].text.startswith("@") and end - start == 1
    if handle and start > 0 and doc[start - 1].text.upper() == "RT":
        return None  # the retweeted account
    kept = span_any(doc, start, end)
    if end - start == 1 and doc[start].lower_ in _NOT_NAMES:
        return None
    if _place(kept, entities):
        return None
    return kept
