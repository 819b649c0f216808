"""M&A on social posts, second round (issue 13 point 3): deals imagined, urged or asked about,
background figures, the retailer Best Buy, licensing deals and old attempts are not deals;
goods words that describe a company do not hide one.

Every post is hand-written (invented or generic companies); tokens-only Docs, no model.
"""

from __future__ import annotations

import pytest
import spacy

from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles
from tests.unit.signals.test_ma_social import _doc

NLP = spacy.blank("en")  # cashtags and hyphens split as the pipeline splits them


@pytest.mark.parametrize(
    "text",
    [
        # hypotheticals
        "If $GLBX and $INTK merged , the whole sector would reprice",
        "If Hooli pays $9B for Initech , then $3B for $VDLY is a bargain",
        "If $GLBX increases its $INTK stake we could see $40 soon",
        # open letters and urging
        "An open letter to the Globex board : go and acquire Initech $GLBX",
        "Dear Globex , please buy Initech already",
        "Vandelay and Initech really should merge , here is the case $VDLY",
        # asked about
        "Will they buy Initech next ? Globex is hungry for growth $GLBX",
        "Is $INTK a takeover target for $GLBX ? Interesting week",
        "$VDLY keeps missing estimates . A possible acquisition by $GLBX some day ?",
        "I smell a takeover coming for $INTK , maybe from $GLBX",
        "I bet $GLBX takes a stake in $INTK before Christmas",
        # the poster's own trades and regrets
        "Should have bought Initech when it was cheap $INTK",
        "Alerted members at 9am to buy . $GLBX +9 % now",
        "Jane Roe on TV : she sold $GLBX , bought Initech instead",
        "The bears taking over Globex today $GLBX",
        # pronouns and products bought
        "Globex Ring review : gorgeous , and people will buy it , no doubt $GLBX",
        "Globex sold 15 % of tablets last quarter $GLBX",
        "Carrier Telco could sell access to Hooli for a fee $HOOLI",
        "#Bullion Buying Surges As #Initech Buys $INTK",
        "Recent acquisitions and investments in cloud gaming $GLBX $INTK",
        # background figures
        "$INTK market cap is $11b . $GLBX paid $12b for Vandelay , just saying",
        # a question weighing two stocks
        "Buy Globex or Vandelay Inc. this year ? $GLBX $VDLY",
        # the retailer, not a buying word
        "Initech Hires Ex-Best Buy CFO As Marketing Chief $INTK",
        # licensing and research deals
        "Globex , Vandelay Strike $300M Immuno-Oncology Deal $GLBX",
        # analyst ratings, trades at a price, funds' positions, crowds buying
        "$GLBX.US moved to buy from hold at Acme Research",
        "Tiny $GLBX gap ... bought yesterday at 52.10 ... sold at 52.75 taking $500 profit",
        "Summit Trust Acquires $12,480,000 in Globex Inc. $GLBX Shares",
        "so many people bought shares of $GLBX near the highs . They will rush to sell",
        "Who's left to buy $GLBX here? Everyone already owns it",
        # guards for the two-cashtag and regulator deal rules (no deal before them either):
        # a hypothetical deal, a settlement
        "A hypothetical $GLBX $INTK deal : half stock , a 30% premium",
        "$GLBX Court approves Globex-US deal with a $1.2B penalty",
        # an old attempt
        "Back then Hooli tried to sell itself to Initech for $2 Million in 1998 $HOOLI",
    ],
)
def test_imagined_and_background_deals_are_not_deals(text: str) -> None:
    assert not detect_ma(_doc(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "Globex in talks to buy flu drug maker Initech $GLBX",
        "Globex to acquire chip maker Initech for $2B",
        "Best Buy to acquire Initech for $400 million",
        # a real deal is not a hypothetical because an "if" follows it
        "Globex agrees to buy Initech for $2B , if regulators approve",
        "Globex Buys It . Price ? $90 Million",
        # a rumour the poster doubts is still a rumour
        "A $GLBX takeover rumor for $INTK is making the rounds , which I suspect is false",
    ],
)
def test_real_deals_stay_deals(text: str) -> None:
    assert detect_ma(_doc(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        # old deals: "when it bought", "in late 2013"
        "RT @trader: Globex is above the level it closed at when it bought Initech ... Very bullish",
        "RT @trader: Globex bought Initech in late 2013 for a price of $500 million. Initech is "
        "worth $9 billion now.",
        # a compound adjective is no deal word
        "RT @labnews: $GLBX Reports Strong Top-Line Data Of Hospital-Acquired Infection Study",
        # lists and spreads, holders' own stock
        "$GLBX:\n\nGlobex Inc. Dropped From Freedonia's Approved Purchase List:\n\nhttp://t.co/x",
        "@big7 Limit order placed to buy the $GLBX 50/55 put spread.",
        "@trader when all of you have to sell their $GLBX and buy something else",
        "I missed the chance to acquire more $GLBX because I was away when it hit $40",
    ],
)
def test_old_deals_compounds_and_holders_trades_are_not_deals(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_a_pair_halting_merger_talks_names_both() -> None:
    assert roles(detect_ma(NLP("Globex, Initech suspend merger talks $GLBX"))) == (
        "Globex",
        "Initech",
    )


@pytest.mark.parametrize(
    "text",
    [
        "whoever bought Globex at the peak is hurting now $GLBX",
        "glad i never bought $GLBX at the top",
        "sold Initech at the lows like a genius",
    ],
)
def test_a_trade_timed_by_the_market_is_no_deal(text: str) -> None:
    assert not detect_ma(_doc(text)).is_ma
