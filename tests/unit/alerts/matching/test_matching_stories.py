from __future__ import annotations

from streams.alerts.matching.dedup import story_fingerprint, story_tokens
from streams.alerts.matching.stories import StoryCandidate, cluster, jaccard, story_terms
from tests.unit.alerts.matching.variants import SENTENCE, UNRELATED, reposts


def _candidate(text: str, rule_id: str = "r1") -> StoryCandidate:
    return StoryCandidate(
        rule_id=rule_id,
        value=story_fingerprint(text) or "none",
        terms=story_terms(story_tokens(text)),
    )


def test_an_extra_content_word_changes_the_fingerprint_but_not_the_story() -> None:
    texts = reposts(200, content_word=True)
    assert len({story_fingerprint(t) for t in texts}) > 1  # the documented limit
    heads = cluster([_candidate(SENTENCE)] + [_candidate(t) for t in texts])
    assert set(heads) == {0}


def test_unrelated_posts_start_their_own_stories() -> None:
    items = [_candidate(SENTENCE)] + [_candidate(t) for t in UNRELATED]
    assert cluster(items) == list(range(len(items)))
    base = story_terms(story_tokens(SENTENCE))
    assert all(jaccard(base, c.terms) < 0.5 for c in items[1:])


def test_stories_never_span_rules() -> None:
    assert cluster([_candidate(SENTENCE, "a"), _candidate(SENTENCE, "b")]) == [0, 1]
