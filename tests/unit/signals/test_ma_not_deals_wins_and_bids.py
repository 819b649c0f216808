"""Deal words that name no deal, read on the news M&A feed of 18 more StockNet companies
(issue 13, session 10): a contract won ("Wins $85M ... Deal"), a bid to do something else in
Title Case ("Fights Bid to Curb Gun Sales"), business picking up.

Every post is hand-written (invented or generic companies); tokens-only Docs, no model.
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
        "$HOOL Globex Wins $85M North Field Deal http://example.com/a",
        "Globex wins Army contract worth $1bn",
        "$HOOL - Globex Opposes Bid to Ban Plastic Straws http://example.com/b",
        "Globex Bid to Unseat Initech Cloud Looks Like a Long Shot",
        "$HOOL Globex, Initech bolster hiring as business picks up http://example.com/c",
    ],
)
def test_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Globex wins approval for Initech deal", ("Globex", "Initech")),
        ("Globex wins $2bn deal to buy Initech", ("Globex", "Initech")),
        ("Globex Makes Bid to Buy Initech", ("Globex", "Initech")),
        ("Globex picks up Initech for $2bn", ("Globex", "Initech")),
    ],
)
def test_deals_beside_those_words_stay_deals(text: str, expected: tuple[str, str]) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected
