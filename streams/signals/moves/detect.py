"""``detect_moves``: the moves a post names, cue by cue (see the package's docstring)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.enriched import Entity
from models.signals import ExecMove
from streams.signals.moves.company import (
    exec_exits,
    headcount,
    new_hire,
    reshuffle,
    succession,
)
from streams.signals.moves.not_moves import (
    false_cue,
    hiring_noun,
    hypothetical,
)
from streams.signals.moves.orgs import (
    NOT_NAME,
    as_named,
    clause_subject,
    colon_header_org,
    company_near,
    governed_org,
    header_org,
    mover_org,
    nearest,
    organisation_of,
    organisations,
    role_org,
    role_org_near,
    subject_org,
    window,
)
from streams.signals.moves.people import (
    named_after,
    past_role,
    people_in,
    person_of,
    titled_person,
)
from streams.signals.moves.signal import make_move
from streams.signals.moves.words import (
    ADVISER,
    BOARD,
    BULK,
    CUE,
    HIRE_OBJECT_GAP,
    HIRED_TICKER,
    INTRODUCED,
    POACHED_STAFF,
    ROLE,
    ROLE_NAME,
    ROLE_NEXT,
    TRANSFER,
)

__all__ = ["detect_moves"]

# A dismissal of many: "fires 15 senior bankers", "sacks dozens of traders", "fire 3K workers".
_FIRES_MANY = re.compile(
    r"\s+(?:about\s+|some\s+|more\s+than\s+|at\s+least\s+)?(?:\d[\d,]*(?:\.\d+)?[kK]?|two|three|four|five|six"
    r"|seven|eight|nine|ten|dozens\s+of|hundreds\s+of|several)\s+(?:\w+\s+){0,2}?(?:bankers"
    r"|traders|employees|workers|staff(?:ers)?|executives|managers|engineers|people|brokers"
    r"|analysts|advisers|advisors)\b",
    re.I,
)


# Characters between a company and a hire cue: the company is its subject ("Contoso is hiring").
_HIRER_NEAR = 25


def _hires_an_organisation(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> bool:
    """ "Contoso hires Goldman Sachs to explore a sale": an adviser, not staff; "hires
    Goldman's Lee Park" hires a person from it."""
    gap = HIRE_OBJECT_GAP.match(text, cue.end())
    after = gap.end() if gap else cue.end()
    hired = next((e for e in orgs if e.start == after), None)
    if hired is not None and POSSESSIVE_NAME.match(text, hired.end):
        return False
    return hired is not None or _hires_an_adviser(text, cue)


def _hires_an_adviser(text: str, cue: re.Match[str]) -> bool:
    """ "has hired Goldman and Lazard", "hires advisers to fend off a bid" (not "hires
    Goldman's Lee Park", a person)."""
    if not cue["hire"]:
        return False
    hired = ADVISER.match(text, cue.end()) or HIRED_TICKER.match(text, cue.end())
    if hired is None or POSSESSIVE_NAME.match(text, hired.end()):
        return False
    # "hires $CTSO exec Lee Park": a person of the company written as its cashtag
    return not (
        text[hired.end() - 1 : hired.end()].isalnum() and ROLE_NEXT.match(text, hired.end())
    )


def _poaches_staff(
    text: str, cue: re.Match[str], person: Entity | None, role: re.Match[str] | None
) -> bool:
    """ "Contoso poaches one of Fabrikam's top engineers", "poached at least 150 engineers":
    people poached with no title or name, the company hiring."""
    if role is not None or not cue.group(0).lower().startswith("poach"):
        return False
    staff = POACHED_STAFF.match(text, cue.end())
    return staff is not None and (person is None or not cue.end() <= person.start < staff.end())


def _poached_from(
    text: str, orgs: Sequence[Entity], cue: re.Match[str], role: re.Match[str]
) -> Entity | None:
    """ "<a name lost in a link> Poaches Top Exec From Fabrikam": whoever poached, the
    executive leaves Fabrikam."""
    if not cue.group(0).lower().startswith("poach") or role.start() < cue.end():
        return None
    return _org_from(text, orgs, role.end())


