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
