"""Who buys whom: acquirer and target spans read around the cue word of a spaCy ``Doc``.

Headlines are often Title Case or ALL CAPS, where NER labels are unreliable, so roles come
from the word order around the cue ("X acquires Y", "Y acquired by X", "X's takeover of Y",
"X and Y to merge") over *name runs* (capitalised tokens joined by ``&``/``and``/``of``). The
dependency parse, when the Doc has one, only fills an acquirer the surface patterns miss
("Microsoft said it would acquire Y": the subject of the governing verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verb cues (lower-cased surface forms: lemmas are unreliable in ALL CAPS headlines).
VERB_CUES: Final = frozenset(
    {
        "acquire", "acquires", "acquired", "acquiring",
        "buy", "buys", "bought", "buying",
        "purchase", "purchases", "purchased", "purchasing",
        "merge", "merges", "merged", "merging",
        "swallows", "swallowed", "acqui-hires", "acquihires", "acq-hires", "acqhires",
        "snags", "snagged", "nabs", "nabbed", "grabs", "grabbed", "gobbles", "gobbled",
    }
)  # fmt: skip
# Two-word verb cues: first word -> particle.
PHRASAL_CUES: Final = {
    "take": "over", "takes": "over", "took": "over", "taking": "over",
    "snap": "up", "snaps": "up", "snapped": "up",
    "scoop": "up", "scoops": "up", "scooped": "up",
    "pick": "up", "picks": "up", "picked": "up",
    "snatches": "up", "snatched": "up",
}  # fmt: skip
NOUN_CUES: Final = frozenset(
    {
        "acquisition", "acquisitions", "acquisiton", "takeover", "take-over", "buyout",
        "buy-out", "merger", "purchase", "bid", "offer",
    }
)  # fmt: skip
MERGE_CUES: Final = frozenset({"merge", "merges", "merged", "merging", "merger"})
# Verbs that buy a stake without a buying word: "X takes/raises/builds a 20% stake in Y".
STAKE_VERBS: Final = frozenset(
    {
        "take", "takes", "took", "taking", "raise", "raises", "raised", "raising",
        "build", "builds", "built", "building", "boost", "boosts", "boosted", "ups", "upped",
        "lift", "lifts", "lifted", "increase", "increases", "increased",
    }
)  # fmt: skip
# A target answering a bid: "Y rejects X's offer"; Y is named before the verb.
_ANSWERS: Final = frozenset(
    {
        "reject", "rejects", "rejected", "rebuff", "rebuffs", "rebuffed", "spurn", "spurns",
        "spurned", "accept", "accepts", "accepted",
    }
)  # fmt: skip

# Words between a party and the cue ("X agrees to buy", "X in talks to acquire", "X's $5bn
# takeover"): skipped when looking left for the acquirer, and never part of a name run.
_BRIDGE: Final = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    to will would could may might shall should is are was were be been being has have had
    agrees agreed agree plans plan planned set sets poised nears near moves moving in
    talks reportedly reported said says say sources announces announced announce confirms
    confirmed confirm completes completed complete finalizes finalized closes closed makes
    made make launches launched launch files filed denies denied deny drops dropped
    abandons abandoned considering considers weighs weighing eyes eyeing explores
    exploring seeks seeking wants offers offered bids wins won signs signed seals sealed
    strikes struck reaches reached unveils unveiled not no also now officially formally
    finally already quietly just hostile friendly agreed-upon all-cash cash stock proposed
    planned possible potential new a an the its their his her 's ' $ € £ bn billion bln
    mln million m b k usd dlrs dollars it that they we deal deals latest big huge major
    surprise another definitive agreement agreements intent intention on
    rejects rejected rebuffs rebuffed spurns spurned accepts accepted
    """
)
# Never part of a name run, in any case ("Yahoo Acquires Startup LookFlow To Work On...").
_STOP: Final = _words(
    """
    to for in from with as after amid at on into over by via that which who while when
    following says said report reports reportedly the a an its their his her this these
    than about against under says is are was were will would has have had be been for up
    down out it they we breaking exclusive update updated alert
    """
)
# Descriptors before the real name ("Video Gaming Studio Double Helix Games"): keep what follows.
_DESCRIPTORS: Final = _words(
    """
    startup start-up startups maker makers company firm provider developer developers site
    specialist studio vendor platform rival competitor outfit player creator designer
    manufacturer producer retailer operator service app client expert tool-maker
    """
)
_CONNECTORS: Final = frozenset({"&", "and", "of", "de", "-", "+", ".", "/"})
# "pays $1bn for Y", "spends $5m on Y": the target follows the preposition.
_PAY_CUES: Final = frozenset({"pay", "pays", "paid", "paying", "spend", "spends", "spent"})
_BOUNDARY: Final = frozenset(set(',:;|()[]{}?!"“”–—') | {"--", "-", "...", "•"})
_STAKE: Final = frozenset({"stake", "stakes", "interest", "shares", "holding"})
_STAKE_NOUNS: Final = frozenset({"stake", "stakes"})
_AMOUNT_TOKEN: Final = re.compile(
    r"^[$€£¥]?\d[\d.,]*(?:bn|b|m|mn|k|mln|bln|billion|million|pct|%)?"
    r"(?:-[$€£¥]?\d[\d.,]*(?:bn|b|m|mn|k)?)?$"
    r"|^(?:bn|mln|bln|billion|million|trillion|thousand|hundred|dlrs?)$",
    re.I,
)
_PRONOUNS: Final = frozenset({"it", "they", "he", "she", "we", "company", "group"})


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


