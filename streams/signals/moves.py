"""Executive moves and hiring: who joins or leaves which organisation in which role.

Rules over the post's text and its entities (no parser): a move cue ("appoints", "steps
down", "hires"), a role title nearby, and the PERSON / ORG entities around them. The
direction comes from the cue: ``joins`` (appointed, hired, named), ``leaves`` (resigns,
steps down, departs, ousted), ``promoted``; ``hiring`` when a named company hires people
("hiring 500 engineers", "Contoso hires two chip designers") with no named executive, and
``layoffs`` when it cuts jobs ("layoffs at Contoso", "Contoso cuts 1,000 jobs");
``reshuffle`` for a management shake-up and ``succession`` for a company choosing its next
leader ("Contoso CEO search nears its end"), no one named.

A move needs its person, or a role held at a named organisation ("Contoso CFO steps
down": the CFO is a specific person). What looks like a move and is not (see
``streams.signals.move_cues``): an executive who "joins us" on a TV show, the Kindle
"Fire", a denied or hypothetical departure, an award ("named best CEO"), a move told as
background ("weeks after being named CEO", "ousted years ago, the former CEO says").
Which company a move is at: ``streams.signals.move_orgs``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.enriched import Entity
from models.signals import ExecMove
from streams.signals.move_cues import (
    ADVISER,
    BOARD,
    BULK,
    CUE,
    GROWTH,
    HIRE_OBJECT_GAP,
    HIRED_TICKER,
    INTRODUCED,
    LAYOFF,
    RESHUFFLE,
    ROLE,
    ROLE_NAME,
    SUCCESSION,
    TOP_ROLE,
    TRANSFER,
    false_cue,
    hiring_noun,
    hypothetical,
    layoff_chatter,
    speculative,
    succession_doubted,
)
from streams.signals.move_orgs import (
    NOT_NAME,
    as_named,
    clause_subject,
    company_near,
    governed_org,
    header_org,
    nearest,
    organisation_of,
    organisations,
    role_org,
    role_org_near,
    source_handle,
    subject_org,
    succession_org,
    window,
)

_VIA_CHAIN = re.compile(r"\b(?:via|by|from|h/t|cc)\s+@\w+\s*(?:&|and|,)\s*$", re.I)
_OBJECT_NAME = re.compile(
    r"\s+([A-Z][a-z]+(?:[-'’][A-Za-z]+)?\s+[A-Z][a-z]+(?:[-'’][A-Za-z]+)?)\s+(?:as|to)\b"
)
# "Ex-Contoso Exec", "former Fabrikam CEO": NER's person there is the former employer.
_FORMER_BEFORE = re.compile(r"(?:\bex-?|\bformer\s+)$", re.I)
_ROLE_NEXT = re.compile(r"\s+" + ROLE.pattern, re.I)
# A handle after the post's link with only tags after it: the credit, not a person in the story.
_LINK_BEFORE = re.compile(r"https?://\S+(?:\s+[@#$]\w+)*\s+$")
_TAGS_AFTER = re.compile(r"(?:[\s,]*[@#$]\w+)*\W*")
# The one who succeeds, right before the cue ("Lee Park to succeed ...", "Lee Park succeeds").
_SUCCESSOR = re.compile(
    r"(?<![\w@#$])(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+(?:(?:to|will|would|is\s+to)\s+)?$"
)
# "adds Jane Doe to its board": the person is the object, before "board".
_ADDED_TO_BOARD = re.compile(r"[^.!?\n]{1,40}?\bto\s+(?:its\s+|the\s+)?board\b", re.I)
# "Contoso joins the layoff parade": Contoso cuts jobs; the company is the subject of "joins".
_JOINS_THE = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_JOINER = re.compile(r"(?P<name>[A-Z][\w&.'’-]+(?:\s+[A-Z][\w&.'’-]+)?)\s+$")
_NOT_JOINER = re.compile(r"Now|And|So|Also|Today|Then|Even|Finally|Next|The|RT", re.I)
# A dismissal of many: "fires 15 senior bankers", "sacks dozens of traders".
_FIRES_MANY = re.compile(
    r"\s+(?:about\s+|some\s+|more\s+than\s+|at\s+least\s+)?(?:\d[\d,]*|two|three|four|five|six"
    r"|seven|eight|nine|ten|dozens\s+of|hundreds\s+of|several)\s+(?:\w+\s+){0,2}?(?:bankers"
    r"|traders|employees|workers|staff(?:ers)?|executives|managers|engineers|people|brokers"
    r"|analysts|advisers|advisors)\b",
    re.I,
)
# A title held before ("Former Heinz CEO", "ex-Boeing CFO", "Dallas Fed's former chief").
_PAST_ROLE = re.compile(r"\b(?:former|ex-?)\s*(?:[\w$@&.'’-]+\s+){0,2}$", re.I)


def _past_role(text: str, role: re.Match[str]) -> bool:
    """A title held before: "Former Heinz CEO", "Dallas Fed's former chief"."""
    if role.group(0).lower().startswith("former"):
        return True
    return _PAST_ROLE.search(text, max(0, role.start() - 25), role.start()) is not None


# Characters between a company and a hire cue: the company is its subject ("Contoso is hiring").
_HIRER_NEAR = 25


def _titled_person(text: str, cue: re.Match[str]) -> Entity | None:
    """A name right after a role title when NER found no person ("Tesla CFO Zach Kirkhorn
    steps down"): two or three capitalised words up to a cue, a title or a small word ("...
    Lee Park Steps Down", not "Executive Leaves Firm", "Chief Technology Officer", "Exec From
    Microsoft")."""
    lo, hi = window(text, cue)
    for match in ROLE_NAME.finditer(text, lo, hi):
        start = match.start("name")
        if _other_sentence(text, start, match.end("name"), cue):
            continue  # "CEO Lee Park retiring. Contoso Names ...": another sentence's person
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


def _named_after(text: str, cue: re.Match[str]) -> Entity | None:
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


def _person(text: str, people: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The nearest person to the cue, never the cue itself ("Peter Oppenheimer to Retire"
    with "Retire" tagged PERSON), nor the one succeeded ("Lee Park to succeed Bo Berg": Lee
    Park, read from the text when NER missed him); after "adds ... to its board", the one
    added."""
    word = cue.group(0).lower()
    candidates = [
        p
        for p in people
        if (p.end <= cue.start() or p.start >= cue.end())
        and not _other_sentence(text, p.start, p.end, cue)
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


def _other_sentence(text: str, start: int, end: int, cue: re.Match[str]) -> bool:
    """Whether a sentence ends between the name at ``start:end`` and the cue."""
    lo, hi = (end, cue.start()) if end <= cue.start() else (cue.end(), start)
    return _SENTENCE_END.search(text, lo, hi) is not None


def _people(text: str, entities: Sequence[Entity]) -> list[Entity]:
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
            and _ROLE_NEXT.match(text, e.end)
        )
        and not text[e.end : e.end + 6].lower().startswith(("-based", "-born"))  # a place
    ]


def _hires_an_organisation(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> bool:
    """ "Contoso hires Goldman Sachs to explore a sale": an adviser, not staff; "hires
    Goldman's Lee Park" hires a person from it."""
    gap = HIRE_OBJECT_GAP.match(text, cue.end())
    after = gap.end() if gap else cue.end()
    hired = next((e for e in orgs if e.start == after), None)
    if hired is not None and _POSSESSIVE_NAME.match(text, hired.end):
        return False
    return hired is not None or _hires_an_adviser(text, cue)


def _hires_an_adviser(text: str, cue: re.Match[str]) -> bool:
    """ "has hired Goldman and Lazard", "hires advisers to fend off a bid" (not "hires
    Goldman's Lee Park", a person)."""
    if not cue["hire"]:
        return False
    hired = ADVISER.match(text, cue.end()) or HIRED_TICKER.match(text, cue.end())
    if hired is None or _POSSESSIVE_NAME.match(text, hired.end()):
        return False
    # "hires $CTSO exec Lee Park": a person of the company written as its cashtag
    return not (
        text[hired.end() - 1 : hired.end()].isalnum() and _ROLE_NEXT.match(text, hired.end())
    )


def _headcount(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
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
                return [_move(None, org, None, direction, cue)]
    return []


def _reshuffle(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """A management reshuffle at a named company with no one named ("Management shuffle at
    Contoso", "Executive Changes At Contoso"); not a guessed one ("could shake up")."""
    for cue in RESHUFFLE.finditer(text):
        if hypothetical(text, cue.start()) or speculative(text, cue):
            continue
        org = company_near(orgs, cue, wide=True)
        if org is not None:
            return [_move(None, org, None, "reshuffle", cue)]
    return []


def _succession(text: str, orgs: Sequence[Entity]) -> list[ExecMove]:
    """A named company choosing its next leader, no one named yet ("Contoso CEO search nears
    its end", "CEO hunt drags on at Contoso")."""
    for found in SUCCESSION.finditer(text):
        if succession_doubted(text, found):
            continue
        top = TOP_ROLE.search(text, found.start(), found.end())
        org = succession_org(text, orgs, found, ROLE.match(text, top.start()) if top else None)
        if org is not None and top is not None:
            title = re.sub(r"\s+", " ", top.group(0))
            return [_move(None, org, title, "succession", found)]
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


def _transfers(text: str, entities: Sequence[Entity], orgs: Sequence[Entity]) -> list[ExecMove]:
    """A named person moving from one named organisation to another, no role needed ("Jane
    Doe leaves Contoso for Fabrikam", "Contoso's Jane Doe returning to Fabrikam")."""
    for cue in TRANSFER.finditer(text):
        if false_cue(text, cue) or hypothetical(text, cue.start()):
            continue
        target = next((e for e in orgs if e.start == cue.end()), None)
        person = nearest(_people(text, entities), "PERSON", cue)
        if target is None or person is None or person.end > cue.start():
            continue
        lo, hi = window(text, cue)
        if any(e.text != target.text and lo <= e.start < hi for e in orgs):
            return [_move(person, target, None, "joins", cue)]
    return []


def _introduced(text: str, people: Sequence[Entity], orgs: Sequence[Entity]) -> list[ExecMove]:
    """A post introducing a named appointee ("Who is new Globex CEO Lee Park?", "Who is Lee
    Park - Globex's next CEO?"): the person joins in that role. Without a person named
    ("Who is the next CEO of Globex?") it is a guess, no move."""
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
        if person is None or NOT_NAME.fullmatch(person.text.split()[0]):
            continue
        org = role_org(text, orgs, role)
        if org is None and len({o.text for o in orgs}) == 1:
            org = orgs[0]  # the only organisation named ("Contoso Corp : ... new CEO Lee Park")
        move = _move(person, org, role["role"], "joins", intro)
        lead = text[intro.start() : intro.start("between")].strip()
        said = f"{lead} {text[intro.end('between') : intro.end()].strip()}"  # "who is ... new"
        return [move.model_copy(update={"cue": " ".join(said.lower().split())})]
    return []


# "'s Lee Park", "'s Foresti": a person of the organisation just named.
_POSSESSIVE_NAME = re.compile(r"['’]s?\s+(?-i:[A-Z][a-z]+)")
# "to retire from (the) board of Apple": the board's company, the seat the role.
_FROM_BOARD = re.compile(
    r"\s+from\s+(?:the\s+|its\s+)?board\s+of\s+(?:directors\s+(?:of|at)\s+)?", re.I
)
_FROM = re.compile(r"\s+(?:down\s+|away\s+)?from\s+(?:the\s+)?", re.I)


def _left_from(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation right after "retires/resigns/steps down from (the)", if any."""
    gap = _FROM.match(text, cue.end())
    if gap is None:
        return None
    return next((e for e in orgs if e.start == gap.end()), None)


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
    orgs = organisations(text, entities)
    people = _people(text, entities)
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
                moves.setdefault((None, "layoffs"), _move(None, org, None, "layoffs", cue))
            continue
        board = _FROM_BOARD.match(text, cue.end()) if cue["leave"] else None
        board_of = next((e for e in orgs if board and e.start == board.end()), None)
        lo, hi = window(text, cue)
        role_match = ROLE.search(text, lo, hi) or BOARD.search(text, lo, hi)
        if role_match is not None and _past_role(text, role_match):
            # "Former Heinz CEO named to board of PepsiCo", "Former Intel CFO joins Apple as
            # CEO": the seat taken, not the past title
            later = (r for r in ROLE.finditer(text, cue.end(), hi) if not _past_role(text, r))
            role_match = next(later, None) or BOARD.search(text, lo, hi) or role_match
        person = _person(text, people, cue) or _titled_person(text, cue) or _named_after(text, cue)
        if cue["hire"]:
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
                    or hiring_noun(text, cue)
                    or _hires_an_organisation(text, orgs, cue)
                ):
                    continue
                moves.setdefault((None, "hiring"), _move(None, company, None, "hiring", cue))
                continue
        if board_of is not None and person is not None:
            # "JCrew CEO Mickey Drexler to retire from board of Apple": Apple's board
            moves.setdefault(
                (person.text, direction), _move(person, board_of, "board", direction, cue)
            )
            continue
        if role_match is None:
            # "Lee Park to Retire from the Contoso Board": a named person leaving a named
            # organisation needs no title; nor one joining the buyer in a deal ("Lee Park and
            # Bo Berg to join Contoso as part of the deal")
            left = _left_from(text, orgs, cue) if cue["leave"] and person is not None else None
            if left is None and person is not None and cue["join"]:
                left = _joins_in_deal(text, orgs, cue)
            if person is not None and left is not None:
                moves.setdefault(
                    (person.text, direction), _move(person, left, None, direction, cue)
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
                or header_org(text, orgs)
            )
            if org is None:
                continue
        key = (person.text if person else role_match["role"].lower(), direction)
        moves.setdefault(key, _move(person, org, role_match["role"], direction, cue))
    if not moves:
        for move in _transfers(text, people, orgs) or _introduced(text, people, orgs):
            moves.setdefault((move.person, move.direction), move)
    if not any(m.direction in ("hiring", "layoffs") for m in moves.values()):
        for move in _headcount(text, orgs):
            moves.setdefault((None, move.direction), move)
    if not moves:
        for move in _reshuffle(text, orgs) or _succession(text, orgs):
            moves.setdefault((None, move.direction), move)
    return [as_named(m, orgs) for m in moves.values()]
