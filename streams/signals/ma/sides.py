"""The party named on either side of a deal cue: before it ("Globex agrees to buy"), after
it ("buys a 20 pct stake in Initech", "for Initech's local arm")."""

from __future__ import annotations

from typing import Any, Final

from streams.signals.ma.deal_nouns import past_deal_prefix, share_of
from streams.signals.ma.names import (
    BRIDGE,
    KNOWN_PLACES,
    POSSESSIVE,
    Roles,
    RoleSpan,
    generic,
    is_amount,
    is_boundary,
    is_namey,
    is_predicate,
    name_span,
    run_left,
    run_right,
    span_any,
)
from streams.signals.ma.shapes import no_phrase, split_and

# What is held of a company: "a 20 pct stake in Y", "its interest in Y".
STAKE: Final = frozenset({"stake", "stakes", "interest", "shares", "holding", "assets"})
# Where a unit sold is only placed: "Initech's Local Arm", "its European unit".
_LOCAL: Final = frozenset(
    {"local", "regional", "domestic", "foreign", "overseas", "international", "european", "asian"}
)
# The last word of a unit a company sells: "XO Communications' Fiber Business".
_UNITS: Final = frozenset(
    {"business", "businesses", "unit", "units", "division", "divisions", "arm", "operations"}
)
# Words telling how far talks are, no name: "in Advanced Talks to Acquire".
_TALKS_KINDS: Final = frozenset(
    {"advanced", "exclusive", "early", "final", "preliminary", "serious", "renewed", "late"}
)
# Two words between a buyer and the cue that are no bridge alone ("close" is no name).
_BRIDGE_PAIRS: Final = frozenset(
    {("close", "to"), ("closer", "to"), ("thinking", "of"), ("thinks", "of")}
)


# Stock exchanges, tagged after a listed company's name ("#NYSE").
_EXCHANGES: Final = frozenset({"nyse", "nasdaq", "amex", "otc", "lse", "tsx"})


def left_party(doc: Any, cue: int) -> RoleSpan | None:
    """The party named before the cue, over the bridge words ("X agrees to buy")."""
    i = past_deal_prefix(doc, cue - 1)  # "Ahold, Delhaize Confirm €26B Mega-Merger"
    while i >= 0:
        if i > 0 and (doc[i - 1].lower_, doc[i].lower_) in _BRIDGE_PAIRS:
            i -= 2  # "Globex close to acquiring", "Globex thinking of upping its stake"
        elif i > 0 and doc[i - 1].text == "#" and doc[i].lower_ in _EXCHANGES:
            i -= 2  # "The Walt Disney Company $DIS #NYSE to Acquire": where it is listed
        elif doc[i].lower_ in _TALKS_KINDS and i + 1 < cue and doc[i + 1].lower_ == "talks":
            i -= 1  # "Globex in Advanced Talks to Acquire Initech"
        elif doc[i].text == ")":  # "Globex Inc (GLBX) to buy": past the ticker in brackets
            opening = next(
                (k for k in range(i - 1, max(i - 5, -1), -1) if "(" in doc[k].text), None
            )
            if opening is None:
                break
            glued = doc[opening].text != "("  # "#Globex(PBR15) to buy": a rank run on
            i = opening - (not glued)
            if glued:
                break
        elif (
            (doc[i].lower_ in BRIDGE or is_amount(doc[i]))
            and doc[i].lower_ not in POSSESSIVE
            and not (i > 0 and doc[i - 1].text == "$" and doc[i].is_upper and doc[i].is_alpha)
        ):  # not "$IT", but "$49B"
            i -= 1
        elif doc[i].text in {"$", "€", "£"} and i + 1 < cue and is_amount(doc[i + 1]):
            i -= 1  # the sign of "$ 49B"
        else:
            break
    if i > 0 and doc[i].text == "!" and not doc[i - 1].whitespace_:  # "Yahoo! acquired"
        return run_left(doc, i)
    if i < 0 or is_boundary(doc, i):
        return None
    if _headline_handle(doc, i):
        return span_any(doc, i, i + 1)  # "BREAKING: @facebook to acquire @WhatsApp"
    run = no_phrase(doc, run_left(doc, i + 1))
    if run is not None and is_predicate(doc, run):
        return left_party(doc, run.start)  # "Globex Was Right To Buy Initech": Globex
    return run