def _is_amount(token: Any) -> bool:
    """A number or money token ("$", "5bn", "2.1", "billion") that never names a party."""
    return bool(token.is_currency or _AMOUNT_TOKEN.match(token.text))


def _is_boundary(doc: Any, i: int) -> bool:
    """Punctuation that ends a name; a hyphen only when spaced ("ARES SOFTWARE - Library"), a
    full stop when spaced or ending a sentence ("buy HubSpot. Google denies")."""
    text: str = doc[i].text
    if text == "-":
        return i > 0 and bool(doc[i - 1].whitespace_)
    if text == ".":
        return (i > 0 and bool(doc[i - 1].whitespace_)) or bool(doc[i].whitespace_)
    return text in _BOUNDARY


def _is_namey(token: Any) -> bool:
    text: str = token.text
    if not text or not any(ch.isalnum() for ch in text) or _is_amount(token):
        return False
    if token.lower_ in _STOP or token.lower_ in _BRIDGE:
        return False
    if text[0].isupper() or text[0].isdigit():
        return True
    # eBay, iPhone, reMail: an upper-case letter inside a word
    return any(ch.isupper() for ch in text[1:])


def _span(doc: Any, start: int, end: int) -> RoleSpan | None:
    while start < end and not _is_namey(doc[start]):
        start += 1
    while end > start and not _is_namey(doc[end - 1]):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    return RoleSpan(start, end, span.text, span.start_char, span.end_char)


def _run_left(doc: Any, end: int) -> RoleSpan | None:
    """The name run ending just before token ``end`` (exclusive), or None."""
    i = end - 1
    if i >= 0 and doc[i].lower_ in {"'s", "'"}:
        i -= 1
    start = i + 1
    while i >= 0:
        token = doc[i]
        if _is_namey(token):
            start = i
        elif (
            token.lower_ in _CONNECTORS
            and i > 0
            and _is_namey(doc[i - 1])
            and start == i + 1
            and not _is_boundary(doc, i)
        ):
            pass
        else:
            break
        i -= 1
    return _span(doc, start, end if doc[end - 1].lower_ not in {"'s", "'"} else end - 1)


