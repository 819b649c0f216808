import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from streams.enrich.lang import (
    DETECT_CHARS,
    LanguageDetector,
    default_detector,
    detect_language,
    function_word_language,
    language_text,
)


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    """The real detector (lingua's models load once for the module)."""
    return LanguageDetector()


# Short posts the function-word tagger left unknown (or got wrong) and lingua gets right.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Aksjen til Kahoot stuper igjen", "no"),
        ("Riktigt svag vecka för Sinch", "sv"),
        ("Köper fler Volvo-aktier imorgon", "sv"),
        ("Regnskabet fra Carlsberg skuffer igen", "da"),
        ("Køber flere Vestas-aktier i morgen", "da"),
        ("Schon wieder Verluste bei Zalando", "de"),
        ("Kering recule encore, dommage", "fr"),
        ("Otra caída de Inditex hoy", "es"),
        ("Philips zakt alweer, jammer", "nl"),
        ("Statoil renamed itself Equinor back in 2018", "en"),
    ],
)
def test_detects_the_language_of_a_short_post(
    detector: LanguageDetector, text: str, lang: str
) -> None:
    assert detector.detect(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "Ørsted and Equinor sign a deal for Sørlige Nordsjø",
        "Vestas and Ørsted sign a deal in Esbjerg",
        "Great numbers from Equinor and Aker BP today",
        # headline and ticker shapes bare lingua calls French, German or Dutch
        "Acme & Globex to merge https://t.co/abc",
        "Initech Acquires Dutch Startup Vindbaar.nl",
        "@CNBC RT $ACME 3.2 pts above its FV, P/T 41 #Stocks $GLOBX $INTK",
        "Fabrikam & Contoso merge",
        "Contoso & Fabrikam: https://contoso.example/deal",
    ],
)
def test_english_post_full_of_names_is_english(detector: LanguageDetector, text: str) -> None:
    # Not called English, a post gets no NER: the English function words overrule lingua.
    assert detector.detect(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "$EQNR $NHY $AKRBP 🚀",
        "https://t.co/AbCdE12345",
        "#NVDA #TSLA",
        "@Telenor @Telia",
        "Q3 2024",
    ],
)
def test_a_post_without_words_has_no_language(detector: LanguageDetector, text: str) -> None:
    assert detector.detect(text) is None


def test_cashtags_handles_urls_and_capital_hashtags_are_not_read() -> None:
    text = language_text("Kjøper $EQNR.OL via @nordnet https://t.co/x #OSEBX #utbytte")
    assert text is not None
    assert text.split() == ["Kjøper", "via", "utbytte"]


def test_a_lone_surrogate_does_not_break_detection(detector: LanguageDetector) -> None:
    # A JSON "\\udc80" escape decodes to one; lingua refuses to encode it.
    assert detector.detect("Telenor kutter \udc80 hundrevis av stillinger") == "no"


def test_a_shouted_post_still_has_a_language(detector: LanguageDetector) -> None:
    assert detector.detect("SELL EVERYTHING BEFORE EARNINGS") == "en"


def test_detect_language_without_a_detector_uses_one_shared_default() -> None:
    assert default_detector() is default_detector()
    assert detect_language("Telenor kutter hundrevis av stillinger i Fornebu") == "no"


def test_importing_the_module_loads_no_model() -> None:
    code = "import sys, streams.enrich.lang; sys.exit('lingua' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@dataclass(frozen=True)
class _Value:
    language: str
    value: float


class _Fake:
    """lingua's part of the detector, answering one fixed ranking."""

    def __init__(self, *ranking: tuple[str, float]) -> None:
        self.ranking = [_Value(name, value) for name, value in ranking]

    def compute_language_confidence_values(self, text: str) -> Sequence[_Value]:
        return self.ranking


def test_lingua_is_built_on_first_use_not_before() -> None:
    built = []

    def build() -> _Fake:
        built.append(1)
        return _Fake(("GERMAN", 0.9))

    detector = LanguageDetector(build)
    assert not detector.loaded and not built
    assert detector.detect("Die Aktie fällt") == "de"
    assert detector.detect("Die Aktie steigt") == "de"
    assert detector.loaded and len(built) == 1


def test_threads_share_one_lingua_built_once() -> None:
    built = []

    def slow_build() -> _Fake:
        built.append(1)
        time.sleep(0.05)  # every thread arrives while it is being built
        return _Fake(("DUTCH", 0.9))

    detector = LanguageDetector(slow_build)
    answers: list[str | None] = []
    start = threading.Barrier(8)

    def run() -> None:
        start.wait()
        answers.append(detector.detect("Het aandeel daalt"))

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == ["nl"] * 8
    assert len(built) == 1


def test_english_close_behind_the_top_language_is_taken() -> None:
    close = LanguageDetector(lambda: _Fake(("GERMAN", 0.5), ("ENGLISH", 0.2)))
    far = LanguageDetector(lambda: _Fake(("GERMAN", 0.7), ("ENGLISH", 0.1)))
    assert close.detect("Globex kauft Initech heute") == "en"
    assert far.detect("Globex kauft Initech heute") == "de"


