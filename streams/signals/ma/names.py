"""Name runs: the words that name a party, read left or right of a token of a spaCy ``Doc``.

A name run is a stretch of capitalised tokens joined by ``&``/``and``/``of`` ("Pied Piper",
"Procter & Gamble"); bridge words ("agrees to", "in talks to") and stop words never belong
to one. Headlines are often Title Case or ALL CAPS, so capital letters, not NER labels,
decide what a name is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final


def words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


# What "grabs", "nabs" or "snags" that is no company: "Globex-Initech Deal Grabs Headlines".
GRABBED: Final = words(
    """
    headlines headline attention spotlight limelight share lead top gains gain profits
    market record title award awards prize crown votes momentum eyeballs
    """
)
GRAB_VERBS: Final = words("grab grabs grabbed grabbing nab nabs nabbed snag snags snagged")


# Words between a party and the cue ("X agrees to buy", "X in talks to acquire", "X's $5bn
# takeover"): skipped when looking left for the acquirer, and never part of a name run. The
# verbs of Title Case headlines said of a buyer are among them ("Vexa Spends $4bn to Buy",
# "Oprah Winfrey Interested in Joining Bid").
BRIDGE: Final = words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    to will would could may might shall should is are was were be been being has have had
    agrees agreed agree plans plan planned set sets poised nears near moves moving in
    talks reportedly reported said says say sources announces announced announce confirms
    confirmed confirm completes completed complete finalizes finalized closes closed makes
    made make launches launched launch files filed denies denied deny drops dropped
    abandons abandoned considering considers weighs weighing eyes eyeing explores
    exploring seeks seeking wants offers offered bids wins won signs signed seals sealed
    strikes struck reaches reached unveils unveiled not no n't never going also now officially formally
    official formal binding revised improved sweetened recently hold holds held holding again still once
    finally already quietly just hostile friendly agreed-upon all-cash cash stock proposed
    planned possible potential new a an the its their his her 's ' $ € £ bn billion bln
    mln million m b k usd dlrs dollars it that they we deal deals latest big huge major
    surprise another definitive agreement agreements intent intention on
    rejects rejected rebuffs rebuffed spurns spurned accepts accepted ’s ’ pitches pitched
    submits submitted lodges lodged tables tabled gets got receives received receiving
    attracts attracted attracting draws drew takes took want wanted wanting intends
    intend aims aim hopes hope
    begins began interested spends spent spending leaning leans joining looks looking
    mull mulls mulled mulling pushing planning final declares declared
    raises raised raising raise boosts boosted boosting lifts lifted hikes hiked tender
    sweetens sweetening nearing seems seem appears appear likely unlikely
    evaluate evaluates evaluating evaluated
    """
)
# Never part of a name run, in any case ("Yahoo Acquires Startup LookFlow To Work On..."),
# nor skipped: among them the verbs of Title Case headlines whose subject weighs a deal and
# is no buyer ("DOJ Questions Plan to Buy", "U.S. Approves Its Takeover of Y"), and a
# stock's moves ("Initech Surges On Buyout News": the name before them).
STOP: Final = words(
    """
    to for in from with as after amid at on into over by via that which who while when
    following says said report reports reportedly the a an its their his her this these
    than about against under says is are was were will would has have had be been for up
    down out it they we breaking exclusive update updated alert before again later ago soon
    within toward towards
    questions questioned imperil imperils drafting drafts grills grilled warns warned urges
    urged slams slammed probe probes probed probing review reviews reviewed reviewing
    approve approves approved approving shows showed surges surged soars soared jumps jumped
    plunges plunged tumbles tumbled spikes spiked rallies rallied slumps slumped sinks sank
    supports supported drove drives touts touted hire hires hired gives gave
    destroy destroys destroyed hurt hurts kill kills killed derail derails derailed
    threaten threatens threatened doom dooms doomed sink
    pushes pushed urge halt halts halted halting clears cleared hears heard
    prevents prevented propose proposes proposing create creates created creating
    outlines outlined scores scored pressures soar plunge tumble slump despite denying
    ahead layoffs likely unlikely approval approvals save saves
    reject endorses sees further points enter enters entered back
    gains gained climbs climbed rises rose slips slipped falls fell selloff sell-off tops topped
    """
)
# Descriptors before the real name ("Video Gaming Studio Double Helix Games"): keep what follows.
_DESCRIPTORS: Final = words(
    """
    startup start-up startups maker makers company firm provider developer developers site
    specialist studio vendor platform rival competitor outfit player creator designer
    manufacturer producer retailer operator service app client expert tool-maker carrier
    lender insurer drugmaker chipmaker automaker biotech miner supplier distributor publisher
    broadcaster airline engine network giant house based headquartered co brewer subsidiary
    conglomerate biopharma pharma
    """
)
# A unit named after the country it is in: "its Polish unit Bank BPH".
OWNED_UNITS: Final = words("unit division arm subsidiary")
# Said of a company before its name ("buy struggling $AZN", "Buys Troubled BlackBerry").
_STATE_WORDS: Final = words(
    """
    struggling troubled ailing beleaguered embattled cash-strapped loss-making debt-laden
    bankrupt smaller fellow core iconic former
    """
)
# A firm described by one word before it and never named ("a Newark startup").
_UNNAMED_FIRMS: Final = words("startup start-up firm company")
# A possessive ending ("Globex's", "Globex’s").
POSSESSIVE: Final = frozenset({"'s", "'", "’s", "’"})
# Corporate suffixes written after a comma ("Acme, Incorporated").
_SUFFIXES: Final = words(
    "inc inc. incorporated corp corp. corporation ltd ltd. llc plc co co. sa ag nv"
)
# Words that name a line of business, not a company ("Pet Care division", "Freight
# Finance Unit"): a unit named only by them is sold by its owner.
_TRADES: Final = words(
    """
    pet care food foods freight finance financing financial transportation transport consumer banking bank
    appliances appliance chemicals chemical insurance retail media energy power gas oil
    pharma pharmaceutical pharmaceuticals health healthcare care medical devices device
    lending credit card cards cable wireless mobile steel paper packaging plastics aviation
    aerospace defense defence rail trucking logistics shipping mining metals real estate
    property hotel hotels restaurant restaurants beverage beverages drinks snacks water
    lighting electric electrical equipment industrial services software hardware
    semiconductor chips storage network networking security printing imaging set-top
    set top box boxes home consumer-products unit units business businesses division
    divisions arm subsidiary operations assets segment portfolio brand brands stake stakes
    interest interests holding holdings
    """
)
_CONNECTORS: Final = frozenset({"&", "and", "of", "de", "-", "+", ".", "/"})
_BOUNDARY: Final = frozenset(set(',:;|()[]{}?!"“”–—') | {"--", "-", "...", "•"})
_AMOUNT_TOKEN: Final = re.compile(
    r"^[$€£¥]?\d[\d.,]*(?:bn|b|m|mn|k|mln|bln|billion|million|pct|%)?"
    r"(?:-[$€£¥]?\d[\d.,]*(?:bn|b|m|mn|k)?)?$"
    r"|^(?:bn|mln|bln|billion|million|trillion|thousand|hundred|dlrs?)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A party as a token range ``[start, end)`` of the Doc, with its text and offsets."""

    start: int
    end: int
    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Roles:
    """What was read around one cue."""

    acquirer: RoleSpan | None
    target: RoleSpan | None
    cue: int  # token index of the cue word


_CORPORATE_SUFFIX: Final = re.compile(
    r"(?:[\s,]+(?:inc|corp|corporation|co|ltd|plc|group|holdings|company)\.?)+$", re.IGNORECASE
)


def bare_name(name: str, marks: str = "$#@") -> str:
    """A party's name without its leading ``marks`` and its corporate suffix ("#Globex Corp"
    -> "Globex")."""
    return _CORPORATE_SUFFIX.sub("", name.lstrip(marks))


def comma_suffix(doc: Any, k: int) -> bool:
    """A comma before a corporate suffix ("Initech, Inc.", "Acme, Incorporated"): inside the
    name."""
    return doc[k].text == "," and k + 1 < len(doc) and doc[k + 1].lower_ in _SUFFIXES


def word_after(doc: Any, i: int, words: frozenset[str]) -> int | None:
    """Index of the first token of ``words`` within a few tokens after ``i``, in the same
    clause (a comma before a corporate suffix does not end it: "Initech, Inc. by Globex")."""
    for k in range(i + 1, min(i + 5, len(doc))):
        if doc[k].lower_ in words:
            return k
        if is_boundary(doc, k) and not comma_suffix(doc, k):
            return None
    return None


def is_amount(token: Any) -> bool:
    """A number or money token ("$", "5bn", "2.1", "billion") that never names a party; after
    a dollar sign, anything that starts with a digit ("$35O Million": a typing slip)."""
    if token.text[:1].isdigit() and token.i > 0 and token.doc[token.i - 1].text == "$":
        return True
    return bool(token.is_currency or _AMOUNT_TOKEN.match(token.text))


def is_boundary(doc: Any, i: int) -> bool:
    """Punctuation that ends a name; a hyphen only when spaced ("ARES SOFTWARE - Library"), a
    full stop when spaced or ending a sentence ("buy HubSpot. Google denies")."""
    text: str = doc[i].text
    if text == "-":
        return i > 0 and bool(doc[i - 1].whitespace_)
    if text == ".":
        return (i > 0 and bool(doc[i - 1].whitespace_)) or bool(doc[i].whitespace_)
    return text in _BOUNDARY


def is_namey(token: Any) -> bool:
    text: str = token.text
    if not text or not any(ch.isalnum() for ch in text) or is_amount(token):
        return False
    if text.isupper() and token.i > 0 and token.doc[token.i - 1].text == "$":
        return True  # a cashtag's ticker, whatever word it spells ("$IT", "$SO")
    if token.lower_ in STOP or token.lower_ in BRIDGE:
        return False
    if text[0].isupper() or text[0].isdigit():
        return True
    # eBay, iPhone, reMail: an upper-case letter inside a word
    return any(ch.isupper() for ch in text[1:])


def name_span(doc: Any, start: int, end: int) -> RoleSpan | None:
    while start < end and not is_namey(doc[start]):
        start += 1
    while end > start and not is_namey(doc[end - 1]):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    return RoleSpan(start, end, span.text, span.start_char, span.end_char)


_PRONOUNS: Final = frozenset({"I", "We", "You", "They"})
_FRAMING: Final = frozenset({"reason", "reasons", "why", "how", "truth", "secret"})


def run_left(doc: Any, end: int) -> RoleSpan | None:
    """The name run ending just before token ``end`` (exclusive), or None."""
    i = end - 1
    if i >= 0 and doc[i].lower_ in POSSESSIVE:
        i -= 1
    start = i + 1
    while i >= 0:
        token = doc[i]
        if is_namey(token):
            start = i
        elif (
            token.lower_ in _CONNECTORS
            and i > 0
            and is_namey(doc[i - 1])
            and start == i + 1
            and not is_boundary(doc, i)
        ):
            pass
        elif token.text == "$" and start == i + 1 and i > 0 and is_namey(doc[i - 1]):
            pass  # "Globex $GLBX": the name before its cashtag
        else:
            break
        i -= 1
    # "I Trust Globex's ...": after a pronoun, the run's first word is its verb
    # "The Real Reason Globex Is ...", "Why Globex ...": the name after the framing words
    framing = [k for k in range(start, end - 1) if doc[k].lower_ in _FRAMING]
    if framing:
        start = framing[-1] + 1
    if end - start >= 3 and doc[start].text in _PRONOUNS:
        start += 2
    elif end - start >= 2 and start > 0 and doc[start - 1].text in _PRONOUNS:
        start += 1
    # "Acme, Incorporated": the name before a corporate suffix
    if start < end and start >= 2 and comma_suffix(doc, start - 1):
        before = run_left(doc, start - 1)
        if before is not None:
            start = before.start
    return name_span(doc, start, end if doc[end - 1].lower_ not in POSSESSIVE else end - 1)


def collect(doc: Any, i: int) -> tuple[int, int]:
    """``[begin, end)`` of the name run starting at token ``i`` (empty when none)."""
    begin = end = i
    while i < len(doc):
        token = doc[i]
        if is_boundary(doc, i):
            break
        if is_namey(token) and not _is_finite_verb(token, i - begin):
            end = i + 1
        elif token.lower_ in _CONNECTORS and i + 1 < len(doc) and is_namey(doc[i + 1]):
            pass
        else:
            break
        i += 1
    return begin, end


def past_ampersand(doc: Any, run: RoleSpan) -> RoleSpan:
    """The subject's name on past "&" ("Johnson & Johnson wraps deal": the parse's subject
    is the first "Johnson" alone)."""
    k = run.end
    if k + 1 < len(doc) and doc[k].text == "&" and is_namey(doc[k + 1]):
        _, end = collect(doc, run.start)
        if end > run.end:
            return name_span(doc, run.start, end) or run
    return run


# Places that buy no company: an unlinked country, region or city read as a party is
# dropped, or trimmed off the front of one ("US Globex", "Norway's Initech"). A
# company the tagger took for a place ("Vandelux" as GPE) is kept.
KNOWN_PLACES: Final = words(
    """
    us u.s. usa u.s.a. america united states uk u.k. britain england scotland wales ireland
    france germany italy spain portugal netherlands holland belgium switzerland austria
    sweden norway denmark finland iceland poland russia ukraine turkey greece israel iran
    iraq egypt saudi arabia uae dubai qatar india pakistan china hong kong taiwan japan
    korea singapore malaysia indonesia thailand vietnam philippines australia zealand
    canada mexico brazil argentina chile colombia peru venezuela africa nigeria kenya
    europe asia eu latin texas california york london paris berlin tokyo beijing shanghai
    washington ottawa brussels moscow delhi mumbai sydney toronto chicago boston seattle
    american british chinese japanese german french indian canadian european korean swiss
    dutch italian spanish russian brazilian mexican irish australian israeli asian
    """
)


# A nationality before a described company: "French conglomerate Alstom".
_NATIONALITIES: Final = words(
    """
    american british french german italian spanish dutch swiss swedish norwegian danish
    finnish irish belgian austrian polish russian chinese japanese korean taiwanese indian
    israeli canadian mexican brazilian australian european asian african singaporean
    """
)


def _lower_descriptor(doc: Any, i: int) -> int | None:
    """After "Samsung color display unit" or "3D graphics firm": the index of the real name."""
    for k in range(i, min(i + 7, len(doc))):
        token = doc[k]
        if token.lower_ in _NATIONALITIES and token.text.istitle():
            continue  # "French conglomerate Alstom", "Japanese chipmaker Renesas"
        if len(token.text) == 1 and token.text.isalpha() and k > i:
            continue  # "hepatitis C drugmaker Idenix"
        if token.lower_ in {"and", "&"} and k > i and k + 1 < len(doc) and doc[k + 1].is_lower:
            continue  # "face swap and filter app maker Masquerade"
        if is_boundary(doc, k) or token.lower_ in STOP or is_namey(token):
            return None
        if (
            token.lower_ in _DESCRIPTORS | _STATE_WORDS
            or token.lower_.endswith("-maker")
            or _national_unit(doc, k, i)
        ):
            nxt = k + 1
            if nxt < len(doc) and doc[nxt].lower_ not in STOP and not is_boundary(doc, nxt):
                return nxt
            return None
    return None


def _national_unit(doc: Any, k: int, i: int) -> bool:
    """ "its Polish unit Bank BPH": a unit named after its country, its name right after."""
    return (
        doc[k].lower_ in OWNED_UNITS
        and k > i
        and doc[k - 1].lower_ in _NATIONALITIES
        and k + 1 < len(doc)
        and doc[k + 1].is_alpha
        and doc[k + 1].is_title
    )


def run_right(doc: Any, start: int) -> RoleSpan | None:
    """The name run starting at token ``start``, descriptor words trimmed, or None."""
    i = start
    while i < len(doc) and (doc[i].lower_ in BRIDGE or is_amount(doc[i])):
        i += 1
    if (after := _lower_descriptor(doc, i)) is not None:  # "video ad platform Auditude"
        i = after
    i = _past_marks(doc, i)
    begin, end = collect(doc, i)
    bare = after is None  # not "biopharm firm focused on ..."
    if bare and begin == end and i < len(doc) and _bare_word(doc, i):  # "Apple acquired imsense"
        return span_any(doc, i, i + 1)
    if end < len(doc) and doc[end].lower_ in POSSESSIVE:  # "Seattle's thePlatform"
        later = run_right(doc, end + 1)
        if later is not None and not generic(doc, later):  # "GE Capital's Finance Unit": GE Capital
            return later
    nxt = end + 1
    if nxt < len(doc) and doc[end].text == "-" and doc[nxt].lower_ in _DESCRIPTORS:
        k = nxt + 1 + (nxt + 1 < len(doc) and doc[nxt + 1].text == ",")
        later = run_right(doc, k)  # "Widget-maker, Initech"
        if later is not None:
            return later
    if end < len(doc) and (after := _lower_descriptor(doc, end)) is not None:
        later = run_right(doc, after)
        if later is not None:
            return later
        if end - begin == 1 and doc[end].lower_ in _UNNAMED_FIRMS:
            return None  # "buys Newark startup just a week after ...": where it is, no name
    for k in range(end - 1, begin - 1, -1):
        word = doc[k].lower_
        if word in _DESCRIPTORS or word in {"makers", "creators"} or word.endswith("-maker"):
            if k + 1 < end and doc[k + 1].lower_ == "of":  # "Threadsy Maker of Swaylo"
                end = k
            elif k + 1 < end and k > begin:  # "Drone Maker Titan", not "Maker Studios"
                begin = k + 1
            break
        if word in _STATE_WORDS and k + 1 < end:  # "Troubled BlackBerry"
            begin = k + 1
            break
    while end - begin > 1 and doc[end - 1].lower_ in {"stake", "stakes"}:
        end -= 1  # "Initech Stake": the company whose stake is sold
    for k in range(begin + 1, end - 1):  # "buys Initech and I confirm ...": not "Initech and I"
        if doc[k].lower_ in {"and", "&"} and doc[k + 1].text in _PRONOUNS:
            end = k
            break
    return name_span(doc, begin, end)


def generic(doc: Any, span: RoleSpan) -> bool:
    """Whether every word of ``span`` names a line of business ("Freight-Finance Unit")."""
    parts = [
        part
        for token in doc[span.start : span.end]
        if not token.like_url and "t.co/" not in token.lower_  # a link after the name
        for part in token.lower_.split("-")
        if part and token.text not in {"-", "&"}
    ]
    return bool(parts) and all(part in _TRADES for part in parts)


def _past_marks(doc: Any, i: int) -> int:
    """Past a cashtag's or hashtag's mark and a hyphenated adjective before a name
    ("maker $INTK", "startup #Initech", "fast-growing Initech")."""
    while i < len(doc):
        token = doc[i]
        if (  # "fast - growing" as three tokens
            i + 3 < len(doc)
            and token.is_lower
            and doc[i + 1].text == "-"
            and doc[i + 2].is_lower
            and (is_namey(doc[i + 3]) or doc[i + 3].text in {"$", "#"})
        ):
            i += 3
        elif token.text in {"$", "#"} or (
            "-" in token.text
            and token.text.islower()
            and i + 1 < len(doc)
            and (is_namey(doc[i + 1]) or doc[i + 1].text in {"$", "#"})
        ):
            i += 1
        else:
            break
    return i


def _bare_word(doc: Any, i: int) -> bool:
    """A lower-case name right after the cue, ending the clause ("acquired imsense")."""
    token = doc[i]
    if not token.is_alpha and not any(ch.isalnum() for ch in token.text):
        return False
    if token.lower_.startswith(("http", "www.")) or "t.co/" in token.lower_:
        return False  # a link, not a domain that names a company ("alando.de")
    if token.lower_ in STOP or token.lower_ in BRIDGE or is_amount(token):
        return False
    if i > 0 and doc[i - 1].lower_ in {"a", "an"} and token.lower_ not in {"stake", "stakes"}:
        return False  # "buys a unicorn": a thing described, not a name
    nxt = i + 1
    return nxt >= len(doc) or is_boundary(doc, nxt) or doc[nxt].lower_ in STOP


# Lower-case words bought that name no company ("to buy more shares to ...").
_NOT_LOWER_NAMES: Final = words(
    """
    shares share stock stocks calls puts options bonds gold silver dip dips back more some
    any all stake stakes rest control assets debt homes land time
    """
)


def lower_name(doc: Any, i: int) -> RoleSpan | None:
    """Two lower-case words right after a buying verb that end the clause ("to buy pied piper
    to grow"): a company written in lower case."""
    end = i + 2
    if end > len(doc):
        return None
    for token in doc[i:end]:
        if (
            not token.is_alpha
            or not token.is_lower
            or token.is_stop
            or token.lower_ in STOP
            or token.lower_ in BRIDGE
            or token.lower_ in _NOT_LOWER_NAMES
        ):
            return None
    if end < len(doc) and not (is_boundary(doc, end) or doc[end].lower_ in STOP):
        return None
    if doc[end - 1].lower_ in _DESCRIPTORS:
        return None  # "to buy analytics company for $600m": a company described, not named
    return span_any(doc, i, end)


def span_any(doc: Any, start: int, end: int) -> RoleSpan:
    span = doc[start:end]
    return RoleSpan(start, end, span.text, span.start_char, span.end_char)


def _is_finite_verb(token: Any, offset: int) -> bool:
    """A Title Case verb ending a name run ("Startup Particle Retains Several Developers")."""
    return offset >= 1 and token.tag_ in {"VBZ", "VBD"} and token.text.istitle()


# Titles after a company's name that are not part of it ("Initech CEO: ...").
TITLES: Final = frozenset({"ceo", "cfo", "coo", "cto", "founder", "cofounder", "chairman", "boss"})
# Words said of the subject before "to buy" in Title Case ("Globex Was Right To Buy"): no name.
_PREDICATES: Final = frozenset(
    {
        "right", "wrong", "smart", "wise", "foolish", "likely", "unlikely", "ready", "willing",
        "eager", "able", "unable", "free", "happy", "keen", "quick", "slow", "first", "last",
        "right-sized", "crazy", "brave", "bold", "expected",
    }
)  # fmt: skip
_COPULAS: Final = frozenset({"was", "is", "are", "were", "be", "been", "seems", "looks"})


def is_predicate(doc: Any, run: RoleSpan) -> bool:
    """A lone word said of the subject after a copula ("Globex Was Right To Buy"): no name."""
    return (
        run.end - run.start == 1
        and doc[run.start].lower_ in _PREDICATES
        and run.start > 0
        and doc[run.start - 1].lower_ in _COPULAS
    )


def first_run(doc: Any, cue: int) -> RoleSpan | None:
    """Last resort for the acquirer: the name opening the cue's sentence ("HP Extends ...")."""
    start = doc[cue].sent.start if doc.has_annotation("SENT_START") else 0
    k = start
    while k >= 2 and doc[k - 2].text == "$" and doc[k - 1].is_upper:
        k -= 2
    if k == 0:
        start = 0  # "$GLBX raises bid ...": the parser cut the cashtag off as a sentence
    start = _past_header(doc, start, cue)
    while start < cue and not is_namey(doc[start]):
        start += 1
    begin, end = collect(doc, start)
    if any(doc[k].text == ";" for k in range(end, cue)):
        return None  # "$HOOL soars; $INTK buyout": another clause's name
    return name_span(doc, begin, end) if begin < end <= cue else None


def headline_subject(doc: Any, cue: int) -> RoleSpan | None:
    """The first name of the cue's clause after a header ("$GLBX: Globex Nears ...",
    "Deals of the Day: Globex Nears ..."): the subject of a headline."""
    header = max((k for k in range(cue) if doc[k].text in {":", "|"}), default=-1)
    if header < 0:
        return first_run(doc, cue)
    found = run_right(doc, header + 1)
    return found if found is not None and found.end <= cue else None


def _past_header(doc: Any, start: int, cue: int) -> int:
    """``start`` past what heads a post before its subject: a retweet's "RT @desk:" and
    cashtags before a plain name ("$QQQ $GOOG Google Strikes ...": Google)."""
    k = start
    if k < cue and doc[k].text.upper() == "RT":
        k += 1
    while k < cue and doc[k].text.startswith("@"):
        k += 1
    if k > start and k < cue and doc[k].text == ":":
        _, end = collect(doc, k + 1)
        if end < cue and doc[end].text == ":":
            return start  # "RT @desk: Initech: All Evidence Points To Buyout": a topic's header
        start = k + 1
    k = start
    while k + 1 < cue and doc[k].text == "$" and doc[k + 1].is_upper:
        k += 2
    if (
        k > start
        and k + 1 < cue
        and doc[k].text in {"-", ":"}
        and doc[k + 1].is_alpha
        and doc[k + 1].text.istitle()
    ):
        k += 1  # "$GLBX - Globex Drops Its Strategy With Initech Bid"
    if k > start and k < cue and is_namey(doc[k]) and doc[k].text[:1] not in {"#", "@", "$"}:
        return k
    return start
