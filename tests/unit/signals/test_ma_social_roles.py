"""M&A roles on social posts (issue 13 point 3): who buys whom as posts write it.

Pairs in one run ("Globex-Initech merger", "Hooli/Vandelay"), bids answered or raised, a
unit sold by its owner, possessives, talk of a takeover, cashtags and hashtags next to
names, tickers in brackets, places before a name, corporate suffixes after a comma.

Every post is hand-written (invented companies); Docs from the blank English tokenizer
(cashtags, hashtags and hyphens split as the pipeline splits them), no model.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from models.enriched import Entity
from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


def _doc(text: str) -> Any:
    return NLP(text)


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # pairs in one run: the first named acquires
        ("Analysts weigh the Globex-Initech merger", "Globex", "Initech"),
        ("Pros and cons of a Hooli/Vandelay merger", "Hooli", "Vandelay"),
        ("Will Regulators Sink The Hooli - Pied Piper Merger? $HOOLI", "Hooli", "Pied Piper"),
        ("Great panel today on the $GLBX/ $INTK merger", "GLBX", "INTK"),
        ("Union ends its fight against Globex-Vandelay merger", "Globex", "Vandelay"),
        # bids answered or raised
        ("Initech agrees to a richer $GLBX bid of $50 a share", "GLBX", "Initech"),
        ("$GLBX Globex Raising Initech Bid, Analysts Expect", "Globex", "Initech"),
        ("Globex is said to consider raising Initech bid again", "Globex", "Initech"),
        ("$GLBX - Globex takes its bid to Initech shareholders", "Globex", "Initech"),
        # a unit sold: by its owner when the unit is named only by its trade
        ("$GLBX Agrees To Sell Consumer Lending Unit To $HOOLI", "HOOLI", "GLBX"),
        (
            "The Globex Company (NYSE:GLBX) Sells Pet Care Division to Hooli for $2bn",
            "Hooli",
            "Globex Company",
        ),
        ("$HOOLI to buy $GLBX Capital’s Consumer-Lending Unit", "HOOLI", "GLBX Capital"),
        ("Globex agrees to buy Initech's stake in a wind farm venture", "Globex", "Initech"),
        # possessives
        ("RT @dealdesk: Globex's $9B Initech deal reshapes the sector", "Globex", "Initech"),
        ("Everyone waiting for Globex's next big acquisition", "Globex", None),
        ("Why Globex’s Merger Should Close This Year", "Globex", None),
        ("Initech Receives Buyout Offer From Founders", "Founders", "Initech"),
        ("Globex to buy biopharm firm focused on curing flu $GLBX", "Globex", None),
        # talk of a takeover
        ("$INTK jumps on takeover chatter this morning", None, "INTK"),
        ("Initech rallies on Globex takeover talk", "Globex", "Initech"),
        ("Minister cautions Initech over potential takeover $INTK", None, "Initech"),
        # cashtags, hashtags, brackets, places, suffixes
        (
            "RT @newsdesk: Globex $GLBX to acquire @Initech $INTK for $2B",
            "Globex",
            "@Initech",
        ),
        ("Investors Cheer As $IT Acquires $INTK In Cash Deal", "IT", "INTK"),
        ("Globex ($GLBX) acquires travel planning startup #Initech", "Globex", "Initech"),
        ("#Globex reportedly set to approach #Initech about a merger", "Globex", "Initech"),
        (
            "#Globex in advanced talks to acquire Norway’s fast-growing #Initech Plc",
            "Globex",
            "Initech Plc",
        ),
        ("Globex to buy Mexico wireless carrier Vandelay for $1 billion", "Globex", "Vandelay"),
        ("Globex announces acquisition of Widget-maker, Initech", "Globex", "Initech"),
        (
            "Acme, Incorporated Closes Acquisition of Globex Pet Care Business",
            "Acme, Incorporated",
            "Globex Pet Care Business",
        ),
        ("$GLBX: Hooli, Others Bid for Globex Wind Farms", "Hooli", "Globex Wind Farms"),
        ("Anti-Takeover Law Could Derail Hooli Bid for Initech", None, "Initech"),
        ("Globex buys a robotics company that Hooli had wanted to purchase before", "Globex", None),
    ],
)
def test_social_roles(text: str, acquirer: str | None, target: str | None) -> None:
    signal = detect_ma(_doc(text))
    assert signal.is_ma
    found = roles(signal)
    if acquirer is not None:
        assert found[0] == acquirer
    if target is not None:
        assert found[1] == target
    else:
        assert found[1] is None


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        (
            "Globex will sell its Initrode Financial unit to Hooli for $1bn",
            "Hooli",
            "Initrode Financial",
        ),
        (
            "Globex Inc (GLBX) To Buy Drone Maker Initech Aerospace",
            "Globex Inc",
            "Initech Aerospace",
        ),
    ],
)
def test_social_roles_kept(text: str, acquirer: str, target: str) -> None:
    """Already right before: a unit with its own name, a ticker in brackets."""
    assert roles(detect_ma(_doc(text))) == (acquirer, target)


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # "the company" stands in for the company named before the buyer, or for nobody
        (
            "Initech shares jump on talk Globex may want to buy the company: http://t.co/x $GLBX",
            "Globex",
            "Initech",
        ),
        ("A $2B company acquiring a $9B company, wild", None, None),
        # a link after the unit does not make it a name
        (
            "$HOOLI to buy $GLBX Capital’s Consumer-Lending Unit http://t.co/AbCd",
            "HOOLI",
            "GLBX Capital",
        ),
    ],
)
def test_stand_ins_and_links(text: str, acquirer: str | None, target: str | None) -> None:
    assert roles(detect_ma(_doc(text))) == (acquirer, target)


def test_a_hyphen_inside_a_linked_name_does_not_split_it() -> None:
    doc = _doc("Regulators review the Hooli-Vandelay merger")
    start = doc.text.index("Hooli-Vandelay")
    linked = Entity(
        text="Hooli-Vandelay", label="ORG", start=start, end=start + 14, id="company:HV"
    )
    assert roles(detect_ma(doc, [linked]))[1] == "Hooli-Vandelay"


def test_places_before_a_name_are_trimmed() -> None:
    doc = _doc("$INTK: US Globex to Buy Initech Set-Top Box Unit for $600 Million")
    start = doc.text.index("US ")
    place = Entity(text="US", label="GPE", start=start, end=start + 2)
    assert roles(detect_ma(doc, [place]))[0] == "Globex"