def test_english_function_words_overrule_an_unsure_verdict_only() -> None:
    text = "Big day for the shareholders of Ørsted"

    def detector(*ranking: tuple[str, float]) -> LanguageDetector:
        return LanguageDetector(lambda: _Fake(*ranking), english_ratio=0.0)

    assert detector(("DANISH", 0.6), ("ENGLISH", 0.1)).detect(text) == "en"
    assert detector(("DANISH", 0.95), ("ENGLISH", 0.05)).detect(text) == "da"
    # Without English function words the unsure verdict stands.
    assert detector(("DANISH", 0.6)).detect("Ørsted bygger nyt i Esbjerg") == "da"


def test_a_post_of_names_is_english_unless_lingua_is_sure() -> None:
    def detector(*ranking: tuple[str, float]) -> LanguageDetector:
        return LanguageDetector(lambda: _Fake(*ranking), english_ratio=0.0)

    assert detector(("GERMAN", 0.5)).detect("Fabrikam & Contoso merge") == "en"
    assert detector(("GERMAN", 0.5)).detect("FABRIKAM TO BUY CONTOSO") == "en"
    assert detector(("GERMAN", 0.95)).detect("Fabrikam & Contoso merge") == "de"
    assert detector(("GERMAN", 0.5)).detect("Fabrikam und Contoso fusionieren") == "de"


def test_load_builds_lingua_at_start_up() -> None:
    detector = LanguageDetector(lambda: _Fake(("FRENCH", 0.9)))
    assert detector.load() is detector and detector.loaded


def test_a_confidence_floor_makes_an_unsure_post_unknown() -> None:
    detector = LanguageDetector(lambda: _Fake(("SWEDISH", 0.4)), min_confidence=0.5)
    assert detector.detect("Volvo rasar idag igen") is None


# The function-word tagger: lingua's English check and the bench's baseline.
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
def test_function_words_tell_the_language_of_a_sentence(text: str, lang: str) -> None:
    assert function_word_language(text) == lang


@pytest.mark.parametrize("text", ["", "$AAPL $MSFT", "lol", "🚀🚀🚀"])
def test_function_words_too_few_is_unknown(text: str) -> None:
    assert function_word_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I think I will buy Ørsted, I am bullish",
        "I hope I can go to Malmö",
        "Hi, I am Jens from København, I work at Novo Nordisk",
    ],
)
def test_english_pronoun_i_is_not_the_scandinavian_preposition(text: str) -> None:
    assert function_word_language(text) == "en"


def test_sentence_initial_capital_i_still_counts_for_norwegian() -> None:
    assert function_word_language("I går kjøpte Equinor aksjer i Ørsted") == "no"


def test_a_tie_between_scandinavian_languages_is_norwegian_not_unknown() -> None:
    assert function_word_language("Det er en god dag for aktien") == "no"
    assert function_word_language("Det er ikke en god dag") == "no"


def test_a_long_text_is_told_by_its_beginning(detector: LanguageDetector) -> None:
    norwegian = (
        "Styret i Nordlys Kraft har vedtatt å kjøpe hele aksjekapitalen i Fjordnett, opplyser"
        " selskapet i en børsmelding tirsdag kveld. Kjøpesummen er på om lag 1,2 milliarder"
        " kroner, og oppkjøpet skal finansieres med egne midler og et nytt banklån. Ifølge"
        " konsernsjefen vil de to selskapene sammen få over to hundre tusen kunder i Midt-Norge,"
        " og hun venter at avtalen blir godkjent av Konkurransetilsynet før sommeren. Ingen"
        " ansatte skal miste jobben som følge av handelen, sier hun til avisen. Aksjen steg"
        " med nesten ti prosent på Oslo Børs etter nyheten, og flere meglerhus har allerede"
        " hevet kursmålet sitt for selskapet. "
    )
    english = (
        "The full text of the agreement, which the company attached in English, follows below"
        " and sets out the terms of the offer, the conditions and the timetable for closing. "
    ) * 20
    assert len(norwegian) > DETECT_CHARS
    assert detector.detect(norwegian + english) == "no"
    assert detector.detect(english + norwegian) == "en"


def test_lingua_reads_at_most_the_first_detect_chars_cut_at_a_blank() -> None:
    seen: list[str] = []

    class Recording(_Fake):
        def compute_language_confidence_values(self, text: str) -> Sequence[_Value]:
            seen.append(text)
            return self.ranking

    detector = LanguageDetector(lambda: Recording(("ENGLISH", 0.9)))
    text = "word " * 1000
    assert detector.detect(text) == "en"
    assert detector.detect("short post about Contoso") == "en"
    assert len(seen[0]) <= DETECT_CHARS and text.startswith(seen[0]) and seen[0].endswith("word")
    assert seen[1] == "short post about Contoso"
