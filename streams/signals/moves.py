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
    ADVISER,
    BULK,
    CUE,
    GROWTH,
    HIRE_OBJECT_GAP,
    HIRED_TICKER,
    LAYOFF,
    ROLE,
    ROLE_NAME,
    TRANSFER,
    false_cue,
    hiring_noun,
    hypothetical,
    speculative,
)

_WINDOW = 90  # characters around the cue where the person, organisation and role must be
# Words allowed between a cue and the organisation it governs ("leaving Ford", "departs from
# the Fed", "joins Tesla", "left for Rivian").
_OBJECT_GAP = re.compile(r"\s*(?:(?:as|to|from|for|at|the|its|their)\s+)*", re.I)
# Between an organisation and the role it attaches to: "Contoso CEO", "Contoso's new CFO",
# "$CTSO - CEO", "CFO of Contoso", "CEO at Contoso".
_ORG_ROLE_GAP = re.compile(r"(?:['’]s)?[\s:\-–—•(),]*(?:[\w&.'’-]+\s+){0,2}$")
_ROLE_ORG_GAP = re.compile(
    r"\s+(?:(?:job|post|role|position|seat|spot)\s+)?(?:of|at)\s+(?:the\s+|its\s+)?"
    r"(?:(?:partner|rival|parent|client|peer)\s+)?",
    re.I,
)
# Words NER tags ORG that name no organisation ("Shares Drop On News Of ..."), and a desk or
# unit of a company ("Japan Equities", "the Asia desk").
_GENERIC = re.compile(
    r"(?:the\s+)?(?:news|company|companies|board|update|breaking|report|reports|stocks?|shares"
    r"|markets?|analysts?|exclusive|alert|jobs|layoffs?|hiring|wall\s+st(?:reet)?\.?|street|firm"
    r"|group|business|employees|workers|staff|sources?)",
    re.I,
)
_DESK = re.compile(r"(?:[A-Z][\w&.'’-]*\s+)+(?:Equit(?:y|ies)|Desk|Unit|Division|Team)")
# Before a handle that is the source of a post, not its subject: "RT @Wire:", "via @Wire".
_SOURCE_BEFORE = re.compile(
    r"(?:\b(?:RT|via|by|h/t|cc|from|says|said|writes|wrote|per)\s+|^\W*)$", re.I
)
# A name written after "CEO of" / "CFO at" that NER did not tag: a hashtag, or capitalised words
# up to a headline word ("CEO of #Telus", "CFO at Northwind Traders Effective Today").
_NAME_AFTER_ROLE = re.compile(
    r"#(?P<tag>[A-Za-z][\w&]+)|(?P<name>(?!(?:Effective|Says|After|Amid|As|In|On|To|For|With|And"
    r"|Is|Was|Will|From|Board|The|New|Leadership|Position|Role|Job|Post)\b)[A-Z][\w&'’.-]*(?:\s+(?!(?:Effective|Says|After|Amid|As|In"
    r"|On|To|For|With|And|Is|Was|Will|From|Board)\b)[A-Z][\w&'’.-]*){0,2})"
)
# Words that end a name read after a title: "Executive Leaves Firm", "Exec From Microsoft".
_NOT_NAME = re.compile(
    r"(?:From|To|At|Of|For|In|On|As|And|The|Officer|President|Executive|Director|Chairman"
    r"|Firm|Company|Says|Said|Is|Was|Will|Has|Joins|Named|Former|New|Interim|Acting|Ex|Top"
    r"|Senior|Breaking|Update|Report|Exclusive|A|An|Its|His|Her|Their|Our|This|That|No|Not)",
)
_VIA_CHAIN = re.compile(r"\b(?:via|by|from|h/t|cc)\s+@\w+\s*(?:&|and|,)\s*$", re.I)
# A headline's clause that is only its subject before the cue: "$DIS EA Hires", "GoPro Names".
_HEADLINE_SUBJECT = re.compile(
    r"^\s*(?:[$#@]\w+\b[\s,]*)*(?P<name>(?<![$#@\w])[A-Z][\w&.'’+-]*(?:\s+[A-Z][\w&.'’+-]*)?)\s+$"
)
_OBJECT_NAME = re.compile(
    r"\s+([A-Z][a-z]+(?:[-'’][A-Za-z]+)?\s+[A-Z][a-z]+(?:[-'’][A-Za-z]+)?)\s+(?:as|to)\b"
)
_HEAD_BEFORE_ROLE = re.compile(
    r"^\s*(?:[$#@]\w+\b[\s,]*)*(?P<name>(?<![$#@\w])[A-Z][\w&.+-]*)(?:['’]s)?"
    r"(?:\s+[a-z][\w&.'’-]*(?:\s+[\w&.'’-]+)?)?\s+$"
)
_DISMISS = re.compile(r"fires|ousts|sacks", re.I)  # "Sanofi Fires CEO": Sanofi
_PASSIVE_CUE = re.compile(r"\b(?:named|appointed|tapped|picked|elected|hired|promoted)\b", re.I)
_PASSIVE_ROLE = re.compile(
    r"\s+(?:(?:as|to|the|its|new|interim|acting|permanent)\s+)*" + ROLE.pattern, re.I
)
_KIND_OF_COMPANY = re.compile(
    r"(?:[a-z][\w-]*\s+){0,3}(?:company|firm|start-?up|maker|group|provider|bank|fund)\s+"
)
# "joins the board of Contoso": the organisation after it.
_BOARD_OF = re.compile(
    r"\s+(?:the\s+|its\s+)?board\s+(?:of\s+directors\s+)?(?:of|at)\s+(?:the\s+)?", re.I
)
# Between a company and the cue it is the subject of: "Contoso has hired", "Contoso names".
_SUBJECT_GAP = re.compile(
    r"\s*(?:(?:has|have|had|is|was|just|reportedly|quietly|also|now|officially)\s+)*"
)
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
    steps down"): two or three capitalised words up to a cue, a title or a small word ("...
    Lee Park Steps Down", not "Executive Leaves Firm", "Chief Technology Officer", "Exec From
    Microsoft")."""
    lo, hi = _window(text, cue)
    for match in ROLE_NAME.finditer(text, lo, hi):
        start = match.start("name")
        words = []
        for word in re.finditer(r"\S+", match["name"]):
            if CUE.match(text, start + word.start()) or _NOT_NAME.fullmatch(word.group(0)):
                break
            words.append(word)
        if len(words) >= 2:
            name = text[start : start + words[-1].end()]
            return Entity(
                text=name, label="PERSON", start=start, end=start + len(name), source="rule"
            )
    return None


