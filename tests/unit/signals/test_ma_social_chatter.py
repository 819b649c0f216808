"""M&A on social posts, third round (issue 13 point 3): "buy" as a rating or a belief,
position bots in more shapes, consumers and market shares, what is no acquisition, and
speculation are not deals; a company does not buy itself; a lone plain word is no party.

Every post is hand-written (invented or generic companies); tokens-only Docs, no model.
"""

from __future__ import annotations

import pytest
import spacy

from models.enriched import Entity
from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text",
    [
        # "buy" as a rating, a recommendation or a belief
        "Despite The Slump , Globex Remains A Buy For 2015 $GLBX",
        "Is Initech A Better Buy Than Globex Right Now ? $INTK",
        "Broker: Buy Globex Ahead Of The Phone Launch $GLBX",
        "Three Things To Check Before Buying Initech Shares $INTK",
        "Let Globex Cool Off Before You Squeeze The Buy Trigger $GLBX",
        "Why Initech could be a terrific name to buy this spring $INTK",
        "Shoppers Don't Buy Globex's Story About Smart Fridges $GLBX",
        "$GLBX : Harbor Research ups to Buy",
        # position bots
        "Cobalt Ridge Trust Buys Shares of 12,345 Initech Corp. $INTK",
        "54,321 Shares in Globex Inc $GLBX Acquired by Elm Street Pension Trustee",
        "Initech Corp Director Pat Doe Buys C$2,345.60 in $INTK",
        "Maple Value Fund Buys Globex Group; Trims Initech, Vandelay",
        "Globex $GLBX Stake Maintained by Birch Hill Advisers",
        # consumers, products, market shares, orders
        "Survey : 15% of Globex Tablet Owners Might Buy The New Watch $GLBX",
        "Globex phones take 70 percent of Freedonia's high-end handset market $GLBX",
        "$GLBX sold 41.2 million gPhones units , under the estimates",
        "$INTK Purchase Order From A Regional Airline Group $GLBX",
        # a person's own shares
        "RT @moneydesk: A retired teacher tripled her savings after she quietly bought Globex shares $GLBX",
        "Since she bought Initech shares she has tripled her money $INTK",
        "The courier $INTK wants me to fetch a parcel myself , so I have to pick up a parcel",
        # no acquisition
        "Globex's hosting arm picks up Initech as client $GLBX",
        "Initech Bank to close 7 percent of its branches this year $INTK",
        "Globex Settles Over In-App Purchases For $20 Million $GLBX",
        "Acme Realty buys the Globex Tower office building downtown $GLBX",
        "Globex wants to take over your living room $GLBX",
        "$INTK - Initech, Vandelay Near Distribution Deal For Europe",
        "$GLBX warns holders about a mini-tender for 2M shares",
        "$GLBX Bid http://t.co/abc Also See: $INTK $VDLY $HOOLI",
        # speculation and old background
        "$INTK buyout poss by $GLBX ?",
        "Initech represents attractive takeover candidate for Globex , says Acme Research",
        "Initech insiders worry the firm is vulnerable to a hostile bid $INTK",
        "Globex Could Bid For Initech , Says Acme Securities $GLBX",
        "$GLBX's offer for $INTK was over 6 years ago ... a different world",
        "@analyst $GLBX needs to buy $INTK already",
    ],
)
def test_chatter_with_deal_words_is_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "Globex to buy Initech for $2 billion $GLBX",
        "Globex agrees to acquire Initech in all-cash deal",
        "Initech rejects Globex's $5 billion takeover bid $INTK",
        "Globex in talks to buy Initech , sources say",
        "Vandelay Sells Its Paper Unit To Globex For $300 Million",
        # an investor's stake in a news story: no personal trade
        "Carl Doe said he bought the Initech stock for investment and may buy more Initech"
        " shares , raising his stake above 9.8 pct",
    ],
)
def test_deals_stay_deals(text: str) -> None:
    assert detect_ma(NLP(text)).is_ma


def test_a_company_does_not_buy_itself() -> None:
    doc = NLP("Globex to acquire $GLBX for $2 billion , says a reader")
    linked = [
        Entity(text="Globex", label="ORG", start=0, end=6, id="GLBX"),
        Entity(text="GLBX", label="ORG", start=19, end=23, id="GLBX"),
    ]
    assert roles(detect_ma(doc, linked)) == ("Globex", None)


def test_a_lone_stop_word_is_no_party() -> None:
    assert roles(detect_ma(NLP("Globex to buy more , Initech says"))) == ("Globex", None)