def _headline_handle(doc: Any, i: int) -> bool:
    """A lower-case handle opening a headline after its header ("BREAKING: @facebook to
    acquire"): a company's own account; not a reply's addressee opening the post, nor one
    read "on @thestreet"."""
    text: str = doc[i].text
    if text[:1] != "@" or not text[1:].replace("_", "").isalnum() or not doc[i].is_lower:
        return False
    return i > 1 and doc[i - 1].text in {":", "-", "|", "—", "–"}


def target_right(doc: Any, start: int) -> RoleSpan | None:
    """The target after the cue; "a 20 pct stake in Y" and "51% of Y" read Y."""
    if (share := share_of(doc, start)) is not None and (held := run_right(doc, share)):
        return held
    for k in range(start, min(start + 6, len(doc))):
        if (
            doc[k].lower_ in STAKE
            and k + 2 < len(doc)
            and doc[k + 1].lower_ in {"in", "of"}
            and is_namey(doc[k + 2]) | (doc[k + 2].text in {"$", "#"})
            and not _amount_after(doc, k + 3)
        ):
            held = run_right(doc, k + 2)
            if held is not None:  # "Y's stake in natural gas pipelines": Y sells
                return held
            break
        if is_boundary(doc, k):
            break
    found = run_right(doc, start)
    if found is not None and found.start > start and doc[found.start - 1].lower_ in POSSESSIVE:
        owner = run_left(doc, found.start - 1)
        if owner is not None and owner.start < start:  # not the cue: "to Acquire X's Arm"
            owner = name_span(doc, start, owner.end)
        words = [t for t in doc[found.start : found.end] if not t.like_url]
        if words and all(
            generic(doc, span_any(doc, t.i, t.i + 1)) or t.lower_ in _LOCAL for t in words
        ):
            return owner or found  # "for Initech's Local Arm": Initech
        if owner is not None and doc[found.end - 1].lower_ in _UNITS:
            return name_span(doc, owner.start, found.end)  # "XO Communications' Fiber Business"
        if owner is not None and all(t.lower_ in KNOWN_PLACES for t in words):
            unit = _unit_after(doc, found.end)  # "GE's Japan leasing business"
            if unit is not None:
                return span_any(doc, owner.start, unit + 1)
    return found


def _amount_after(doc: Any, k: int) -> bool:
    """Whether an amount follows the held name ("stake in $5bn ..."); a cashtag does not
    ("stake in Initech $INTK")."""
    k = min(k, len(doc) - 1)
    if doc[k].text == "$" and k + 1 < len(doc) and doc[k + 1].text[:1].isalpha():
        return False
    return is_amount(doc[k])


def _unit_after(doc: Any, k: int) -> int | None:
    """The index of a unit word ending the lower-case words at ``k`` ("leasing business")."""
    for i in range(k, min(k + 3, len(doc))):
        if doc[i].lower_ in _UNITS:
            return i
        if not (doc[i].is_alpha and doc[i].is_lower):
            return None
    return None


# Verbs the two merging companies announce their merger with; the words between describe it.
_ANNOUNCED: Final = frozenset(
    {"announce", "announces", "announced", "confirm", "confirms", "confirmed", "unveil",
     "unveils", "unveiled", "agree", "agrees", "agreed", "complete", "completes", "completed"}
)  # fmt: skip


def merger_roles(doc: Any, cue: int) -> Roles | None:
    """ "X and Y (agree to) merge", "X, Y announce merger (of equals)": first named acquires."""
    left = left_party(doc, cue)
    if left is not None and (parts := split_and(doc, left)) is not None:
        return Roles(parts[0], parts[1], cue)
    if left is not None and left.start > 0 and doc[left.start - 1].lower_ in _ANNOUNCED:
        listed = left_party(doc, left.start)  # "X, Y Announce Nitrogen Mega-Merger"
        if listed is not None and (parts := split_and(doc, listed)) is not None:
            return Roles(parts[0], parts[1], cue)
    return None
