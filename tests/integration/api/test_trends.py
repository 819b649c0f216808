"""Entity timelines and share of voice over enriched, indexed fixture posts."""

from __future__ import annotations

from fastapi.testclient import TestClient

from models.enriched import EnrichedPost
from tests.integration.api.data_support import indexed  # noqa: F401 - fixture

RANGE = {"since": "2026-04-01", "until": "2026-04-05"}


def test_timeline_counts_mentions_per_bucket_with_empty_ones(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    body = api.get("/entities/company:MSFT/timeline", params={**RANGE, "interval": "1d"}).json()
    assert body["total"] == 4
    assert [(b["start"][:10], b["count"]) for b in body["buckets"]] == [
        ("2026-04-01", 1),
        ("2026-04-02", 0),
        ("2026-04-03", 2),
        ("2026-04-04", 1),
    ]
    hourly = api.get("/entities/company:NVDA/timeline", params={**RANGE, "interval": "12h"})
    assert len(hourly.json()["buckets"]) == 8 and hourly.json()["total"] == 2


def test_timeline_errors(api: TestClient, indexed: dict[str, EnrichedPost]) -> None:  # noqa: F811
    too_many = api.get("/entities/company:MSFT/timeline", params={"since": "30d", "interval": "1m"})
    assert too_many.status_code == 400 and too_many.json()["code"] == "SCOUT-E502"
    assert (
        api.get("/entities/company:MSFT/timeline", params={"interval": "daily"}).status_code == 422
    )
    nothing = api.get("/entities/company:NONE/timeline").json()
    assert nothing["total"] == 0 and len(nothing["buckets"]) in {30, 31}


def test_share_of_voice_of_given_entities_and_by_default_the_top_competitors(
    api: TestClient,
    indexed: dict[str, EnrichedPost],  # noqa: F811
) -> None:
    given = api.get(
        "/share-of-voice", params={**RANGE, "entity": ["company:NVDA", "company:MSFT"]}
    ).json()
    assert given["chosen"] == "given" and given["entities"] == ["company:NVDA", "company:MSFT"]
    assert given["overall"]["counts"] == {"company:NVDA": 2, "company:MSFT": 4}
    assert given["overall"]["shares"] == {"company:NVDA": 0.3333, "company:MSFT": 0.6667}
    day3 = given["buckets"][2]
    assert day3["start"].startswith("2026-04-03")
    assert day3["counts"] == {"company:NVDA": 1, "company:MSFT": 2}
    assert given["buckets"][1]["shares"] == {"company:NVDA": 1.0, "company:MSFT": 0.0}

    default = api.get("/share-of-voice", params=RANGE).json()
    assert default["chosen"] == "top_competitors"
    assert default["entities"] == ["company:MSFT", "company:NVDA"]
    assert default["overall"]["total"] == 6
    assert api.get("/share-of-voice", params={**RANGE, "top": 1}).json()["entities"] == [
        "company:MSFT"
    ]
    empty = api.get("/share-of-voice", params={"since": "2020-01-01", "until": "2020-01-02"})
    assert empty.json()["entities"] == [] and empty.json()["overall"]["total"] == 0
