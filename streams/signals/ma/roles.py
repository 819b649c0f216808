"""Who buys whom: acquirer and target spans read around the cue word of a spaCy ``Doc``.

Headlines are often Title Case or ALL CAPS, where NER labels are unreliable, so roles come
from the word order around the cue ("X acquires Y", "Y acquired by X", "X's takeover of Y",
"X and Y to merge") over *name runs* (``names``). The dependency parse, when the Doc has
one, only fills an acquirer the surface patterns miss ("Microsoft said it would acquire Y":
the subject of the governing verb).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from streams.signals.ma.deal_nouns import (
    makes_the_deals,
    named_bid,
    priced_for,
    rumoured_about,
    weighed_sale,
)
from streams.signals.ma.deals import company_deals, named_deals
from streams.signals.ma.lowercase import fill_lower_case, is_lower_case
from streams.signals.ma.names import (
    BRIDGE,
    GRAB_VERBS,
    GRABBED,
    POSSESSIVE,
    Roles,
    RoleSpan,
    first_run,
    is_amount,
    is_boundary,
    lower_name,
    name_span,
    past_ampersand,
    run_left,
    run_right,
    span_any,
    word_after,
)
from streams.signals.ma.pairs import (
    BOUGHT_NOUNS,
    PAIR_NOUNS,
    described_pair,
    holders_of,
    is_anti,
    is_talk,
    owner_before,
    pair_across,
    raised_bid,
    slash_before,
    slash_first,
    split_pair,
    talk_roles,
    talked_about,
    talks_about,
)
from streams.signals.ma.sales import SELL_CUES, Spans, sale_roles, self_sale
from streams.signals.ma.shapes import (
    between_pair,
    bids_for_a_company,
    by_amount,
    cleaned,
    glued_pair,
    its_before,
    lead,
    merge_into,
    opening_pair,
    ruled_on,
    split_and,
    tender_verb,
    with_after,
)
from streams.signals.ma.sides import left_party, merger_roles, target_right

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
    "buy": "out", "buys": "out", "bought": "out", "buying": "out",
}  # fmt: skip
NOUN_CUES: Final = frozenset(
    {
        "acquisition", "acquisitions", "acquisiton", "takeover", "take-over", "buyout",
        "buy-out", "merger", "purchase", "bid", "offer",
    }
)  # fmt: skip
# Nouns written as verbs after "to" ("plan to takeover Y").
_NOUN_VERBS: Final = frozenset({"takeover", "buyout"})
_BEFORE_VERBS: Final = frozenset({"to", "will", "would", "could", "may", "might", "should"})
# "to combine with Y" is a merger (any other "combine" is not read).
COMBINES: Final = frozenset({"combine"})
MERGE_CUES: Final = frozenset({"merge", "merges", "merged", "merging", "merger"}) | COMBINES
# Verbs that buy a stake without a buying word: "X takes/raises/builds a 20% stake in Y".
STAKE_VERBS: Final = frozenset(
    {
        "take", "takes", "took", "taken", "taking", "raise", "raises", "raised", "raising",
        "build", "builds", "built", "building", "boost", "boosts", "boosted", "ups", "upped",
        "upping", "boosting", "lifting", "increasing",
        "lift", "lifts", "lifted", "increase", "increases", "increased",
    }
)  # fmt: skip
# A target answering a bid: "Y rejects X's offer"; Y is named before the verb.
_ANSWERS: Final = frozenset(
    {
        "reject", "rejects", "rejected", "rebuff", "rebuffs", "rebuffed", "spurn", "spurns",
        "spurned", "accept", "accepts", "accepted", "gets", "got", "receives", "received",
        "receiving", "attracts", "attracted", "attracting", "draws", "drew", "rejecting",
        "rebuffing", "spurning", "accepting", "denying", "dismisses", "dismissed",
        "dismissing", "leaning", "leans", "favors", "favours", "prefers", "snubs", "snubbed",
    }
)  # fmt: skip

# A target agreeing to a bid, named before the verb: "Y agrees to X's sweetened bid".
_AGREES: Final = frozenset(
    {
        "agrees", "agreed", "backs", "backed", "welcomes", "welcomed", "recommend",
        "recommends", "recommended", "confirms", "confirmed",
    }
)  # fmt: skip
_WILLING: Final = frozenset({"willing", "ready", "prepared", "poised", "set"})
# Words standing in for a target named elsewhere.
_STAND_INS: Final = frozenset({"company", "firm", "it", "them", "business", "group"})
# Between the company talked about and the buyer of "it": "Y and why X paid $2bn for it".
_ASKED: Final = frozenset({"why", "how", "and", "&"})
# "takes (full) control of Y": the verb is the cue, Y follows "of".
_TAKES: Final = frozenset(
    {"take", "takes", "took", "taking", "seize", "seizes", "seized", "wins", "won", "gains"}
)
_CONTROL_KINDS: Final = frozenset(
    {"full", "majority", "effective", "total", "outright", "operational"}
)
_APPROACH: Final = frozenset({"approach", "approaches", "approached"})
# Words before a deal noun that describe it ("Globex's Latest Acquisition").
_DEAL_ADJECTIVES: Final = frozenset(
    {
        "latest", "newest", "biggest", "largest", "next", "recent", "first", "last", "new",
        "big", "major", "possible", "potential",
    }
)  # fmt: skip
_DEAL_NOUNS: Final = frozenset(
    {"takeover", "buyout", "merger", "acquisition", "deal", "tie-up", "combination"}
)

# "pays $1bn for Y", "spends $5m on Y": the target follows the preposition.
_PAY_CUES: Final = frozenset({"pay", "pays", "paid", "paying", "spend", "spends", "spent"})
# "pours $740M into Y", "injects $1bn into Y": money put into a company for a stake.
_POURS: Final = frozenset(
    {"pours", "poured", "pouring", "injects", "injected", "injecting", "sinks", "sank"}
)
# "bids $61bn for Y", "offers $389m for Y's units": a bid priced before its target.
_PRICED_BIDS: Final = frozenset({"bids", "bidding", "offers", "offered", "offering"})
_STAKE_NOUNS: Final = frozenset({"stake", "stakes"})
_SELLOFFS: Final = frozenset({"selloff", "sell-off", "sale", "divestiture", "breakup"})
_PRONOUNS: Final = frozenset({"it", "they", "he", "she", "we", "company", "group"})
# The paper a deal is signed on, between its noun and the other party: "merger pact with Y".
_PAPERS: Final = frozenset({"pact", "agreement", "accord", "efforts", "effort"})


def _subject(doc: Any, cue: int) -> RoleSpan | None:
    """The named subject of the cue's verb chain, from the parse ("X said it would buy Y")."""
    if not doc.has_annotation("DEP"):
        return None
    token = doc[cue]
    for _ in range(6):
        # the subject nearest before the verb first ("UK: Globex launches ...": Globex)
        children = sorted(token.children, key=lambda c: (c.i > token.i, abs(c.i - token.i)))
        for child in children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ not in _PRONOUNS:
                if child.i == cue or _across_clauses(doc, child.i, cue):
                    continue
                run = run_left(doc, child.i + 1)
                if run is not None:
                    return past_ampersand(doc, run)
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _across_clauses(doc: Any, a: int, b: int) -> bool:
    """Whether a ";" stands between tokens ``a`` and ``b`` ("Icahn upping Apple stake; Cook
    states ...": Cook is another clause's subject)."""
    return any(doc[k].text == ";" for k in range(min(a, b), max(a, b)))


