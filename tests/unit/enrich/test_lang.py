import pytest

from streams.enrich.lang import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Equinor og Microsoft utvider samarbeidet om skytjenester i Bergen.", "no"),
        ("Telenor vurderer å selge eierandelen, ifølge avisen.", "no"),
        ("Volvo säger att bolaget inte ska sälja fabriken.", "sv"),
        ("The board said it will not sell the unit this year.", "en"),
        ("Der Konzern hat die Übernahme abgeschlossen und wird wachsen.", "de"),
    ],
)
def test_detects_the_language_of_a_sentence(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "$AAPL $MSFT", "lol", "🚀🚀🚀"])
def test_too_little_evidence_is_unknown(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I think I will buy Ørsted, I am bullish",
        "I hope I can go to Malmö",
        "Hi, I am Jens from København, I work at Novo Nordisk",
    ],
)
def test_english_pronoun_i_is_not_the_scandinavian_preposition(text: str) -> None:
    assert detect_language(text) == "en"


def test_sentence_initial_capital_i_still_counts_for_norwegian() -> None:
    assert detect_language("I går kjøpte Equinor aksjer i Ørsted") == "no"


def test_a_tie_between_scandinavian_languages_is_norwegian_not_unknown() -> None:
    # Bokmål and Danish share these function words; unknown would run English NER on it.
    assert detect_language("Det er en god dag for aktien") == "no"
    assert detect_language("Det er ikke en god dag") == "no"
