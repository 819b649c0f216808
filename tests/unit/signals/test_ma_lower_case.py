"""All-lower-case posts: parties from the words around the cue (bounded) and from linked
watch-list entities, with the first-person trading posts still not M&A.
"""

from __future__ import annotations

import pytest
import spacy

from models.enriched import Entity
from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


def _linked(text: str, name: str, entity_id: str, label: str = "ORG") -> Entity:
    start = text.index(name)
    return Entity(
        text=name, label=label, start=start, end=start + len(name), id=entity_id, source="alias"
    )


def test_lower_case_parties_from_the_words_around_the_cue() -> None:
    signal = detect_ma(NLP("globex to acquire initech"))
    assert signal.is_ma
    assert roles(signal) == ("globex", "initech")


def test_a_linked_company_next_to_the_cue_is_the_acquirer() -> None:
    text = "microsoft to acquire activision"
    signal = detect_ma(NLP(text), (_linked(text, "microsoft", "company:MSFT"),))
    assert signal.is_ma
    assert roles(signal) == ("microsoft", "activision")
    assert signal.acquirer is not None and signal.acquirer.id == "company:MSFT"


def test_a_linked_company_a_few_words_before_the_cue_is_the_acquirer() -> None:
    text = "so microsoft is finally going to acquire activision blizzard for $69bn"
    signal = detect_ma(NLP(text), (_linked(text, "microsoft", "company:MSFT"),))
    assert signal.is_ma
    assert roles(signal) == ("microsoft", "activision blizzard")
    assert signal.amount == "$69bn"


def test_a_linked_buyer_of_a_bare_name_is_ma() -> None:
    text = "elon musk buys twitter"
    signal = detect_ma(NLP(text), (_linked(text, "elon musk", "person:elon-musk", "PERSON"),))
    assert signal.is_ma
    assert roles(signal) == ("elon musk", "twitter")


def test_a_bare_buyer_of_a_linked_company_is_ma() -> None:
    text = "globex buys tesla for $40bn"
    signal = detect_ma(NLP(text), (_linked(text, "tesla", "company:TSLA"),))
    assert signal.is_ma
    assert roles(signal) == ("globex", "tesla")


@pytest.mark.parametrize(
    ("text", "name", "entity_id"),
    [
        ("i want to buy tesla", "tesla", "company:TSLA"),
        ("should i buy apple", "apple", "company:AAPL"),
        ("just bought tesla lol", "tesla", "company:TSLA"),
        ("elon musk buys a new car", "elon musk", "person:elon-musk"),
        ("everyone buys apple stuff", "apple", "company:AAPL"),
        ("my mom buys apple products", "apple", "company:AAPL"),
        ("investors bought tesla today", "tesla", "company:TSLA"),
        ("steady $aapl call buying all session again", "$aapl", "company:AAPL"),
        ("whoever bought apple at the peak is hurting now", "apple", "company:AAPL"),
    ],
)
def test_lower_case_trading_and_shopping_posts_are_not_ma(
    text: str, name: str, entity_id: str
) -> None:
    assert not detect_ma(NLP(text), (_linked(text, name, entity_id),)).is_ma


def test_lower_case_buying_without_a_linked_party_is_not_ma() -> None:
    assert not detect_ma(NLP("mom buys groceries")).is_ma
    assert not detect_ma(NLP("he bought coffee")).is_ma


def test_a_capitalised_post_does_not_take_lower_case_words_as_parties() -> None:
    signal = detect_ma(NLP("Shares jumped after the company agreed to acquire Initech"))
    assert signal.acquirer is None or signal.acquirer.name != "company"


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [("Nokia acquired gate5", "Nokia", "gate5"), ("eBay acquired alando.de", "eBay", "alando.de")],
)
def test_a_capitalised_headline_keeps_its_lower_case_target(
    text: str, acquirer: str, target: str
) -> None:
    assert roles(detect_ma(NLP(text))) == (acquirer, target)
