"""Who moves: the person a move cue is about, from NER's PERSON entities or, when NER missed
them, from the words around the cue ("Tesla CFO Zach Kirkhorn steps down", "GoPro Appoints
Tony Bates as President"); never the handle a post is quoted from, nor a former employer
before a title ("Ex-Contoso Exec")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.enriched import Entity
from streams.signals.moves.orgs import (
    NOT_NAME,
    nearest,
    source_handle,
    window,
)
from streams.signals.moves.words import (
    CUE,
    ROLE,
    ROLE_NAME,
    ROLE_NEXT,
)

__all__ = [
    "named_after",
    "other_sentence",
    "past_role",
    "people_in",
    "person_of",
    "titled_person",
]

_VIA_CHAIN = re.compile(r"\b(?:via|by|from|h/t|cc)\s+@\w+\s*(?:&|and|,)\s*$", re.I)
_OBJECT_NAME = re.compile(
    r"\s+([A-Z][a-z]+(?:[-'’][A-Za-z]+)?\s+[A-Z][a-z]+(?:[-'’][A-Za-z]+)?)\s+(?:as|to)\b"
)
# "Ex-Contoso Exec", "former Fabrikam CEO": NER's person there is the former employer.
_FORMER_BEFORE = re.compile(r"(?:\bex-?|\bformer\s+)$", re.I)
# A handle after the post's link with only tags after it: the credit, not a person in the story.
_LINK_BEFORE = re.compile(r"https?://\S+(?:\s+[@#$]\w+)*\s+$")
_TAGS_AFTER = re.compile(r"(?:[\s,]*[@#$]\w+)*\W*")
# The one who succeeds, right before the cue ("Lee Park to succeed ...", "Lee Park succeeds").
_SUCCESSOR = re.compile(
    r"(?<![\w@#$])(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+(?:(?:to|will|would|is\s+to)\s+)?$"
)
# "adds Jane Doe to its board": the person is the object, before "board".
_ADDED_TO_BOARD = re.compile(r"[^.!?\n]{1,40}?\bto\s+(?:its\s+|the\s+)?board\b", re.I)
# A title held before ("Former Heinz CEO", "ex-Boeing CFO", "Dallas Fed's former chief").
_PAST_ROLE = re.compile(r"\b(?:former|ex-?)\s*(?:[\w$@&.'’-]+\s+){0,2}$", re.I)


def past_role(text: str, role: re.Match[str]) -> bool:
    """A title held before: "Former Heinz CEO", "Dallas Fed's former chief"."""
    if role.group(0).lower().startswith("former"):
        return True
    return _PAST_ROLE.search(text, max(0, role.start() - 25), role.start()) is not None


# A title "of" a capitalised name: "head of Wells Fargo", "VP of Contoso Labs".
_OF_NAME = re.compile(r"\sof\s+(?-i:[A-Z])")


def titled_person(text: str, cue: re.Match[str]) -> Entity | None:
    """A name right after a role title when NER found no person ("Tesla CFO Zach Kirkhorn
    steps down"): two or three capitalised words up to a cue, a title or a small word ("...
    Lee Park Steps Down", not "Executive Leaves Firm", "Chief Technology Officer", "Exec From
    Microsoft")."""
    lo, hi = window(text, cue)
    for match in ROLE_NAME.finditer(text, lo, hi):
        start = match.start("name")
        if other_sentence(text, start, match.end("name"), cue):
            continue  # "CEO Lee Park retiring. Contoso Names ...": another sentence's person
        if _OF_NAME.search(match["role"]):
            continue  # "head of Wells Fargo Securities": the rest of a company's name
        whole = ROLE.match(text, match.start())
        if whole is not None and whole.end() > match.end("role"):
            continue  # "Chief Merchant Lee": the title is longer, no "Merchant Lee"
        words = []
        for word in re.finditer(r"\S+", match["name"]):
            if CUE.match(text, start + word.start()) or NOT_NAME.fullmatch(word.group(0)):
                break
            words.append(word)
        if len(words) >= 2:
            name = text[start : start + words[-1].end()]
            return Entity(
                text=name, label="PERSON", start=start, end=start + len(name), source="rule"
            )
    return None


def named_after(text: str, cue: re.Match[str]) -> Entity | None:
    """The person right after an appointing cue when NER missed them ("GoPro Appoints Tony
    Bates as President")."""
    if not (cue["join"] or cue["promote"]) or cue.group(0).lower().startswith(("join", "succeed")):
        return None
    match = _OBJECT_NAME.match(text, cue.end())
    if match is None or any(NOT_NAME.fullmatch(w) or ROLE.fullmatch(w) for w in match[1].split()):
        return None
    return Entity(
        text=match[1], label="PERSON", start=match.start(1), end=match.end(1), source="rule"
    )


# Active appointing verbs: the person right before them appoints ("Gov. Lee Park Appoints
# ...", "Tim Cook names Bo Berg as CFO"), the one appointed comes after.
_APPOINTS = frozenset(
    {"appoints", "names", "taps", "picks", "elects", "promotes", "hires", "recruits", "poaches"}
)


def person_of(text: str, people: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The nearest person to the cue, never the cue itself ("Peter Oppenheimer to Retire"
    with "Retire" tagged PERSON), nor the one succeeded ("Lee Park to succeed Bo Berg": Lee
    Park, read from the text when NER missed him); after "adds ... to its board", the one
    added."""
    word = cue.group(0).lower()
    candidates = [
        p
        for p in people
        if (p.end <= cue.start() or p.start >= cue.end())
        and not other_sentence(text, p.start, p.end, cue)
    ]
    if word in _APPOINTS:
        candidates = [p for p in candidates if not 0 <= cue.start() - p.end <= 2]
    if word.startswith("succeed"):
        candidates = [p for p in candidates if p.start >= cue.end() + 2 or p.end <= cue.start()]
        successor = _SUCCESSOR.search(text, max(0, cue.start() - 40), cue.start())
        if successor is not None and not any(p.end <= cue.start() for p in candidates):
            start, end = successor.span("name")
            return Entity(text=text[start:end], label="PERSON", start=start, end=end, source="rule")
    elif word.startswith(("add", "bring", "brought")):
        board = _ADDED_TO_BOARD.match(text, cue.end())
        if board is not None:
            candidates = [p for p in candidates if cue.end() <= p.start and p.end <= board.end()]
    return nearest(candidates, "PERSON", cue)


# A sentence's end between a person and the cue ("It's not just Lee Park. Contoso's CEO is
# retiring"): a full stop after a lower-case word or a number, before a capital; not after a
# company's suffix ("Contoso Inc. Names ..."), nor a semicolon ("Lee Park is Stepping Down;
# to Join Contoso": the same subject).
_SENTENCE_END = re.compile(
    r"(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\bJr)(?<!\bSr)(?<!\bSt)"
    r"(?<=[a-z0-9])[.!?]\s+(?=[A-Z\"“])"
)


def other_sentence(text: str, start: int, end: int, cue: re.Match[str]) -> bool:
    """Whether a sentence ends between the name at ``start:end`` and the cue."""
    lo, hi = (end, cue.start()) if end <= cue.start() else (cue.end(), start)
    return _SENTENCE_END.search(text, lo, hi) is not None


def people_in(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """PERSON entities, less the handles a post is quoted from or credits ("RT @Wire:", "via
    @a & @b", "... http://link @Reporter") and a former employer before a title ("Ex-Contoso
    Exec")."""
    return [
        e
        for e in entities
        if e.label == "PERSON"
        and not (
            e.text.startswith("@")
            and (
                source_handle(text, e)
                or _VIA_CHAIN.search(text, 0, e.start)
                or (_LINK_BEFORE.search(text, 0, e.start) and _TAGS_AFTER.fullmatch(text, e.end))
            )
        )
        and not (
            _FORMER_BEFORE.search(text, max(0, e.start - 8), e.start)
            and ROLE_NEXT.match(text, e.end)
        )
        and not text[e.end : e.end + 6].lower().startswith(("-based", "-born"))  # a place
    ]