def _collect(doc: Any, i: int) -> tuple[int, int]:
    """``[begin, end)`` of the name run starting at token ``i`` (empty when none)."""
    begin = end = i
    while i < len(doc):
        token = doc[i]
        if _is_boundary(doc, i):
            break
        if _is_namey(token) and not _is_finite_verb(token, i - begin):
            end = i + 1
        elif token.lower_ in _CONNECTORS and i + 1 < len(doc) and _is_namey(doc[i + 1]):
            pass
        else:
            break
        i += 1
    return begin, end


def _lower_descriptor(doc: Any, i: int) -> int | None:
    """After "Samsung color display unit" or "3D graphics firm": the index of the real name."""
    for k in range(i, min(i + 5, len(doc))):
        token = doc[k]
        if _is_boundary(doc, k) or token.lower_ in _STOP or _is_namey(token):
            return None
        if token.lower_ in _DESCRIPTORS or token.lower_.endswith("-maker"):
            nxt = k + 1
            if nxt < len(doc) and doc[nxt].lower_ not in _STOP and not _is_boundary(doc, nxt):
                return nxt
            return None
    return None


def _run_right(doc: Any, start: int) -> RoleSpan | None:
    """The name run starting at token ``start``, descriptor words trimmed, or None."""
    i = start
    while i < len(doc) and (doc[i].lower_ in _BRIDGE or _is_amount(doc[i])):
        i += 1
    if (after := _lower_descriptor(doc, i)) is not None:  # "video ad platform Auditude"
        i = after
    begin, end = _collect(doc, i)
    if begin == end and i < len(doc) and _bare_word(doc, i):  # "Apple acquired imsense"
        return _span_any(doc, i, i + 1)
    if end < len(doc) and doc[end].lower_ in {"'s", "'"}:  # "Seattle's thePlatform"
        later = _run_right(doc, end + 1)
        if later is not None:
            return later
    if end < len(doc) and (after := _lower_descriptor(doc, end)) is not None:
        later = _run_right(doc, after)
        if later is not None:
            return later
    for k in range(end - 1, begin - 1, -1):
        word = doc[k].lower_
        if word in _DESCRIPTORS or word in {"makers", "creators"} or word.endswith("-maker"):
            if k + 1 < end and doc[k + 1].lower_ == "of":  # "Threadsy Maker of Swaylo"
                end = k
            elif k + 1 < end:
                begin = k + 1
            break
    return _span(doc, begin, end)


def _bare_word(doc: Any, i: int) -> bool:
    """A lower-case name right after the cue, ending the clause ("acquired imsense")."""
    token = doc[i]
    if not token.is_alpha and not any(ch.isalnum() for ch in token.text):
        return False
    if token.lower_ in _STOP or token.lower_ in _BRIDGE or _is_amount(token):
        return False
    nxt = i + 1
    return nxt >= len(doc) or _is_boundary(doc, nxt) or doc[nxt].lower_ in _STOP


def _span_any(doc: Any, start: int, end: int) -> RoleSpan:
    span = doc[start:end]
    return RoleSpan(start, end, span.text, span.start_char, span.end_char)


def _is_finite_verb(token: Any, offset: int) -> bool:
    """A Title Case verb ending a name run ("Startup Particle Retains Several Developers")."""
    return offset >= 1 and token.tag_ in {"VBZ", "VBD"} and token.text.istitle()


def _left_party(doc: Any, cue: int) -> RoleSpan | None:
    """The party named before the cue, over the bridge words ("X agrees to buy")."""
    i = cue - 1
    while i >= 0 and (doc[i].lower_ in _BRIDGE or _is_amount(doc[i])) and doc[i].lower_ != "'s":
        i -= 1
    if i > 0 and doc[i].text == "!" and not doc[i - 1].whitespace_:  # "Yahoo! acquired"
        return _run_left(doc, i)
    if i < 0 or _is_boundary(doc, i):
        return None
    return _run_left(doc, i + 1)


def _first_run(doc: Any, cue: int) -> RoleSpan | None:
    """Last resort for the acquirer: the name opening the cue's sentence ("HP Extends ...")."""
    start = doc[cue].sent.start if doc.has_annotation("SENT_START") else 0
    while start < cue and not _is_namey(doc[start]):
        start += 1
    begin, end = _collect(doc, start)
    return _span(doc, begin, end) if begin < end <= cue else None