def _verb_roles(doc: Any, cue: int, after: int) -> Roles:
    """``after`` is the first token after the cue (past a particle like "over")."""
    word = doc[cue].lower_
    if after < len(doc) and doc[after].lower_ == "into" and word not in MERGE_CUES:
        after += 1  # "X buys into Y"
    if after < len(doc) and doc[after].lower_ == "by":  # "Y (is) acquired by X"
        return Roles(run_right(doc, after + 1), left_party(doc, cue), cue)
    if word in MERGE_CUES and (pair := merger_roles(doc, cue)) is not None:
        return pair  # "X and Y to merge"
    left = lead(doc, left_party(doc, cue)) or _subject(doc, cue) or first_run(doc, cue)
    if cue >= 2 and doc[cue - 1].lower_ == "from" and (kept := run_left(doc, cue - 1)):
        left = kept  # "Y's Price Kept Globex From Buying It": the one kept from buying
    if word in MERGE_CUES and (folded := merge_into(doc, cue)) is not None:
        return folded
    if word in MERGE_CUES:
        with_ = word_after(doc, cue, frozenset({"with", "into"}))
        target = run_right(doc, with_ + 1) if with_ is not None else None
        return Roles(left, target, cue)
    if after < len(doc) and doc[after].lower_ in {"it", "them"} and not doc[after].is_upper:
        return Roles(left, span_any(doc, after, after + 1), cue)  # "Why X Paid $2bn For It"
    target = target_right(doc, after)
    if target is None and left is not None and cue > 0 and doc[cue - 1].lower_ == "to":
        target = lower_name(doc, after)  # "Globex agrees to buy pied piper to grow"
    return Roles(left, target, cue)


