"""Families read in the news M&A feed of all StockNet posts (issue 13, point 3): a Title Case
headline's verb run into a party ("Wall Street Pushes Globex", "Clears Globex"), a deal noun,
a source or a fund read as a party, a ticker pair split by a comma, "United" taken for the
United States, a typed amount read as a buyer, "the acquisition of Y, Inc. by X"; and posts
that are no deal (a wish, a position sold on the market, an insider's stock, goods a country
buys, a bare share of something).

Every post is hand-written (invented companies); Docs from the blank English tokenizer.
"""

from __future__ import annotations

import pytest
import spacy

from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wall Street Pushes Globex Buyout Of Initech $GLBX $INTK", ("Globex", "Initech")),
        (
            "$GLBX Privacy Advocates Urge FTC To Halt Globex Inc – Initech Deal http://t.co/a",
            ("Globex Inc", "Initech"),
        ),
        (
            "$GLBX FTC Clears Globex-Initech Deal, With a Caveat http://t.co/a",
            ("Globex", "Initech"),
        ),
        ("Arbitrage Desks Cash In On $GLBX, $INTK Merger http://t.co/a", ("GLBX", "INTK")),
        ("Investors cheer the $GLBX, $INTK merger", ("GLBX", "INTK")),
        (
            "$HOOL Contoso Studios Tables $72O Mln Cash Offer for Initech TV http://t.co/a",
            ("Contoso Studios", "Initech TV"),
        ),
        (
            "Acquisition of Initech Systems, Inc. by Globex Corporation May Not Be in "
            "Shareholders' Best Interest http://t.co/a",
            ("Globex Corporation", "Initech Systems"),
        ),
        # "Planning", "Final" bridge to the buyer; "Reject", "Endorses", "Points", "Chance",
        # "Evidence" and a news outlet ("WSJ") are no part of a name
        ("Globex Planning To Buy Initech.. http://t.co/a $GLBX", ("Globex", "Initech")),
        ("$INTK: Initech Rejects Globex Final Offer http://t.co/a", ("Globex", "Initech")),
        ("Hooli to FCC: Reject Globex/Initech merger http://t.co/a", ("Globex", "Initech")),
        (
            "$GLBX - Broker snap: Chance of Globex bid for Initech slipping, says Hooli... -> "
            "http://t.co/a",
            ("Globex", "Initech"),
        ),
        (
            "Double Take: FTC Chief Endorses Globex-Initech Merger Amid Privacy Worries ...",
            ("Globex", "Initech"),
        ),
        ("WSJ: Hooli the likeliest candidate to buy Globex's display panel ops", (None, "Globex")),
        ("RT @someone: Initech: All Evidence Points To Buyout $INTK $GLBX", (None, "INTK")),
        # a former officer buys for himself (a serving one for the company: the guard below,
        # "Globex CEO Pushing to Buy"); "Back" and "Enter" are no part of a name
        ("Ex-Globex CEO Smith buys Initech Sports for $2 bln", ("Smith", "Initech Sports")),
        ("UPDATE 4-Ex-Globex CEO Smith buys Initech Sports", ("Smith", "Initech Sports")),
        (
            "Hooli Buys Initech Brewery Back From Globex for $5.8 Billion",
            ("Hooli", "Initech Brewery"),
        ),
        (
            "Globex Group and Initech Tudou Enter into Definitive Merger Agreement",
            ("Globex Group", "Initech Tudou"),
        ),
        # guards: a stake sold to a company is a deal; "Jump" is a name; "Pushing" bridges
        ("Globex sold its entire stake in Initech to Hooli", ("Hooli", "Initech")),
        ("Jumpstart acquired Jump for $20 million", ("Jumpstart", "Jump")),
        ("Globex CEO Pushing to Buy Initech", ("Globex", "Initech")),
    ],
)
def test_headline_verbs_and_marks_stay_out_of_the_parties(
    text: str, expected: tuple[str | None, str]
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected


@pytest.mark.parametrize(
    ("text", "not_a_party"),
    [
        ("Initech Shares Soar Despite Denying Globex’s Takeover Bid | Blog", "Takeover"),
        ("$GLBX Wins Swift Antitrust Approval to Buy Initech http://t.co/a", "Approval"),
        (
            "Daily Mail hears fresh chatter that $GLBX or $INTK may be preparing to launch a "
            "£3bn or 410p/shr cash bid for Hooli. http://t.co/a",
            "Daily Mail",
        ),
        ("$HOOL - Globex Mulls Buy of Latin American Units of Initech", "Mulls"),
        ("Globex Outlines More Layoffs Ahead of Initech Merger $GLBX", "Outlines"),
        ("Globex, Initech Propose Fresh Changes to Save Their Merger. Details inside", "Changes"),
    ],
)
def test_verbs_deal_nouns_and_sources_are_no_party(text: str, not_a_party: str) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    for party in roles(signal):
        assert party is None or not_a_party not in party, roles(signal)


def test_united_starts_a_name_unless_the_united_states() -> None:
    signal = detect_ma(NLP("Globex: Antitrust worries not a hurdle to United Initech merger"))
    assert roles(signal) == ("Globex", "United Initech")
    signal = detect_ma(NLP("Globex to buy United States Initech for $2bn"))
    assert roles(signal)[1] == "Initech"


@pytest.mark.parametrize(
    "text",
    [
        # a wish, a position sold on the market
        'Cool would be if $GLBX(Globex) will buy $INTK(Initech) "screen" and then ruin it',
        "Acme Partners sold entire $GLBX stake in Q4, says it has a better use for the money",
        # an insider's stock, a drug's approval, quote fields
        "Globex Holdings Inc $GLBX Board Member Acquires $48,310.75 in Stock https://t.co/a",
        "Globex' Zentrava picks up FDA nod, though rivals are close behind on the market",
        "GLBX Globex Co. Shares http://t.co/a $GLBX #finance #stocksINTK Initech, Inc. Bid Size…",
        # arms bought by a country, across an abbreviation
        "$GLBX - Norway to Buy U.S. Missile Systems, German Tanks",
        # a bare share of something, with no party
        "RT @wire: Globex's Experimental Therapy Wipes Out Cancer in 93 Percent of Patients",
        "$GLBX Tech giants' rising clout worries 64 pct of Britons",
        "Globex chairman pledges 80 percent of his fortune, roughly $12 billion, to schools. $GLBX",
    ],
)
def test_wishes_positions_goods_and_bare_shares_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_a_bid_the_broker_sees_names_the_bidder_only() -> None:
    signal = detect_ma(NLP("Hooli Sees Further Globex Inc. Bid For Initech PLC 'Highly Likely'"))
    assert signal.acquirer is not None and signal.acquirer.name == "Globex Inc."


def test_mega_is_no_name() -> None:
    signal = detect_ma(NLP("The Clear Winner of 2016's Mega Merger Saga.. http://t.co/a $GLBX"))
    assert "Mega" not in roles(signal)


def test_a_share_held_is_still_read() -> None:
    # guard: a holding reported names its deal word
    assert detect_ma(
        NLP("GROUP TENDERING FOR INITECH SAYS IT HOLDS ABOUT 9.8 PCT OF INITECH")
    ).is_ma
