"""M&A roles, last round (issue 13): shapes of the final set, each in invented words.

A bid or approach "from X" names the bidder after the target ("Y Willing To Recommend Bid
From X", "Y Confirms Takeover Approach from X"); "X Confirms Y Takeover Approach" names the
bidder first; a cashtag pair glued by a slash ("$X/$Y deal") is both parties, not the person
who "says" it; a slash pair before "merger" leads with the first named; a target after a
descriptive phrase ("photo sharing engine X", "video network X", "#GPU giant @x"); a reporter
is no party ("the WSJ reported it agreed to buy Y": "it" is the company named before); a lone
"Stake" is in the company opening the post; a Title Case description ("Cheap Ticket Site") or
the buyer's own name is no target.

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
            ("Globex", "Initech"),
        ),
        ("Roe: Globex/Initech plan to announce merger on Monday $GLBX", ("Globex", "Initech")),
        ("Hooli to buy photo sharing engine Pixelbox for $200M", ("Hooli", "Pixelbox")),
        (
            "Hooli to acquire video network Pied Piper Labs for at least $300M",
            ("Hooli", "Pied Piper Labs"),
        ),
        (
            ".@Hooli said to acquire #GPU giant @piedpipercorp for $8 billion",
            ("@Hooli", "@piedpipercorp"),
        ),
        (
            "Shares of Globex slipped as #WSJ reported it agreed to buy #Initech",
            ("Globex", "Initech"),
        ),
        (
            "Initech to Lift Dividend After Vandelay Partners Takes Stake: read more http://t.co/x",
            ("Vandelay Partners", "Initech"),
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
        "Hooli Acquires Cheap Ticket Site, terms not disclosed",
        "Hooli : acquires Dutch payments firm #HOOLI INC http://t.co/a",
    ],
)
def test_a_description_or_the_buyers_own_name_is_no_target(text: str) -> None:
    assert roles(detect_ma(NLP(text))) == ("Hooli", None)
