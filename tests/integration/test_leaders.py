"""Thought leaders and rising voices against the real Elasticsearch, over many authors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from elasticsearch import Elasticsearch

from models.enriched import EnrichedPost, Versions
from models.post import Author
from models.signals import Influence
from streams.index.leaders import leaders, voice
from streams.settings import Settings
from tests.integration.api.data_support import index_docs

UNTIL = datetime(2026, 5, 1, tzinfo=UTC)


def _post(handle: str, n: int, hours_ago: float, *, score: float, engagement: int) -> EnrichedPost:
    return EnrichedPost(
        doc_id=f"{handle}-{n}",
        post_id=f"{handle}-{n}",
        source="twitter",
        text=f"post {n} by {handle}",
        created_at=UNTIL - timedelta(hours=hours_ago),
        author=Author(handle=handle, followers=100),
        url=None,
        lang="en",
        entities=(),
        model="test",
        influence=Influence(score=score, engagement=engagement),
        versions=Versions(model="test"),
    )


def _busy_crowd() -> list[EnrichedPost]:
    """250 prolific low-influence accounts, three posts each across the baseline."""
    return [
        _post(f"busy{i:03d}", n, 30 + 40 * n, score=5.0, engagement=1)
        for i in range(250)
        for n in range(3)
    ]


def test_a_voice_with_one_widely_shared_post_is_not_lost_behind_prolific_accounts(
    settings: Settings, es: Elasticsearch
) -> None:
    star = _post("rare_star", 0, 100, score=95.0, engagement=50_000)
    index_docs(settings, [*_busy_crowd(), star])
    top, _ = leaders(es, settings.posts_alias, until=UNTIL, window=timedelta(days=1), top=5)
    assert top[0].handle == "rare_star"
    assert top[0].engagement == 50_000


def test_a_new_voice_rising_in_the_last_day_is_found_among_many_authors(
    settings: Settings, es: Elasticsearch
) -> None:
    newcomer = [_post("newcomer", n, 1 + n, score=20.0, engagement=300) for n in range(2)]
    index_docs(settings, [*_busy_crowd(), *newcomer])
    _, rising = leaders(es, settings.posts_alias, until=UNTIL, window=timedelta(days=1), top=5)
    assert [v.handle for v in rising] == ["newcomer"]
    assert rising[0].recent_posts == 2


def test_one_authors_figures_can_be_asked_for(settings: Settings, es: Elasticsearch) -> None:
    index_docs(settings, [*_busy_crowd()[:30], _post("Rare_Star", 0, 5, score=80.0, engagement=9)])
    found = voice(es, settings.posts_alias, "@RARE_star", until=UNTIL, window=timedelta(days=1))
    assert found is not None
    assert (found.handle, found.posts, found.recent_posts, found.engagement) == (
        "rare_star",
        1,
        1,
        9,
    )
    assert voice(es, settings.posts_alias, "nobody", until=UNTIL, window=timedelta(days=1)) is None
