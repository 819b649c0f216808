"""Language identification: lingua-language-detector, leaning to English when unsure.

A post's language decides whether statistical NER runs on it (English only), so the costly
mistake is an English post called something else; unknown (``None``) costs little (NER
runs). Measured on a team-written set of posts in eight languages (``bench/lang``; ``python
-m bench.lang.eval_lang``), lingua beats the function-word tagger below at every length,
short posts most of all, but alone it calls English posts with many names ("Ørsted and
Equinor win the Sørlige Nordsjø II tender", headlines, ticker-laden tweets) another
language: about 2% of real English headlines and tweets. So:

1. cashtags, @handles, URLs and hashtags in capitals (#NVDA) are removed (they carry no
   language; another hashtag keeps its word); a text left without a word of two letters or
   more with a lower-case letter (or three words of three capitals: shouting) is unknown;
2. lingua, restricted to the eight languages (high-accuracy mode), ranks them;
3. English is taken when its confidence is at least ``english_ratio`` of the top
   language's, or when lingua's top is below ``sure`` and either English function words
   ("the", "and", "for") say so or the post has fewer than two words in lower case (names
   and a verb, "Contoso & Fabrikam merge"; a headline in title case): the stream's
   language, whose NER reads names.

``LanguageDetector`` is built once at start-up and shared: lingua's models (about 240 MB
for the eight languages) load on the first call (or ``load()``), once, behind a lock;
detection itself is thread-safe (lingua's detector is). ``detect_language`` uses one such
detector, made on first use.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Protocol

__all__ = [
    "LANGUAGES",
    "LanguageDetector",
    "detect_language",
    "function_word_language",
    "language_text",
]

# Our codes (ISO 639-1; Norwegian is "no", as sources tag it) -> lingua's language names.
LANGUAGES: dict[str, str] = {
    "en": "ENGLISH",
    "no": "BOKMAL",
    "sv": "SWEDISH",
    "da": "DANISH",
    "de": "GERMAN",
    "fr": "FRENCH",
    "es": "SPANISH",
    "nl": "DUTCH",
}
# English is taken when its confidence is at least this share of the top language's.
ENGLISH_RATIO = 0.3
# Above this confidence lingua's verdict stands against English function words and against
# English as the default of a post of names.
SURE = 0.8
# A long text's language is told by its beginning: lingua's time grows with the text, and a
# few sentences decide it (500 Reuters stories: 1.8 s read whole).
DETECT_CHARS = 600

# URLs, cashtags, handles, hashtags and lone surrogates (lingua refuses those).
_NOISE = re.compile(r"https?://\S+|www\.\S+|[$@][^\W_][\w.\-]*|#\w+|[\ud800-\udfff]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


class Confidence(Protocol):
    """What we read of lingua's ``ConfidenceValue``."""

    @property
    def language(self) -> object: ...

    @property
    def value(self) -> float: ...


class Identifier(Protocol):
    """What we use of ``lingua.LanguageDetector`` (a fake in the tests)."""

    def compute_language_confidence_values(self, text: str) -> Sequence[Confidence]: ...


def build_lingua(*, low_accuracy: bool = False, preload: bool = True) -> Identifier:
    """lingua's detector for ``LANGUAGES``; ``preload``: its models load now, not per
    language on first use."""
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(
        *(getattr(Language, name) for name in LANGUAGES.values())
    )
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    if preload:
        builder = builder.with_preloaded_language_models()
    detector: Identifier = builder.build()
    return detector


def language_text(text: str) -> str | None:
    """The part of ``text`` that carries language, or None when there is none: cashtags,
    @handles and URLs removed, a hashtag kept as its word."""
    cleaned = _NOISE.sub(_keep_hashtag_word, text)
    words = _LETTERS.findall(cleaned)
    if any(not w.isupper() for w in words) or sum(len(w) >= 3 for w in words) >= 3:
        return cleaned
    return None


def _few_words(text: str) -> bool:
    """Fewer than two words in lower case: names, a headline in title case or capitals."""
    words: list[str] = _LETTERS.findall(text)
    return sum(word.islower() for word in words) < 2


def _keep_hashtag_word(match: re.Match[str]) -> str:
    """A hashtag's word, unless it is in capitals (#NVDA, #CAC40: a ticker or an index)."""
    token = match.group()
    return f" {token[1:]} " if token.startswith("#") and not token.isupper() else " "


