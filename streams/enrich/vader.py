"""VADER with its quadratic steps made linear, scores unchanged.

vaderSentiment 3.3.2 lower-cases every word of the text again for each sentiment word it
checks (``_negation_check``, ``_special_idioms_check``) and, when the text says "but",
looks every score up with ``list.index`` (``_but_check``): a post of 10,010 emoji (each
described in words) took 42 s. The checks only read the three words around a sentiment word,
so they are given just those; ``_but_check`` is emulated exactly (including how
``list.index`` finds the first equal score) with a heap per score value.
"""

from __future__ import annotations

import heapq
from typing import Any


def linear_vader() -> Any:
    """A ``SentimentIntensityAnalyzer`` that scores like the stock one, in linear time."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    stock = SentimentIntensityAnalyzer

    class LinearAnalyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
        @staticmethod
        def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> Any:
            lo = max(0, i - 3)  # it reads words i-3 .. i-1
            return stock._negation_check(valence, words[lo : i + 1], start_i, i - lo)

        @staticmethod
        def _special_idioms_check(valence: float, words: list[str], i: int) -> Any:
            lo = max(0, i - 3)  # it reads words i-3 .. i+2
            return stock._special_idioms_check(valence, words[lo : i + 3], i - lo)

        @staticmethod
        def _but_check(words: list[str], sentiments: list[float]) -> list[float]:
            return but_check(words, sentiments)

    return LinearAnalyzer()


def but_check(words: list[str], sentiments: list[float]) -> list[float]:
    """VADER's ``_but_check`` in O(n log n): scores before the first "but" halved, after it
    raised by half, each step applied where ``sentiments.index(value)`` would point."""
    lower = [str(w).lower() for w in words]
    if "but" not in lower:
        return sentiments
    bi = lower.index("but")
    where: dict[float, list[int]] = {}
    for k, value in enumerate(sentiments):
        where.setdefault(value, []).append(k)  # ascending: already a heap
    for k in range(len(sentiments)):
        value = sentiments[k]
        heap = where[value]
        while sentiments[heap[0]] != value:  # stale entries: those places changed since
            heapq.heappop(heap)
        si = heap[0]
        if si == bi:
            continue
        new = value * 0.5 if si < bi else value * 1.5
        sentiments[si] = new
        heapq.heappush(where.setdefault(new, []), si)
    return sentiments
