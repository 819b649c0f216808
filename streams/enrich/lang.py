"""Fast, dependency-free language tagging by function words (no model download).

Covers English and the languages the first users write in (Norwegian, Swedish, Danish)
plus German, French, Spanish and Dutch. Returns ``None`` when the text is too short or
the evidence too thin: an honest "unknown" beats a guess. One exception: a tie between
Scandinavian languages only is certainly not English, and is tagged Norwegian (then Danish,
then Swedish) rather than unknown, since an unknown post goes through English NER.
"""

from __future__ import annotations

import re
from collections import Counter

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


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the most likely language, or None when unsure."""
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
