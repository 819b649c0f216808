"""The organisation of an executive move (``streams.signals.moves``): which company a post's
move or headcount change is at.

Candidates are the post's ORG entities (cashtags and handles of watched companies included),
cleaned (:func:`organisations`): never a role title, a generic word ("News", "Board"), a desk
("Japan Equities"), the news handle a post is quoted from, or a name NER also took for a
person; a fragment is extended to the whole name ("BHP" + "Billiton"). Among them the
organisation of a cue is, in order (:func:`organisation_of`): the company that appoints or
hires (:func:`subject_org`), the one the cue governs ("leaving Ford", :func:`governed_org`),
the one a role near the cue is held at ("CEO of Telus", :func:`role_org_near`), the nearest.
A name NER missed is read from the text where the grammar says one must be ("joined ad tech
company Undertone", "$DIS EA Hires").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.enriched import Entity
from models.signals import ExecMove
from streams.signals.moves.words import CUE, ROLE
from streams.signals.spans import CASHTAG

__all__ = [
    "NOT_NAME",
    "as_named",
    "clause_subject",
    "company_near",
    "governed_org",
    "header_org",
    "nearest",
    "organisation_of",
    "organisations",
    "role_org_near",
    "source_handle",
    "subject_org",
    "succession_org",
    "window",
]

_WINDOW = 90  # characters around the cue where the person, organisation and role must be
# Words allowed between a cue and the organisation it governs ("leaving Ford", "departs from
# the Fed", "joins Tesla", "left for Rivian").
_OBJECT_GAP = re.compile(r"\s*(?:(?:as|to|from|for|at|the|its|their)\s+)*", re.I)
# Between an organisation and the role it attaches to: "Contoso CEO", "Contoso's new CFO",
# "$CTSO - CEO", "CFO of Contoso", "CEO at Contoso".
_ORG_ROLE_GAP = re.compile(r"(?:['’]s)?[\s:\-–—•(),]*(?:[\w&.'’-]+\s+){0,2}$")
# A watched company's possessive and the capitalised words of a function before a title
# ("Contoso's Longtime Public Relations VP").
_POSSESSED = re.compile(r"['’]s\s+(?:[A-Z][\w&-]*\s+){1,3}")
_ROLE_ORG_GAP = re.compile(
    r"\s+(?:(?:job|post|role|position|seat|spot)\s+)?(?:of|at)\s+(?:the\s+|its\s+)?"
    r"(?:(?:partner|rival|parent|client|peer)\s+)?",
    re.I,
)
# Words NER tags ORG that name no organisation ("Shares Drop On News Of ...", "plc (ADR)"),
# and a desk or unit of a company ("Japan Equities", "the Asia desk").
_GENERIC = re.compile(
    r"(?:the\s+)?(?:news|company|companies|board|update|breaking|report|reports|stocks?|shares"
    r"|markets?|analysts?|exclusive|alert|jobs|layoffs?|hiring|wall\s+st(?:reet)?\.?|street|firm|adrs?"
    r"|group|business|employees|workers|staff|sources?"
    # a region a company's people work in ("Asia Pacific Executive Ousters")
    r"|asia(?:[\s-]pacific)?|apac|emea|europe|americas|(?:north|latin|south)\s+america)",
    re.I,
)
# A rank before a title: "Top Exec", "Senior VP" are titles, not organisations.
_RANKED = re.compile(r"^(?:top|senior|star|key|veteran)\s+", re.I)


def _is_title(name: str) -> bool:
    """A role title, ranked or not ("CFO", "Top Exec"), never an organisation's name."""
    return ROLE.fullmatch(_RANKED.sub("", name)) is not None


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
NOT_NAME = re.compile(
    r"(?:From|To|At|Of|For|In|On|As|And|The|Officer|President|Executive|Director|Chairman"
    r"|Firm|Company|Says|Said|Is|Was|Will|Has|Joins|Named|Former|New|Interim|Acting|Ex|Top"
    r"|Senior|Breaking|Update|Report|Exclusive|A|An|Its|His|Her|Their|Our|This|That|No|Not"
    # the words of a function, not of a name ("Head of Intellectual Property Enforcement")
    r"|Property|Enforcement|Sales|Marketing|Operations|Finance|Strategy|Design|Engineering"
    r"|Diversity|Communications|Relations|Products?|Retail|Technology|Security|Compliance"
    r"|Legal|Research|Development|Business|Global|International|Digital|Human|Resources)",
)
# A headline's clause that is only its subject before the cue: "$DIS EA Hires", "GoPro Names".
_HEADLINE_SUBJECT = re.compile(
    r"^\s*(?:[$#@]\w+\b[\s,]*|\[\$+\]\s*)*(?P<name>(?<![$#@\w])[A-Z][\w&.'’+-]*"
    r"(?:\s+[A-Z][\w&.'’+-]*)?)\s+(?P<future>(?:to|will)\s+)?$"
)
# A cashtag right before the cue is its subject: "$FBKM hires", "$FBKM has hired".
_TICKER_SUBJECT = re.compile(rf"(?<![\w$])(?P<tag>{CASHTAG})\s+(?:has\s+|just\s+)?$")
# A hashtag alone before the cue is its subject: "#Contoso Hires Lee Park as CFO".
_TAG_SUBJECT = re.compile(r"\s*#(?P<name>[A-Z][\w&]*)\s+")
_HEAD_BEFORE_ROLE = re.compile(
    r"^\s*(?:[$#@]\w+\b[\s,]*)*(?P<name>(?<![$#@\w])[A-Z][\w&.+-]*)(?:['’]s)?"
    r"(?:\s+(?!(?:of|a|an|the|for|in|on|at|to|with|by|from|as|is|was|and|or)\b)[a-z][\w&.'’-]*"
    r"(?:\s+[\w&.'’-]+)?)?\s+$"
)
# One capitalised word between a ticker and a role ("$CTSO Fabrikam CEO").
_NAME_GAP = re.compile(r"\s+(?P<name>[A-Z][\w&'’.-]+?)(?:['’]s)?\s+")
# A unit of a company named before a role: "$BA Defense CEO", "$WFC Capital Finance head".
_UNIT_WORD = re.compile(
    r"Defen[cs]e|Energy|Capital|Finance|Financial|Services?|Bank(?:ing)?|Retail|Cloud|Media"
    r"|Health(?:care)?|Software|Hardware|Devices|Consumer|Commercial|Digital|Global"
    r"|International|Americas?|Europe|Asia|China|Japan|India|US|UK|North|South|Investment"
    r"|Securities|Markets|Research|Labs?|Studios?|Pharma|Wireless|Mobile|Auto|Motors?"
)
# An untagged name right after "in" is a place ("staff in PNW", "jobs in Oulu"), not a company.
_IN_PLACE = re.compile(r"\bin\s+$")
# "Sanofi Fires CEO", "Contoso Loses Top Exec": the company before the cue
_DISMISS = re.compile(r"fires|ousts|sacks|loses|parts\s+ways\s+with", re.I)
_PASSIVE_CUE = re.compile(r"\b(?:named|appointed|tapped|picked|elected|hired|promoted)\b", re.I)
_PASSIVE_ROLE = re.compile(
    r"\s+(?:(?:as|to|the|its|new|interim|acting|permanent)\s+)*" + ROLE.pattern, re.I
)
_KIND_OF_COMPANY = re.compile(
    r"(?:[a-z][\w-]*\s+){0,3}(?:company|firm|start-?up|maker|group|provider|bank|fund)\s+"
)
# "joins the board of Contoso": the organisation after it.
_BOARD_OF = re.compile(
    r"\s+(?:(?:to|on|onto)\s+)?(?:the\s+|its\s+)?board\s+(?:of\s+directors\s+)?(?:of|at)\s+"
    r"(?:the\s+)?",
    re.I,
)
# Between a company and the cue it is the subject of: "Contoso has hired", "Contoso names".
_SUBJECT_GAP = re.compile(
    # a corporate suffix the alias leaves out first ("Walt Disney Co. names")
    r"(?:,?\s+(?:Co|Corp|Inc|Ltd|Plc|Company|Corporation|Group|Holdings)\b\.?)?"
    # then its ticker, in brackets or not ("Contoso Corp (NASDAQ: CTSO) appoints", "#Contoso (
    # $CTSO) hires", "Contoso $CTSO Hires")
    r"(?:\s*\(\s*(?:[A-Za-z]+\s*:\s*)?\$?[A-Z][A-Za-z.]{0,6}\s*\)|\s+" + CASHTAG + ")?"
    # a unit of it ("Contoso Corp.'s chemicals unit will get a new president")
    r"(?:['’]s\s+(?:[a-z][\w-]*\s+){0,2}(?:company|unit|division|arm|business|subsidiary"
    r"|segment|bank)\s+)?"
    r"\s*(?:(?:has|have|had|is|was|just|reportedly|quietly|also|now|officially|said|set|plans"
    r"|to|will)\s+)*"
)
_ORG_NEAR = 60  # characters between the organisation and a layoff cue


