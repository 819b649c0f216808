"""Executive moves and hiring: who joins or leaves which organisation in which role.

Rules over the post's text and its entities (no parser): a move cue ("appoints", "steps
down", "hires"), a role title nearby, and the PERSON / ORG entities around them. The
direction comes from the cue: ``joins`` (appointed, hired, named), ``leaves`` (resigns,
steps down, departs, ousted), ``promoted``; ``hiring`` when a named company hires people
("hiring 500 engineers", "Contoso hires two chip designers") with no named executive, and
``layoffs`` when it cuts jobs ("layoffs at Contoso", "Contoso cuts 1,000 jobs").

A move needs its person, or a role held at a named organisation ("Contoso CFO steps
down": the CFO is a specific person). What looks like a move and is not (see
``streams.signals.move_cues``): an executive who "joins us" on a TV show, the Kindle
"Fire", a denied or hypothetical departure, an award ("named best CEO"), a move told as
background ("weeks after being named CEO", "ousted years ago, the former CEO says").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.enriched import Entity
from models.signals import ExecMove
from streams.signals.move_cues import (
    BULK,
    CUE,
    GROWTH,
    HIRE_OBJECT_GAP,
    LAYOFF,
    ROLE,
    ROLE_NAME,
    TRANSFER,
    false_cue,
    hiring_noun,
    hypothetical,
)

_WINDOW = 90  # characters around the cue where the person, organisation and role must be
# Words allowed between a cue and the organisation it governs ("leaving Ford", "departs from
# the Fed", "joins Tesla", "left for Rivian").
_OBJECT_GAP = re.compile(r"\s*(?:(?:as|to|from|for|at|the|its|their)\s+)*", re.I)
# Between an organisation and the role it attaches to: "Contoso CEO", "Contoso's new CFO",
# "$CTSO - CEO", "CFO of Contoso", "CEO at Contoso".
_ORG_ROLE_GAP = re.compile(r"(?:['’]s)?[\s:\-–—•(),]*(?:[\w&.'’-]+\s+){0,2}$")
_ROLE_ORG_GAP = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?", re.I)
_ORG_NEAR = 60  # characters between the organisation and a layoff cue
_HIRER_NEAR = 25  # ... and a hire cue: the company is its subject ("Contoso is hiring")


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
    for match in ROLE_NAME.finditer(text, lo, hi):
        start = match.start("name")
        words = list(re.finditer(r"\S+", match["name"]))
        while words and CUE.match(text, start + words[-1].start()):  # "... Lee Park Steps Down"
            words.pop()
        if len(words) >= 2:
            name = text[start : start + words[-1].end()]
            return Entity(
                text=name, label="PERSON", start=start, end=start + len(name), source="rule"
            )
    return None


def _orgs(entities: Sequence[Entity]) -> list[Entity]:
    """Organisations: ORG entities (cashtags and handles of watched companies included); a
    role title NER took for an organisation ("CFO") is never one."""
    return [e for e in entities if e.label == "ORG" and not ROLE.fullmatch(e.text.strip())]


def _organisation(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation of a move: the one the cue governs ("leaving Ford") if any, else the
    nearest ORG."""
    gap = _OBJECT_GAP.match(text, cue.end())
    after = gap.end() if gap else cue.end()
    governed = [e for e in orgs if e.start == after]
    if governed:
        return governed[0]
    return _nearest(orgs, "ORG", cue)


def _role_org(text: str, orgs: Sequence[Entity], role: re.Match[str]) -> Entity | None:
    """The organisation a role title is attached to ("Contoso CEO", "CFO of Contoso")."""
    for org in orgs:
        if 0 <= role.start() - org.end <= 24 and _ORG_ROLE_GAP.fullmatch(
            text, org.end, role.start()
        ):
            return org
        gap = _ROLE_ORG_GAP.match(text, role.end())
        if gap and org.start == gap.end():
            return org
    return None


def _company_near(
    orgs: Sequence[Entity], cue: re.Match[str], reach: int = _ORG_NEAR
) -> Entity | None:
    """The organisation doing the hiring or the cutting: the nearest one before the cue
    ("Contoso is hiring", "$CTSO cuts 900 jobs"), else one right after ("layoffs at
    Contoso")."""
    before = [e for e in orgs if e.end <= cue.start() and cue.start() - e.end <= reach]
    if before:
        return max(before, key=lambda e: e.end)
    after = [e for e in orgs if e.start >= cue.end() and e.start - cue.end() <= 25]
    return min(after, key=lambda e: e.start, default=None)


