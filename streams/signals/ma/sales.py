"""Deals worded from the seller's side: "Initech sold to Globex", "Hooli sells its chip unit to
Globex", "Initech explores sale", and the seller of goods with no name of their own ("Hooli
sells cell towers to Globex")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from streams.signals.ma.names import (
    Roles,
    RoleSpan,
    first_run,
    generic,
    headline_subject,
    is_boundary,
    is_namey,
    run_right,
)
from streams.signals.ma.shapes import opening, sells_paper
from streams.signals.ma.sides import STAKE, left_party, target_right

# Sales worded from the seller's side ("Initech sold to Globex").
SELL_CUES: Final = frozenset({"sell", "sells", "sold", "selling"})
# What a seller sells when it is no named company: "its chip business", "a 20% stake".
_SOLD_THINGS: Final = frozenset(
    {
        "unit", "units", "business", "businesses", "division", "divisions", "arm", "subsidiary",
        "subsidiaries", "operations", "operation", "assets", "stake", "stakes", "interest",
        "holding", "holdings", "brand", "brands", "chain", "segment", "portfolio", "plant",
        "plants",
    }
)  # fmt: skip
# Words after a sold company's name that leave it a name ("stake in Initech to Globex").
_GOES_ON: Final = frozenset(
    {"to", "for", "from", "in", "at", "by", "and", "as", "on", "with", "is", "was", "will", "after"}
)
# Character ranges of the watch-list entities a post links.
Spans = Sequence[tuple[int, int]]
# "Initech hires Goldman to explore sale": the adviser hired is no party.
_HIRES: Final = frozenset(
    {
        "hires", "hired", "hiring", "taps", "tapped", "retains", "retained", "picks",
        "picked", "enlists", "enlisted", "appoints", "appointed", "engages", "engaged",
    }
)  # fmt: skip


def _buyer_to(doc: Any, cue: int) -> int | None:
    """The index of the "to" that names a buyer within a few tokens after a sale cue."""
    k, seen = cue + 1, 0
    while k < len(doc) and seen < 8:
        if doc[k].text == "(":  # "its consumer unit (Claritin, Afrin etc.) to Bayer"
            close = next(
                (j for j in range(k + 1, min(k + 16, len(doc))) if doc[j].text == ")"), None
            )
            if close is None:
                return None
            k = close + 1
            continue
        if doc[k].lower_ == "to":
            return k
        # "its stake in Y to X" goes on; "sold for $2bn", "sold in 2012" end the search
        preposition = doc[k].lower_ in {"for", "by", "from", "at", "in"}
        if is_boundary(doc, k) or (preposition and doc[k - 1].lower_ not in STAKE):
            return None
        k, seen = k + 1, seen + 1
    return None


def _overlaps(span: RoleSpan, linked: Spans) -> bool:
    return any(a < span.end_char and span.start_char < b for a, b in linked)


def sale_roles(doc: Any, cue: int, start: int, linked: Spans = ()) -> Roles | None:
    """A sale worded from the seller's side, the buyer after "to": "Y sold to X", "W sells
    Y (unit) to X", "W to sell its chip business to X" (the seller is the target when what
    it sells has no name). None when no buyer is named or the goods are no company."""
    to = _buyer_to(doc, start - 1)
    buyer = run_right(doc, to + 1) if to is not None else None
    if to is None or buyer is None or not is_namey(doc[buyer.start]):
        return _holding_sold(doc, cue)
    if sells_paper(doc, start, to):
        return None
    if to == start:  # "Initech (is) sold to Globex"
        seller = left_party(doc, cue)
        if cue > 0 and doc[cue - 1].lower_ in {"they", "we", "it"}:
            seller = opening(doc, cue)  # "Initech founder: why they sold to Globex"
        return Roles(buyer, seller, cue)
    sold = target_right(doc, start)
    if sold is not None and sold.end <= to and is_namey(doc[sold.start]):
        unit = doc[sold.end - 1].lower_ in _SOLD_THINGS or (
            sold.end < to and doc[sold.end].lower_ in _SOLD_THINGS
        )
        if (
            unit and generic(doc, sold) and not _overlaps(sold, linked)
        ):  # "Globex To Sell Freight Finance Unit To X"
            seller = left_party(doc, cue) or first_run(doc, cue)
            if seller is not None:
                return Roles(buyer, seller, cue)
        return Roles(buyer, sold, cue)
    if any(doc[k].lower_ in _SOLD_THINGS for k in range(start, to)):
        return Roles(buyer, left_party(doc, cue) or first_run(doc, cue), cue)
    return None


# Holdings that are no company: "stake in Australian Gas Field".
_FIELDS: Final = frozenset(
    {"field", "fields", "project", "projects", "plant", "plants", "block", "blocks", "mine",
     "mines", "refinery", "pipeline", "pipelines", "terminal", "licence", "license"}
)  # fmt: skip


def _holding_sold(doc: Any, cue: int) -> Roles | None:
    """ "sale of its Polish unit Bank BPH", "sale of its stake in Caltex Australia", "sells
    9.9% stake in Akbank": with no buyer named, the company a holding sold is the target (a
    sale of anything else is no company's: "sale of iPhone 6")."""
    if doc[cue].lower_ == "sale" and cue + 2 < len(doc) and doc[cue + 1].lower_ == "of":
        start = cue + 2
    elif doc[cue].lower_ in SELL_CUES:  # "Citigroup Sells 9.9% Stake in Turkey's Akbank"
        start = cue + 1
    else:
        return None
    sold = target_right(doc, start)
    if sold is None or not is_namey(doc[sold.start]) or doc[sold.end - 1].lower_ in _FIELDS:
        return None  # "Stake in Australian Gas Field": no company
    things = {doc[k].lower_ for k in range(start, sold.start)}
    if not things & _SOLD_THINGS or (start == cue + 1 and not things & {"stake", "stakes"}):
        return None
    after = doc[sold.end] if sold.end < len(doc) else None
    if after is not None and after.is_alpha and after.is_lower and after.lower_ not in _GOES_ON:
        return None  # "sale of stake in Indonesian gas project": a word describing no company
    return Roles(None, sold, cue)


