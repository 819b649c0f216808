"""Posts that name a company deal only by the word "deal" ("Adobe and Figma call off $20bn
deal"), against the everyday, trade, licensing and partnership deals that are no M&A.

Docs come from the blank English tokenizer (no model): tokens as in a real post, no parse.
"""

from __future__ import annotations

import pytest
import spacy

from streams.signals.ma import detect_ma, has_ma_cue
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


COMPANY_DEALS = [
    # (text, acquirer, target, status, amount)
    ("Adobe and Figma call off $20bn deal", "Adobe", "Figma", "called_off", "$20bn"),
    ("Nvidia's $40bn Arm deal collapses", "Nvidia", "Arm", "called_off", "$40bn"),
    ("Globex walks away from Initech deal", "Globex", "Initech", "called_off", None),
    ("Globex scraps $3bn deal for Initech", "Globex", "Initech", "called_off", "$3bn"),
    ("Globex agrees $2bn deal for Initech", "Globex", "Initech", "announced", "$2bn"),
    ("Globex strikes deal to buy Initech", "Globex", "Initech", "announced", None),
    ("Globex terminates deal with Initech", "Globex", "Initech", "called_off", None),
]


@pytest.mark.parametrize("case", COMPANY_DEALS, ids=[case[0] for case in COMPANY_DEALS])
def test_a_company_deal_reaches_the_parser(case: tuple[str, ...]) -> None:
    assert has_ma_cue(case[0])


@pytest.mark.parametrize(
    ("text", "acquirer", "target", "status", "amount"),
    COMPANY_DEALS,
    ids=[case[0] for case in COMPANY_DEALS],
)
def test_a_company_deal_is_ma_with_its_parties(
    text: str, acquirer: str, target: str, status: str, amount: str | None
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == (acquirer, target)
    assert signal.status == status
    assert signal.amount == amount


def test_a_deal_named_beside_a_takeover_word_gives_the_parties() -> None:
    text = "Regulators probe Globex's deal for Initech, the biggest takeover this year"
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == ("Globex", "Initech")


EVERYDAY_DEALS = [
    "great deal on shoes",
    "Black Friday deals are live",
    "what's the big deal",
    "deal with it",
    "US and China reach trade deal",
    "Taylor Swift signs record deal",
    "Netflix lands TV deal for its new show",
    "Apple signs licensing deal with Qualcomm",
    "Globex and Initech sign partnership deal",
    "Globex signs $2bn supply deal with Initech",
    "Globex inks $500m licensing deal with Initech",
    "US and China call off trade deal",
    "Taylor Swift walks away from record deal",
    "Globex strikes $1bn partnership deal with Initech",
    # An amount and a name, but no one's deal and no one bought.
    "Globex settles for $300M in the audiobook pricing case (appeal pending)",
    "$ZZQX jumps 80% as its $90M yearly revenue deal moves ahead",
    "Globex signs $1bn deal with Initech",
]


@pytest.mark.parametrize("text", EVERYDAY_DEALS)
def test_everyday_and_non_ma_deals_are_not_ma(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "great deal on shoes",
        "Black Friday deals are live",
        "what's the big deal",
        "deal with it",
        "US and China reach trade deal",
        "Taylor Swift signs record deal",
        "Apple signs licensing deal with Qualcomm",
        "Globex signs $2bn supply deal with Initech",
        "Globex inks $500m licensing deal with Initech",
    ],
)
def test_everyday_deals_do_not_pay_for_the_parser(text: str) -> None:
    assert not has_ma_cue(text)


@pytest.mark.parametrize(
    "text",
    [
        "Globex to buy more chips from Initech",
        "Hooli bought 300 planes from Initech last year",
        "Globex orders new servers from Initech",
    ],
)
def test_buying_goods_from_a_supplier_is_not_ma(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma
