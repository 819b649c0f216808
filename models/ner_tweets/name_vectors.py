"""What a handle's words mean: the mean en_core_web_md vector of the words a name is made of.

A handle's spelling says who holds it only through the words in it, and most handles are
new (90 % of the Broad Twitter Corpus dev handles are not in its train split). Character
n-grams generalise to the spellings seen in training; static word vectors generalise to the
meaning: ``@FootyJokes`` and ``@SchoolFacts`` (neither a person nor an organisation), or
``@LowestoftVision`` and ``@NewcastleRadio`` (organisations), are near each other though
they share no n-gram.

The words of a name are its camel-case / underscore / digit segments (``handles.segments``);
a segment of at least ``MIN_SPLIT`` letters that is not itself a word of the table
(``sugarscape``, ``trailerscore``) is split into the words that cover most of it
(dynamic programming: a known word of ``n`` letters scores ``n**2``, an unknown letter -1).
The vector is the mean of the unit-length vectors of the words found, zeros when none.

Pure: reads a spaCy ``Vectors`` table (the md table the tweet NER shares) and nothing else.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from models.ner_tweets.handles import segments

__all__ = ["MIN_SPLIT", "NameVectors"]

MIN_SPLIT = 5
"""A segment this long that is no word of the table is split into words."""
_MAX_WORD = 15
_SHORT_WORDS = frozenset({"tv", "fc", "uk", "us", "mr", "dr", "ms"})
"""Two-letter words a split may use (any known word of three letters or more may)."""


class NameVectors:
    """Name -> mean unit vector of its words, from a spaCy ``Vectors`` table (cached)."""

    def __init__(self, table: Any, cache_size: int = 8192) -> None:
        from spacy.strings import get_string_id

        self._data = np.asarray(table.data, dtype=np.float32)
        self._key2row: dict[int, int] = table.key2row
        self._key = get_string_id
        self.width = int(self._data.shape[1])
        self.vector = lru_cache(maxsize=cache_size)(self._vector)

    def _row(self, word: str) -> int:
        return self._key2row.get(self._key(word), -1)

    def words(self, name: str) -> list[str]:
        """The words of ``name`` found in the table (lower-cased)."""
        out: list[str] = []
        for segment in segments(name):
            if len(segment) > 1 and self._row(segment) >= 0:
                out.append(segment)
            elif len(segment) >= MIN_SPLIT:
                out.extend(w for w in self._split(segment) if len(w) > 1 and self._row(w) >= 0)
        return out

    def _vector(self, name: str) -> np.ndarray:
        rows = [self._data[self._row(w)] for w in self.words(name)]
        rows = [r / n for r in rows if (n := float(np.linalg.norm(r))) > 0]
        if not rows:
            return np.zeros(self.width, dtype=np.float32)
        return np.asarray(np.mean(rows, axis=0), dtype=np.float32)

    def _split(self, text: str) -> list[str]:
        """``text`` cut into the pieces that cover it with the most known-word letters."""
        best: list[tuple[float, int]] = [(0.0, 0)] + [(-1e9, 0)] * len(text)
        for end in range(1, len(text) + 1):
            for start in range(max(0, end - _MAX_WORD), end):
                word = text[start:end]
                known = (len(word) >= 3 or word in _SHORT_WORDS) and self._row(word) >= 0
                score = best[start][0] + (len(word) ** 2 if known else -len(word))
                if score > best[end][0]:
                    best[end] = (score, start)
        pieces: list[str] = []
        end = len(text)
        while end > 0:
            start = best[end][1]
            pieces.append(text[start:end])
            end = start
        return pieces[::-1]