class LanguageDetector:
    """lingua with an English function-word check; build one, share it between threads."""

    def __init__(
        self,
        build: Callable[[], Identifier] = build_lingua,
        *,
        english_ratio: float = ENGLISH_RATIO,
        sure: float = SURE,
        min_confidence: float = 0.0,
    ) -> None:
        self._build = build
        self._identifier: Identifier | None = None
        self._lock = threading.Lock()
        self._english_ratio = english_ratio
        self._sure = sure
        self._min_confidence = min_confidence
        self._names = {name: code for code, name in LANGUAGES.items()}

    def load(self) -> LanguageDetector:
        """Build lingua now (at start-up, rather than on the first post)."""
        self._lingua()
        return self

    @property
    def loaded(self) -> bool:
        """Whether lingua was built (it is on the first ``detect``)."""
        return self._identifier is not None

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the post's language (one of ``LANGUAGES``), or None. A long
        text is read up to the last blank before ``DETECT_CHARS``."""
        if len(text) > DETECT_CHARS:
            head = text[:DETECT_CHARS]
            blank = max(head.rfind(" "), head.rfind("\n"))
            text = head[:blank] if blank > 0 else head
        cleaned = language_text(text)
        if cleaned is None:
            return None
        ranked = [
            (self._names.get(getattr(c.language, "name", str(c.language))), c.value)
            for c in self._lingua().compute_language_confidence_values(cleaned)
        ]
        if not ranked or ranked[0][0] is None:
            return None
        code, top = ranked[0]
        if code == "en":
            return code
        english = next((value for lang, value in ranked if lang == "en"), 0.0)
        if self._english_ratio and english >= self._english_ratio * top:
            return "en"
        if top < self._sure and (_few_words(cleaned) or function_word_language(text) == "en"):
            return "en"
        return code if top >= self._min_confidence else None

    def _lingua(self) -> Identifier:
        identifier = self._identifier
        if identifier is None:
            with self._lock:
                if self._identifier is None:
                    self._identifier = self._build()
                identifier = self._identifier
        return identifier


_default: LanguageDetector | None = None
_default_lock = threading.Lock()


def default_detector() -> LanguageDetector:
    """The process's shared detector, made on first use (nothing is built at import)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = LanguageDetector()
        return _default


def detect_language(text: str, detector: LanguageDetector | None = None) -> str | None:
    """ISO 639-1 code of the post's language, or None when it has none to tell.

    ``detector``: the one built at start-up; without it, the shared default."""
    return (detector or default_detector()).detect(text)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words; words shared across languages count for each, distinctive ones decide.
_PROFILES: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to in is that for it on with as was are be this by at from have has"
        " not but or an will its their they we you he she which would said after than"
        " says over more about just today new"
    ),
    "no": _words(
        "og i det som er på en til med ikke av for har jeg vi de å om fra etter ved skal"
        " kan også eller hvor vært blir ble mer enn nå sier ifølge hva mye selskapet"
        " seg sin sitt sine mot noen dette disse være bare eierandelen samarbeidet"
    ),
    "sv": _words(
        "och i att det som är på en till med inte av för har jag vi de om från efter"
        " vid ska kan också eller där varit blir blev mer än nu säger enligt vad mycket"
        " bolaget sig sin mot några detta dessa vara bara ett"
    ),
    "da": _words(
        "og i at det som er på en til med ikke af for har jeg vi de om fra efter ved"
        " skal kan også eller hvor været bliver blev mere end nu siger ifølge hvad meget"
        " selskabet sig sin mod nogle dette disse være kun et"
    ),
    "de": _words(
        "der die das und ist nicht ein eine mit von zu den dem für auf auch sich im es"
        " wird wurde bei nach aus oder hat sind als wie über unternehmen"
    ),
    "fr": _words(
        "le la les et est une un des du de pour dans que qui sur pas avec au aux par"
        " plus ce cette sont été ses son"
    ),
    "es": _words(
        "el la los las y es una un de del que en por para con no se su sus al más como"
        " pero está son fue empresa"
    ),
    "nl": _words(
        "de het een en is van dat op te in voor met niet zijn er aan ook als bij door"
        " naar wordt werd heeft maar"
    ),
}
_MIN_HITS = 2
_SCANDINAVIAN = frozenset({"no", "da", "sv"})
# what may stand between the end of a sentence and its first word
_OPENERS = " \t\n\"'(\u00ab\u201c\u2018-\u2013\u2014"


def function_word_language(text: str) -> str | None:
    """The hand tagger: ISO 639-1 code by function words, or None when unsure.

    Dependency-free; kept as lingua's English check and as the bench's baseline. Returns
    ``None`` when the text is too short or the evidence too thin; a tie between
    Scandinavian languages only is Norwegian (then Danish, then Swedish)."""
    words = [(m.group(), m.start()) for m in _WORD.finditer(text)]
    if not words:
        return None
    scores: Counter[str] = Counter()
    for word, start in words:
        for lang in _languages_of(word, text, start):
            scores[lang] += 1
    if not scores:
        return None
    ranked = scores.most_common()
    best, hits = ranked[0]
    if hits < _MIN_HITS and len(words) > 3:
        return None
    if len(ranked) > 1 and ranked[1][1] == hits:
        return _break_tie(text, [lang for lang, n in ranked if n == hits])
    return best


def _languages_of(word: str, text: str, start: int) -> list[str]:
    """The languages whose function words include ``word`` (as written at ``start``).

    A capital ``I`` inside a sentence is the English pronoun, not the Scandinavian
    preposition ``i``; at the start of a sentence it may be either.
    """
    lowered = word.lower()
    found = [lang for lang, profile in _PROFILES.items() if lowered in profile]
    if word == "I":
        before = text[max(0, start - 16) : start].rstrip(_OPENERS)
        return ["en", *found] if not before or before[-1] in ".!?:" else ["en"]
    return found


def _break_tie(text: str, langs: list[str]) -> str | None:
    lowered = text.lower()
    if "ä" in lowered or "ö" in lowered:
        return "sv" if "sv" in langs else langs[0]
    if "æ" in lowered or "ø" in lowered:
        for lang in ("no", "da"):
            if lang in langs:
                return lang
    if set(langs) <= _SCANDINAVIAN:
        # Certainly Scandinavian (Bokmål and Danish share most function words): the first
        # users write Norwegian, and English NER must not run on it as on an unknown text.
        return next(lang for lang in ("no", "da", "sv") if lang in langs)
    return None