def _bid_roles(doc: Any, cue: int, prep_word: str) -> Roles:
    """A bid or offer not "for" anyone: "Y rejects X's $1bn offer", "offer from X", "Y agrees
    to X bid", "X raising Y bid", "X pitches bid to Y shareholders"."""
    noun = cue - 1 if cue > 0 and doc[cue - 1].lower_ in _DEAL_NOUNS else cue  # "Takeover Bid"
    bidder = (
        run_right(doc, cue + 2)
        if prep_word in {"from", "by"}  # "Rejects Takeover Bid by Mylan"
        else left_party(doc, noun) or owner_before(doc, noun - 1)  # "X's raised bid"
    )
    if cue > 0 and doc[cue - 1].lower_ == "tender":
        verb = tender_verb(doc, cue)
        tenderer = left_party(doc, verb) if verb is not None else None
        if tenderer is not None:
            return Roles(tenderer, None, cue)
    if prep_word not in {"from", "by"}:
        raised = raised_bid(doc, cue, first_run(doc, cue))
        if raised is not None:
            return raised
    answer = next((k for k in range(cue - 1, -1, -1) if doc[k].lower_ in _ANSWERS), None)
    agreed = next((k for k in range(cue - 1, -1, -1) if doc[k].lower_ in _AGREES), None)
    if answer is None and agreed is not None and bidder is not None and bidder.start > agreed:
        answer = agreed  # "Y agrees to X's bid": a named bidder between the verb and the bid
    if answer is None:
        if prep_word == "to" and (holders := holders_of(doc, cue + 2)) is not None:
            return Roles(bidder, holders, cue)  # "X pitches bid to Y shareholders"
        if prep_word not in {"from", "by"} and (named := named_bid(doc, cue)) is not None:
            return named
        return Roles(bidder if prep_word in {"from", "by"} else None, None, cue)
    if bidder is not None and bidder.start <= answer:
        bidder = None  # "Y rejects offer": the name before the verb is the target
    target = left_party(doc, answer) or first_run(doc, answer)
    if target is not None and doc[target.end - 1].lower_ in _WILLING:  # "Y Willing To"
        target = name_span(doc, target.start, target.end - 1)
    if target is not None and bidder is not None and target.start <= bidder.start < target.end:
        target = None
    return Roles(bidder, target, cue)


def _bought_for(doc: Any, cue: int) -> RoleSpan | None:
    """Y in "Y could be an attractive acquisition for X", "Y is a target for X": the company
    said to be what the buyer after "for" buys."""
    if doc[cue].lower_ not in {"acquisition", "target", "takeover"}:
        return None
    return _said_to_be(doc, cue)