def _named_after(text: str, cue: re.Match[str]) -> Entity | None:
    """The person right after an appointing cue when NER missed them ("GoPro Appoints Tony
    Bates as President")."""
    if not (cue["join"] or cue["promote"]) or cue.group(0).lower().startswith("join"):
        return None
    match = _OBJECT_NAME.match(text, cue.end())
    if match is None or any(_NOT_NAME.fullmatch(w) or ROLE.fullmatch(w) for w in match[1].split()):
        return None
    return Entity(
        text=match[1], label="PERSON", start=match.start(1), end=match.end(1), source="rule"
    )


def _person(people: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The nearest person to the cue, never the cue itself ("Peter Oppenheimer to Retire"
    with "Retire" tagged PERSON)."""
    return _nearest(
        [p for p in people if p.end <= cue.start() or p.start >= cue.end()], "PERSON", cue
    )


def _people(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """PERSON entities, less the handles a post is quoted from ("RT @Wire:", "via @a & @b")."""
    return [
        e
        for e in entities
        if e.label == "PERSON"
        and not (
            e.text.startswith("@")
            and (_source_handle(text, e) or _VIA_CHAIN.search(text, 0, e.start))
        )
    ]


def _orgs(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Organisations: ORG entities (cashtags and handles of watched companies included), a
    fragment extended to the whole name ("BHP" + "Billiton"). Never one: a role title NER
    took for an organisation ("CFO"), a generic word ("News", "Board"), a desk ("Japan
    Equities"), a handle of no watched company (the news account of "RT @Wire:"), a name NER
    also tagged as a person."""
    people = [e for e in entities if e.label == "PERSON" and " " in e.text]
    person_words = {w for e in people for w in e.text.split()}
    out: list[Entity] = []
    for e in sorted((e for e in entities if e.label == "ORG"), key=lambda e: e.start):
        name = e.text.strip()
        if (
            ROLE.fullmatch(name)
            or not re.match(r"[$#@]?[A-Za-z]", name)  # "~$642M", "2015"
            or _GENERIC.fullmatch(name)
            or _DESK.fullmatch(name)
            or (_loose_handle(e) and _source_handle(text, e))
            or name in person_words
            or any(p.label == "PERSON" and p.start < e.end and e.start < p.end for p in entities)
        ):
            continue
        prev = out[-1] if out else None
        if (
            prev is not None
            and text[prev.end : e.start] == " "
            and prev.text[:1].isalnum()
            and name[:1].isalnum()
        ):
            out[-1] = prev.model_copy(
                update={"text": text[prev.start : e.end], "end": e.end, "id": prev.id or e.id}
            )
            continue
        out.append(e)
    return out


def _organisation(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation of a move, in this order: the company that appoints or hires
    ("Uber hired Facebook's security chief"), the one the cue governs ("leaving Ford"), the
    one a role near the cue is held at ("out as CEO of Telus ... $T"), the nearest ORG."""
    subject = _subject(text, orgs, cue)
    if subject is not None:
        return subject
    return _governed(text, orgs, cue) or _role_near(text, orgs, cue) or _nearest(orgs, "ORG", cue)


def _governed(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation right after the cue ("leaving Ford", "joins the board of Contoso"),
    read from the text after a joining cue when NER missed it ("to Join STX Entertainment")."""
    board = _BOARD_OF.match(text, cue.end())
    gap = board or _OBJECT_GAP.match(text, cue.end())
    after = gap.end() if gap else cue.end()
    governed = next((e for e in orgs if e.start == after), None)
    role = ROLE.match(text, governed.end + 1) if governed is not None else None
    if role is not None and _ROLE_ORG_GAP.match(text, role.end()):
        governed = _role_org(text, orgs, role)  # "tapped as R&D chief at 3M": 3M
    if (
        governed is None
        and (board or cue["join"])
        and not cue.group(0).lower().startswith(("nam", "mak"))
    ):
        kind = _KIND_OF_COMPANY.match(text, after)  # "joined ad tech company Undertone"
        governed = _name_at(text, kind.end() if kind else after)
    if governed is None:
        named = _name_at(text, after)  # "quits Rosneft board"
        if named is not None and re.match(r"\s+board\b", text[named.end :], re.I):
            governed = named
    return governed


def _role_near(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation of the role title nearest the cue that is held at one; a joining
    cue takes a role after it first ("Contoso chief Bo Berg leaps to CEO job at Fabrikam")."""
    lo, hi = _window(text, cue)
    joining = bool(cue["join"] or cue["promote"])
    roles = sorted(
        ROLE.finditer(text, lo, hi),
        key=lambda r: (
            joining and r.start() < cue.start(),
            max(0, r.start() - cue.end(), cue.start() - r.end()),
        ),
    )
    return next((o for r in roles if (o := _role_org(text, orgs, r)) is not None), None)


def _role_org(text: str, orgs: Sequence[Entity], role: re.Match[str]) -> Entity | None:
    """The organisation a role title is attached to ("Contoso CEO", "CFO of Contoso", "CEO of
    #Telus" when NER missed it): the one after "of/at" first ("R&D chief at 3M"), then the
    nearest before ("$MMM: 3M CFO")."""
    gap = _ROLE_ORG_GAP.match(text, role.end())
    if gap is not None:
        found = next((o for o in orgs if o.start == gap.end()), None) or _name_at(text, gap.end())
        if found is not None:
            return found
    before = [
        o
        for o in orgs
        if 0 <= role.start() - o.end <= 24
        and _ORG_ROLE_GAP.fullmatch(text, o.end, role.start())
        and not _PASSIVE_CUE.search(text, o.end, role.start())  # "Briton Named New CEO"
    ]
    if before:
        return max(before, key=lambda o: o.end)
    head = _HEAD_BEFORE_ROLE.search(_clause_text_before(text, role.start()))
    if head is not None and not any(
        _NOT_NAME.fullmatch(w) or ROLE.fullmatch(w) or _GENERIC.fullmatch(w) or CUE.fullmatch(w)
        for w in head["name"].split()
    ):
        start = role.start() - len(head.group(0)) + head.start("name")
        end = start + len(head["name"])  # "JPMorgan top China executive": NER missed it
        return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")
    return None


def _name_at(text: str, at: int) -> Entity | None:
    """An organisation's name written at ``at`` that NER did not tag ("#Telus", "STX
    Entertainment")."""
    name = _NAME_AFTER_ROLE.match(text, at)
    if name is None or ROLE.match(text, at) or _GENERIC.match(text, at):
        return None
    group = "tag" if name["tag"] else "name"
    start, end = name.span(group)
    return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")


def _company_near(
    orgs: Sequence[Entity], cue: re.Match[str], reach: int = _ORG_NEAR, *, wide: bool = False
) -> Entity | None:
    """The organisation doing the hiring or the cutting: the nearest one before the cue
    ("Contoso is hiring", "$CTSO cuts 900 jobs"), else one right after ("layoffs at
    Contoso"); ``wide``: else the only company the post names, anywhere in the cue's window
    ("Shares of Contoso fall after a story on company-wide layoffs"). A handle no watched
    company has comes last ("Spring at @HomeDepot. It's hiring")."""
    named = [e for e in orgs if not _loose_handle(e)]
    found = _before_or_after(named, cue, reach)
    if found is None and wide and len({e.id or e.text for e in named}) == 1:
        found = _nearest(named, "ORG", cue)
    return found or _before_or_after([e for e in orgs if _loose_handle(e)], cue, reach)


def _loose_handle(org: Entity) -> bool:
    """A handle no watched company has (a person, a news account or an unknown company)."""
    return org.text.startswith("@") and org.id is None


def _source_handle(text: str, org: Entity) -> bool:
    """The handle a post is quoted from ("RT @Wire:", "via @Wire", "“@Wire: ...")."""
    return text[org.end : org.end + 1] == ":" or bool(_SOURCE_BEFORE.search(text, 0, org.start))


def _before_or_after(orgs: Sequence[Entity], cue: re.Match[str], reach: int) -> Entity | None:
    before = [e for e in orgs if e.end <= cue.start() and cue.start() - e.end <= reach]
    if before:
        return max(before, key=lambda e: e.end)
    after = [e for e in orgs if e.start >= cue.end() and e.start - cue.end() <= 25]
    return min(after, key=lambda e: e.start, default=None)


def _subject(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation right before an appointing or hiring cue ("Contoso names a new CFO",
    "Contoso has hired Fabrikam's design chief"); a headline's first words when NER missed
    them ("$MSFT: GoPro Appoints ...", "$DIS EA Hires ...")."""
    if not (cue["join"] or cue["promote"] or cue["hire"] or _DISMISS.fullmatch(cue.group(0))):
        return None
    if cue.group(0).lower().endswith("ed") and _PASSIVE_ROLE.match(text, cue.end()):
        return None  # "Briton Named New Chief Executive Of McDonalds": the one named
    for org in orgs:
        gap = _SUBJECT_GAP.match(text, org.end)
        if org.end <= cue.start() and gap is not None and gap.end() == cue.start():
            return org
    head = _HEADLINE_SUBJECT.search(_clause_text_before(text, cue.start()))
    if head is None or not cue.group(0).endswith("s") or not cue.group(0)[:1].isupper():
        return None
    words = head["name"].split()
    if any(
        _NOT_NAME.fullmatch(w) or ROLE.fullmatch(w) or _GENERIC.fullmatch(w) or CUE.fullmatch(w)
        for w in words
    ):
        return None
    start = cue.start() - len(head.group(0)) + head.start("name")
    end = start + len(head["name"])
    return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")


def _clause_subject(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The company a headline's clause starts with, when the cue ends that clause ("$MS:
    Mizuho Persists With Japan Equities Hiring")."""
    start = cue.start() - len(_clause_text_before(text, cue.start()))
    lead = re.compile(r"\s*(?:[$@#]\w+[\s,]*)*").match(text, start)
    at = lead.end() if lead else start
    return next((o for o in orgs if o.start == at and not o.text.startswith("$")), None)


def _clause_text_before(text: str, start: int, reach: int = 70) -> str:
    before = text[max(0, start - reach) : start]
    cut = list(re.finditer(r"[.!?;:\n]|\s[-–—|]\s", before))
    return before[cut[-1].end() :] if cut else before


def _hires_an_organisation(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> bool:
    """ "Contoso hires Goldman Sachs to explore a sale": an adviser, not staff."""
    gap = HIRE_OBJECT_GAP.match(text, cue.end())
    after = gap.end() if gap else cue.end()
    return any(e.start == after for e in orgs) or _hires_an_adviser(text, cue)


def _hires_an_adviser(text: str, cue: re.Match[str]) -> bool:
    """ "has hired Goldman and Lazard", "hires advisers to fend off a bid"."""
    return bool(cue["hire"]) and bool(
        ADVISER.match(text, cue.end()) or HIRED_TICKER.match(text, cue.end())
    )


def _headcount(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """Job cuts or hiring by a named company, worded without a hire cue ("cuts 900 jobs",
    "layoffs at Contoso", "adds 500 jobs")."""
    for pattern, direction in ((LAYOFF, "layoffs"), (GROWTH, "hiring")):
        for cue in pattern.finditer(text):
            if hypothetical(text, cue.start()) or speculative(text, cue):
                continue
            org = _company_near(orgs, cue, wide=True)
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
        person = _nearest(_people(text, entities), "PERSON", cue)
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


def _named(move: ExecMove, orgs: Sequence[Entity]) -> ExecMove:
    """The organisation as the text names it: "Contoso" over its cashtag "$CTSO" (same linked
    company), "#Contoso" without the hash."""
    name = move.organisation
    if name is None:
        return move
    if name.startswith("$") and move.organisation_id:
        named = next(
            (o.text for o in orgs if o.id == move.organisation_id and o.text[:1].isalnum()), None
        )
        name = named or name
    name = name.lstrip("#")
    return move if name == move.organisation else move.model_copy(update={"organisation": name})


def detect_moves(text: str, entities: Sequence[Entity]) -> list[ExecMove]:
    """Moves named in ``text``; at most one per cue, deduplicated by (person, direction)."""
    moves: dict[tuple[str | None, str], ExecMove] = {}
    orgs = _orgs(text, entities)
    people = _people(text, entities)
    for cue in CUE.finditer(text):
        org_before = any(0 <= cue.start() - e.end <= 1 for e in orgs)
        if false_cue(text, cue, org_before=org_before) or _hires_an_adviser(text, cue):
            continue
        direction = "leaves" if cue["leave"] else "promoted" if cue["promote"] else "joins"
        lo, hi = _window(text, cue)
        role_match = ROLE.search(text, lo, hi)
        person = _person(people, cue) or _titled_person(text, cue) or _named_after(text, cue)
        if cue["hire"]:
            bulk = BULK.match(text, cue.start()) or (
                person is None and BULK.search(text, cue.start(), hi)
            )
            if bulk or role_match is None:
                company = (
                    _subject(text, orgs, cue)
                    or _company_near(orgs, cue, _HIRER_NEAR)
                    or _clause_subject(text, orgs, cue)
                )
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
            org = (
                _subject(text, orgs, cue)
                or _governed(text, orgs, cue)
                or _role_near(text, orgs, cue)
                or (_company_near(orgs, cue) if cue["hire"] else None)
            )
            if org is None:
                continue
        key = (person.text if person else role_match["role"].lower(), direction)
        moves.setdefault(key, _move(person, org, role_match["role"], direction, cue))
    if not moves:
        for move in _transfers(text, people, orgs):
            moves.setdefault((move.person, move.direction), move)
    if not any(m.direction in ("hiring", "layoffs") for m in moves.values()):
        for move in _headcount(text, orgs):
            moves.setdefault((None, move.direction), move)
    return [_named(m, orgs) for m in moves.values()]