def _gap(entity: Entity, cue: re.Match[str]) -> int:
    """Characters between an entity and the cue (0 when they touch or overlap)."""
    return max(0, entity.start - cue.end(), cue.start() - entity.end)


def nearest(entities: Sequence[Entity], label: str, cue: re.Match[str]) -> Entity | None:
    """The entity of ``label`` closest to the cue, span to span ("Gelsinger retires;
    Zinsner named": the one before "retires", not the one starting nearer it)."""
    near = [e for e in entities if e.label == label and _gap(e, cue) <= _WINDOW]
    return min(near, key=lambda e: _gap(e, cue), default=None)


def window(text: str, cue: re.Match[str]) -> tuple[int, int]:
    """Where the person, organisation and role of a cue must be."""
    return max(0, cue.start() - _WINDOW), min(len(text), cue.end() + _WINDOW)


def organisations(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Organisations: ORG entities (cashtags and handles of watched companies included), a
    fragment extended to the whole name ("BHP" + "Billiton"). Never one: a role title NER
    took for an organisation ("CFO", "Top Exec"), a generic word ("News", "Board"), a desk ("Japan
    Equities"), a handle of no watched company (the news account of "RT @Wire:"), a name NER
    also tagged as a person."""
    people = [e for e in entities if e.label == "PERSON" and " " in e.text]
    person_words = {w for e in people for w in e.text.split()}
    out: list[Entity] = []
    for e in sorted((e for e in entities if e.label == "ORG"), key=lambda e: e.start):
        name = e.text.strip()
        if (
            _is_title(name)
            or not re.match(r"[$#@]?[A-Za-z]", name)  # "~$642M", "2015"
            or _GENERIC.fullmatch(name)
            or _DESK.fullmatch(name)
            or (_loose_handle(e) and source_handle(text, e))
            or name in person_words
            or (e.id is None and _IN_PLACE.search(text, max(0, e.start - 4), e.start))
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


def organisation_of(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation of a move, in this order: the company that appoints or hires
    ("Uber hired Facebook's security chief"), the one the cue governs ("leaving Ford"), the
    one a role near the cue is held at ("out as CEO of Telus ... $T"), the nearest ORG."""
    subject = subject_org(text, orgs, cue)
    if subject is not None:
        return subject
    return (
        governed_org(text, orgs, cue) or role_org_near(text, orgs, cue) or nearest(orgs, "ORG", cue)
    )


# A post that opens with its company's ticker: "$CTSO - ...", "$CTSO: ...", "$CTSO News: ...".
_CASHTAG = re.compile(rf"(?<![\w$]){CASHTAG}")
_HEADER = re.compile(rf"\s*(?P<tag>{CASHTAG})(?:\s+News)?\s*[-–—:]?\s")


# Market words a tagger takes for a company ("beats Q4 EPS by 5c"): not another company.
_JARGON = re.compile(r"EPS(?:\s+estimates?)?|GAAP|EBITDA|IPO|ETFs?|PM|AM|FY\d*|Q[1-4]|YoY|PT")


def header_org(text: str, orgs: Sequence[Entity]) -> Entity | None:
    """The company of a post's ticker header ("$CTSO - [$$] CEO to Step Down", "$CTSO beats
    estimates; appoints new CFO") when it is the only company the post names (market words
    a tagger took for one, "Q4 EPS", aside): a title with no company before it is that
    company's."""
    header = _HEADER.match(text)
    if header is None:
        return None
    start, end = header.span("tag")
    if {tag.upper() for tag in _CASHTAG.findall(text)} != {header["tag"].upper()}:
        return None  # "$CTSO $FBKM: Northwind CFO to Leave": a ticker list, not the company
    orgs = [o for o in orgs if not _JARGON.fullmatch(o.text)]
    first = next((o for o in orgs if o.start == start), None)
    if first is None:
        if orgs:
            return None
        # a ticker no watch list has ("$CTSO beats; appoints new CEO"): the cashtag names it
        return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")
    if first.id is None or any(o.id != first.id for o in orgs):
        return None
    return first


# A wire's headline under the company it is filed for: "Contoso Corp : ... ; Appoints CTO".
_COLON_HEADER = re.compile(r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+:\s")


def colon_header_org(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The company a wire files a headline under ("Contoso Corp : Takes a Step; Appoints
    CTO"), for a cue that opens its clause with no subject; the headline's own subject is
    another company's ("Contoso : Fabrikam Names 3 New Directors")."""
    header = _COLON_HEADER.match(text)
    if header is None or header.end() > cue.start():
        return None
    if _clause_text_before(text, cue.start()).strip():
        return None
    start, end = header.span("name")
    tagged = next((o for o in orgs if o.start == start and o.end == end), None)
    if tagged is not None:
        return tagged
    if any(NOT_NAME.fullmatch(w) or ROLE.fullmatch(w) for w in header["name"].split()):
        return None
    return Entity(text=header["name"], label="ORG", start=start, end=end, source="rule")


_AT_ORG = re.compile(r"\s+(?:at|of|for)\s+(?:the\s+)?")


def succession_org(
    text: str, orgs: Sequence[Entity], found: re.Match[str], role: re.Match[str] | None
) -> Entity | None:
    """The company choosing its next leader: the one the title is held at ("Contoso CEO
    search"), the one after the words ("CEO search at Contoso"), the subject before them in
    the clause ("Contoso nears the end of its search for a new CEO"), the post's ticker
    header; only names the post's entities give, never one read from the words around."""
    held = role_org(text, orgs, role) if role is not None else None
    if held is not None and held.source != "rule":
        return held
    at = _AT_ORG.match(text, found.end())
    after = next((o for o in orgs if at is not None and o.start == at.end()), None)
    if after is not None:
        return after
    clause = _clause_text_before(text, found.start())
    before = [o for o in orgs if found.start() - len(clause) <= o.start and o.end <= found.start()]
    return before[-1] if before else header_org(text, orgs)


def _past_role(text: str, orgs: Sequence[Entity], named: Entity | None) -> Entity | None:
    """``named``, or the organisation after the title it heads ("tapped as R&D chief at 3M":
    3M, not the R&D department)."""
    role = ROLE.match(text, named.end + 1) if named is not None else None
    if role is not None and _ROLE_ORG_GAP.match(text, role.end()):
        return role_org(text, orgs, role)
    return named


def governed_org(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation right after the cue ("leaving Ford", "joins the board of Contoso"),
    read from the text after a joining cue when NER missed it ("to Join STX Entertainment")."""
    board = _BOARD_OF.match(text, cue.end())
    gap = board or _OBJECT_GAP.match(text, cue.end())
    after = gap.end() if gap else cue.end()
    governed = _past_role(text, orgs, next((e for e in orgs if e.start == after), None))
    if (
        governed is None
        and (board or cue["join"])
        and not cue.group(0).lower().startswith(("nam", "mak", "succeed"))
    ):  # "to succeed Lee Park": a person
        kind = _KIND_OF_COMPANY.match(text, after)  # "joined ad tech company Undertone"
        governed = _past_role(text, orgs, _name_at(text, kind.end() if kind else after))
    if governed is None:
        named = _name_at(text, after)  # "quits Rosneft board"
        if named is not None and re.match(r"\s+board\b", text[named.end :], re.I):
            governed = named
    return governed


# "Contoso stock pops 4% after CEO steps down": the company whose shares move on it.
_MOVES_ON = re.compile(
    r"(?:['’]s)?\s+(?:stock|shares)\s+\w+(?:\s+[\w%.$+-]+){0,4}?\s+"
    r"(?:after|as|on|following)\s+(?:its\s+|the\s+|their\s+)?",
    re.IGNORECASE,
)


def mover_org(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The company whose shares move on a title's news ("Contoso stock pops 4% after CEO
    steps down"): named right before "stock" or "shares" in the cue's clause."""
    role = ROLE.search(text, max(0, cue.start() - 40), cue.start())
    if role is None:
        return None
    return next(
        (
            o
            for o in orgs
            if o.end < role.start() and _MOVES_ON.fullmatch(text, o.end, role.start())
        ),
        None,
    )


def role_org_near(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The organisation of the role title nearest the cue that is held at one; a joining
    cue takes a role after it first ("Contoso chief Bo Berg leaps to CEO job at Fabrikam")."""
    lo, hi = window(text, cue)
    joining = bool(cue["join"] or cue["promote"])
    roles = sorted(
        ROLE.finditer(text, lo, hi),
        key=lambda r: (
            joining and r.start() < cue.start(),
            max(0, r.start() - cue.end(), cue.start() - r.end()),
        ),
    )
    return next((o for r in roles if (o := role_org(text, orgs, r)) is not None), None)


def role_org(text: str, orgs: Sequence[Entity], role: re.Match[str]) -> Entity | None:
    """The organisation a role title is attached to ("Contoso CEO", "CFO of Contoso", "CEO of
    #Telus" when NER missed it): the one after "of/at" first ("R&D chief at 3M"), then the
    nearest before ("$MMM: 3M CFO")."""
    gap = _ROLE_ORG_GAP.match(text, role.end())
    if gap is not None:
        found = next((o for o in orgs if o.start == gap.end()), None) or _name_at(text, gap.end())
        if found is not None:
            return found
    owner = next(
        (
            o
            for o in orgs
            if o.id is not None
            and _POSSESSED.fullmatch(text, o.end, role.start())
            and not any(e.id and o.end < e.start < role.start() for e in orgs)
        ),
        None,
    )
    if owner is not None:
        return owner  # "Contoso's Longtime Public Relations VP": a watched possessor's title
    before = [
        o
        for o in orgs
        if 0 <= role.start() - o.end <= 24
        and _ORG_ROLE_GAP.fullmatch(text, o.end, role.start())
        and not _PASSIVE_CUE.search(text, o.end, role.start())  # "Briton Named New CEO"
        and not _other_name_between(text, o, role)
    ]
    if before:
        return max(before, key=lambda o: o.end)
    head = _HEAD_BEFORE_ROLE.search(_clause_text_before(text, role.start()))
    if head is not None and not any(
        NOT_NAME.fullmatch(w) or ROLE.fullmatch(w) or _GENERIC.fullmatch(w) or CUE.fullmatch(w)
        for w in head["name"].split()
    ):
        start = role.start() - len(head.group(0)) + head.start("name")
        end = start + len(head["name"])  # "JPMorgan top China executive": NER missed it
        return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")
    return None


def _other_name_between(text: str, org: Entity, role: re.Match[str]) -> bool:
    """ "$CTSO Fabrikam CEO": the role is Fabrikam's, not the ticker's; a unit of the company
    ("$CTSO Defense CEO") or a cue word ("$CTSO) Names CEO") is no other name."""
    if org.text[:1] not in "$@":
        return False
    gap = _NAME_GAP.fullmatch(text, org.end, role.start())
    return gap is not None and not (
        _UNIT_WORD.fullmatch(gap["name"])
        or CUE.fullmatch(gap["name"])
        or NOT_NAME.fullmatch(gap["name"])
        or _GENERIC.fullmatch(gap["name"])
    )


def _name_at(text: str, at: int) -> Entity | None:
    """An organisation's name written at ``at`` that NER did not tag ("#Telus", "STX
    Entertainment")."""
    name = _NAME_AFTER_ROLE.match(text, at)
    if name is None or ROLE.match(text, at) or _GENERIC.match(text, at):
        return None
    group = "tag" if name["tag"] else "name"
    start, end = name.span(group)
    if _is_title(text[start:end]):
        return None  # "Poaches Top Exec From Fabrikam": a title, not a name
    return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")


def company_near(
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
        found = nearest(named, "ORG", cue)
    return found or _before_or_after([e for e in orgs if _loose_handle(e)], cue, reach)


def _loose_handle(org: Entity) -> bool:
    """A handle no watched company has (a person, a news account or an unknown company)."""
    return org.text.startswith("@") and org.id is None


def source_handle(text: str, org: Entity) -> bool:
    """The handle a post is quoted from ("RT @Wire:", "via @Wire", "“@Wire: ...")."""
    return text[org.end : org.end + 1] == ":" or bool(_SOURCE_BEFORE.search(text, 0, org.start))


def _before_or_after(orgs: Sequence[Entity], cue: re.Match[str], reach: int) -> Entity | None:
    before = [e for e in orgs if e.end <= cue.start() and cue.start() - e.end <= reach]
    if before:
        return max(before, key=lambda e: e.end)
    after = [e for e in orgs if e.start >= cue.end() and e.start - cue.end() <= 25]
    return min(after, key=lambda e: e.start, default=None)


def subject_org(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
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
    if (ticker := _TICKER_SUBJECT.search(text, max(0, cue.start() - 20), cue.start())) is not None:
        start, end = ticker.span("tag")  # "$FBKM hires ...": a ticker no watch list has
        return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")
    clause = _clause_text_before(text, cue.start())
    if (tag := _TAG_SUBJECT.fullmatch(clause)) is not None:
        start = cue.start() - len(clause) + tag.start("name")  # "#OldHillPartners Hires ..."
        return Entity(text=tag["name"], label="ORG", start=start, end=start + len(tag["name"]))
    head = _HEADLINE_SUBJECT.search(clause)
    if head is None or not cue.group(0)[:1].isupper():
        return None
    if not (cue.group(0).endswith("s") or head["future"]):
        return None  # "Contoso Names ...", "Contoso to Hire ..."
    words = head["name"].split()
    if any(
        NOT_NAME.fullmatch(w) or ROLE.fullmatch(w) or _GENERIC.fullmatch(w) or CUE.fullmatch(w)
        for w in words
    ):
        return None
    start = cue.start() - len(head.group(0)) + head.start("name")
    end = start + len(head["name"])
    if _HONORIFIC.search(text, max(0, start - 12), start):
        return None  # "Gov. Nixon Appoints ...": a person appoints
    return Entity(text=text[start:end], label="ORG", start=start, end=end, source="rule")


_HONORIFIC = re.compile(
    r"\b(?:Gov|Governor|Mayor|Sen|Senator|Rep|President|Mr|Mrs|Ms|Dr|Sir|Lord|Judge)\.?\s+$"
)


def clause_subject(text: str, orgs: Sequence[Entity], cue: re.Match[str]) -> Entity | None:
    """The company a headline's clause starts with, when the cue ends that clause ("$MS:
    Mizuho Persists With Japan Equities Hiring")."""
    start = cue.start() - len(_clause_text_before(text, cue.start()))
    lead = re.compile(r"\s*(?:[$@#]\w+[\s,]*)*").match(text, start)
    at = lead.end() if lead else start
    return next((o for o in orgs if o.start == at and not o.text.startswith("$")), None)


def _clause_text_before(text: str, start: int, reach: int = 70) -> str:
    before = text[max(0, start - reach) : start]
    cut = list(re.finditer(r"(?<!\b[A-Z])\.|[!?;:\n]|\s[-–—|]\s", before))
    return before[cut[-1].end() :] if cut else before


_BOARD_SUFFIX = re.compile(r"(?<=\S)\s+board(?:\s+of\s+directors)?\W*$", re.I)


# Where a company is based, before its name: "Charlotte-based", "Cleveland-Based".
_BASED = re.compile(r"^(?:[A-Z][\w.'’]*[\s-])*?[A-Z][\w.'’]*-(?i:based)\s+(?=\S)")


def as_named(move: ExecMove, orgs: Sequence[Entity]) -> ExecMove:
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
    name = _BOARD_SUFFIX.sub("", name.lstrip("#")).rstrip("’'")  # "Pixelworks’ Board"
    name = _BASED.sub("", name)  # "Charlotte-based CommunityOne Bancorp": the bank
    if name.lower() in {"board", "board of directors"} or (move.person and name == move.person):
        # "Announce Appointment of Jason Wenig to Board of Directors", "Sue Wagner Joins":
        # a board or the person is no organisation
        return move.model_copy(update={"organisation": None, "organisation_id": None})
    return move if name == move.organisation else move.model_copy(update={"organisation": name})
