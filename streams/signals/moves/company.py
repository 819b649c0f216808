"""Moves of a company with no one named: job cuts and hiring worded without a hire cue
("cuts 900 jobs", "layoffs at Contoso", "adds 500 jobs", "ramping up hiring"), a hire
spoken of as a noun ("Contoso's latest hire"), a management reshuffle, a succession
("Contoso CEO search nears its end"), executives leaving ("another executive departure")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.enriched import Entity
from models.signals import ExecMove
from streams.signals.moves.not_moves import (
    hypothetical,
    layoff_chatter,
    speculative,
    succession_doubted,
)
from streams.signals.moves.orgs import (
    NOT_NAME,
    company_near,
    succession_org,
)
from streams.signals.moves.signal import make_move
from streams.signals.moves.words import (
    EXEC_EXITS,
    GROWTH,
    LAYOFF,
    NEW_HIRE,
    RESHUFFLE,
    ROLE,
    SUCCESSION,
    TOP_ROLE,
)

__all__ = ["exec_exits", "headcount", "new_hire", "reshuffle", "succession"]

# "Contoso joins the layoff parade": Contoso cuts jobs; the company is the subject of "joins".
_JOINS_THE = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_JOINER = re.compile(r"(?P<name>[A-Z][\w&.'’-]+(?:\s+[A-Z][\w&.'’-]+)?)\s+$")
_NOT_JOINER = re.compile(r"Now|And|So|Also|Today|Then|Even|Finally|Next|The|RT", re.I)


def headcount(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """Job cuts or hiring by a named company, worded without a hire cue ("cuts 900 jobs",
    "layoffs at Contoso", "adds 500 jobs")."""
    for pattern, direction in ((LAYOFF, "layoffs"), (GROWTH, "hiring")):
        for cue in pattern.finditer(text):
            if hypothetical(text, cue.start()) or speculative(text, cue):
                continue
            if direction == "layoffs" and _JOINS_THE.search(text, 0, cue.start()):
                org = _joiner(text, orgs, cue)  # "Contoso joins the layoff parade"
            elif layoff_chatter(text, cue):
                continue
            else:
                org = company_near(orgs, cue, wide=True)
            if org is not None:
                return [make_move(None, org, None, direction, cue)]
    return []


def new_hire(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """A company's hire spoken of as a noun: "Contoso's latest hire - the head of fraud
    fighting", "#Contoso's new hire starts Monday"; the company is the possessor."""
    for cue in NEW_HIRE.finditer(text):
        if hypothetical(text, cue.start()) or speculative(text, cue):
            continue
        at = cue.start() - 3  # the lookbehind's "'s "
        owner = next((o for o in orgs if o.end == at), None)
        if owner is not None:
            return [make_move(None, owner, None, "hiring", cue)]
    return []


def reshuffle(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """A management reshuffle at a named company with no one named ("Management shuffle at
    Contoso", "Executive Changes At Contoso"); not a guessed one ("could shake up")."""
    for cue in RESHUFFLE.finditer(text):
        if hypothetical(text, cue.start()) or speculative(text, cue):
            continue
        org = company_near(orgs, cue, wide=True)
        if org is not None:
            return [make_move(None, org, None, "reshuffle", cue)]
    return []


def succession(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """A named company choosing its next leader, no one named yet ("Contoso CEO search nears
    its end", "CEO hunt drags on at Contoso")."""
    for found in SUCCESSION.finditer(text):
        if succession_doubted(text, found):
            continue
        top = TOP_ROLE.search(text, found.start(), found.end())
        org = succession_org(text, orgs, found, ROLE.match(text, top.start()) if top else None)
        if org is not None and top is not None:
            title = re.sub(r"\s+", " ", top.group(0))
            return [make_move(None, org, title, "succession", found)]
    return []


# Characters from the company to "executive exits" ("Contoso customers stay faithful despite
# executive exits").
_EXITS_REACH = 50
# A news source telling it, not the company it is about: "..., Bloomberg says".
_TELLS = re.compile(r"\s+(?:says?|said|reports?|reported)\b", re.I)


def exec_exits(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """Executives leaving a named company, no one named ("Contoso faces another executive
    departure", "despite executive exits"); not a guessed one ("could see exec exits")."""
    for cue in EXEC_EXITS.finditer(text):
        if hypothetical(text, cue.start()) or speculative(text, cue):
            continue
        named = [o for o in orgs if not _TELLS.match(text, o.end)]
        org = company_near(named, cue, _EXITS_REACH, wide=True)
        if org is not None:
            return [make_move(None, org, "executive", "leaves", cue)]
    return []


def _joiner(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The company that "joins the layoff parade": the one right before "joins", an ORG or
    capitalised words NER missed; never one named after it ("... parade with Fabrikam")."""
    join = _JOINS_THE.search(text, 0, cue.start())
    if join is None:
        return None
    tagged = [o for o in orgs if o.end <= join.start() and not text[o.end : join.start()].strip()]
    if tagged:
        return tagged[-1]
    name = _JOINER.search(text, max(0, join.start() - 40), join.start())
    if name is None:
        return None
    words = name["name"].split()
    while words and _NOT_JOINER.fullmatch(words[0]):
        words = words[1:]
    if not words or any(ROLE.fullmatch(w) or NOT_NAME.fullmatch(w) for w in words):
        return None
    end = name.end("name")
    start = end - len(" ".join(words))
    if text[start:end] != " ".join(words):
        return None
    return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")
