"""Deals told without the usual deal words (no "acquire", "merger", "takeover", "bid"):
sales, offers answered, control taken, a price paid "for it"; and posts that use those other
words for something else (attention, a customer's control, goods no longer sold, units of
equity, a buy level, a government's tender).

Docs come from the blank English tokenizer (no model): tokens as in a real post, no parse.
"""

from __future__ import annotations

import pytest
import spacy

from models.signals import Category, MASignal, Party
from streams.signals.gate import reported_deal
from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # What is sold has no name: the seller is the company sold from.
        (
            "BREAKING: Globex sells radio masts to Initech Towers for $4.2B",
            "Initech Towers",
            "Globex",
        ),
        ("Sources: Globex Is Near a Pipeline Asset Sale to Hooli", "Hooli", "Globex"),
        (
            "Globex completes crop science sale to Initech as part of its overhaul",
            "Initech",
            "Globex",
        ),
        ("Globex to Keep Its Lagos Factory Out of Sale to Initech", "Initech", "Globex"),
        ("Globex to sell UK leasing to Hooli for $9B", "Hooli", "Globex"),
        # the seller is the headline's subject, after a header
        ("$HOOL: Globex to Keep Its Lagos Factory Out of Sale to Hooli", "Hooli", "Globex"),
        ("Deals of the Day: $GLBX Nears $4 Billion Asset Sale to $INTK, and more", "INTK", "GLBX"),
        # An offer answered: the company answering is the one bought from.
        ("Initech accepts $3.1B offer for lab-testing unit", None, "Initech"),
        ("Initech accepts Globex offer for its turbine business", "Globex", "Initech"),
        ("Initech taking a hit after rejecting Globex's 'final' offer", "Globex", "Initech"),
        ("Initech spurned Globex's all-or-nothing offer late Friday", "Globex", "Initech"),
        # Control taken of a company.
        ("Globex takes control of Initech", "Globex", "Initech"),
        ("Globex Takes Full Control of Initech, and More", "Globex", "Initech"),
        # "It" is the company the post is about.
        ("4 Things About Initech and Why Globex Paid $1.9 Billion For It", "Globex", "Initech"),
        ("Initech's Lofty Valuation Prevented Globex Inc From Buying It", "Globex Inc", "Initech"),
        # A unit named by its owner: the owner is sold from.
        ("Hooli Pays $600 Million for Globex Finance's Local Arm", "Hooli", "Globex Finance"),
    ],
)
def test_deals_without_deal_words_name_both_sides(
    text: str, acquirer: str | None, target: str
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == (acquirer, target)


@pytest.mark.parametrize(
    "text",
    [
        "Lenovo-style: Globex Swallows Initech, Indigestion Ahead",
        "Initech is open to a sale, people familiar say",
        "Globex pushes ahead with its Offshore Field Sale",
        "Globex's interest in Initech Labs stirs speculation $GLBX",
        # goods as a line of business, not a trade in them
        "$GLBX: Globex agrees to sell its beef jerky business to Initech",
    ],
)
def test_deals_told_with_other_words_are_read(text: str) -> None:
    assert detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        # attention, not an interest held
        "Interest In Globex's New Tablet Soars $GLBX",
        "Suppose that fits $GLBX's interest in migraine and its new antibody",
        # a company named "... Holding", not a holding in a company
        "Cloud: Globex Teams Up With Initech Holding In Qatar - $GLBX",
        # a customer's control
        "Globex may soon offer diners more control of their orders",
        # goods no longer sold, units of equity, a price to buy at, a government's tender
        "Globex To Halt Sale Of Initech Speakers And Hooli Dongles",
        "Globex Power plans to issue and sell tangible equity units $GLBX",
        "Commented on Big Insurers Near Buy Levels, Thanks To New Rules $GLBX $INTK",
        "Ruritania to tender three offshore exploration blocks $GLBX $INTK",
        # a passive "nabbed", a company swallowing "itself"
        "Smugglers Nabbed as Banks Join Police to Trace the Money $GLBX",
        "Swallow your pride and buy the dip",
        # control of no company, a trader's buy
        "How #Globex took control of the #cloud | a columnist's view $GLBX",
        "I like $INTK more the more I read..just picked up $GLBX today",
    ],
)
def test_other_uses_of_the_words_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_it_in_capitals_is_no_stand_in() -> None:
    signal = detect_ma(NLP("Globex To Acquire IT Security Developer Initech Systems"))
    assert roles(signal) == ("Globex", "Initech Systems")


def test_a_deal_still_read_with_an_interest_or_control_held() -> None:
    assert roles(detect_ma(NLP("Globex acquires a 20 pct interest in Initech"))) == (
        "Globex",
        "Initech",
    )
    assert detect_ma(NLP("Globex sells its interest in Initech to Hooli")).is_ma
    assert detect_ma(NLP("Regulator blocks Globex sale to Initech")).status == "called_off"
    assert detect_ma(NLP("Globex moves ahead with Oil Block Sale")).status != "called_off"


def test_chatter_about_a_bid_its_target_answered_is_still_a_deal() -> None:
    text = "Initech sliding after rejecting Globex's 'final' offer. Will $GLBX walk away?"
    deal = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Globex"), target=Party(name="Initech")
    )
    chatter = Category(label="chatter", score=0.7)
    assert reported_deal(deal, chatter, text=text).is_ma
    # chatter naming the pair with no deal told or answered stays out
    assert not reported_deal(deal, chatter, text="Globex and Initech both look cheap here").is_ma


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # the company said to be a buy for another is the target
        ("$INTK could be attractive acquisition for $GLBX, advisers say", "GLBX", "INTK"),
        # a place and a description before the name bought
        ("Globex to buy Austin craft brewer Initech Ales", "Globex", "Initech Ales"),
        ("Globex to buy hepatitis B drugmaker Initech Bio for $3 billion", "Globex", "Initech Bio"),
    ],
)
def test_the_company_bought_is_the_one_named(text: str, acquirer: str, target: str) -> None:
    assert roles(detect_ma(NLP(text))) == (acquirer, target)
