"""Deals worded from the seller's side: the buyer follows "to", the target is what is sold
(or the seller, when what is sold has no name of its own).

Docs come from the blank English tokenizer (no model): tokens as in a real post, no parse.
"""

from __future__ import annotations

import pytest
import spacy

from streams.signals.ma import detect_ma
from streams.signals.ma.cues import cue_strength
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("Initech sold to Globex for $2bn", "Globex", "Initech"),
        ("Initech is sold to Globex", "Globex", "Initech"),
        ("Globex sells Initech unit to Hooli", "Hooli", "Initech"),
        ("Globex agrees to sell Initech to Hooli for $1bn", "Hooli", "Initech"),
        ("Globex sells its stake in Initech to Hooli", "Hooli", "Initech"),
        # What is sold has no name: the seller is the party bought from.
        ("Hooli agrees to sell its chip business to Globex", "Globex", "Hooli"),
        ("Hooli to sell chip unit to Globex", "Globex", "Hooli"),
        ("Globex completes sale of Initech to Hooli", "Hooli", "Initech"),
    ],
)
def test_seller_side_sales_name_the_buyer_as_acquirer(
    text: str, acquirer: str, target: str
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == (acquirer, target)


def test_a_sale_keeps_its_amount_and_status() -> None:
    signal = detect_ma(NLP("Initech sold to Globex for $2bn"))
    assert signal.amount == "$2bn"
    assert signal.status == "completed"
    assert detect_ma(NLP("Globex sells Initech unit to Hooli")).status == "announced"


@pytest.mark.parametrize(
    "text",
    [
        "Globex sold 2 million phones",
        "Globex sold 2 million phones to retailers",
        "Globex sold 2 million phones to Walmart last quarter",
        "Initech sold out",
        "Initech sold out in minutes",
        "insiders sold shares",
        "Globex sells more iPhones to China",
        "Globex sells $500m of notes to Initech",
    ],
)
def test_selling_goods_or_shares_is_not_ma(text: str) -> None:
    signal = detect_ma(NLP(text))
    assert not signal.is_ma


def test_shares_sold_by_the_number_are_still_a_stake_sale() -> None:
    # "sold 2 million phones" is goods; "sold 60,000 Initech shares" is a stake.
    assert cue_strength("Hooli sold 60,000 Initech common shares to Globex") >= 0.75


def test_paper_sold_to_an_investor_names_no_parties() -> None:
    signal = detect_ma(NLP("AIM TELEPHONES SELLS DEBT TO SHAREHOLDER"))
    assert roles(signal) == (None, None)
