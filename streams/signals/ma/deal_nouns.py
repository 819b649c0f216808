"""Parties around a deal noun or a sale, as social posts write them (``roles`` reads them).

- "Globex acquisitions suggest ...", "Another $GLBX Acquisition": the name makes the deals;
- "Ahold, Delhaize Confirm €26B Mega-Merger": a glued prefix is no party;
- "X's Y bid", "X weighs Y bid": Y is the target (not "X shares jump on Y bid");
- "deal at $108/sh for Y": the target after the price;
- "acquires 51% of Y": the company of the share;
- "Initech explores (a possible) sale": a company weighing its own sale;
- "takeover rumours about Y", "merger speculation around Y": Y is the one talked of as a target.
"""

from __future__ import annotations

from typing import Any, Final

from streams.signals.ma.names import (
    POSSESSIVE,
    Roles,
    RoleSpan,
    first_run,
    headline_subject,
    is_amount,
    is_boundary,
    name_span,
    run_left,
    run_right,
)
from streams.signals.ma.pairs import owner_before

# "Globex acquisitions suggest ...": the name before a plural deal noun makes the deals.
_PLURAL_DEALS: Final = frozenset({"acquisitions", "takeovers", "purchases", "buyouts"})
# Glued before a deal noun, never a party: "Mega-Merger", "Blockbuster-Deal".
_DEAL_PREFIXES: Final = frozenset({"mega", "mini", "super", "blockbuster", "monster", "jumbo"})
# A company weighing its own sale: "Initech explores (a possible) sale" (Initech the target).
_WEIGHS: Final = frozenset(
    {
        "explore", "explores", "exploring", "explored", "weigh", "weighs", "weighing",
        "consider", "considers", "considering", "mull", "mulls", "mulling", "weighed",
        "considered", "mulled", "eyes", "eyeing", "pursue", "pursues", "pursuing",
    }
)  # fmt: skip
_SALE_WORDS: Final = frozenset({"a", "possible", "potential", "strategic", "its", "outright"})
# Words of a subject whose price moves on a bid: "X shares jump on Y bid" (who bids is open).
_MOVES_ON: Final = frozenset(
    {
        "shares", "stock", "stocks", "on", "up", "down", "rise", "rises", "jump", "jumps",
        "soar", "soars", "surge", "surges", "gain", "gains", "fall", "falls", "slide",
        "slides", "rally", "rallies", "climb", "climbs", "spike", "spikes", "pop", "pops",
    }
)  # fmt: skip


def makes_the_deals(doc: Any, cue: int, named: RoleSpan) -> bool:
    """Whether ``named``, right before the deal noun at ``cue``, makes the deals: a plural
    noun ("Globex acquisitions") or "another" before it ("Another $GLBX Acquisition")."""
    return doc[cue].lower_ in _PLURAL_DEALS or _another(doc, named.start)


def past_deal_prefix(doc: Any, i: int) -> int:
    """``i`` moved past a prefix glued to the deal noun ("Mega-" of "Mega-Merger")."""
    if (
        i >= 1
        and doc[i].text == "-"
        and doc[i - 1].lower_ in _DEAL_PREFIXES
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    ):
        return i - 2
    return i


def _another(doc: Any, start: int) -> bool:
    """ "Another Globex Acquisition", "another $GLBX acquisition": the name makes the deal."""
    k = start - 1
    if k >= 0 and doc[k].text in {"$", "#"}:
        k -= 1
    return k >= 0 and doc[k].lower_ == "another"


# Whoever reports a bid, not the bidder: "FT says Globex to go public with Initech bid".
_REPORTS: Final = frozenset({"says", "said", "reports", "reported", "sees", "expects"})


# A header naming where the news comes from: "Reuters: Globex to launch Initech bid".
_SOURCES: Final = frozenset(
    {
        "reuters", "wsj", "bloomberg", "ft", "cnbc", "ap", "marketwatch", "barrons", "benzinga",
        "techcrunch", "breaking", "update", "exclusive", "report", "sources", "dealbook",
    }
)  # fmt: skip
_FENDS: Final = frozenset({"fend", "fends", "fight", "fights", "ward", "wards"})
_REFUSALS: Final = frozenset({"refusal", "rejection", "snub", "rebuff"})


def _bid_subject(doc: Any, k: int) -> RoleSpan | None:
    """The subject of the clause before token ``k``: after a source's header ("Reuters:
    Globex ..."), else the sentence's first name."""
    header = max((j for j in range(k) if doc[j].text in {":", "|"}), default=-1)
    if header > 0 and all(_names_no_subject(doc[j]) for j in range(header)):
        return headline_subject(doc, k)
    return first_run(doc, k)


def _names_no_subject(token: Any) -> bool:
    """A word of a header before the news ("RT @desk:", "$GLBX:", "Reuters:")."""
    text: str = token.text
    return (
        token.lower_ in _SOURCES
        or token.lower_ == "rt"
        or text[:1] in {"@", "$", "#"}
        or (token.i > 0 and token.doc[token.i - 1].text == "$")
        or not any(ch.isalnum() for ch in text)
    )