def _subject(doc: Any, cue: int) -> RoleSpan | None:
    """The named subject of the cue's verb chain, from the parse ("X said it would buy Y")."""
    if not doc.has_annotation("DEP"):
        return None
    token = doc[cue]
    for _ in range(6):
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ not in _PRONOUNS:
                if child.i == cue:
                    continue
                run = _run_left(doc, child.i + 1)
                if run is not None:
                    return run
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _after(doc: Any, i: int, words: frozenset[str]) -> int | None:
    """Index of the first token of ``words`` within a few tokens after ``i``."""
    for k in range(i + 1, min(i + 5, len(doc))):
        if doc[k].lower_ in words:
            return k
        if _is_boundary(doc, k):
            return None
    return None


def _target_right(doc: Any, start: int) -> RoleSpan | None:
    """The target after the cue; "a 20 pct stake in Y" reads Y."""
    for k in range(start, min(start + 6, len(doc))):
        if doc[k].lower_ in _STAKE and k + 1 < len(doc) and doc[k + 1].lower_ in {"in", "of"}:
            return _run_right(doc, k + 2)
        if _is_boundary(doc, k):
            break
    return _run_right(doc, start)


def _split_and(doc: Any, span: RoleSpan) -> tuple[RoleSpan | None, RoleSpan | None] | None:
    for k in range(span.start + 1, span.end - 1):
        if doc[k].lower_ in {"and", "&"}:
            return _span(doc, span.start, k), _span(doc, k + 1, span.end)
    k = span.start - 1
    if k > 0 and doc[k].text == "," and (first := _run_left(doc, k)) is not None:
        return first, span  # "Globex, Initech announce merger"
    return None


def _merger_roles(doc: Any, cue: int) -> Roles | None:
    """ "X and Y (agree to) merge", "X, Y announce merger (of equals)": first named acquires."""
    left = _left_party(doc, cue)
    if left is not None and (parts := _split_and(doc, left)) is not None:
        return Roles(parts[0], parts[1], cue)
    return None


def _verb_roles(doc: Any, cue: int, after: int) -> Roles:
    """``after`` is the first token after the cue (past a particle like "over")."""
    word = doc[cue].lower_
    if after < len(doc) and doc[after].lower_ == "by":  # "Y (is) acquired by X"
        return Roles(_run_right(doc, after + 1), _left_party(doc, cue), cue)
    if word in MERGE_CUES and (pair := _merger_roles(doc, cue)) is not None:
        return pair  # "X and Y to merge"
    left = _left_party(doc, cue) or _subject(doc, cue) or _first_run(doc, cue)
    if word in MERGE_CUES:
        with_ = _after(doc, cue, frozenset({"with", "into"}))
        target = _run_right(doc, with_ + 1) if with_ is not None else None
        return Roles(left, target, cue)
    return Roles(left, _target_right(doc, after), cue)


def _bid_roles(doc: Any, cue: int, prep_word: str) -> Roles:
    """A bid or offer not "for" anyone: "Y rejects X's $1bn offer", "offer from X"."""
    bidder = _run_right(doc, cue + 2) if prep_word == "from" else _left_party(doc, cue)
    answer = next((k for k in range(cue - 1, -1, -1) if doc[k].lower_ in _ANSWERS), None)
    if answer is None:
        return Roles(bidder if prep_word == "from" else None, None, cue)
    if bidder is not None and bidder.start <= answer:
        bidder = None  # "Y rejects offer": the name before the verb is the target
    target = _left_party(doc, answer) or _first_run(doc, answer)
    if target is not None and bidder is not None and target.start <= bidder.start < target.end:
        target = None
    return Roles(bidder, target, cue)


