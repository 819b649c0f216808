"""Merge the general model's entities with the tweet model's (pure; offsets only).

The enrichment pipeline runs en_core_web_sm's ``ner`` (MONEY, GPE, DATE...) and the tweet
model; the tweet model wins for ORG and PERSON:

* every tweet-model span with a label in ``labels`` is kept;
* a general-model span is kept when it overlaps none of those, and, if its label is one of
  ``labels``, only when ``fill=True`` (``fill=False`` takes ORG/PERSON from the tweet model
  alone).
"""

from __future__ import annotations

from collections.abc import Iterable

from models.ner_tweets import MODEL_LABELS
from models.ner_tweets.conll import Span

__all__ = ["merge_spans"]


def merge_spans(
    base: Iterable[Span],
    tweet: Iterable[Span],
    *,
    labels: Iterable[str] = MODEL_LABELS,
    fill: bool = False,
) -> list[Span]:
    """``(start, end, label)`` spans of both models, merged and sorted by offset."""
    owned = frozenset(labels)
    winners = [span for span in tweet if span[2] in owned]
    merged = list(winners)
    for start, end, label in base:
        if label in owned and not fill:
            continue
        if all(end <= w_start or start >= w_end for w_start, w_end, _ in winners):
            merged.append((start, end, label))
    return sorted(merged)
