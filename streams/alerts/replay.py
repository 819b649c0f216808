"""Replay: what a rule *would have fired* over indexed history (pure: no I/O, nothing sent).

:func:`group_replay` takes a rule's matching posts (``_source`` dicts, as Elasticsearch
returns them) and groups them exactly as the live matcher would alert on them:

1. the dedup value of each post (:func:`~streams.alerts.matching.dedup.dedup_value`:
   document id, normalized link or story fingerprint);
2. for ``dedup="story"``, near-duplicate texts (one added content word...) take the value
   of the first post of their story, as :func:`~streams.alerts.matching.stories.cluster`
   does within a batch (:func:`story_heads` gives the same answer, with an index over the
   content words so thousands of posts stay fast);
3. the throttle window of each post's ``created_at``
   (:func:`~streams.alerts.matching.dedup.throttle_bucket`);
4. one group per alert id (:func:`~streams.alerts.matching.dedup.alert_id`): one alert.

Posts are taken oldest first, so each group's sample is the post whose alert would have
been sent; later posts of the group would have been deduplicated or throttled. The live
path keeps story state across batches in the alert-state index; over a replay the whole
history is one batch. Backfilled posts are replayed like live ones (history is mostly
backfilled); ``silent_backfill`` counts those whose run had no ``--alerts``, which live
matching skips.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from models.alerts import Rule
from streams.alerts.matching.dedup import alert_id, dedup_value, story_tokens, throttle_bucket
from streams.alerts.matching.stories import StoryCandidate, same_story, story_terms

__all__ = ["Replay", "ReplayGroup", "group_replay", "story_heads"]


@dataclass(frozen=True)
class ReplayGroup:
    """One alert that would have fired, and the posts it would have covered."""

    alert_id: str
    dedup_value: str
    window_start: datetime | None  # start of the throttle window; None: no throttle
    count: int
    first_at: datetime | None
    last_at: datetime | None
    sample: Mapping[str, Any]  # the first post: the one the alert would have carried


@dataclass(frozen=True)
class Replay:
    matching_posts: int  # every post the rule matches in the range (Elasticsearch's count)
    scanned: int  # posts grouped (fewer than matching_posts when the scan was capped)
    groups: tuple[ReplayGroup, ...]  # most posts first
    # Of matching_posts, those backfilled without --alerts: replayed here, skipped live.
    silent_backfill: int = 0

    @property
    def alerts(self) -> int:
        return len(self.groups)

    @property
    def complete(self) -> bool:
        return self.scanned >= self.matching_posts


def _created_at(source: Mapping[str, Any]) -> datetime | None:
    value = source.get("created_at")
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def story_heads(items: Sequence[StoryCandidate]) -> list[int]:
    """The same answer as :func:`~streams.alerts.matching.stories.cluster` (for each item,
    the index of the first item of its story), looking only at earlier heads that share
    the item's value or one of its content words (``same_story`` needs a shared word)."""
    by_value: dict[tuple[str, str], int] = {}
    by_term: dict[tuple[str, str], list[int]] = defaultdict(list)
    out: list[int] = []
    for i, item in enumerate(items):
        candidates: set[int] = set()
        if (item.rule_id, item.value) in by_value:
            candidates.add(by_value[(item.rule_id, item.value)])
        for term in item.terms:
            candidates.update(by_term.get((item.rule_id, term), ()))
        head = next(
            (
                h
                for h in sorted(candidates)
                if items[h].value == item.value or same_story(items[h].terms, item.terms)
            ),
            None,
        )
        if head is None:
            head = i
            by_value.setdefault((item.rule_id, item.value), i)
            for term in item.terms:
                by_term[(item.rule_id, term)].append(i)
        out.append(head)
    return out


def group_replay(
    rule: Rule,
    posts: Sequence[Mapping[str, Any]],
    *,
    now: datetime,
    matching_posts: int | None = None,
    silent_backfill: int = 0,
) -> Replay:
    """Group ``posts`` (``_source`` dicts with ``doc_id``) into the alerts ``rule`` would
    have fired; ``now`` stands in for a missing ``created_at`` (as the match time does live).
    """
    times = [_created_at(p) or now for p in posts]
    order = sorted(range(len(posts)), key=lambda i: times[i])
    ordered = [posts[i] for i in order]
    at = [times[i] for i in order]
    values = [dedup_value(rule, p) for p in ordered]
    if rule.dedup == "story":
        candidates = [
            StoryCandidate(
                rule_id=rule.id,
                value=value,
                terms=story_terms(story_tokens(str(p.get("text") or ""))),
            )
            for p, value in zip(ordered, values, strict=True)
        ]
        values = [values[h] for h in story_heads(candidates)]

    firsts: dict[str, int] = {}
    counts: dict[str, int] = defaultdict(int)
    lasts: dict[str, int] = {}
    keys: dict[str, tuple[str, int | None]] = {}
    for i, value in enumerate(values):
        bucket = throttle_bucket(rule.throttle_s, at[i])
        key = alert_id(rule.id, value, bucket)
        firsts.setdefault(key, i)
        keys.setdefault(key, (value, bucket))
        counts[key] += 1
        lasts[key] = i

    groups = []
    for key, first in firsts.items():
        value, bucket = keys[key]
        window = (
            None if bucket is None else datetime.fromtimestamp(bucket * rule.throttle_s, tz=UTC)
        )
        groups.append(
            ReplayGroup(
                alert_id=key,
                dedup_value=value,
                window_start=window,
                count=counts[key],
                first_at=_created_at(ordered[first]),
                last_at=_created_at(ordered[lasts[key]]),
                sample=ordered[first],
            )
        )
    groups.sort(key=lambda g: (-g.count, g.first_at or now))
    total = len(posts) if matching_posts is None else max(matching_posts, len(posts))
    return Replay(
        matching_posts=total,
        scanned=len(posts),
        groups=tuple(groups),
        silent_backfill=silent_backfill,
    )
