"""A deal reading is reported only when the post is not spam or chatter."""

import pytest

from models.signals import Category, MASignal, Party
from streams.signals.gate import is_social, reported_deal

DEAL = MASignal(
    is_ma=True,
    score=0.85,
    acquirer=Party(name="Globex"),
    target=Party(name="Initech"),
    status="rumour",
)


@pytest.mark.parametrize("label", ["spam", "chatter"])
def test_spam_and_chatter_are_not_reported_as_deals(label: str) -> None:
    gated = reported_deal(DEAL, Category(label=label, score=0.6))  # type: ignore[arg-type]
    assert not gated.is_ma
    assert gated.status is None
    assert gated.score == DEAL.score  # the reading stays visible
    assert gated.acquirer == DEAL.acquirer


@pytest.mark.parametrize("label", ["news", "other"])
def test_news_and_other_keep_the_deal(label: str) -> None:
    assert reported_deal(DEAL, Category(label=label, score=0.6)) == DEAL  # type: ignore[arg-type]


def test_a_filing_is_never_overruled() -> None:
    assert reported_deal(DEAL, Category(label="chatter", score=0.9), filing=True) == DEAL


def test_no_deal_stays_no_deal() -> None:
    none = MASignal(is_ma=False, score=0.2)
    assert reported_deal(none, Category(label="chatter", score=0.9)) == none


def test_newswire_keeps_the_rules_verdict() -> None:
    chatter = Category(label="chatter", score=0.9)
    assert reported_deal(DEAL, chatter, social=False) == DEAL


@pytest.mark.parametrize(
    ("source", "text", "social"),
    [
        ("twitter", "x" * 2000, True),
        ("mastodon", "short", True),
        ("rss", "short", False),
        ("edgar", "short", False),
        ("unknown", "a short post", True),
        ("unknown", "a long story " * 100, False),
    ],
)
def test_what_counts_as_social(source: str, text: str, social: bool) -> None:
    assert is_social(source, text) is social


CHATTER = Category(label="chatter", score=0.6, signal=0.1)
TICKERS = DEAL.model_copy(update={"acquirer": Party(name="GLBX"), "target": Party(name="INTK")})


@pytest.mark.parametrize(
    "text",
    [
        "RT @desk: $GLBX in talks to acquire $INTK for ~$55/sh cash, calls flying: sources",
        "$GLBX agrees to buy $INTK, puts get crushed",
        "$GLBX bids for $INTK. If the two combine, watch the suppliers",
        "$HOOL $CTSO: $GLBX takes $400M stake in $INTK: http://t.co/x1",
        "$GLBX took a 12% stake in $INTK, weeklies ripping",
    ],
)
def test_chatter_reporting_talks_an_agreement_a_bid_or_a_stake_keeps_the_deal(text: str) -> None:
    assert reported_deal(TICKERS, CHATTER, text=text).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "Is $GLBX in talks to acquire $INTK? calls flying",
        "$GLBX should be in talks to acquire $INTK, puts are cheap",
        "imo $GLBX agrees to buy $INTK by summer",
        "Could it be that $GLBX bids for $INTK soon? calls are cheap",
        "I think $GLBX takes a stake in $INTK next",
    ],
)
def test_chatter_asking_or_guessing_is_no_deal(text: str) -> None:
    assert not reported_deal(TICKERS, CHATTER, text=text).is_ma


def test_a_fund_taking_a_stake_is_a_position() -> None:
    fund = TICKERS.model_copy(update={"acquirer": Party(name="Northwind Capital")})
    text = "Northwind Capital takes 5% stake in $INTK, shares up"
    assert not reported_deal(fund, CHATTER, text=text).is_ma


NAMED = DEAL.model_copy(update={"acquirer": Party(name="Globex"), "target": Party(name="Initech")})


@pytest.mark.parametrize(
    "text",
    [
        # the headline's announcement, the buyer right before "to"
        "Globex to buy Initech for $40 a share in cash, my calls print",
        # the target's own ticker before its name; a price per share is no share talk
        "$GLBX Globex in talks to buy $INTC Initech for $9B, $31 a share!! who else bids?",
        # a stake in a company described with a place abbreviation
        "Globex buys stake in U.S. payments startup Initech\nhttp://t.co/x1",
        # a company's stake raised
        "Globex raises stake in Initech http://t.co/x1 #premarket $GLBX $INTK",
        # the target between the buyer's possessive and the deal noun
        "Globex's Initech Acquisition: money well spent? http://t.co/x1 - $GLBX",
    ],
)
def test_chatter_telling_a_deal_another_way_keeps_it(text: str) -> None:
    assert reported_deal(NAMED, CHATTER, text=text).is_ma


def test_a_ticker_before_another_name_is_not_the_targets_own() -> None:
    licensed = NAMED.model_copy(update={"target": Party(name="Zeta-9")})
    text = "$GLBX buys into $HOOL Zeta-9 in lymphoma for $300M upfront"
    assert not reported_deal(licensed, CHATTER, text=text).is_ma


RUMOURED = DEAL.model_copy(update={"acquirer": None, "target": Party(name="INTK")})


@pytest.mark.parametrize(
    "text",
    [
        "$INTK popping on fresh takeover chatter",
        "$INTK ripping again, buyout rumors? lol",
        "Anyone know if the rumor of a takeover of $INTK by a big chipmaker is real?",
    ],
)
def test_chatter_about_a_rumoured_deal_for_a_named_company_keeps_it(text: str) -> None:
    assert reported_deal(RUMOURED, CHATTER, text=text).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "Could $INTK be the next takeover target? I think so",  # a guess, not a rumour
        "Buyout chatter everywhere today, biotech names flying",  # the target is not named
    ],
)
def test_a_guess_or_a_rumour_naming_no_target_stays_gated(text: str) -> None:
    assert not reported_deal(RUMOURED, CHATTER, text=text).is_ma


def test_a_fund_raising_its_stake_is_a_position() -> None:
    fund = NAMED.model_copy(update={"acquirer": Party(name="Northwind Asset Management")})
    text = "Northwind Asset Management raises stake in Initech $INTK"
    assert not reported_deal(fund, CHATTER, text=text).is_ma