def _noun_roles(doc: Any, cue: int) -> Roles:
    prep = cue + 1 if cue + 1 < len(doc) else None
    prep_word = doc[prep].lower_ if prep is not None else ""
    if doc[cue].lower_ in {"bid", "offer"} and prep_word != "for":
        return _bid_roles(doc, cue, prep_word)
    if doc[cue].lower_ == "merger" and (
        prep_word not in {"of", "with"}
        or (prep is not None and prep + 1 < len(doc) and doc[prep + 1].lower_ == "equals")
    ):
        pair = _merger_roles(doc, cue)
        if pair is not None or prep_word == "of":
            return pair or Roles(None, None, cue)
    if prep is not None and prep_word in {"of", "for", "with", "in"}:
        target = _target_right(doc, prep + 1)
        by = _after(doc, target.end - 1 if target else prep, frozenset({"by"}))
        if by is not None:  # "the acquisition of Y by X"
            return Roles(_run_right(doc, by + 1), target, cue)
        acquirer = _left_party(doc, cue) or _subject(doc, cue) or _first_run(doc, cue)
        if doc[cue].lower_ == "merger" and acquirer and (parts := _split_and(doc, acquirer)):
            return Roles(parts[0], parts[1], cue)
        return Roles(acquirer, target, cue)
    # "X's Y acquisition", "With Y Acquisition X ...": the run before the noun is the target
    target = _run_left(doc, cue)
    acquirer = None
    if target is not None:
        k = target.start - 1
        if k >= 0 and doc[k].lower_ in {"'s", "'"}:
            acquirer = _run_left(doc, k)
        elif k >= 0 and doc[k].lower_ in _BRIDGE:
            acquirer = _left_party(doc, target.start)
        if acquirer is None:
            acquirer = _subject(doc, cue) or _first_run(doc, cue) or _run_right(doc, cue + 1)
        if acquirer is not None and acquirer.start <= target.start < acquirer.end:
            acquirer = None
    return Roles(acquirer, target, cue)


def _pay_target(doc: Any, i: int) -> int | None:
    """ "pays (up to) $1bn for Y": the index after "for"/"on" when an amount comes first."""
    seen_amount = False
    for k in range(i + 1, min(i + 8, len(doc))):
        token = doc[k]
        if _is_amount(token):
            seen_amount = True
        elif token.lower_ in {"for", "on"} and seen_amount:
            return k + 1
        elif (
            token.lower_ not in _BRIDGE
            and token.lower_ not in {"up", "about", "around", "in"}
            and (not seen_amount or _is_boundary(doc, k))
        ):
            return None
    return None


def find_cues(doc: Any) -> list[tuple[int, int | None]]:
    """``(cue index, index after a phrasal particle or None for nouns)`` in Doc order."""
    found: list[tuple[int, int | None]] = []
    for token in doc:
        word = token.lower_
        nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if word in _PAY_CUES:
            prep = _pay_target(doc, token.i)
            if prep is not None:
                found.append((token.i, prep))
        elif word in PHRASAL_CUES and PHRASAL_CUES[word] == nxt:
            found.append((token.i, token.i + 2))
        elif word in STAKE_VERBS and _after(doc, token.i, _STAKE_NOUNS) is not None:
            found.append((token.i, token.i + 1))
        elif word in VERB_CUES and not (word.startswith("purchase") and nxt == "of"):
            previous = doc[token.i - 1].lower_ if token.i > 0 else ""
            if word == "purchase" and previous in {"a", "the", "'s"}:
                found.append((token.i, None))
            else:
                found.append((token.i, token.i + 1))
        elif word in NOUN_CUES or word.startswith("purchase"):
            found.append((token.i, None))
    return found


def read_roles(doc: Any) -> Roles | None:
    """Acquirer and target around the first cue that names someone, or None without a cue."""
    best: Roles | None = None
    for cue, after in find_cues(doc):
        roles = _noun_roles(doc, cue) if after is None else _verb_roles(doc, cue, after)
        if roles.acquirer is not None and roles.target is not None:
            return roles
        if best is None or (best.acquirer is None and best.target is None):
            best = roles
    return best