def _goods(doc: Any, span: RoleSpan) -> bool:
    """Whether a span says what is sold ("Asset", "Pipeline Unit"), not who sells it."""
    last = doc[span.end - 1].lower_
    return last in _SOLD_THINGS or last == "asset"


def sale_parties(doc: Any, buyer: RoleSpan | None) -> Roles | None:
    """The seller (and the buyer after "to", unless already known) of the first sale that
    names a buyer: what is sold has no name ("Globex sells cell towers to Hooli", "Globex
    nears asset sale to Hooli", "Globex to sell US finance arm to Hooli"), so the seller is
    the target. Read only for a post already read as a deal with no target."""
    for token in doc:
        word = token.lower_
        if word not in SELL_CUES and word != "sale":
            continue
        to = _buyer_to(doc, token.i)
        if to is None or sells_paper(doc, token.i + 1, to):
            continue
        found = buyer or run_right(doc, to + 1)
        seller = left_party(doc, token.i)
        if seller is None or generic(doc, seller) or _goods(doc, seller):  # "Asset Sale to"
            seller = headline_subject(doc, token.i)
        if found is None or seller is None or not is_namey(doc[found.start]):
            continue
        if seller.start < found.end and found.start < seller.end:
            continue
        return Roles(found, seller, token.i)
    return None


def self_sale(doc: Any, verb: int, cue: int) -> Roles:
    """ "Initech (hires Goldman to) explore(s) sale": the company is the target."""
    hires = next(
        (k for k in range(verb - 1, max(verb - 6, -1), -1) if doc[k].lower_ in _HIRES), None
    )
    seller = left_party(doc, hires if hires is not None else verb)  # past the adviser hired
    return Roles(None, seller, cue)