def _said_to_be(doc: Any, k: int) -> RoleSpan | None:
    """The company said to be what comes at token ``k`` ("Y Seems to Be X's Next Buyout",
    "Y could be an attractive acquisition"): the one named before "be", "is" or "as"."""
    for j in range(k - 1, max(k - 5, -1), -1):
        if is_boundary(doc, j):
            return None
        if doc[j].lower_ in {"be", "is", "was", "are", "as", "makes", "make"}:
            return left_party(doc, j)
    return None


def _answered_offer(doc: Any, cue: int) -> Roles | None:
    """ "Y accepts X offer for (its) energy business", "Y rejects $4bn bid for unit": the
    company answering is the one sold from; a name between the verb and the noun bids."""
    if doc[cue].lower_ not in {"bid", "offer", "proposal"}:
        return None
    answer = None
    for k in range(cue - 1, max(cue - 7, -1), -1):
        if is_boundary(doc, k):
            return None
        if doc[k].lower_ in _ANSWERS:
            answer = k
            break
    if answer is None:
        return None
    bidder = run_left(doc, cue)
    if bidder is not None and bidder.start <= answer:
        bidder = None
    target = left_party(doc, answer) or first_run(doc, answer)
    return Roles(bidder, target, cue) if target is not None else None


def _noun_roles(doc: Any, cue: int, linked: Spans = ()) -> Roles:
    if (pair := between_pair(doc, cue + 1)) is not None:  # "potential merger between X and Y"
        return pair
    if (about := rumoured_about(doc, cue)) is not None:  # "Takeover Rumors About Y"
        return Roles(None, target_right(doc, about), cue)
    if (talks := talks_about(doc, cue)) is not None:  # "X in talks with Y about a takeover"
        return talks
    if is_talk(doc, cue):
        return talk_roles(doc, cue)
    if doc[cue].lower_ in PAIR_NOUNS and (described := described_pair(doc, cue, linked)):
        return Roles(described[0], described[1], cue)  # "the Globex-Initech cable merger"
    prep = cue + 1 if cue + 1 < len(doc) else None
    prep_word = doc[prep].lower_ if prep is not None else ""
    if prep is not None and prep_word in _PAPERS and with_after(doc, prep):
        prep, prep_word = prep + 1, "with"  # "X in merger pact with Y": the pact is the deal
    if (prep_word == "at" or (prep is not None and is_amount(doc[prep]))) and (
        priced := priced_for(doc, cue)
    ) is not None:
        prep, prep_word = priced, "for"  # "bid at $108/sh for Y", "Bid $200 Million for Y"
    if doc[cue].lower_ in {"bid", "offer"} and prep_word != "for":
        return _bid_roles(doc, cue, prep_word)
    if prep is not None and prep_word == "by" and doc[cue].lower_ in BOUGHT_NOUNS:
        bidder = run_right(doc, prep + 1)  # "Initech announces acquisition by Globex"
        if bidder is not None:
            return Roles(bidder, left_party(doc, cue) or _subject(doc, cue), cue)
    if doc[cue].lower_ == "merger" and (
        prep_word not in {"of", "with"}
        or (prep is not None and prep + 1 < len(doc) and doc[prep + 1].lower_ == "equals")
    ):
        before = run_left(doc, cue)  # "opposing the $GLBX / $INTK merger": the pair before it
        first = slash_first(doc, before) if before is not None else None
        pair = (
            merger_roles(doc, cue)
            or (Roles(first, before, cue) if first is not None else None)
            or opening_pair(doc, cue)
            or slash_before(doc, cue)
        )
        if pair is not None or prep_word == "of":
            return pair or Roles(None, None, cue)
    if prep is not None and prep_word in {"of", "for", "with", "in"}:
        target = target_right(doc, prep + 1)
        if target is None and (answered := _answered_offer(doc, cue)) is not None:
            return answered  # "Y accepts $4bn offer for (its) blood-testing unit"
        if prep_word == "for" and (bought := _bought_for(doc, cue)) is not None:
            return Roles(target, bought, cue)  # "Y could be an attractive acquisition for X"
        by = word_after(doc, target.end - 1 if target else prep, frozenset({"by"}))
        by_whom = run_right(doc, by + 1) if by is not None else None
        if by is not None and (by_whom is not None or not by_amount(doc, by)):
            return Roles(by_whom, target, cue)  # "the acquisition of Y by X", not "by 11%"
        acquirer = (
            left_party(doc, cue)
            or (first_run(doc, cue) if its_before(doc, cue) else None)
            or _subject(doc, cue)
            or first_run(doc, cue)
        )
        if doc[cue].lower_ == "merger" and acquirer and (parts := split_and(doc, acquirer)):
            return Roles(parts[0], parts[1], cue)
        return Roles(acquirer, target, cue)
    # "X's Y acquisition", "With Y Acquisition X ...": the run before the noun is the target
    k = cue - 1
    while k >= 0 and doc[k].lower_ in _DEAL_ADJECTIVES:
        k -= 1
    if k < cue - 1 and k >= 0 and doc[k].lower_ in POSSESSIVE:  # "Globex's Latest Acquisition"
        owner = run_left(doc, k)  # "Initech Seems to Be Globex's Next Buyout": Initech
        return Roles(owner, _said_to_be(doc, owner.start) if owner else None, cue)
    target = run_left(doc, cue)
    acquirer = None
    if cue > 0 and doc[cue - 1].lower_ in POSSESSIVE:  # "Globex's merger will succeed"
        return Roles(target, None, cue)
    if target is not None and makes_the_deals(doc, cue, target):
        return Roles(target, None, cue)  # "Globex acquisitions", "Another Globex Acquisition"
    if target is None:  # "Globex's big acquisition"
        return Roles(owner_before(doc, cue - 1), None, cue)
    if doc[cue].lower_ in PAIR_NOUNS | BOUGHT_NOUNS:  # "Globex-INTK merger", "$GLBX $INTK buyout"
        if (glued := glued_pair(doc, target)) is not None:
            return Roles(glued.acquirer, glued.target, cue)
        if (halves := split_pair(doc, target, linked)) is not None:
            return Roles(halves[0], halves[1], cue)
        if (first := pair_across(doc, target)) is not None:
            return Roles(first, target, cue)
    if target is not None:
        k = target.start - 1
        if ruled_on(doc, k):
            return Roles(None, target, cue)  # "DC regulator approves Globex deal"
        if k >= 0 and (owner := owner_before(doc, k)) is not None:
            acquirer = owner  # "Globex's $9bn Initech deal"
        elif k >= 0 and doc[k].lower_ in BRIDGE:
            acquirer = left_party(doc, target.start)
            if (
                acquirer is not None
                and acquirer.start > 0
                and doc[acquirer.start - 1].lower_ == "to"
            ):
                acquirer = None  # "X is first to quit its home in $5bn Y deal": an infinitive
        if acquirer is None:
            after_cue = (
                run_right(doc, cue + 1)
                if cue + 1 < len(doc) and not is_boundary(doc, cue + 1)
                else None
            )  # not across "; $AAL sues ..."
            acquirer = _subject(doc, cue) or first_run(doc, cue) or after_cue
        if acquirer is not None and acquirer.start <= target.start < acquirer.end:
            acquirer = None
        if (
            acquirer is not None
            and acquirer.end < target.start
            and doc[acquirer.end].lower_ in _SELLOFFS
        ):  # "Initech Selloff Tops Goal With $30B Globex Deal": Globex buys from Initech
            return Roles(target, acquirer, cue)
    return Roles(acquirer, target, cue)