# Leaving, said of a named person: "Lee Park is leaving Contoso", "Lee Park Leaves Contoso
# to Join Fabrikam" (not "fires", "ousts": the company is the subject there).
_LEAVING = re.compile(r"leav(?:es|ing)|left|quit(?:s|ting)?|exit(?:s|ing)", re.I)
# What follows a company left by a person: the end of a headline, a destination, a reason.
_AFTER_LEFT = re.compile(
    r"\s*(?:$|[.,;:!?(]|[-–—|]\s|https?://|\$|#|\bto\s+(?:join|become|start|launch|run|lead"
    r"|head|focus|pursue|found)\b|\bfor\s+(?-i:[A-Z$@#])|\bafter\b|\bamid\b|\bin\s+(?:a\s+)?"
    r"(?:surprise|shake-?up|shift|move)\b|\bas\s+(?-i:[A-Z$@#]))",
    re.I,
)


def _left_named(
    text: str, orgs: Sequence[Entity], cue: re.Match[str], person: Entity
) -> Entity | None:
    """The company a named person leaves, right after the cue, NER's own (not read from
    capitalised words), and told as a departure: the headline ends, or a destination or a
    reason follows ("Lee Park is Leaving Contoso ...", "Lee Park Leaves Contoso to Join
    Fabrikam"); not "leaves Contoso shares behind", nor a company's cashtag ("exits $CTSO,
    adds to $FBKM": a fund's position)."""
    if not _LEAVING.fullmatch(cue.group(0)) or person.end > cue.start():
        return None
    left = governed_org(text, orgs, cue)
    if left is None or left.source == "rule" or left.start - cue.end() > 1:
        return None
    if left.text.startswith("$"):
        return None  # "Lee Park exits $CTSO, adds to $FBKM": a position sold
    return left if _AFTER_LEFT.match(text, left.end) else None


def _transfers(text: str, entities: Sequence[Entity], orgs: Sequence[Entity]) -> list[ExecMove]:
    """A named person moving from one named organisation to another, no role needed ("Jane
    Doe leaves Contoso for Fabrikam", "Contoso's Jane Doe returning to Fabrikam")."""
    for cue in TRANSFER.finditer(text):
        if false_cue(text, cue) or hypothetical(text, cue.start()):
            continue
        target = next((e for e in orgs if e.start == cue.end()), None)
        person = nearest(people_in(text, entities), "PERSON", cue)
        if target is None or person is None or person.end > cue.start():
            continue
        lo, hi = window(text, cue)
        if any(e.text != target.text and lo <= e.start < hi for e in orgs):
            return [make_move(person, target, None, "joins", cue)]
    return []


def _introduced(text: str, people: Sequence[Entity], orgs: Sequence[Entity]) -> list[ExecMove]:
    """A post introducing a named appointee ("Who is new Globex CEO Lee Park?", "Who is Lee
    Park - Globex's next CEO?"): the person joins in that role. Without a person named, a
    company's new one met is still a move ("Meet Globex's new CFO"); a next one is a guess
    ("Who is the next CEO of Globex?") and a question about the new one is no news of a
    move ("Who is the new Globex CEO going to hire first?")."""
    for intro in INTRODUCED.finditer(text):
        role = ROLE.search(text, intro.end())
        if role is None or hypothetical(text, intro.start()):
            continue
        person = next(
            (
                p
                for p in people
                if intro.start("between") <= p.start and p.end <= intro.end("between")
            ),
            None,
        ) or next((p for p in people if 0 <= p.start - role.end() <= 2), None)
        if person is None and (named := ROLE_NAME.match(text, role.start())) is not None:
            start, end = named.span("name")
            person = Entity(
                text=text[start:end], label="PERSON", start=start, end=end, source="rule"
            )
        if person is not None and NOT_NAME.fullmatch(person.text.split()[0]):
            continue
        org = role_org(text, orgs, role)
        if person is None and (
            org is None
            or text[intro.end("between") : intro.end("between") + 3].lower() != "new"
            or text[intro.start() : intro.start() + 3].lower() == "who"
        ):
            continue  # "Meet Contoso's new CFO" is one; "Who is the new CEO going to hire?" no
        if org is None and len({o.text for o in orgs}) == 1:
            org = orgs[0]  # the only organisation named ("Contoso Corp : ... new CEO Lee Park")
        move = make_move(person, org, role["role"], "joins", intro)
        lead = text[intro.start() : intro.start("between")].strip()
        said = f"{lead} {text[intro.end('between') : intro.end()].strip()}"  # "who is ... new"
        return [move.model_copy(update={"cue": " ".join(said.lower().split())})]
    return []


