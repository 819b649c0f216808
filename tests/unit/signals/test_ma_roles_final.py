"""M&A roles, last round (issue 13): shapes of the final set, each in invented words.

A bid or approach "from X" names the bidder after the target ("Y Willing To Recommend Bid
From X", "Y Confirms Takeover Approach from X"); "X Confirms Y Takeover Approach" names the
bidder first; a cashtag pair glued by a slash ("$X/$Y deal") is both parties, not the person
who "says" it; a time word ("a week after") or the buyer's own name in capitals is no target.

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
            "Initech PLC Ready To Recommend £7bn Offer From Globex Inc.. http://t.co/a $GLBX",
            ("Globex Inc", "Initech PLC"),
        ),
        (
            "$GLBX Initech Confirms Takeover Approach from Globex Corp (GLBX) - options",
            ("Globex Corp", "Initech"),
        ),
        (
            "Globex $GLBX Confirms Initech $INTK Takeover Approach http://t.co/a",
            ("Globex $GLBX", "Initech $INTK"),
        ),
        (
            "Jane Roe says traders now call the $GLBX/$INTK deal a done thing",
            ("GLBX", "INTK"),
        ),
    ],
)
def test_bidder_and_target_of_approaches_offers_and_slash_pairs(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert roles(detect_ma(NLP(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hooli : acquires Dutch payments firm #HOOLI INC http://t.co/a",
    ],
)
def test_a_time_word_or_the_buyers_own_name_is_no_target(text: str) -> None:
    assert roles(detect_ma(NLP(text))) == ("Hooli", None)
