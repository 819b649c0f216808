"""Replay groups matches as the live matcher alerts on them."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from models.alerts import Rule
from streams.alerts.matching.dedup import alert_id, story_fingerprint, story_tokens
from streams.alerts.matching.stories import StoryCandidate, cluster, story_terms
from streams.alerts.replay import group_replay, story_heads
from tests.unit.alerts.matching.variants import SENTENCE, UNRELATED, reposts

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _rule(**fields: Any) -> Rule:
    return Rule.model_validate({"id": "r1", "name": "r", "owner": "o", **fields})


def _post(i: int, text: str, at: datetime | None = None, **extra: Any) -> dict[str, Any]:
    created = (at or T0 + timedelta(minutes=i)).isoformat()
    return {"doc_id": f"d{i:03d}", "text": text, "created_at": created, **extra}


def test_story_dedup_makes_reposts_and_variants_one_alert_with_the_first_as_sample() -> None:
    texts = [SENTENCE, *reposts(60), *reposts(40, seed=3, content_word=True)]
    posts = [_post(i, t) for i, t in enumerate(texts)] + [
        _post(200 + i, t) for i, t in enumerate(UNRELATED)
    ]
    random.Random(1).shuffle(posts)  # arrival order does not matter: oldest first
    replay = group_replay(_rule(dedup="story"), posts, now=T0 + timedelta(days=1))

    assert replay.matching_posts == replay.scanned == 107
    assert replay.alerts == 1 + len(UNRELATED)
    story = replay.groups[0]
    assert story.count == 101
    assert story.sample["doc_id"] == "d000"
    assert story.dedup_value == story_fingerprint(SENTENCE)
    assert story.alert_id == alert_id("r1", story.dedup_value)
    assert story.first_at == T0 and story.last_at == T0 + timedelta(minutes=100)
    assert story.window_start is None
    assert sorted(g.count for g in replay.groups[1:]) == [1] * len(UNRELATED)


def test_post_dedup_alerts_once_per_post() -> None:
    posts = [_post(i, SENTENCE) for i in range(5)]
    replay = group_replay(_rule(dedup="post"), posts, now=T0)
    assert replay.alerts == 5
    assert {g.dedup_value for g in replay.groups} == {f"d{i:03d}" for i in range(5)}


def test_link_dedup_groups_one_url_despite_tracking_parameters() -> None:
    posts = [
        _post(0, "Deal! https://news.example.com/a?utm_source=x", url="https://t.example/1"),
        _post(1, "Same: https://www.news.example.com/a/", url=None),
        _post(2, "no link here", url="https://other.example.com/b"),
        _post(3, "no link at all"),
    ]
    replay = group_replay(_rule(dedup="link"), posts, now=T0)
    counts = {g.dedup_value: g.count for g in replay.groups}
    assert counts == {"news.example.com/a": 2, "other.example.com/b": 1, "d003": 1}


def test_throttle_windows_split_one_story_into_one_alert_per_window() -> None:
    rule = _rule(dedup="story", throttle_s=3600)
    times = [T0, T0 + timedelta(minutes=20), T0 + timedelta(minutes=70), T0 + timedelta(hours=5)]
    posts = [_post(i, SENTENCE, at) for i, at in enumerate(times)]
    replay = group_replay(rule, posts, now=T0)
    assert replay.alerts == 3
    windows = sorted((g.window_start, g.count) for g in replay.groups if g.window_start)
    assert windows == [
        (datetime(2026, 3, 2, 9, tzinfo=UTC), 2),
        (datetime(2026, 3, 2, 10, tzinfo=UTC), 1),
        (datetime(2026, 3, 2, 14, tzinfo=UTC), 1),
    ]
    value = story_fingerprint(SENTENCE)
    assert value is not None
    bucket = int(T0.timestamp() // 3600)
    assert replay.groups[0].alert_id == alert_id("r1", value, bucket)


def test_a_post_without_a_date_falls_in_now_and_capped_scans_are_incomplete() -> None:
    posts = [{"doc_id": "x", "text": SENTENCE}]
    replay = group_replay(_rule(throttle_s=60), posts, now=T0, matching_posts=10)
    assert replay.groups[0].window_start == T0
    assert replay.groups[0].first_at is None
    assert replay.matching_posts == 10 and replay.scanned == 1 and not replay.complete


def test_story_heads_agree_with_the_live_cluster() -> None:
    texts = [*reposts(30, content_word=True), *UNRELATED, *reposts(30, seed=9), "", "!!"]
    rng = random.Random(5)
    rng.shuffle(texts)
    items = [
        StoryCandidate(
            rule_id=rng.choice(["a", "b"]),
            value=story_fingerprint(t) or f"doc{i}",
            terms=story_terms(story_tokens(t)),
        )
        for i, t in enumerate(texts)
    ]
    assert story_heads(items) == cluster(items)
    assert len(set(story_heads(items))) > 2
