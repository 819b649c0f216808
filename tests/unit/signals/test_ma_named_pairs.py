"""A deal named by its two parties (issue 13 point 3, session 10).

A remark on a deal the post names by both parties ("due to the $GLBX $INTK deal right?") is
M&A under the labelling guidelines even when the post is chatter: the gate keeps it. The
pair is read from the nouns of a deal one party makes too ("the $GLBX $INTK acquisition"),
from two watched names side by side and from "X and Y" before a deal noun; a verb of harm
in a Title Case headline ends a name ("Debacle Destroy Globex - Initech Merger"), and a
company written as a handle with a hyphen ("@Hoo-Li") is a name.

A deal between two named parties told as a fact or a rumour, in a sentence with no question,
wish, advice or share talk and a buyer not named like a fund, is kept too ("Why Globex bought
the Initech Morning Post", "Globex could buy Initech power division").

Every post is hand-written (invented or generic companies); tokens-only Docs, no model.
"""

from __future__ import annotations

import pytest
import spacy

from models.signals import Category, MASignal, Party
from streams.signals.gate import names_the_deal, reported_deal, told_as_fact
from streams.signals.ma import detect_ma
from tests.unit.signals.support import entities, roles

NLP = spacy.blank("en")
CHATTER = Category(label="chatter", score=0.6)


def _deal(acquirer: str, target: str) -> MASignal:
    return MASignal(
        is_ma=True,
        score=0.9,
        acquirer=Party(name=acquirer),
        target=Party(name=target),
        status="announced",
    )


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("///desk: Due to the $GLBX $INTK merger right? $HOOL", "GLBX", "INTK"),
        ("Will the slump destroy the Globex - Initech Merger?  $GLBX $INTK", "Globex", "Initech"),
        ("Only way to describe the $GLBX $INTK acquisition? diWORSification", "GLBX", "INTK"),
        (
            "Globex $GLBX Initech $INTK Merger Could Cost 10,000 Jobs, Analyst Says",
            "Globex",
            "Initech $INTK",
        ),
        (
            "2 Reasons The Globex and Initech Systems Merger May Not Happen",
            "Globex",
            "Initech Systems",
        ),
        ("Now we know why $GLBX purchase of Initech was denied?", "GLBX", "Initech"),
        ("Why Globex's takeover of Initech will fail, in one chart", "Globex", "Initech"),
        ("how many jobs would go with a $GLBX/$INTK cable merger?", "GLBX", "INTK"),
    ],
)
def test_chatter_about_a_deal_named_by_both_parties_is_reported(
    text: str, acquirer: str, target: str
) -> None:
    deal = _deal(acquirer, target)
    assert names_the_deal(text, deal)
    assert reported_deal(deal, CHATTER, text=text) == deal


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # a deal someone imagines: no deal noun naming the pair
        ("Could Globex ( $GLBX ) Buy Initech ( $INTK )?", "Globex", "Initech"),
        ("$GLBX should just acquire $INTK if it wants to win in payments", "GLBX", "INTK"),
        ("3 Reasons Globex Inc. Shouldn't Acquire Initech Inc.", "Globex Inc.", "Initech Inc."),
        ("Wish Globex buys Initech Maps, would be a huge plus", "Globex", "Initech Maps"),
        # capitalised words between a party and the noun are not a described deal
        ("Globex Needs A Deal With Initech", "Globex", "Initech"),
        # the names apart
        ("$GLBX up 3%, $HOOL down. Initech deal talk again", "GLBX", "Initech"),
    ],
)
def test_imagined_deals_stay_gated(text: str, acquirer: str, target: str) -> None:
    deal = _deal(acquirer, target)
    assert not names_the_deal(text, deal)
    assert not reported_deal(deal, CHATTER, text=text).is_ma


def test_spam_naming_a_pair_stays_gated() -> None:
    text = "$GLBX $INTK merger coming!!! get in before the news 🚀🚀 $PENNY"
    deal = _deal("GLBX", "INTK")
    assert names_the_deal(text, deal)
    assert not reported_deal(deal, Category(label="spam", score=0.8), text=text).is_ma


def test_a_deal_without_both_parties_names_nothing() -> None:
    one = MASignal(is_ma=True, score=0.9, acquirer=Party(name="Globex"))
    assert not names_the_deal("the Globex deal", one)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only way to describe the $GLBX $INTK acquisition? diWORSification", ("GLBX", "INTK")),
        ("Shares slip after the $GLBX $INTK buyout closes", ("GLBX", "INTK")),
        (
            "2 Reasons The Globex and Initech Systems Deal May Not Happen",
            ("Globex", "Initech Systems"),
        ),
        ("Will Weak Sales Destroy Globex - Initech Merger? $GLBX", ("Globex", "Initech")),
        ("RT @desk: . @Hoo-Li buys stake in Initech Beverage", ("@Hoo-Li", "Initech Beverage")),
        # a name and its own ticker are one party
        ("Globex walks away from the Initech $INTK takeover", ("Globex", "Initech")),
    ],
)
def test_pair_readings(text: str, expected: tuple[str, str]) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected


def test_two_watched_names_side_by_side_are_a_pair() -> None:
    text = "Analysts cheer the Globex Initech acquisition as shares rise"
    signal = detect_ma(
        NLP(text),
        entities(text, ("Globex", "ORG", "company:GLBX"), ("Initech", "ORG", "company:INTK")),
    )
    assert roles(signal) == ("Globex", "Initech")


def test_a_watched_name_with_and_is_one_party() -> None:
    text = "Regulators clear the Johnson and Johnson Initech acquisition"
    linked = entities(
        text, ("Johnson and Johnson", "ORG", "company:JNJ"), ("Initech", "ORG", "company:INTK")
    )
    assert roles(detect_ma(NLP(text), linked)) == ("Johnson and Johnson", "Initech")


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        (
            "Why Globex bought the Initech Morning Post $GLBX https://t.co/x",
            "Globex",
            "Initech Morning Post",
        ),
        ("#Globex Acquiring #Initech Channel #MakerLabs $GLBX", "Globex", "Initech Channel"),
        (
            "$GLBX buys Initech VR and its stock slides. Odd. Why is the street so gloomy?",
            "GLBX",
            "Initech VR",
        ),
        (
            "RT @desk: . @Hoo-Li buys stake in Initech Beverage @InitechBev",
            "@Hoo-Li",
            "Initech Beverage",
        ),
    ],
)
def test_chatter_telling_a_deal_as_a_fact_is_reported(
    text: str, acquirer: str, target: str
) -> None:
    deal = _deal(acquirer, target)
    assert told_as_fact(text, deal)
    assert reported_deal(deal, CHATTER, text=text) == deal


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("Could Globex ( $GLBX ) Buy Initech ( $INTK )?", "Globex", "Initech"),
        (
            "$GLBX buys $INTK just to annoy its investors further? Might do the trick.",
            "GLBX",
            "INTK",
        ),
        (
            "Why did Vandelay Capital buy Initech Petroleum? -> http://t.co/z",
            "Vandelay Capital",
            "Initech Petroleum",
        ),
        ("Globex to buy Initech? Unlikely, says a bank", "Globex", "Initech"),
        ("I think Globex buys Initech this year", "Globex", "Initech"),
        ("Wish Globex buys Initech Maps, would be a huge plus", "Globex", "Initech Maps"),
        ("Soros Fund Management buys 500K shares of Initech", "Soros Fund Management", "Initech"),
        ("Vandelay buys more Initech shares", "Vandelay", "Initech"),
        # the parties never in one sentence
        ("Globex is on a roll. Initech deal next, says a trader", "Globex", "Initech"),
        # a prediction, a possibility, a want: not a purchase told
        ("Globex will eventually buy Initech. $GLBX $INTK", "Globex", "Initech"),
        ("2 Reasons Globex Will Buy Initech http://t.co/w via @desk", "Globex", "Initech"),
        ("$GLBX could buy BEATS, Initech, Hooli with its cash pile", "GLBX", "BEATS"),
        ("Globex Electric could buy Initech power division $GLBX", "Globex Electric", "Initech"),
        ("reasons why $GLBX wants to buy $INTK. All that stuff is moonshine", "GLBX", "INTK"),
        ("Thought $GLBX might buy $INTK. Buyout would be great", "GLBX", "INTK"),
        # advice and trades
        ("Vandelay says to buy $GLBX plus these 7 #stocks this week", "Vandelay", "GLBX"),
        (
            "Shorted $GLBX at $318 bought some Friday, adding weekly puts too",
            "Shorted $GLBX",
            "some",
        ),
        (
            "US Swing Portfolio, buying $INTK, selling $GLBX at end of day",
            "US Swing Portfolio",
            "INTK",
        ),
        (
            "Dan is bearish, so @trader is buying the $GLBX April 65/60 put fly",
            "@trader",
            "April 65/60",
        ),
        # two companies' bare "deal" is as often a partnership
        ("$HOOL stock plunged 11% today after $GLBX $INTK deal announcement", "GLBX", "INTK"),
    ],
)
def test_imagined_deals_and_positions_are_not_told_as_facts(
    text: str, acquirer: str, target: str
) -> None:
    deal = _deal(acquirer, target)
    assert not told_as_fact(text, deal)
    assert not names_the_deal(text, deal)
    assert not reported_deal(deal, CHATTER, text=text).is_ma


def test_a_generic_buyer_is_no_party() -> None:
    signal = detect_ma(NLP("Customers have to make a reservation to buy Initech Watch online"))
    assert roles(signal)[0] is None


@pytest.mark.parametrize(
    "text",
    [
        "Dial-Up for Dollars? Globex Buys Initech for $4.4B",
        "Globex to buy Initech in a deal worth billions of dollars",
    ],
)
def test_dollars_in_a_pun_or_a_deal_value_are_not_currency_trading(text: str) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == ("Globex", "Initech")


def test_buying_dollars_is_still_currency_trading() -> None:
    assert not detect_ma(NLP("Central bank buys dollars to stem the yen's rise")).is_ma


def test_a_contract_up_for_grabs_is_no_deal() -> None:
    text = "$GLBX - Billions of Dollars Now Up for Grabs in Largest-Ever Navy Radar Contract"
    assert not detect_ma(NLP(text)).is_ma
    assert detect_ma(NLP("Initech unit up for grabs as Globex weighs a bid")).is_ma