def _fended_off(doc: Any, named: RoleSpan) -> RoleSpan | None:
    """The bidder in "To Fend Off Globex Bid", read as the run "Fend Off Globex"."""
    start = named.start
    if named.end - start > 2 and doc[start].lower_ in _FENDS and doc[start + 1].lower_ == "off":
        return name_span(doc, start + 2, named.end)
    return None


def named_bid(doc: Any, cue: int) -> Roles | None:
    """ "X's Y bid", "X won't be forced into Y bid": Y, named right before the bid, is the
    target when an owner or the clause's subject bids. Not when the subject's shares move
    on it ("X shares jump on Y bid": Y may be bidding for X)."""
    target = run_left(doc, cue)
    if target is None or doc[cue - 1].lower_ in POSSESSIVE:
        return None
    owner = owner_before(doc, target.start - 1)
    if owner is not None:
        return Roles(owner, target, cue)
    if cue + 1 < len(doc) and doc[cue + 1].lower_ in _REFUSALS:
        refuser = first_run(doc, target.start)  # "Initech CEO defends Globex bid refusal"
        if refuser is not None and refuser.end <= target.start:
            return Roles(target, refuser, cue)
    fended = _fended_off(doc, target)
    if fended is not None:  # "Initech : Lobbied Lawmakers To Fend Off Globex Bid"
        return Roles(fended, first_run(doc, target.start), cue)
    subject = _bid_subject(doc, target.start)
    if subject is None or subject.end >= target.start:
        return None
    said = next((k for k in range(subject.end, target.start) if doc[k].lower_ in _REPORTS), None)
    told = run_right(doc, said + 1) if said is not None else None
    if told is not None and told.end < target.start:
        subject = told  # "FT says $GLBX likely to go public with $INTK bid": Globex
    between = {doc[k].lower_ for k in range(subject.end, target.start)}
    if between & _MOVES_ON or any(is_boundary(doc, k) for k in range(subject.end, target.start)):
        return None
    return Roles(subject, target, cue)


def priced_for(doc: Any, cue: int) -> int | None:
    """ "deal at $108/sh for Y", "offer at $5 a share for Y", "Said to Bid $200 Million for
    Y": the index of that "for"."""
    first = cue + 2 if cue + 1 < len(doc) and doc[cue + 1].lower_ == "at" else cue + 1
    if first >= len(doc) or not is_amount(doc[first]):
        return None
    for k in range(first + 1, min(first + 8, len(doc))):
        if doc[k].lower_ == "for":
            return k
        if is_boundary(doc, k) or not (
            is_amount(doc[k]) or doc[k].lower_ in {"/", "/sh", "sh", "a", "per", "share"}
        ):
            return None
    return None


# A part of what a company holds, bought: "majority of", "several of".
_PARTS: Final = frozenset({"majority", "minority", "most", "half", "part", "portion", "several"})


def share_of(doc: Any, start: int) -> int | None:
    """The index after "51% of", "20 pct of", "a 30 percent interest in", "majority of" at
    ``start``."""
    k = start + (start < len(doc) and doc[start].lower_ in {"a", "an"})
    if k + 1 < len(doc) and doc[k].lower_ in _PARTS and doc[k + 1].lower_ == "of":
        return k + 2  # "majority of Initech's fleet unit", "several of Initech's assets"
    if k >= len(doc) or not is_amount(doc[k]) or doc[k].is_currency:
        return None
    k += 1
    if k < len(doc) and doc[k].lower_ in {"%", "pct", "percent"}:
        k += 1
    elif k + 1 < len(doc) and doc[k].lower_ == "per" and doc[k + 1].lower_ == "cent":
        k += 2
    elif not doc[k - 1].text.endswith("%"):
        return None
    return k + 1 if k < len(doc) and doc[k].lower_ in {"of", "in"} else None


def weighed_sale(doc: Any, cue: int) -> int | None:
    """The index of the verb when the "sale" at ``cue`` is a company weighing its own sale
    ("explores a possible sale", "to explore sale"), not a sale "of" something named."""
    k = cue - 1
    while k >= 0 and doc[k].lower_ in _SALE_WORDS:
        k -= 1
    if k < 0 or doc[k].lower_ not in _WEIGHS:
        return None
    nxt = doc[cue + 1].lower_ if cue + 1 < len(doc) else ""
    if nxt == "of" and not (
        cue + 2 < len(doc) and doc[cue + 2].lower_ in {"itself", "the", "its", "company"}
    ):
        return None
    return k


_RUMOURS: Final = frozenset(
    {"rumor", "rumors", "rumour", "rumours", "speculation", "chatter", "talk", "gossip"}
)
_ABOUT: Final = frozenset({"about", "around", "surrounding", "on", "over", "involving"})


def rumoured_about(doc: Any, cue: int) -> int | None:
    """The index after "takeover rumours about" at ``cue`` ("Takeover Rumors About Y"), where
    the company talked of is the target and no buyer is named."""
    k = cue + 1
    if k + 1 < len(doc) and doc[k].lower_ in _RUMOURS and doc[k + 1].lower_ in _ABOUT:
        return k + 2
    return None