# "'s Lee Park", "'s Foresti": a person of the organisation just named.
POSSESSIVE_NAME = re.compile(r"['’]s?\s+(?-i:[A-Z][a-z]+)")
# "to retire from (the) board of Apple": the board's company, the seat the role.
_FROM_BOARD = re.compile(
    r"\s+from\s+(?:the\s+|its\s+)?board\s+of\s+(?:directors\s+(?:of|at)\s+)?", re.I
)
_FROM = re.compile(r"\s+(?:down\s+|away\s+)?from\s+(?:the\s+)?", re.I)


def _org_from(text: str, orgs: Sequence[Entity], at: int) -> Entity | None:
    """The organisation right after "(down|away) from (the)" at ``at``, if any."""
    gap = _FROM.match(text, at)
    if gap is None:
        return None
    return next((e for e in orgs if e.start == gap.end()), None)


def _left_from(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation right after "retires/resigns/steps down from (the)", if any."""
    return _org_from(text, orgs, cue.end())


# After "join Contoso": the deal that brings the person ("as part of the deal", "in Fabrikam
# deal", "with the acquisition").
_IN_DEAL = re.compile(
    r"\s+(?:as\s+part\s+of|in|with|under|through|after)\s+(?:the\s+|its\s+|a\s+)?"
    r"(?:[\w$#@&.'’-]+\s+){0,3}?(?:deal|acquisition|takeover|buyout|merger|purchase)\b",
    re.I,
)


def _joins_in_deal(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The company a named person joins as part of a deal ("to join Contoso as part of the
    deal"): people coming with a company bought, a move with no title yet."""
    if not cue.group(0).lower().startswith("join"):
        return None
    joined = governed_org(text, orgs, cue)
    if joined is None or joined.source == "rule" or not _IN_DEAL.match(text, joined.end):
        return None
    return joined


def detect_moves(text: str, entities: Sequence[Entity]) -> list[ExecMove]:
    """Moves named in ``text``; at most one per cue, deduplicated by (person, direction)."""
    moves: dict[tuple[str | None, str], ExecMove] = {}
    orgs = organisations(text, entities)
    people = people_in(text, entities)
    for cue in CUE.finditer(text):
        org_before = any(0 <= cue.start() - e.end <= 1 for e in orgs)
        if false_cue(text, cue, org_before=org_before) or _hires_an_adviser(text, cue):
            continue
        direction = "leaves" if cue["leave"] else "promoted" if cue["promote"] else "joins"
        fired = cue["leave"] and cue.group(0).lower().startswith(("fire", "sack"))
        if fired and _FIRES_MANY.match(text, cue.end()):
            # "Globex fires 15 senior bankers at its Asia unit": Globex cuts jobs
            org = subject_org(text, orgs, cue) or company_near(orgs, cue, _HIRER_NEAR)
            if org is not None:
                moves.setdefault((None, "layoffs"), make_move(None, org, None, "layoffs", cue))
            continue
        board = _FROM_BOARD.match(text, cue.end()) if cue["leave"] else None
        board_of = next((e for e in orgs if board and e.start == board.end()), None)
        lo, hi = window(text, cue)
        role_match = ROLE.search(text, lo, hi) or BOARD.search(text, lo, hi)
        if role_match is not None and past_role(text, role_match):
            # "Former Heinz CEO named to board of PepsiCo", "Former Intel CFO joins Apple as
            # CEO": the seat taken, not the past title
            later = (r for r in ROLE.finditer(text, cue.end(), hi) if not past_role(text, r))
            role_match = next(later, None) or BOARD.search(text, lo, hi) or role_match
        person = person_of(text, people, cue) or titled_person(text, cue) or named_after(text, cue)
        if cue["hire"] or _poaches_staff(text, cue, person, role_match):
            bulk = BULK.match(text, cue.start()) or (
                person is None and BULK.search(text, cue.start(), hi)
            )
            if bulk or role_match is None:
                company = (
                    subject_org(text, orgs, cue)
                    or company_near(orgs, cue, _HIRER_NEAR)
                    or clause_subject(text, orgs, cue)
                )
                if (
                    company is None
                    or (not cue["hire"] and company.start > cue.start())  # poached from it
                    or hiring_noun(text, cue)
                    or _hires_an_organisation(text, orgs, cue)
                ):
                    continue
                moves.setdefault((None, "hiring"), make_move(None, company, None, "hiring", cue))
                continue
        if board_of is not None and person is not None:
            # "JCrew CEO Mickey Drexler to retire from board of Apple": Apple's board
            moves.setdefault(
                (person.text, direction), make_move(person, board_of, "board", direction, cue)
            )
            continue
        if role_match is None:
            # "Lee Park to Retire from the Contoso Board": a named person leaving a named
            # organisation needs no title; nor one joining the buyer in a deal ("Lee Park and
            # Bo Berg to join Contoso as part of the deal")
            left = _left_from(text, orgs, cue) if cue["leave"] and person is not None else None
            if left is None and person is not None and cue["join"]:
                left = _joins_in_deal(text, orgs, cue)
            if left is None and person is not None:
                left = _left_named(text, orgs, cue, person)
            if person is not None and left is not None:
                moves.setdefault(
                    (person.text, direction), make_move(person, left, None, direction, cue)
                )
            continue
        org = organisation_of(text, orgs, cue)
        seat = BOARD.search(text, cue.end(), hi)
        held = role_org(text, orgs, role_match) if seat is not None else None
        if org is not None and held is not None and held.text != org.text and seat is not None:
            role_match = seat  # "Disney names Nike CEO Mark Parker to its board": Disney's board
        if person is None:
            # "Contoso CFO steps down", "Contoso hires a new head of design"
            org = (
                subject_org(text, orgs, cue)
                or governed_org(text, orgs, cue)
                or role_org_near(text, orgs, cue)
                or (company_near(orgs, cue) if cue["hire"] else None)
                or mover_org(text, orgs, cue)
                or header_org(text, orgs)
                or colon_header_org(text, orgs, cue)
            )
            if org is None:
                left = _poached_from(text, orgs, cue, role_match)
                if left is not None:
                    moves.setdefault(
                        (None, "leaves"), make_move(None, left, role_match["role"], "leaves", cue)
                    )
                continue
        if (
            org is not None
            and person is not None
            and org.start < person.end
            and person.start < org.end
        ):
            org = None  # "Appoints Lee Park Executive Vice President": no "Lee Park Executive"
        key = (person.text if person else role_match["role"].lower(), direction)
        moves.setdefault(key, make_move(person, org, role_match["role"], direction, cue))
    if not moves:
        for move in _transfers(text, people, orgs) or _introduced(text, people, orgs):
            moves.setdefault((move.person, move.direction), move)
    if not any(m.direction in ("hiring", "layoffs") for m in moves.values()):
        for move in headcount(text, orgs) or new_hire(text, orgs):
            moves.setdefault((None, move.direction), move)
    if not moves:
        for move in reshuffle(text, orgs) or succession(text, orgs) or exec_exits(text, orgs):
            moves.setdefault((None, move.direction), move)
    return [as_named(m, orgs) for m in moves.values()]