def _pay_target(doc: Any, i: int) -> int | None:
    """ "pays (up to) $1bn for Y": the index after "for"/"on" when an amount comes first."""
    seen_amount = False
    for k in range(i + 1, min(i + 8, len(doc))):
        token = doc[k]
        if is_amount(token):
            seen_amount = True
        elif seen_amount and (
            token.lower_ in {"for", "on"} or (token.lower_ == "into" and doc[i].lower_ in _POURS)
        ):
            return k + 1
        elif (
            token.lower_ not in BRIDGE
            and token.lower_ not in {"up", "about", "around", "in"}
            and (not seen_amount or is_boundary(doc, k))
        ):
            return None
    return None


def _deal_roles(doc: Any, cue: int, linked: Spans = ()) -> Roles:
    """ "X's $40bn Y deal", "deal for Y", or the pair calling it off ("X and Y call off ...")."""
    roles = _noun_roles(doc, cue, linked)
    if roles.acquirer is None and roles.target is None:
        first = first_run(doc, cue)
        if first is not None and (parts := split_and(doc, first)) is not None:
            return Roles(parts[0], parts[1], cue)
    return roles


def find_cues(doc: Any, deals: frozenset[int] = frozenset()) -> list[tuple[int, int | None]]:
    """``(cue index, index after a phrasal particle or None for nouns)`` in Doc order;
    ``deals`` are the character offsets of the words "deal" that name a company deal."""
    found: list[tuple[int, int | None]] = []
    for token in doc:
        word = token.lower_
        nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if is_anti(doc, token.i):
            continue
        if word in _PAY_CUES or word in _POURS:
            prep = _pay_target(doc, token.i)
            if prep is not None:
                found.append((token.i, prep))
        elif word in _PRICED_BIDS and (priced := _pay_target(doc, token.i)) is not None:
            found.append((token.i, priced))  # "Globex bids $61bn for Initech"
        elif word in PHRASAL_CUES and PHRASAL_CUES[word] == nxt:
            found.append((token.i, token.i + 2))
        elif word in STAKE_VERBS and word_after(doc, token.i, _STAKE_NOUNS) is not None:
            found.append((token.i, token.i + 1))
        elif word in _TAKES and (of := _control_of(doc, token.i)) is not None:
            found.append((token.i, of + 1))  # "Globex takes full control of Initech"
        elif word in _APPROACH and any(
            t.lower_ in _DEAL_NOUNS for t in doc[token.i + 1 : token.i + 9]
        ):
            found.append((token.i, token.i + 1))  # "X said to approach Y about a takeover"
        elif word in GRAB_VERBS and nxt in GRABBED:
            continue  # "Globex-Initech Deal Grabs Headlines"
        elif word == "buy" and token.i > 0 and doc[token.i - 1].text in {"Best", "BEST"}:
            continue  # the retailer Best Buy
        elif (
            word in VERB_CUES
            and token.i > 1
            and doc[token.i - 1].text == "-"
            and not (doc[token.i - 2].whitespace_ or doc[token.i - 1].whitespace_)
        ):
            continue  # a compound adjective: "community-acquired"
        elif word in VERB_CUES and not (word.startswith("purchase") and nxt == "of"):
            previous = doc[token.i - 1].lower_ if token.i > 0 else ""
            if word == "purchase" and previous in {"a", "the", "'s"}:
                found.append((token.i, None))
            else:
                found.append((token.i, token.i + 1))
        elif bids_for_a_company(doc, token.i):
            found.append((token.i, token.i + 2))  # "Globex bids for Initech" (not "makes bids")
        elif word in COMBINES and nxt == "with" and token.i > 0 and doc[token.i - 1].lower_ == "to":
            found.append((token.i, token.i + 1))  # "Globex in talks to combine with Initech"
        elif word in _NOUN_VERBS and token.i > 0 and doc[token.i - 1].lower_ in _BEFORE_VERBS:
            found.append((token.i, token.i + 1))  # "plans to takeover Y", "will buyout Y": a verb
        elif word in NOUN_CUES or word.startswith("purchase"):
            found.append((token.i, None))
        elif word in SELL_CUES:
            found.append((token.i, token.i + 1))
        elif word == "deal" and token.idx in deals:
            found.append((token.i, None))
        elif word == "sale" and nxt == "of":
            found.append((token.i, token.i + 2))
        elif word == "sale" and weighed_sale(doc, token.i) is not None:
            found.append((token.i, token.i + 1))  # "Initech explores sale"
    return found


def _control_of(doc: Any, verb: int) -> int | None:
    """The index of "of" in "takes (full) control of", or None."""
    k = verb + 1
    if k < len(doc) and doc[k].lower_ in _CONTROL_KINDS:
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ == "control" and doc[k + 1].lower_ == "of":
        return k + 1
    return None


def _roles_at(doc: Any, cue: int, after: int | None, linked: Spans = ()) -> Roles | None:
    word = doc[cue].lower_
    if word == "sale" and (verb := weighed_sale(doc, cue)) is not None:
        return self_sale(doc, verb, cue)
    if word in SELL_CUES or word == "sale":
        return sale_roles(doc, cue, after if after is not None else cue + 1, linked)
    if word == "deal":
        return _deal_roles(doc, cue, linked)
    return _noun_roles(doc, cue, linked) if after is None else _verb_roles(doc, cue, after)


def _named_stand_in(doc: Any, roles: Roles) -> Roles:
    """ "Y up on talk X may buy the company": a target written as "the company" or "it" is
    the company named just before the buyer, or nobody."""
    target = roles.target
    if target is None or target.text.lower() not in _STAND_INS:
        return roles
    if roles.acquirer is None:
        return Roles(None, None, roles.cue)
    k = roles.acquirer.start - 1
    while k >= 0 and doc[k].lower_ in _ASKED:  # "Facts About Y and Why X Paid $2bn For It"
        k -= 1
    named = talked_about(doc, k)
    if named is not None and named.start >= 2 and doc[named.start - 1].lower_ in POSSESSIVE:
        named = run_left(doc, named.start - 1) or named  # "Y's High Price Kept X From Buying It"
    return Roles(roles.acquirer, named, roles.cue)


