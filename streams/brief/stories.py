"""Posts grouped into stories for the brief (pure: no I/O).

Reuses the alert matcher's story clustering (:mod:`streams.alerts.matching.stories`): two
posts are one story when their content words (:func:`story_tokens`, which drops handles,
``RT``, URLs, emoji and filler words) have a Jaccard similarity of at least
``STORY_JACCARD``, or when one is a repost of the other (``repost_of``) or both repost the
same original, or when the enricher gave them the same near-duplicate key (``story``: one
text with other tickers or links). Each story is led by its representative post: an
original rather than a repost, then the most influential author, then the earliest.

A story weighs by its independent authors (distinct handles: a flood of copies by one
account counts once), the highest author influence and the engagement received; never by
how many posts or tickers it holds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from models.brief import Citation
from models.enriched import EnrichedPost
from streams.alerts.matching.dedup import story_tokens
from streams.alerts.matching.stories import StoryCandidate, cluster, story_terms
from streams.normalize.text import clean_text

__all__ = ["Story", "cite", "citations", "engagement_of", "group_stories", "headline_of"]

HEADLINE_CHARS = 280
_EPOCH = datetime.min.replace(tzinfo=UTC)


def engagement_of(post: EnrichedPost) -> int:
    """Engagement the post received (the influence record's sum, else the raw counts)."""
    if post.influence is not None and post.influence.engagement:
        return post.influence.engagement
    e = post.engagement
    if e is None:
        return 0
    return sum(v or 0 for v in (e.likes, e.reposts, e.replies, e.quotes))


def _influence(post: EnrichedPost) -> float:
    return post.influence.score if post.influence is not None else 0.0


def _is_repost(post: EnrichedPost) -> bool:
    return post.repost_of is not None or clean_text(post.text).startswith("RT @")


def _rank(post: EnrichedPost) -> tuple[bool, float, int, float, str]:
    """Sort key: originals first, then influence, engagement, age (earliest first)."""
    created = post.created_at or _EPOCH
    return (
        _is_repost(post),
        -_influence(post),
        -engagement_of(post),
        created.timestamp(),
        post.doc_id,
    )


@dataclass(frozen=True)
class Story:
    """Posts telling one story; ``posts[0]`` is the representative."""

    posts: tuple[EnrichedPost, ...]

    @property
    def head(self) -> EnrichedPost:
        return self.posts[0]

    @property
    def engagement(self) -> int:
        return sum(engagement_of(p) for p in self.posts)

    @property
    def influence(self) -> float:
        return max(_influence(p) for p in self.posts)

    @property
    def authors(self) -> int:
        """Independent authors: distinct handles (a post without an author counts alone)."""
        return len({_author(p) for p in self.posts})

    @property
    def weight(self) -> float:
        """How much the story matters: independent authors, author influence, engagement."""
        return self.influence + 10 * math.log1p(self.engagement) + 20 * math.log1p(self.authors - 1)


def _author(post: EnrichedPost) -> str:
    handle = post.author.handle if post.author is not None else None
    return f"@{handle.casefold()}" if handle else f"post:{post.doc_id}"


def _origin(post: EnrichedPost) -> str:
    """Posts with the same origin are one story whatever their text."""
    original = post.repost_of.id if post.repost_of is not None else post.post_id
    return f"{post.source}\x1f{original}"


def group_stories(posts: Sequence[EnrichedPost]) -> list[Story]:
    """Stories of ``posts`` (each post in exactly one), heaviest first."""
    ordered = sorted(posts, key=_rank)
    heads = cluster(
        [
            StoryCandidate(
                rule_id="brief", value=_origin(p), terms=story_terms(story_tokens(p.text))
            )
            for p in ordered
        ]
    )
    # Posts with one near-duplicate key are one story even when their words differ more.
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, int] = {}
    for post, head in zip(ordered, heads, strict=True):
        if post.story:
            first = root(by_key.setdefault(post.story, head))
            here = root(head)
            parent[max(first, here)] = min(first, here)
    groups: dict[int, list[EnrichedPost]] = {}
    for post, head in zip(ordered, heads, strict=True):
        groups.setdefault(root(head), []).append(post)
    stories = [Story(tuple(sorted(group, key=_rank))) for group in groups.values()]
    return sorted(stories, key=lambda s: (-s.weight, s.head.doc_id))


def headline_of(post: EnrichedPost) -> str:
    """The post's text on one line, cut at ``HEADLINE_CHARS``."""
    text = " ".join(clean_text(post.text).split())
    return text if len(text) <= HEADLINE_CHARS else text[: HEADLINE_CHARS - 1].rstrip() + "…"


def cite(post: EnrichedPost) -> Citation:
    return Citation(
        post_id=post.post_id,
        doc_id=post.doc_id,
        source=post.source,
        url=post.url,
        author=post.author.handle if post.author is not None else None,
        created_at=post.created_at,
    )


def citations(stories: Iterable[Story], *, limit: int) -> tuple[Citation, ...]:
    """The representative of every story first (independent evidence), then other copies."""
    ordered = list(stories)
    picked: list[EnrichedPost] = [s.head for s in ordered]
    picked += [p for s in ordered for p in s.posts[1:]]
    seen: set[str] = set()
    out: list[Citation] = []
    for post in picked:
        if post.doc_id not in seen and len(out) < limit:
            seen.add(post.doc_id)
            out.append(cite(post))
    return tuple(out)
