"""Sentiment suited to social text: VADER (lexicon + rules for caps, emphasis, emoji)."""

from __future__ import annotations

from typing import Any

from models.signals import Sentiment

_THRESHOLD = 0.05

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
}


class SentimentScorer:
    """Built once (loads the lexicon); ``score`` is pure and thread-safe."""

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._analyzer: Any = SentimentIntensityAnalyzer()
        self._analyzer.lexicon.update(FINANCE_LEXICON)

    def score(self, text: str) -> Sentiment:
        compound = float(self._analyzer.polarity_scores(text)["compound"])
        if compound >= _THRESHOLD:
            label = "positive"
        elif compound <= -_THRESHOLD:
            label = "negative"
        else:
            label = "neutral"
        return Sentiment(label=label, score=round(compound, 4))
