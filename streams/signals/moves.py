"""Executive moves and hiring: who joins or leaves which organisation in which role.

Rules over the post's text and its entities (no parser): a move cue ("appoints", "steps
down", "hires"), a role title nearby, and the PERSON / ORG entities around them. The
direction comes from the cue: ``joins`` (appointed, hired, named), ``leaves`` (resigns,
steps down, departs, ousted), ``promoted``; ``hiring`` when a company hires in bulk
("hiring 500 engineers") with no named person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.enriched import Entity
from models.signals import ExecMove

_JOIN = r"appoint(?:s|ed|ing)?|nam(?:es|ed)|hir(?:es|ed|ing)|tap(?:s|ped)|join(?:s|ed|ing)|taps|picks|poach(?:es|ed)|recruit(?:s|ed)"
_LEAVE = r"resign(?:s|ed|ing)?|step(?:s|ped|ping)? down|depart(?:s|ed|ing)?|leav(?:es|ing)|left|oust(?:s|ed)|fire[sd]?|retir(?:es|ed|ing)|exit(?:s|ed)|quits?"
_PROMOTE = r"promot(?:es|ed|ing)|elevat(?:es|ed)"
_CUE = re.compile(rf"\b(?:(?P<join>{_JOIN})|(?P<leave>{_LEAVE})|(?P<promote>{_PROMOTE}))\b", re.I)
_ROLE = re.compile(
    r"\b(?:(?:new|interim|acting|former)\s+)?(?P<role>"
    r"C[EFTOMI]O|chief\s+\w+(?:\s+\w+)?\s+officer|president|chair(?:man|woman|person)?"
    r"|(?:senior\s+)?vice\s+president(?:\s+of\s+\w+)?|SVP|EVP|VP(?:\s+of\s+\w+)?"
    r"|head\s+of\s+\w+(?:\s+\w+)?|managing\s+director|general\s+counsel|board\s+member"
    r"|director(?:\s+of\s+\w+)?|founder|co-founder)\b",
    re.I,
)
_BULK = re.compile(r"\bhir(?:es|ing|ed)\s+(?:\d[\d,]*|hundreds|thousands|dozens)\b", re.I)
_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?"
_ROLE_NAME = re.compile(
    _ROLE.pattern + rf"\s+(?-i:(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}))\b", re.I
)
_WINDOW = 90  # characters around the cue where the person, organisation and role must be
# Words allowed between a cue and the organisation it governs ("leaving Ford", "departs from
# the Fed", "joins Tesla", "left for Rivian").
_OBJECT_GAP = re.compile(r"\s*(?:(?:as|to|from|for|at|the|its|their)\s+)*", re.I)


def _gap(entity: Entity, cue: re.Match[str]) -> int:
    """Characters between an entity and the cue (0 when they touch or overlap)."""
    return max(0, entity.start - cue.end(), cue.start() - entity.end)


def _nearest(entities: Sequence[Entity], label: str, cue: re.Match[str]) -> Entity | None:
    """The entity of ``label`` closest to the cue, span to span ("Gelsinger retires;
    Zinsner named": the one before "retires", not the one starting nearer it)."""
    near = [e for e in entities if e.label == label and _gap(e, cue) <= _WINDOW]
    return min(near, key=lambda e: _gap(e, cue), default=None)


def _window(text: str, cue: re.Match[str]) -> tuple[int, int]:
    """Where the person, organisation and role of a cue must be."""
    return max(0, cue.start() - _WINDOW), min(len(text), cue.end() + _WINDOW)


def _titled_person(text: str, cue: re.Match[str]) -> Entity | None:
    """A name right after a role title when NER found no person ("Tesla CFO Zach Kirkhorn
    steps down"): two or three capitalised words, cue words left out."""
    lo, hi = _window(text, cue)
    for match in _ROLE_NAME.finditer(text, lo, hi):
        start = match.start("name")
        words = list(re.finditer(r"\S+", match["name"]))
        while words and _CUE.match(text, start + words[-1].start()):  # "... Lee Park Steps Down"
            words.pop()
        if len(words) >= 2:
            name = text[start : start + words[-1].end()]
            return Entity(
                text=name, label="PERSON", start=start, end=start + len(name), source="rule"
            )
    return None


def _organisation(text: str, entities: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation of a move: the one the cue governs ("leaving Ford") if any, else the
    nearest ORG. A role title NER took for an organisation ("CFO") is never one."""
    orgs = [e for e in entities if e.label == "ORG" and not _ROLE.fullmatch(e.text.strip())]
    gap = _OBJECT_GAP.match(text, cue.end())
    after = gap.end() if gap else cue.end()
    governed = [e for e in orgs if e.start == after]
    if governed:
        return governed[0]
    return _nearest(orgs, "ORG", cue)


def detect_moves(text: str, entities: Sequence[Entity]) -> list[ExecMove]:
    """Moves named in ``text``; at most one per cue, deduplicated by (person, direction)."""
    moves: dict[tuple[str | None, str], ExecMove] = {}
    for cue in _CUE.finditer(text):
        direction = "joins" if cue["join"] else "leaves" if cue["leave"] else "promoted"
        lo, hi = _window(text, cue)
        role_match = _ROLE.search(text, lo, hi)
        person = _nearest(entities, "PERSON", cue) or _titled_person(text, cue)
        bulk = _BULK.match(text, cue.start())  # "hiring 500 engineers", whoever is near
        if direction == "joins" and (
            bulk or (person is None and _BULK.search(text, cue.start(), hi))
        ):
            direction, person = "hiring", None
        elif role_match is None or person is None:
            continue
        org = _organisation(text, entities, cue)
        key = (person.text if person else None, direction)
        moves.setdefault(
            key,
            ExecMove(
                person=person.text if person else None,
                person_id=person.id if person else None,
                organisation=org.text if org else None,
                organisation_id=org.id if org else None,
                role=re.sub(r"\s+", " ", role_match["role"]) if role_match else None,
                direction=direction,
                cue=cue.group(0).lower(),
            ),
        )
    return list(moves.values())
