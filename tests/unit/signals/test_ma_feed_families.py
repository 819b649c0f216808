"""Families read in the real M&A feed of StockNet's GE, T, CMCSA, AMZN and BABA posts
(issue 13, point 3): not deals (rights to a title, shopping, a rating bot, a trade up to a
price, taking over a market) and parties misread (a headline verb or an officer in a name,
a descriptor before the name, a bid priced before its target).

Every post is hand-written (invented companies); Docs from the blank English tokenizer.
"""

from __future__ import annotations

import pytest
import spacy

from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text",
    [
        "$GLBX - Globex Acquires Print the Legend Rights -> http://t.co/a #stock",
        "Globex buys the streaming rights to the league for $2bn",
        "$GLBX Which Laptops to Buy Before Black Friday Ends https://t.co/a",
        "$GLBX New Duty on Overseas Purchases Starts in April, Shoppers Warned https://t.co/a",
        '"@someone: Great, my broker says go ahead and buy Globex up to $45 on Monday!! $GLBX"',
        "Vetr Inc. Lowers Globex Group Holding Ltd (GLBX) to Buy https://t.co/a $GLBX",
        "Globex is adding in-house apparel brands as it sets out to take over fashion",
    ],
)
def test_rights_shopping_ratings_trades_and_markets_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$GLBX Globex Chief Touts Public Interest in Initech Bid", ("Globex", "Initech")),
        ("$GLBX: [video] Globex CEO Stephenson Pushing to Buy Initech", ("Globex", "Initech")),
        ("$GLBX Jay Mercer Said to Bid $350 Million for Initech Cable Channel", None),
        (
            "$GLBX's foray into media goes on with acquisition of TV production house Initech Media",
            ("GLBX", "Initech Media"),
        ),
    ],
)
def test_officers_verbs_descriptors_and_prices_are_not_read_as_names(
    text: str, expected: tuple[str, str] | None
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    if expected is None:
        assert roles(signal) == ("Jay Mercer", "Initech Cable Channel")
    else:
        assert roles(signal) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$GLBX - Breakup Fee Drove Initech Merger Negotiations -> http://t.co/a",
        "$GLBX $INTK Globex deal Supports Initech stock with Acquisition hope",
        "RT @desk: $GLBX $INTK Hearing Market Chatter of Globex $64/Share Offer for Initech",
    ],
)
def test_a_verb_or_a_price_unit_is_no_party(text: str) -> None:
    named = repr(roles(detect_ma(NLP(text))))
    assert not any(word in named for word in ("Drove", "Supports", "Share"))


def test_a_deal_for_a_company_is_still_a_deal_beside_rights_to_its_patents() -> None:
    signal = detect_ma(NLP("Globex acquires Initech, gaining the rights to its chip designs"))
    assert signal.is_ma


# Read in the real M&A feed of BAC, C, WFC, JNJ, MRK, ABBV, VZ, ORCL, QCOM, HD, MCD, CVX, BA.


@pytest.mark.parametrize(
    "text",
    [
        "Defense agencies tighten acquisition cybersecurity as auditors flag open gaps $GLBX",
        "$GLBX Globex Licensed by Regulators to Sell Spare Parts to Regional Airlines http://t.co/a",
        "#Globex to Sell LNG to Initech Utilities Under 10-Year Pact via @FT http://t.co/a",
        "$GLBX Globex Energy to purchase coastal land in Oregon for a grid link",
        "Marathon Investor: sold $GLD $GLBX bought $INTK (May 2). Approach: http://t.co/a",
        "Odd. $GLBX CFO quietly selling his shrs in the company while buying $INTK.",
        "$GLBX [video] Globex Bank will pay $1.1 billion over criminal tax charges http://t.co/a",
        "Reporting season picks up pace this week with $GLBX, $INTK and $HOOL due",
        "RT @Globex: More than half of web orders now get picked up in stores, says our COO. $GLBX",
    ],
)
def test_procurement_goods_land_trades_fines_and_idioms_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UPS to buy Coyote Logistics for $1.8bn", ("UPS", "Coyote Logistics")),
        ("Globex Raises Offer for Initech to $51.5 Billion..", ("Globex", "Initech")),
        (
            "Globex Begins Tender Offer to Acquire Initech, Its Longtime Chip Supplier",
            ("Globex", "Initech"),
        ),
        (
            "RT @desk: Hooli close to acquiring Initech Castparts, WSJ reports $INTK",
            ("Hooli", "Initech Castparts"),
        ),
        ("Hedge Funds Cash In As $GLBX Acquires $INTK For $7 Billion", ("GLBX", "INTK")),
    ],
)
def test_a_shippers_name_a_raised_offer_a_tender_and_a_source_are_read_right(
    text: str, expected: tuple[str | None, str]
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Investors Hire Bank of Globex to Finance Initech Bid $GLBX",
        "Globex's Decision To Sell Its Paints Unit Looks Smart",
    ],
)
def test_investors_hires_and_decisions_are_no_party(text: str) -> None:
    named = repr(roles(detect_ma(NLP(text))))
    assert not any(word in named for word in ("Investors", "Hire", "Decision")), named


def test_an_analyst_upping_a_rating_is_still_no_deal() -> None:
    assert not detect_ma(NLP("Analyst Ups Globex to Buy")).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "RT @someone: *Breaking: Globex to Buy Boko Haram for $3.2 Billion $GLBX http://t.co/a",
        "Globex to buy Greece for $300 billion $GLBX",
    ],
)
def test_buying_a_country_or_an_armed_group_is_a_joke_not_a_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "CSR Ltd has agreed to sell its Delhi Australia Fund to Esso for 985 mln dlrs",
        "Globex said it hoped to make small acquisitions in the US and bought Initech Corp",
    ],
)
def test_a_place_in_a_real_deal_does_not_make_it_a_joke(text: str) -> None:
    assert detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "#Globex closes #Initech deal; skepticism about its October report",
            ("Globex", "Initech"),
        ),
        (
            "Reuters: Globex-Initech deal not dead yet, sources say http://t.co/a $GLBX",
            ("Globex", "Initech"),
        ),
    ],
)
def test_a_named_deal_closed_or_whose_fate_is_told_is_a_deal(
    text: str, expected: tuple[str, str]
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Globex closes Initech financing deal",
        "Globex closes its biggest grid storage deal so far",
        "Globex-Initech supply deal not dead yet",
    ],
)
def test_other_kinds_of_deal_closed_are_still_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Breaking: Globex to Buy Part of Initech's Lighting Equipment Business for $1.4 Billion",
            ("Globex", "Initech"),
        ),
        ("$INTK - Globex Says Profit Rises, Gives Details on Initech Beauty Merger", None),
    ],
)
def test_a_part_of_a_company_and_a_headline_verb_are_read_right(
    text: str, expected: tuple[str, str] | None
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    if expected is None:
        assert not any(w in repr(roles(signal)) for w in ("Gives", "Details")), roles(signal)
    else:
        assert roles(signal) == expected
