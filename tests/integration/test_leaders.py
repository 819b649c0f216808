"""Thought leaders and rising voices against the real Elasticsearch, over many authors."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from elasticsearch import Elasticsearch

from models.enriched import EnrichedPost, Versions
from models.post import Author
from models.signals import Influence
from streams.index.leaders import leaders, voice
from streams.settings import Settings
from tests.integration.api.data_support import index_docs
from tests.integration.support import scout

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


def _mentioning(handle: str, n: int, hours_ago: float) -> EnrichedPost:
    post = _post(f"fan{n:03d}", n, hours_ago, score=5.0, engagement=0)
    return post.model_copy(update={"handles_mentioned": (handle,)})


def test_scout_leaders_on_an_empty_window_says_so_with_its_bounds_and_how_to_move_it(
    settings: Settings,
) -> None:
    index_docs(settings, _busy_crowd()[:6])  # posts of late April 2026, "now" is much later
    result = scout(settings, "leaders")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith("No posts from ")
    assert "the last 1d and the 7 windows before it" in lines[0]
    assert "the indexed posts run from 2026-04-26 10:00 UTC to 2026-04-29 18:00 UTC" in lines[0]
    assert "--until 2026-04-30T00:00:00Z" in lines[0]
    wider = re.search(r"--window (\w+)", lines[0])
    assert wider is not None
    widened = scout(settings, "leaders", "--window", wider[1])
    assert widened.returncode == 0 and "@busy000" in widened.stdout, widened.stdout
    moved = scout(settings, "leaders", "--until", "2026-04-30T00:00:00Z")
    assert moved.returncode == 0, moved.stderr
    assert "top voices" in moved.stdout and "@busy000" in moved.stdout
    assert "No rising voices: nobody wrote 2 or more posts in the last 1d" in moved.stdout


def test_scout_leaders_rising_table_leads_with_growth_and_every_riser_posted_recently(
    settings: Settings,
) -> None:
    newcomer = [_post("newcomer", n, 1 + n, score=20.0, engagement=300) for n in range(3)]
    # Talked about a lot in the last day but silent herself: growing, yet not a rising voice.
    silent = [_post("silent_star", n, 30 + 20 * n, score=60.0, engagement=0) for n in range(7)]
    fans = [_mentioning("silent_star", n, 2 + n / 10) for n in range(40)]
    index_docs(settings, [*_busy_crowd()[:30], *newcomer, *silent, *fans])
    result = scout(settings, "leaders", "--until", UNTIL.isoformat(), "--json")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert [v["handle"] for v in body["rising"]] == ["newcomer"]
    star = next(v for v in body["top"] if v["handle"] == "silent_star")
    assert star["recent_posts"] == 0 and star["growth"] > 1.5
    table = scout(settings, "leaders", "--until", UNTIL.isoformat())
    assert table.returncode == 0, table.stderr
    rising = table.stdout[table.stdout.index("rising voices (by growth)") :]
    header = next(line for line in rising.splitlines() if "handle" in line)
    cells = [c.strip() for c in header.strip("│┃ ").replace("┃", "│").split("│")]
    assert cells[:3] == ["handle", "growth", "recent posts"], header
    top = table.stdout[table.stdout.index("top voices") :]
    header = next(line for line in top.splitlines() if "handle" in line)
    cells = [c.strip() for c in header.strip("│┃ ").replace("┃", "│").split("│")]
    assert cells[:2] == ["handle", "score"], header
