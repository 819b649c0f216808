"""M&A roles named around a deal noun (issue 13, point 3: both parties right on true deals).

Shapes of true deals that were found with no parties, or a description for a target: a glued
pair before a described deal ("the Globex-Initech tax inversion deal"), a deal "with" or
priced "for" a name ("Globex Nears Deal With Initech", "deal at $108/sh for $INTK"), a
platform bought "from" a named seller, "X's Y bid" / "X weighs Y bid", and a company
weighing its own sale ("Initech hires Goldman to explore sale": Initech the target). A bid
whose subject's shares move on it stays open ("Initech shares jump on Globex bid").

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
        (
            ".@someone talks about the Globex-Initech tax inversion deal in his latest video!",
            ("Globex", "Initech"),
        ),
        ("Analyst: the Globex-Initech cable merger faces review $GLBX", ("Globex", "Initech")),
        (
            "BREAKING: Globex proposes cash & stock deal at $108/sh for $INTK; holders get $42",
            ("Globex", "INTK"),
        ),
        ("$GLBX - Reports: Globex Nears Deal With Initech -> http://t.co/a", ("Globex", "Initech")),
        (
            "RT @desk: Globex Sachs $GS to Buy Consumer Lending Platform from Initech $INTK",
            ("Globex Sachs", "Initech"),
        ),
        ("Globex weighs Initech bid", ("Globex", "Initech")),
        ("Globex's Initech bid faces scrutiny", ("Globex", "Initech")),
        ("Globex considers sweetened Initech bid after rebuff", ("Globex", "Initech")),
    ],
)
def test_parties_named_around_a_deal_noun(text: str, expected: tuple[str, str]) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Initech shares jump on Globex bid",  # who bids for whom is open
        "Globex Initech bid",  # one run: no telling the parties apart
    ],
)
def test_a_bid_whose_parties_the_words_leave_open_names_none(text: str) -> None:
    assert roles(detect_ma(NLP(text))) == (None, None)


def test_a_description_bought_from_its_founders_names_no_target() -> None:
    signal = detect_ma(NLP("Globex buys Discount Travel Site from its founders"))
    assert roles(signal) == ("Globex", None)


@pytest.mark.parametrize(
    "text",
    [
        "$HOOL: Initech hires Goldman to explore sale-sources, two bankers say http://t.co/a",
        "Initech explores sale after activist pressure",
        "Initech is exploring a sale, people familiar say",
        "Initech weighs sale of the company",
        "Initech hires advisers to explore sale of its chip unit",
    ],
)
def test_a_company_weighing_its_own_sale_is_the_target_and_its_adviser_no_party(
    text: str,
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == (None, "Initech")


def test_a_lone_stake_is_in_the_headlines_company_not_the_feeds_ticker_tag() -> None:
    text = "$HOOL - Initech to Lift Payouts After Vandelay Partners Takes Stake http://t.co/x"
    assert roles(detect_ma(NLP(text))) == ("Vandelay Partners", "Initech")


@pytest.mark.parametrize(
    "text",
    [
        "$HOOL:US Hooli Asks Court To Quash Utah AG's Trial Bid In Search Ads Dispute #HOOLI INC",
        "Senator launches re-election bid in Ohio as Hooli lobbies",
    ],
)
def test_a_bid_in_a_court_or_an_election_is_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_a_takeover_bid_cleared_by_a_court_stays_a_deal() -> None:
    signal = detect_ma(NLP("Globex wins court approval for Initech bid"))
    assert signal.is_ma and roles(signal) == ("Globex", "Initech")


@pytest.mark.parametrize(
    "text",
    [
        "RT @desk: FACTBOX: Smart money buys $GLBX, $INTK, $HOOL and sells $VAND http://t.co/x",
        '"@someone: $HOOL look closely, CONTENT ACQUISITION is the game $GLBX keeps playing"',
        "Globex Corp. Gets Price Target From Initech Bank (Ranked 22nd) to Buy with 80 PT $GLBX",
        "$GLBX Globex Freight to Acquire 30 More $HOOL 777F Jets for Its Fleet http://t.co/x",
        "Unsure whether to buy Globex stock? This flowchart helps you pick http://t.co/x $GLBX",
    ],
)
def test_fund_trades_content_ratings_fleets_and_advice_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_startups_acquired_and_a_price_target_beside_a_deal_stay_deals() -> None:
    assert detect_ma(NLP("Globex acquires two startups in AI push")).is_ma
    signal = detect_ma(NLP("Globex to buy Initech for $2bn; analysts raise price target"))
    assert signal.is_ma and roles(signal) == ("Globex", "Initech")


@pytest.mark.parametrize(
    "text",
    [
        "Globex acquires 51% of Initech",
        "Globex acquires 51 pct of Initech for $2bn",
        "Globex buys 20 percent of Initech",
    ],
)
def test_a_share_bought_of_a_company_names_the_company(text: str) -> None:
    assert roles(detect_ma(NLP(text))) == ("Globex", "Initech")


@pytest.mark.parametrize(
    "text",
    [
        "$HOOL - Hooli plans major job cuts after Initech acquisition -> http://t.co/x #stock",
        "Hooli takes $2bn charge following Initech acquisition",
        "@someone $INTK one more pick.. Ugly chart to buy.. but teamed with $HOOL on a drug combo.",
    ],
)
def test_cuts_after_a_named_deal_done_and_a_chart_to_buy_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "Hooli shares jump after Initech acquisition",
        "Hooli to buy Initech after Globex acquisition collapses",
        "Globex: takeover rumours, brand strength and a level to buy for fresh money $GLBX",
    ],
)
def test_a_deal_beside_after_or_a_buying_level_stays_a_deal(text: str) -> None:
    assert detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "RT @desk: Hooli Spent $4.1 Billion on its Server Farms Last Year http://t.co/x",
        "RT @desk: Hooli has acquired 87 companies since its launch. Full rundown inside",
        "$HOOL A Look At Tech Acquisitions: Globex Inc., Hooli Inc, Initech Inc, etc",
        "$HOOL Globex and Hooli Bid to Rewire Your Living Room http://t.co/x",
        "$HOOL Buying a Secondhand Camper: a guide in four simple steps http://t.co/x",
    ],
)
def test_own_spending_deal_counts_explainers_other_bids_and_how_tos_are_no_deal(
    text: str,
) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "Hooli pays $2bn for Initech",
        "Hooli spends $500m on Initech stake",
        "Globex makes bid to create world's largest brewer with Initech takeover",
        "Globex Takes Bid to Initech Shareholders",
    ],
)
def test_payments_for_a_company_and_bids_for_one_stay_deals(text: str) -> None:
    assert detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$HOOL - Globex Was Right To Buy Initech - Just Look At It -> http://t.co/x", "Globex"),
        ("$HOOL [video] Jim Roe: I Trust Globex's Acquisition of Initech, CEO's Plans", "Globex"),
    ],
)
def test_a_predicate_or_a_pronouns_verb_is_no_acquirer(text: str, expected: str) -> None:
    assert roles(detect_ma(NLP(text))) == (expected, "Initech")


def test_a_description_then_its_tag_names_the_target() -> None:
    text = "RT @desk: Hooli $HOOL Acquires Home Camera Startup #Qintel For $1.4 Billion"
    assert roles(detect_ma(NLP(text)))[1] == "Qintel"


@pytest.mark.parametrize(
    "text",
    [
        "RT @desk Hooli spends $10 billion a year on R&D. And it has acquired 1 company a week",
        "Interesting: there is a crazy theory going around that says Hooli will acquire Initech",
        "RT @desk: Why everyone suddenly thinks Hooli will acquire Initech $HOOL $INTK",
        "Whenever a name slumps, $HOOL $GLBX get floated as buyers. No one is buying $INTK though",
        "Someone paid $12 for the Hoolicom domain. Here's how Hooli got it back $HOOL",
        'Desk says "Globex could leapfrog Hooli & Vandelay by acquiring Initech" $GLBX',
        "RT @someone: Time for a $HOOL acquisition. The crew needs additional resources.",
        "RT @someone: Everyone who owns $INTK wants $GLBX or $HOOL to buy it.",
    ],
)
def test_counts_crowd_guesses_wishes_and_domains_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_a_deal_denied_in_title_case_names_the_buyer_and_wanting_to_buy_stays_a_deal() -> None:
    assert roles(detect_ma(NLP("Globex Isn't Going to Buy Initech: http://t.co/x"))) == (
        "Globex",
        "Initech",
    )
    assert detect_ma(NLP("Globex wants to buy Initech, sources say")).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "DailyNote 3/9/15: $HOOL Bought Your Panic, and Insiders See Much More Than You Do",
        "RT @desk: The Hooli Exec In Charge Of Buying Companies Met With Initech CEO Jane Roe",
        "@show $HOOL $INTK My take = Merger Wave / Cable + Wireless Bandwidth, World Buy $GLBX",
        "$HOOL: A Globex Inc Acquisition Now Makes Perfect Sense, Here's Why http://t.co/x",
        "After the Government Bans Purchases Of Hooli Devices, Is Initech In Catbird Seat?",
        "The 50 biggest institutional holders of $HOOL own a 1.8% stake each, on average",
    ],
)
def test_fear_a_role_a_take_a_verdict_consumer_purchases_and_holdings_are_no_deal(
    text: str,
) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$HOOL - The Real Reason Hooli Is Acquiring Initech For $3.2B -> http://t.co/x",
            ("Hooli", "Initech"),
        ),
        ("$HOOL confirms it buys Initech and I admit I still dislike Initech", ("HOOL", "Initech")),
        ("Yet Another $HOOL Acquisition! #PinMapper http://t.co/x", ("HOOL", None)),
        ("Hooli acquisitions hint at worries over device sales $HOOL", ("Hooli", None)),
        (
            "$HOOL - Globex grilled in Senate hearing on its merger plans -> http://t.co/x",
            (None, None),
        ),
    ],
)
def test_framing_words_pronouns_plural_deals_and_a_chamber_are_read_right(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert roles(detect_ma(NLP(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Best for $HOOL was to buy $INTK back when its shares were cheap, years ago.",
        "$HOOL - MARKET SNAPSHOT: Stocks Rise On Merger Monday, Oil Slides",
        "RT @desk: Hooli has enough cash to buy Globex, Initech, Vandelay and Acme.",
        "Hooli Stock Reaffirmed As Buy At Northwind Bank, Ahead Of Q3 Earnings $HOOL",
    ],
)
def test_hindsight_a_market_wrap_a_war_chest_and_a_rating_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wall Street Breakfast: Globex, Initech Confirm €26B Mega-Merger", ("Globex", "Initech")),
        ("RT NewsDesk: $HOOL up on sales, $INTK takeover, $GLBX acquisition", (None, "INTK")),
        ("Stock movers: $HOOL soars; $INTK buyout; $GLBX sues $VAND; $ACME slides", (None, "INTK")),
        (
            "Globex CEO couldn't merge with Initech, so he now plans to make phones instead.",
            ("Globex", "Initech"),
        ),
    ],
)
def test_a_mega_merger_a_retweet_source_another_clause_and_a_title_are_no_party(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert roles(detect_ma(NLP(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "RT @someone: my bet is $HOOL is due for a takeover of Initech",
        "RT @desk: Globex to merge business units covering gaming and retail licensing",
        "RT @someone: RIP Jane Roe. An inspiration in the 80's. Rescued $HOOL from a hostile bid.",
        "Solid opp to buy $HOOL here... not some fad brand",
        "Hooli Co. Initiated Coverage by Northwind Bank (Ranked 75th) to Buy $HOOL #HOOL",
        "$HOOL to pay $215 million for deceptive billing tactics, regulator says http://t.co/x",
        "RT @desk: $GLBX Globex to Buy $2.4 Billion of Debt as Part of Mortgage-Bond Accord",
        "RT @someone: #TBT Nov 2001: My old company $HOOL announced the merger of two banks",
        "Jane Roe says $HOOL spends $6 billion a year on #tech #davos",
        "Screener hits - Breakout Buy Setup this morning: $HOOL $GLBX $INTK $VAND",
    ],
)
def test_guesses_reorganisations_old_times_settlements_paper_and_scans_are_no_deal(
    text: str,
) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "RT @desk: Globex buys Maker Studios, the company behind those videos",
            ("Globex", "Maker Studios"),
        ),
        (
            "$HOOL - Globex to Announce Official Offer for Initech Within Days",
            ("Globex", "Initech"),
        ),
        (
            "$HOOL - Initech Again Rejects Takeover Bid by Globex -> http://t.co/x",
            ("Globex", "Initech"),
        ),
        # the exchange it is listed on is no party; the company named before it buys
        (
            "The Globex Company $GLBX #NYSE to Acquire Maker Studios",
            ("Globex Company", "Maker Studios"),
        ),
    ],
)
def test_a_name_that_starts_with_maker_an_offer_by_and_an_exchange_are_read_right(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert roles(detect_ma(NLP(text))) == expected
