"""Sentiment suited to social text: VADER (lexicon + rules for caps, emphasis, emoji)."""

from __future__ import annotations

import re
from typing import Any

from models.signals import Sentiment

_THRESHOLD = 0.05
# Words VADER reads of one post (emoji count as the words describing them).
MAX_WORDS = 4_000

# Market and product words VADER's general lexicon lacks or under-weights (team-written;
# valences on VADER's -4..4 scale).
FINANCE_LEXICON: dict[str, float] = {
    "bullish": 2.3,
    "bearish": -2.3,
    "upgrade": 1.5,
    "upgraded": 1.5,
    "downgrade": -1.8,
    "downgraded": -1.8,
    "outperform": 1.6,
    "underperform": -1.6,
    "rally": 1.6,
    "rallies": 1.6,
    "soar": 2.0,
    "soars": 2.0,
    "soared": 2.0,
    "surge": 1.8,
    "surges": 1.8,
    "plunge": -2.2,
    "plunges": -2.2,
    "plunged": -2.2,
    "slump": -2.0,
    "slumps": -2.0,
    "tumble": -2.0,
    "tumbles": -2.0,
    "trimmed": -1.2,
    "layoffs": -2.0,
    "lawsuit": -1.5,
    "recall": -1.2,
    "slower": -1.0,
    "outage": -2.0,
    "breach": -2.2,
    "moon": 1.5,
    "record": 1.0,
    # Moves of a price or a result.
    "rise": 1.2,
    "rises": 1.2,
    "rose": 1.2,
    "jumps": 1.6,
    "jumped": 1.6,
    "beat": 1.5,
    "beats": 1.5,
    "topped": 1.5,
    "fall": -1.3,
    "falls": -1.3,
    "fell": -1.3,
    "drops": -1.3,
    "dropped": -1.3,
    "slides": -1.3,
    "slid": -1.3,
    "sinks": -1.6,
    "sank": -1.6,
    "tank": -2.0,
    "tanks": -2.0,
    "tanked": -2.0,
    "miss": -1.5,
    "misses": -1.5,
    "missed": -1.5,
    "shorting": -1.5,
    "recalls": -1.2,
    "recalled": -1.2,
    "fined": -1.8,
    "probe": -1.2,
    "bankruptcy": -2.6,
    "warns": -1.4,
    # Words VADER scores that are neutral in market text ("shares fell", "interest rates",
    # "credit line", "demand for chips", "free cash flow").
    "shares": 0.0,
    "share": 0.0,
    "interest": 0.0,
    "credit": 0.0,
    "demand": 0.0,
    "free": 0.0,
}
# Phrases whose words mislead: "crushed earnings" beats them, "shares crushed" is a fall.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:crush(?:es|ed|ing)?|smash(?:es|ed|ing)?)\s+(?:(?:the|its|their|q[1-4])\s+)?"
            r"(?=(?:earnings|estimates|expectations|forecasts?|numbers|guidance|the\s+quarter)\b)",
            re.I,
        ),
        "beat ",
    ),
)


class SentimentScorer:
    """Built once (loads the lexicon); ``score`` is pure and thread-safe."""

    def __init__(self) -> None:
        from streams.enrich.vader import linear_vader

        self._analyzer: Any = linear_vader()
        self._analyzer.lexicon.update(FINANCE_LEXICON)

    def score(self, text: str) -> Sentiment:
        for pattern, replacement in _PHRASES:
            text = pattern.sub(replacement, text)
        text = self._first_words(text)
        compound = float(self._analyzer.polarity_scores(text)["compound"])
        if compound >= _THRESHOLD:
            label = "positive"
        elif compound <= -_THRESHOLD:
            label = "negative"
        else:
            label = "neutral"
        return Sentiment(label=label, score=round(compound, 4))

    def _first_words(self, text: str) -> str:
        """The text as VADER reads it (each emoji replaced by its description, as VADER
        does), cut to ``MAX_WORDS`` words: VADER's cost is per word, and 10,010 emoji are
        20,020 words. An English post within SCOUT_MAX_TEXT_CHARS is not cut."""
        emojis = self._analyzer.emojis
        if any(ch in emojis for ch in text):
            parts: list[str] = []
            prev_space = True
            for ch in text:  # vaderSentiment's own expansion, in linear time
                description = emojis.get(ch)
                if description is not None:
                    if not prev_space:
                        parts.append(" ")
                    parts.append(description)
                    prev_space = False
                else:
                    parts.append(ch)
                    prev_space = ch == " "
            text = "".join(parts)
        words = text.split()
        return text if len(words) <= MAX_WORDS else " ".join(words[:MAX_WORDS])
