"""Type a post's @handles with the handle classifier after NER (pure).

The tweet NER often calls an organisation's handle a person (``@BBCNews``, ``@Etsy``); the
handle classifier (``models/ner_tweets/handles.py``) reads the handle's spelling and context
and is better at that split (``models/ner_tweets/README.md``). So for each handle the
classifier owns ORG and PERSON:

* NER's ORG/PERSON entities overlapping the handle are dropped;
* if the classifier says ORG or PERSON, the handle becomes that entity (source ``handle``,
  confidence = the classifier's probability), unless another NER entity (GPE, ...) covers it;
* if it says neither, the handle is no ORG/PERSON entity.

Other labels and other spans are left as they are.

When the post carries the profile of a handle it names (its author's, the reposted
author's in ``RT @x:``, or a mentioned account's display name: ``post_profiles``), the display name decides first
(``models/ner_tweets/profiles.py``: ``Acme Corp News`` ORG, ``Maria Fernandez`` PERSON);
the classifier decides when the name says neither.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from models.enriched import Entity
from models.ner_tweets.handles import HANDLE
from models.ner_tweets.profiles import Profile, profile_label
from models.post import Author, Post

__all__ = ["HANDLE_SOURCE", "PROFILE_CONFIDENCE", "HandleTyper", "post_profiles", "type_handles"]

HandleTyper = Callable[[str, int, int], tuple[str, float]]
"""``(text, start, end) -> (label, probability)``, label ORG, PERSON or O."""

HANDLE_SOURCE = "handle"
_OWNED = frozenset({"ORG", "PERSON"})
PROFILE_CONFIDENCE = 0.9
"""Confidence of a handle typed by its profile's display name."""


def post_profiles(post: Post) -> dict[str, Profile]:
    """The profiles a post carries, by lower-cased handle: the accounts its text mentions
    (``Post.mentioned_accounts``), its author's and, for a repost, the original author's (the
    author's own profile wins over a mention's)."""
    authors: list[Author | None] = list(post.mentioned_accounts)
    authors.append(post.author)
    if post.repost_of is not None:
        authors.append(post.repost_of.author)
    return {
        a.handle.lstrip("@").lower(): Profile(
            name=a.name, verified=a.verified, description=a.description
        )
        for a in authors
        if a is not None and a.handle
    }


def type_handles(
    text: str,
    entities: Sequence[Entity],
    typer: HandleTyper,
    profiles: Mapping[str, Profile] | None = None,
) -> list[Entity]:
    """``entities`` with every @handle of ``text`` typed by its profile's display name
    (``profiles``, by lower-cased handle) or else ``typer``, sorted by offset."""
    kept = list(entities)
    for match in HANDLE.finditer(text):
        start, end = match.span()
        kept = [e for e in kept if not (e.label in _OWNED and e.start < end and start < e.end)]
        named = profile_label(profiles.get(match.group(1).lower())) if profiles else None
        if named is not None:
            label, probability = named, PROFILE_CONFIDENCE
        else:
            label, probability = typer(text, start, end)
        if label not in _OWNED or any(e.start < end and start < e.end for e in kept):
            continue
        kept.append(
            Entity(
                text=text[start:end],
                label=label,
                start=start,
                end=end,
                source=HANDLE_SOURCE,
                confidence=round(min(max(probability, 0.0), 1.0), 4),
            )
        )
    return sorted(kept, key=lambda e: (e.start, -e.end))
