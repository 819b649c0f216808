"""M&A parties in Title Case headlines (issue 13, point 3: acquirer and target are
organisations).

Read on real StockNet headlines: a headline's verb was swallowed into the name before it
("DOJ Questions -> TWC", "Senate Committee Begins -> Review of Comcast", "Oprah Winfrey
Interested -> Joining", "Anti-Takeover Powers Imperil GE"); a regulator or committee was
taken for a buyer; the analyst a story is attributed to ("..., says Piper Jaffray") was the
acquirer; a company was its own target when its name came back with a suffix ("Intel :
buys ... #INTEL CORP"); and "Takeover Rumors About BlackBerry" named nobody.

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
        ("Oprah Winfrey Interested in Joining Bid to Buy Qintel", ("Oprah Winfrey", "Qintel")),
        ("Globex Leaning Toward Buying Qintel, Sources Say", ("Globex", "Qintel")),
        # a verb said by a regulator or a critic: neither it nor its subject is a party
        ("France's New Anti-Takeover Powers Imperil Globex Bid for Qintel", ("Globex", "Qintel")),
        ("Senate Committee to Review Globex Deal for Qintel", ("Globex", "Qintel")),
        ("FCC Drafting Order to Approve #Globex ( $GLBX)-Qintel Deal", ("Globex", "Qintel")),
        ("$GLBX says U.S. approves its $9 billion takeover of #Qintel", ("GLBX", "Qintel")),
        # "takeover rumours about Y": Y is the one talked of as a target
        ("$GLBX - Don't Believe The Takeover Rumors About Qintel Ltd.", (None, "Qintel Ltd.")),
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
        "Crunch Time: DOJ Questions Plan to Buy Qintel",
        "Senate Committee Begins Its Review of Qintel Deal",
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
        "Qintel takeover report could pressure rivals, says Piper Jaffray: Full Story",
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
        ("Stocks Add To Gains; Qintel Surges On Buyout News.. http://t.co/a", (None, "Qintel")),
        # "Shows" is the headline's verb, not part of a name
        ("RT @desk: Globex Shows Merger Pact with Qintel, Will Buy for $4B in Cash", None),
        # a rival unnamed is no party
        ("RT @desk: Globex $GLBX Considers Merger With Rival - WSJ $HQP", ("Globex", None)),
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
        "RT @techblog: Globex Looks to Acquisitions in Security, Says UBS - Tech Trader Daily",
        "Initech turning to M&A as growth slows, analysts say",
        "Amgen Takes Over #33 Spot From Globex Systems $AMGN $GLBX #stocks",
        "Initech takes over the No. 2 position in the ranking",
    ],
)
def test_a_strategy_of_deals_and_a_league_table_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma
