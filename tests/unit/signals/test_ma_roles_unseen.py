"""M&A roles on posts unlike the dev set (issue 13): the shapes seen on held-out posts.

A cue owned by the subject ("its takeover of"), a bid owned by a possessive ("Initech
rejects Globex's raised bid"), a noun used as a verb ("plans to takeover"), a seller written
"they", pairs with a ticker in brackets, a list of buyers, an owner merging two companies, a
tender offer, a stake named by its company, a lower-case name after "to buy", and phrases
that are no party ("Now-Dormant Talks", "in Joining Bid", "to Leave U.S. Address").

Every post is hand-written (invented companies); Docs from the blank English tokenizer, no
model.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


def _parsed(text: str, heads: list[int], deps: list[str]) -> Any:
    """``text`` tokenized as the pipeline does, with a hand-written dependency parse."""
    tokens = NLP(text)
    return Doc(
        NLP.vocab,
        words=[t.text for t in tokens],
        spaces=[bool(t.whitespace_) for t in tokens],
        heads=heads,
        deps=deps,
    )


def test_its_takeover_belongs_to_the_subject_not_to_who_approves_it() -> None:
    doc = _parsed(
        "$GLBX says Brussels approves its $900 million takeover of #Initech",
        # $  GLBX  says Brussels approves its $  900  million takeover of #  Initech
        [1, 2, 2, 4, 2, 9, 8, 8, 9, 4, 9, 12, 10],
        ["nmod", "nsubj", "ROOT", "nsubj", "ccomp", "poss", "nmod", "compound", "nmod",
         "dobj", "prep", "nmod", "pobj"],
    )  # fmt: skip
    assert roles(detect_ma(doc)) == ("GLBX", "Initech")


def test_the_subject_nearest_the_verb_buys_not_a_place_before_a_colon() -> None:
    doc = _parsed(
        "UK: Globex launches a fund and acquires a stake in Initech",
        # UK :  Globex launches a fund and acquires a stake in Initech
        [3, 3, 3, 3, 5, 3, 3, 3, 9, 7, 9, 10],
        ["nsubj", "punct", "nsubj", "ROOT", "det", "dobj", "cc", "conj", "det", "dobj",
         "prep", "pobj"],
    )  # fmt: skip
    assert roles(detect_ma(doc)) == ("Globex", "Initech")


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # a possessive owns the bid
        ("Initech rejects Globex's sweetened bid of $40 bln", "Globex", "Initech"),
        ("Vandelay spurns Hooli's raised offer of $12 a share", "Hooli", "Vandelay"),
        # a deal noun written as a verb
        ("$GLBX cancels plan to takeover $INTK after tax rules change", "GLBX", "INTK"),
        # the seller written "they"
        ("Initech founder: Why They Sold to #Globex for $2 Billion", "Globex", "Initech"),
        # a pair with a ticker in brackets
        ("#Globex ($GLBX) and Initech propose new terms to rescue merger", "Globex", "Initech"),
        (
            "Springfield Power : #Globex ( $GLBX) and Initech offer a plan to save merger",
            "Globex",
            "Initech",
        ),
        (
            "State regulators propose stricter #Globex ( $GLBX)-Initech merger terms",
            "Globex",
            "Initech",
        ),
        # a list of buyers: the first leads
        ("Globex, Hooli in Deal to Buy $5 Billion Stake in Initech", "Globex", "Initech"),
        # an owner merges one company into another
        ("Vandelay to Merge Initech With Globex Group", "Globex Group", "Initech"),
        ("Vandelay to merge Pied-Piper into Hooli next year", "Hooli", "Pied-Piper"),
        # a tender offer
        (
            "Globex Holdings Launches Its Previously Disclosed Cash Tender Offer",
            "Globex Holdings",
            None,
        ),
        # a stake named by its company; buying into a company
        (
            "Hooli $HOOL to Acquire Vandelay's $VDL Initech Stake in $5B Deal",
            "Hooli",
            "Initech",
        ),
        ("Roe Capital buys into Initech, raises its stake in Globex", "Roe Capital", "Initech"),
        # a lower-case name after "to buy"
        ("$GLBX Globex agrees to buy pied piper to boost its cloud", "Globex", "pied piper"),
        # an adjective between the owner and the deal noun
        (
            "What To Make Of Globex's Newest Acquisition, In Three Charts https://t.co/x $GLBX",
            "Globex",
            None,
        ),
        # phrases that are no party
        (
            "Globex Said to Have Held Now-Dormant Talks to Buy Initech,"
            " people close to both boards tell desk",
            "Globex",
            "Initech",
        ),
        ("Globex Is First to Leave U.S. Address in $30 Billion Initech Deal", "Globex", "Initech"),
        ("Jane Roe Is Keen on Joining Bid to Buy Vandelay", "Jane Roe", "Vandelay"),
    ],
)
def test_roles_on_unseen_shapes(text: str, acquirer: str | None, target: str | None) -> None:
    assert roles(detect_ma(NLP(text))) == (acquirer, target)


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # guards: what already read right keeps reading right
        (
            "Initech to Merge with Globex Corporation to Form a Giant",
            "Initech",
            "Globex Corporation",
        ),
        ("Company News, Globex agrees to acquire Initech", "Globex", "Initech"),
        ("Hooli says it will buy more shares to defend its stake", "Hooli", None),
        ("Globex to acquire Initech in Beijing deal", "Globex", "Initech"),
    ],
)
def test_roles_that_already_read_right(text: str, acquirer: str | None, target: str | None) -> None:
    assert roles(detect_ma(NLP(text))) == (acquirer, target)


def test_bids_the_verb_before_for_names_the_bidder_and_the_target() -> None:
    doc = _parsed(
        "Globex bids for Initech",
        [1, 1, 1, 2],
        ["nsubj", "ROOT", "prep", "pobj"],
    )
    assert roles(detect_ma(doc)) == ("Globex", "Initech")
    doc = _parsed(
        "Globex is bidding for Initech",
        [2, 2, 2, 2, 3],
        ["nsubj", "aux", "ROOT", "prep", "pobj"],
    )
    assert roles(detect_ma(doc)) == ("Globex", "Initech")
    # "bids" the noun, an object: the bidders are not named
    doc = _parsed(
        "Three suitors make bids for Initech",
        [1, 2, 2, 2, 3, 4],
        ["nummod", "nsubj", "ROOT", "dobj", "prep", "pobj"],
    )
    assert roles(detect_ma(doc))[0] != "Three"


def test_bidding_launched_for_a_sum_names_no_bidder() -> None:
    words = ["Globex", "launches", "bidding", "for", "$", "40", "billion", "in", "loans"]
    doc = Doc(
        NLP.vocab,
        words=words,
        spaces=[True, True, True, True, False, True, True, True, False],
        heads=[1, 1, 1, 2, 6, 6, 3, 2, 7],
        deps=["nsubj", "ROOT", "dobj", "prep", "nmod", "compound", "pobj", "prep", "pobj"],
        tags=["NNP", "VBZ", "VBG", "IN", "$", "CD", "CD", "IN", "NNS"],
    )
    assert roles(detect_ma(doc)) == (None, None)