def _subject(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation right before an appointing cue ("Contoso names a new CFO")."""
    if not (cue["join"] or cue["promote"]):
        return None
    for org in orgs:
        if org.end <= cue.start() and re.fullmatch(r"\s*", text[org.end : cue.start()]):
            return org
    return None


def _hires_an_organisation(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> bool:
    """ "Contoso hires Goldman Sachs to explore a sale": an adviser, not staff."""
    gap = HIRE_OBJECT_GAP.match(text, cue.end())
    after = gap.end() if gap else cue.end()
    return any(e.start == after for e in orgs)


def _headcount(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """Job cuts or hiring by a named company, worded without a hire cue ("cuts 900 jobs",
    "layoffs at Contoso", "adds 500 jobs")."""
    for pattern, direction in ((LAYOFF, "layoffs"), (GROWTH, "hiring")):
        for cue in pattern.finditer(text):
            if hypothetical(text, cue.start()):
                continue
            org = _company_near(orgs, cue)
            if org is not None:
                return [_move(None, org, None, direction, cue)]
    return []


def _transfers(text: str, entities: Sequence[Entity], orgs: Sequence[Entity]) -> list[ExecMove]:
    """A named person moving from one named organisation to another, no role needed ("Jane
    Doe leaves Contoso for Fabrikam", "Contoso's Jane Doe returning to Fabrikam")."""
    for cue in TRANSFER.finditer(text):
        if false_cue(text, cue) or hypothetical(text, cue.start()):
            continue
        target = next((e for e in orgs if e.start == cue.end()), None)
        person = _nearest(entities, "PERSON", cue)
        if target is None or person is None or person.end > cue.start():
            continue
        lo, hi = _window(text, cue)
        if any(e.text != target.text and lo <= e.start < hi for e in orgs):
            return [_move(person, target, None, "joins", cue)]
    return []


def _move(
    person: Entity | None, org: Entity | None, role: str | None, direction: str, cue: re.Match[str]
) -> ExecMove:
    return ExecMove(
        person=person.text if person else None,
        person_id=person.id if person else None,
        organisation=org.text if org else None,
        organisation_id=org.id if org else None,
        role=re.sub(r"\s+", " ", role) if role else None,
        direction=direction,
        cue=re.sub(r"\s+", " ", cue.group(0).lower()),
    )


def detect_moves(text: str, entities: Sequence[Entity]) -> list[ExecMove]:
    """Moves named in ``text``; at most one per cue, deduplicated by (person, direction)."""
    moves: dict[tuple[str | None, str], ExecMove] = {}
    orgs = _orgs(entities)
    for cue in CUE.finditer(text):
        org_before = any(0 <= cue.start() - e.end <= 1 for e in orgs)
        if false_cue(text, cue, org_before=org_before):
            continue
        direction = "leaves" if cue["leave"] else "promoted" if cue["promote"] else "joins"
        lo, hi = _window(text, cue)
        role_match = ROLE.search(text, lo, hi)
        person = _nearest(entities, "PERSON", cue) or _titled_person(text, cue)
        if cue["hire"]:
            bulk = BULK.match(text, cue.start()) or (
                person is None and BULK.search(text, cue.start(), hi)
            )
            if bulk or role_match is None:
                company = _company_near(orgs, cue, _HIRER_NEAR)
                if (
                    company is None
                    or hiring_noun(text, cue)
                    or _hires_an_organisation(text, orgs, cue)
                ):
                    continue
                moves.setdefault((None, "hiring"), _move(None, company, None, "hiring", cue))
                continue
        if role_match is None:
            continue
        org = _organisation(text, orgs, cue)
        if person is None:
            # "Contoso CFO steps down", "Contoso hires a new head of design"
            org = _role_org(text, orgs, role_match) or (
                _company_near(orgs, cue) if cue["hire"] else _subject(text, orgs, cue)
            )
            if org is None:
                continue
        key = (person.text if person else role_match["role"].lower(), direction)
        moves.setdefault(key, _move(person, org, role_match["role"], direction, cue))
    if not moves:
        for move in _transfers(text, entities, orgs):
            moves.setdefault((move.person, move.direction), move)
    if not any(m.direction in ("hiring", "layoffs") for m in moves.values()):
        for move in _headcount(text, orgs):
            moves.setdefault((None, move.direction), move)
    return list(moves.values())
