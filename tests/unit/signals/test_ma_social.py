"""M&A on social posts (issue 13 point 3): the families that read like deals and are not,
the deal wordings of headlines on social media, and parties that are organisations.

Every post is hand-written (invented funds and companies); tokens-only Docs, no model.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from models.enriched import Entity
from streams.signals.ma import detect_ma, has_ma_cue
from tests.unit.signals.support import roles

VOCAB = spacy.blank("en").vocab


def _doc(text: str) -> Any:
    """Tokens split on spaces; "'s", "?" and "," glued to the word before, as typed."""
    words = text.split()
    spaces = [i + 1 < len(words) and words[i + 1][0] not in "'?," for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces)


@pytest.mark.parametrize(
    "text",
    [
        # funds and institutions changing positions
        "Globex Corp $GLBX Shares Bought by Tallgrass Wealth Advisors LLC",
        "Birchwood Capital Partners Has $4,310,000 Stake in Initech Inc $INTK",
        "Harbor Lane Asset Management Sells 12,450 Shares of Globex Corp $GLBX",
        "Initech $INTK Stake Decreased by Ridgeview Trust Company",
        "Quarry Hill Advisors Lowers Stake in Globex Corp $GLBX",
        "Northfield Fund boosts stake in Initech by 3 %",
        "Elm Street Capital acquires new position in Globex $GLBX",
        # stock-buying advice and trading ads
        "# Stocks to buy $GLBX $INTK $HOOLI # investing",
        "Are you looking to buy $GLBX $INTK $VDLY # finance",
        "$GLBX Buying or selling ? $INTK $HOOLI # wealth",
        "Globex In Buy Range After Strong Quarter $GLBX",
        # traders' and insiders' trades
        "Heavy put buying on Initech into the close $INTK",
        "Insider Selling : Globex CFO Sells 9,120 Shares of Stock $GLBX",
        # takeover speculation with no deal
        "Five takeover targets for the new year $GLBX $INTK",
        "Who will Globex Buy Next ?",
        "$HOOLI : Could Initech Be a Buyout Target ?",
        "Perhaps Globex could acquire Initech ? Globex still chasing growth",
        # buying products or rights
        "Globex buys North European rights to a detective film $GLBX",
    ],
)
def test_social_families_are_not_deals(text: str) -> None:
    assert not detect_ma(_doc(text)).is_ma


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("Globex nears deal for Initech", None, None),
        ("Hooli weighs a higher Initech offer, may go hostile", None, None),
        ("Why Globex bought the Daily Planet $GLBX", "Globex", None),
    ],
)
def test_social_deal_wordings_are_deals(
    text: str, acquirer: str | None, target: str | None
) -> None:
    assert has_ma_cue(text)
    signal = detect_ma(_doc(text))
    assert signal.is_ma
    found = roles(signal)
    if acquirer is not None:
        assert found[0] == acquirer
    if target is not None:
        assert found[1] == target


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("Why Globex bought Initech for $2bn", "Globex", "Initech"),
        ("Dear Globex , please buy Initech already", None, None),
        ("Wish Globex would buy Initech", "Globex", "Initech"),
    ],
)
def test_parties_are_trimmed_to_organisations(
    text: str, acquirer: str | None, target: str | None
) -> None:
    signal = detect_ma(_doc(text))
    found = roles(signal)
    if acquirer is None:
        assert found[0] is None or found[0].lower() not in {"dear globex", "dear"}
    else:
        assert found[0] == acquirer
    if target is not None:
        assert found[1] == target


def test_a_country_is_no_buyer() -> None:
    doc = _doc("Norway acquires Initech for $3bn")
    place = Entity(text="Norway", label="GPE", start=0, end=6)
    signal = detect_ma(doc, [place])
    assert signal.acquirer is None
    assert roles(signal)[1] == "Initech"


def test_a_company_the_tagger_took_for_a_place_is_a_buyer() -> None:
    text = "$GLBX to sell its home appliance arm to Vandelux for $3B"
    start = text.index("Vandelux")
    doc = _doc(text)
    place = Entity(text="Vandelux", label="GPE", start=start, end=start + 8)
    assert roles(detect_ma(doc, [place]))[0] == "Vandelux"