def read_roles(doc: Any, *, skip: Spans = (), linked: Spans = ()) -> Roles | None:
    """Acquirer and target around the first cue that names someone, or None without a cue.

    Cues inside the character ranges ``skip`` (old deals in passing) are not read; in a
    lower-case post the parties come from the words around the cue and from the ``linked``
    watch-list entities (character ranges).
    """
    deals = frozenset(company_deals(doc.text, context=True))
    best = _read(doc, find_cues(doc, deals), skip, linked)
    if best is not None and (best.acquirer is not None or best.target is not None):
        return best
    # no party yet: the deals named by their parties ("Globex nears deal with Initech")
    named = frozenset(named_deals(doc.text)) - deals
    if named:
        cues: list[tuple[int, int | None]] = [
            (token.i, None) for token in doc if token.lower_ == "deal" and token.idx in named
        ]
        found = _read(doc, cues, skip, linked)
        if found is not None and (found.acquirer is not None or found.target is not None):
            return found
    return best


def _read(
    doc: Any, cues: Sequence[tuple[int, int | None]], skip: Spans, linked: Spans
) -> Roles | None:
    """Roles at the first of ``cues`` naming both parties, else the first naming any."""
    lower = is_lower_case(doc)
    best: Roles | None = None
    for cue, after in cues:
        if any(start <= doc[cue].idx < end for start, end in skip):
            continue
        roles = _roles_at(doc, cue, after, linked)
        if roles is None:
            continue
        if lower and not (doc[cue].lower_ == "sale" and weighed_sale(doc, cue) is not None):
            roles = fill_lower_case(doc, roles, after, linked)  # a self-sale has no buyer
        roles = cleaned(doc, _named_stand_in(doc, roles))
        if roles.acquirer is not None and roles.target is not None:
            return roles
        if best is None or (best.acquirer is None and best.target is None):
            best = roles
    return best
