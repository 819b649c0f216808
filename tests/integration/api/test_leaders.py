"""``GET /leaders`` over enriched, indexed fixture posts."""

from __future__ import annotations

from fastapi.testclient import TestClient

from models.enriched import EnrichedPost
from tests.integration.api.data_support import indexed  # noqa: F401 - fixture


def test_top_voices_of_the_range_ranked_by_score(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    body = api.get(
        "/leaders", params={"window": "1d", "baseline": 7, "until": "2026-04-05T00:00:00Z"}
    ).json()
    handles = [v["handle"] for v in body["top"]]
    # 8 days back from `until`: everyone but old_news (ten days before April 1st).
    assert sorted(handles) == sorted(
        ["deal_desk", "rumor_mill", "chip_chat", "hr_watch", "cloud_ops", "nordic_notes"]
    )
    scores = [v["score"] for v in body["top"]]
    assert scores == sorted(scores, reverse=True)
    desk = next(v for v in body["top"] if v["handle"] == "deal_desk")
    assert desk["posts"] == 2 and desk["relevant_posts"] == 2
    assert body["rising"] == []  # nobody wrote twice in the last day
    assert len(api.get("/leaders", params={"until": "2026-04-05", "top": 2}).json()["top"]) == 2


def test_bad_windows_are_refused(api: TestClient) -> None:
    assert api.get("/leaders", params={"window": "a week"}).status_code == 422
    bad = api.get("/leaders", params={"until": "soon"})
    assert bad.status_code == 400 and bad.json()["code"] == "SCOUT-E042"


def test_one_author_by_handle_any_case_and_with_at(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    params = {"window": "1d", "baseline": 7, "until": "2026-04-05T00:00:00Z"}
    body = api.get("/leaders/@Deal_Desk", params=params).json()
    assert body["voice"]["handle"] == "deal_desk"
    assert (body["voice"]["posts"], body["voice"]["relevant_posts"]) == (2, 2)
    assert body["rising"] is False
    ranked = api.get("/leaders", params=params).json()["top"]
    assert body["voice"] == next(v for v in ranked if v["handle"] == "deal_desk")
    missing = api.get("/leaders/old_news", params=params)  # wrote ten days before April 1st
    assert missing.status_code == 404 and "@old_news" in missing.json()["detail"]


def test_an_empty_range_says_so_and_how_to_move_it(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    body = api.get("/leaders", params={"until": "2030-01-01T00:00:00Z"}).json()
    assert body["top"] == [] and body["rising"] == []
    assert body["since"].startswith("2029-12-24T00:00:00")
    assert body["note"].startswith("No posts from 2029-12-24 00:00 UTC to 2030-01-01 00:00 UTC")
    assert "until=2026-04-0" in body["note"] and "window=" in body["note"]
    found = api.get("/leaders", params={"until": "2026-04-05T00:00:00Z"}).json()
    assert found["top"] and found["rising"] == []
    assert found["note"].startswith("No rising voices")
