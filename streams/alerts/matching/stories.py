"""Group near-identical posts into stories (pure part).

The story fingerprint (:func:`~streams.alerts.matching.dedup.story_fingerprint`) absorbs
handles, emoji, URLs, numbers and filler words, not an added or changed content word. Two
posts of one rule are the same story when their content-word sets have a Jaccard
similarity of at least ``STORY_JACCARD`` (one extra word in a 15-word post: 0.94; two
posts about the same company but different news: typically < 0.4). A variant takes the
dedup value of the first post of its story: within a batch via :func:`cluster`, across
batches via the alert-state index (:class:`~streams.alerts.matching.claims.AlertClaims`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

STORY_JACCARD = 0.7
MAX_STORY_TERMS = 64


@dataclass(frozen=True)
class StoryCandidate:
    rule_id: str
    value: str  # the post's own story fingerprint (or doc id when it has no words)
    terms: frozenset[str]


def story_terms(tokens: Sequence[str]) -> frozenset[str]:
    """The distinct content words, capped (kept sorted for determinism)."""
    return frozenset(sorted(set(tokens))[:MAX_STORY_TERMS])


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and jaccard(a, b) >= STORY_JACCARD


def min_shared_terms(terms: frozenset[str]) -> int:
    """Jaccard >= J implies sharing at least ceil(J * |terms|) terms: a search prefilter."""
    return max(1, math.ceil(STORY_JACCARD * len(terms)))


def cluster(items: Sequence[StoryCandidate]) -> list[int]:
    """For each item, the index of the first item of its story (same rule), greedily."""
    heads: list[int] = []
    out: list[int] = []
    for i, item in enumerate(items):
        for h in heads:
            head = items[h]
            if head.rule_id == item.rule_id and (
                head.value == item.value or same_story(head.terms, item.terms)
            ):
                out.append(h)
                break
        else:
            heads.append(i)
            out.append(i)
    return out
