"""Per-post author influence: reach (followers), authority (listed, verified), engagement.

Log-scaled so a 10x larger audience adds a constant amount, squashed into 0..100.
Engagement counts what this post received; for a repost, the original's engagement is
credited to the original author (see ``repost_author``), not to the reposter.
"""

from __future__ import annotations

import math

from models.post import Author, Engagement, Post
from models.signals import Influence

_W_FOLLOWERS = 0.40
_W_LISTED = 0.30
_W_VERIFIED = 0.60
_W_ENGAGEMENT = 0.30
_SCALE = 2.5


def _total(engagement: Engagement | None) -> int:
    if engagement is None:
        return 0
    return sum(
        v or 0
        for v in (engagement.likes, engagement.reposts, engagement.replies, engagement.quotes)
    )


def influence_of(author: Author | None, engagement: Engagement | None) -> Influence:
    followers = author.followers if author else None
    listed = author.listed if author else None
    verified = author.verified if author else None
    received = _total(engagement)
    weight = (
        _W_FOLLOWERS * math.log10(1 + (followers or 0))
        + _W_LISTED * math.log10(1 + (listed or 0))
        + (_W_VERIFIED if verified else 0.0)
        + _W_ENGAGEMENT * math.log10(1 + received)
    )
    score = 100.0 * (1.0 - math.exp(-weight / _SCALE))
    return Influence(
        score=round(score, 2),
        followers=followers,
        listed=listed,
        verified=verified,
        engagement=received,
    )


def post_influence(post: Post) -> Influence:
    """Influence of the post's author; a plain repost earns no engagement of its own."""
    own = post.engagement if post.repost_of is None else None
    return influence_of(post.author, own)


def repost_author(post: Post) -> tuple[Author, Influence] | None:
    """The original author of a repost and the influence its engagement shows."""
    if post.repost_of is None or post.repost_of.author is None:
        return None
    return post.repost_of.author, influence_of(post.repost_of.author, post.repost_of.engagement)
