"""Stories of the brief: near-duplicates grouped, ranked by independent authors."""

from __future__ import annotations

from streams.brief.stories import group_stories
from tests.unit.brief.records import post

ACME = "company:ACME"


def test_a_flood_by_one_account_weighs_less_than_a_story_told_by_several_authors() -> None:
    """Issue 13 point 5: copies by one author (a ticker-swapping flood) count once."""
    flood = [
        post(
            f"flood-{i}",
            f"Acme launches a new cloud router ${t} ${t}X",
            handle="one_account",
            influence=30,
            companies=[ACME],
            story="acme-router",
        )
        for i, t in enumerate(["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"])
    ]
    told = [
        post(
            f"told-{i}",
            f"Acme settles its patent lawsuit with Globex {link}",
            handle=f"reporter{i}",
            influence=30,
            companies=[ACME],
        )
        for i, link in enumerate(["https://a.example/1", "https://b.example/2", ""])
    ]
    stories = group_stories([*flood, *told])
    assert [len(s.posts) for s in stories] == [3, 8]
    assert [s.authors for s in stories] == [3, 1]
    assert stories[0].head.post_id.startswith("told-")


def test_posts_with_one_near_duplicate_key_are_one_story_whatever_their_words() -> None:
    a = post("a", "Acme opens a plant in Ohio $ACME https://x.example/1", story="k1")
    b = post("b", "BREAKING $ACME $GLBX $INIT Acme to open plant, Ohio", story="k1")
    c = post("c", "Acme cuts its dividend", story="k2")
    stories = group_stories([a, b, c])
    assert sorted(sorted(p.post_id for p in s.posts) for s in stories) == [["a", "b"], ["c"]]
