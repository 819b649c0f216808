"""M&A parties in Title Case headlines (issue 13, point 3: acquirer and target are
organisations).

Families seen on real StockNet headlines: a headline's verb swallowed into the name before
it ("<regulator> Questions" read as a buyer, "<person> Interested" read as one named
"Interested Joining"); a regulator or a committee taken for a buyer; the analyst a story is
attributed to (", says <broker>") read as the acquirer; a company its own target when its
name came back with a suffix; and takeover rumours "about" a company naming nobody.

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
        # a verb said of the buyer ends the buyer's name
        ("Vexa Spends $458 Million to Buy Qintel", ("Vexa", "Qintel")),
        ("Lena Park Interested in Joining Bid to Buy Qintel for $2bn", ("Lena Park", "Qintel")),
        ("Globex Leaning Toward Buying Qintel, Sources Say", ("Globex", "Qintel")),
        # a verb said by a regulator or a critic: neither it nor its subject is a party
        (
            "Germany's Tougher Anti-Takeover Rules Imperil Globex Bid for Qintel",
            ("Globex", "Qintel"),
        ),
        ("Senate Committee to Review Globex Deal for Qintel", ("Globex", "Qintel")),
        ("FCC Drafting Order to Approve #Globex ( $GLBX)-Qintel Deal", ("Globex", "Qintel")),
        ("$GLBX says Canada now approves its $6 billion takeover of #Qintel", ("GLBX", "Qintel")),
        # "takeover rumours about Y": Y is the one talked of as a target
        ("$GLBX - Skeptics Doubt The Takeover Rumors About Qintel Ltd.", (None, "Qintel Ltd.")),
        ("Merger speculation around Qintel lifts its shares", (None, "Qintel")),
    ],
)
def test_headline_verbs_end_names_and_weighers_are_no_party(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tough Week: DOJ Questions Plan to Buy Qintel, Filing Shows",
        "Senate Committee Finally Begins Its Review of Qintel Deal",
        "FTC probes plan to buy Qintel",
    ],
)
def test_a_regulator_is_never_the_buyer(text: str) -> None:
    signal = detect_ma(NLP(text))
    acquirer = signal.acquirer.name if signal.acquirer else ""
    assert not any(word in acquirer for word in ("DOJ", "Senate", "Committee", "FTC", "Questions"))
    target = signal.target.name if signal.target else ""
    assert "Review" not in target


@pytest.mark.parametrize(
    "text",
    [
        "Qintel takeover report may weigh on peers, says Piper Jaffray: Full Story",
        "Qintel takeover report lifts rivals, said Hooli Research http://t.co/a",
        "Qintel takeover bid could come soon, according to Hooli Research.",
    ],
)
def test_the_source_a_story_is_attributed_to_is_no_party(text: str) -> None:
    signal = detect_ma(NLP(text))
    assert "Piper" not in roles(signal).__repr__()
    assert "Hooli" not in roles(signal).__repr__()


def test_a_subject_after_said_is_still_the_buyer() -> None:
    signal = detect_ma(NLP("Sources said Globex will buy Qintel for $2bn"))
    assert roles(signal) == ("Globex", "Qintel")


def test_a_company_named_again_with_its_suffix_is_not_its_own_target() -> None:
    signal = detect_ma(NLP("Qintel : buys Canadian security firm #QINTEL CORP"))
    assert signal.is_ma
    assert roles(signal)[1] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stock's move ends the name before it: the company moving is the one talked of
        ("Markets Extend Rally; Qintel Surges On Buyout Report.. http://t.co/a", (None, "Qintel")),
        # "Shows" is the headline's verb, not part of a name
        ("RT @desk: Globex Shows Merger Pact with Qintel, Will Buy for $7B Mostly in Stock", None),
        # a rival unnamed is no party
        ("RT @desk: Globex $GLBX Weighs Merger With Rival - WSJ $INTK $HOOL", ("Globex", None)),
        ("Globex Looking To Buy Qintel For $2 Billion", ("Globex", "Qintel")),
    ],
)
def test_a_stocks_move_a_headline_verb_and_an_unnamed_rival_are_no_names(
    text: str, expected: tuple[str | None, str | None] | None
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    if expected is None:
        assert "Shows" not in repr(roles(signal))
    else:
        assert roles(signal) == expected


@pytest.mark.parametrize(
    "text",
    [
        "RT @newsdesk: Globex Looks to Acquisitions in Cloud Software, Says UBS - Market Wrap",
        "Initech turning to M&A as growth slows, analysts say",
        "Amgen Takes Over #33 Spot From Globex Systems $AMGN $GLBX #stocks",
        "Initech takes over the No. 2 position in the ranking",
    ],
)
def test_a_strategy_of_deals_and_a_league_table_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma
