"""``/rules`` against the real Elasticsearch: CRUD, validation, secrets, replay."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from models.enriched import EnrichedPost
from models.post import Author
from streams.index.client import make_client
from streams.index.documents import doc_id
from streams.settings import Settings
from tests.integration.api.data_support import drop_alert_indices, index_docs
from tests.integration.support import scout
from tests.unit.alerts.matching.variants import SENTENCE, reposts

DEALS: dict[str, Any] = {
    "id": "deals",
    "name": "Deals",
    "owner": "strategy",
    "query": "acquire OR buy",
    "conditions": {"signals": ["ma"], "languages": ["en"]},
    "channels": [
        {"type": "webhook", "url": "https://hooks.example.com/x/y?k=z", "secret_env": "DEALS_KEY"},
        {"type": "slack", "url": "https://hooks.slack.com/services/T0/B0/XXXX"},
    ],
    "throttle_s": 1800,
}


@pytest.fixture
def rules_api(api: TestClient, settings: Settings) -> Iterator[TestClient]:
    yield api
    drop_alert_indices(settings)


def _no_secrets(text: str) -> None:
    assert "s3cr3t" not in text
    assert "/x/y" not in text and "XXXX" not in text


def test_create_get_list_update_delete(rules_api: TestClient) -> None:
    created = rules_api.post("/rules", json=DEALS)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == "/rules/deals"
    body = created.json()
    _no_secrets(created.text)
    assert body["channels"] == [
        {
            "type": "webhook",
            "target": "webhook:hooks.example.com",
            "name": None,
            "signed": True,
            "secret_env": "DEALS_KEY",
        },
        {
            "type": "slack",
            "target": "slack:hooks.slack.com",
            "name": None,
            "signed": False,
            "secret_env": None,
        },
    ]
    assert body["created_at"] and body["throttle_s"] == 1800 and body["dedup"] == "story"

    rules_api.post("/rules", json={"id": "quiet", "name": "Quiet", "owner": "ops"})
    listed = rules_api.get("/rules", params={"size": 1}).json()
    assert listed["total"] == 2 and [r["id"] for r in listed["items"]] == ["deals"]
    assert listed["next_page"] == 2
    assert [r["id"] for r in rules_api.get("/rules", params={"owner": "ops"}).json()["items"]] == [
        "quiet"
    ]
    _no_secrets(rules_api.get("/rules").text)

    got = rules_api.get("/rules/deals")
    assert got.json()["query"] == "acquire OR buy"
    _no_secrets(got.text)

    patched = rules_api.patch(
        "/rules/deals",
        json={
            "enabled": False,
            "conditions": {"languages": ["no"], "categories": ["news"], "min_signal": 0.5},
        },
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["enabled"] is False
    # Conditions are merged key by key: the signal stays.
    assert patched.json()["conditions"]["signals"] == ["ma"]
    assert patched.json()["conditions"]["languages"] == ["no"]
    assert patched.json()["conditions"]["categories"] == ["news"]
    assert patched.json()["conditions"]["min_signal"] == 0.5
    # The secret is kept when the channels are not changed.
    assert rules_api.get("/rules/deals").json()["channels"][0]["signed"] is True
    assert [
        r["id"] for r in rules_api.get("/rules", params={"enabled": False}).json()["items"]
    ] == ["deals"]

    assert rules_api.delete("/rules/deals").status_code == 204
    gone = rules_api.get("/rules/deals")
    assert gone.status_code == 404 and gone.json()["code"] == "SCOUT-E083"
    assert rules_api.delete("/rules/deals").status_code == 404


def test_validation_like_the_cli(rules_api: TestClient) -> None:
    assert rules_api.post("/rules", json=DEALS).status_code == 201

    duplicate = rules_api.post("/rules", json=DEALS)
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "SCOUT-E082"

    rejected = rules_api.post("/rules", json={**DEALS, "id": "bad", "query": "text:(oops"})
    assert rejected.status_code == 400
    assert rejected.json()["code"] == "SCOUT-E081"
    assert "Cannot parse" in rejected.json()["detail"]
    assert "Was expecting" not in rejected.json()["detail"]

    bad_dsl = rules_api.patch(
        "/rules/deals", json={"query_dsl": {"match": {"text": {"bogus_option": 1}}}}
    )
    assert bad_dsl.status_code == 400 and "rejected the query" in bad_dsl.json()["detail"]
    unknown = rules_api.patch("/rules/deals", json={"query_dsl": {"bogus": {}}})
    assert unknown.status_code == 422 and unknown.json()["code"] == "SCOUT-E087"

    for bad in (
        {**DEALS, "id": "Has Spaces"},
        {**DEALS, "id": "ok", "mode": "weekly"},
        {**DEALS, "id": "ok", "channels": [{"type": "webhook", "url": "ftp://x.example"}]},
        {"id": "ok", "name": "n"},
    ):
        assert rules_api.post("/rules", json=bad).status_code == 422, bad
    assert rules_api.patch("/rules/deals", json={"throttle_s": -1}).status_code == 422
    assert rules_api.patch("/rules/deals", json={"colour": "red"}).status_code == 422
    null_name = rules_api.patch("/rules/deals", json={"name": None})
    assert null_name.status_code == 422 and null_name.json()["code"] == "SCOUT-E084"
    assert rules_api.patch("/rules/nope", json={"enabled": False}).status_code == 404
    assert rules_api.get("/rules/deals").json()["enabled"] is True  # nothing changed

    digest = {"id": "daily", "name": "Daily", "owner": "o", "query": "x", "mode": "daily"}
    assert rules_api.post("/rules", json=digest).status_code == 201
    replayed = rules_api.post("/rules/daily/test")  # a digest rule is replayed too
    assert replayed.status_code == 200 and replayed.json()["kind"] == "digest", replayed.text


def test_put_replaces_a_rule_as_a_whole(rules_api: TestClient) -> None:
    created = rules_api.post("/rules", json=DEALS).json()
    replacement = {
        "id": "deals",
        "name": "Mergers",
        "owner": "corp-dev",
        "query": "merger",
        "channels": [{"type": "teams", "url": "https://example.webhook.office.com/w/abc"}],
    }
    put = rules_api.put("/rules/deals", json=replacement)
    assert put.status_code == 200, put.text
    body = put.json()
    # Absent fields take their defaults: conditions, throttle and the old channels are gone.
    assert body["name"] == "Mergers" and body["query"] == "merger"
    assert body["conditions"] == {
        "entity_ids": [],
        "signals": [],
        "min_influence": None,
        "languages": [],
        "categories": [],
        "min_signal": None,
    }
    assert body["throttle_s"] == 0 and body["dedup"] == "story"
    assert body["channels"] == [
        {
            "type": "teams",
            "target": "teams:example.webhook.office.com",
            "name": None,
            "signed": False,
            "secret_env": None,
        }
    ]
    assert "/w/abc" not in put.text
    assert body["created_at"] == created["created_at"]
    assert body["updated_at"] > created["updated_at"]
    assert rules_api.get("/rules/deals").json() == body

    # Validated exactly like a create; nothing changes when it is refused.
    missing = rules_api.put("/rules/nope", json={**replacement, "id": "nope"})
    assert missing.status_code == 404 and missing.json()["code"] == "SCOUT-E083"
    other_id = rules_api.put("/rules/deals", json={**replacement, "id": "other"})
    assert other_id.status_code == 422 and other_id.json()["code"] == "SCOUT-E084"
    rejected = rules_api.put("/rules/deals", json={**replacement, "query": "text:(oops"})
    assert rejected.status_code == 400 and rejected.json()["code"] == "SCOUT-E081"
    for bad in (
        {**replacement, "mode": "weekly"},
        {**replacement, "spike": {"window_s": 3600}, "mode": "daily"},
        {"id": "deals", "name": "n"},
    ):
        assert rules_api.put("/rules/deals", json=bad).status_code == 422, bad
    assert rules_api.get("/rules/deals").json() == body


def test_a_rule_cannot_read_other_indices_or_store_a_secret_in_clear(
    rules_api: TestClient, settings: Settings
) -> None:
    """Issue 12 point 7: a `terms` lookup into the rules index reading `channels.secret`
    was accepted by /rules/test and POST /rules; secrets were stored in clear."""
    rules_index = f"{settings.index_prefix}-rules"
    es = make_client(settings)
    # A rule stored in clear by an earlier version (written directly, as it was then).
    legacy = {**DEALS, "id": "legacy", "channels": [{**DEALS["channels"][0], "secret": "s3cr3t"}]}
    del legacy["channels"][0]["secret_env"]
    rules_api.post("/rules", json={"id": "quiet", "name": "Quiet", "owner": "ops"})  # the index
    es.index(index=rules_index, id="legacy", document=legacy, refresh=True)

    lookup = {"terms": {"text": {"index": rules_index, "id": "legacy", "path": "channels.secret"}}}
    spy = {"id": "spy", "name": "Spy", "owner": "x", "query_dsl": {"bool": {"filter": [lookup]}}}
    for answer in (rules_api.post("/rules", json=spy), rules_api.post("/rules/test", json=spy)):
        assert answer.status_code == 422, answer.text
        assert answer.json()["code"] == "SCOUT-E087"
        assert "query_dsl.bool.filter[0].terms.text" in answer.json()["detail"]
    script = {**spy, "query_dsl": {"script": {"script": "doc['text'].size() > 0"}}}
    assert rules_api.post("/rules/test", json=script).json()["code"] == "SCOUT-E087"
    assert rules_api.get("/rules/spy").status_code == 404

    in_clear = {**DEALS, "id": "clear", "channels": [{**DEALS["channels"][0], "secret": "n3w"}]}
    refused = rules_api.post("/rules", json=in_clear)
    assert refused.status_code == 422 and refused.json()["code"] == "SCOUT-E088"
    assert "n3w" not in refused.text and "secret_env" in refused.json()["detail"]
    patch = rules_api.patch("/rules/quiet", json={"channels": in_clear["channels"]})
    assert patch.status_code == 422 and patch.json()["code"] == "SCOUT-E088"

    # The legacy rule still signs, and a change that leaves its channels alone keeps it.
    assert rules_api.patch("/rules/legacy", json={"enabled": False}).status_code == 200
    assert rules_api.get("/rules/legacy").json()["channels"][0]["signed"] is True
    stored = es.get(index=rules_index, id="legacy")["_source"]
    assert stored["channels"][0]["secret"] == "s3cr3t"
    # New rules store the variable's name only.
    assert rules_api.post("/rules", json=DEALS).status_code == 201
    assert "s3cr3t" not in str(es.get(index=rules_index, id="deals")["_source"])
    assert es.get(index=rules_index, id="deals")["_source"]["channels"][0] == {
        **DEALS["channels"][0],
        "secret": None,
        "name": None,
    }
    es.close()


NOW = datetime.now(UTC).replace(microsecond=0)


def _doc(i: int, text: str, at: datetime, **extra: Any) -> EnrichedPost:
    return EnrichedPost(
        doc_id=doc_id("replay", f"r{i:03d}"),
        post_id=f"r{i:03d}",
        source="replay",
        text=text,
        created_at=at,
        author=Author(handle=f"user{i}"),
        url=None,
        lang="en",
        entities=(),
        model="test",
        **extra,
    )


@pytest.fixture
def history(settings: Settings) -> list[EnrichedPost]:
    """One story told 25 times over two hours (some with an extra word), two other deals,
    an unrelated post and a month-old repost."""
    start = NOW - timedelta(days=1)
    docs = [_doc(0, SENTENCE, start)]
    docs += [
        _doc(i + 1, t, start + timedelta(minutes=5 * (i + 1)))
        for i, t in enumerate(reposts(12) + reposts(12, seed=3, content_word=True))
    ]
    docs.append(
        _doc(
            50, "Alphabet agrees to acquire Wiz for $32 billion in cash", start + timedelta(hours=3)
        )
    )
    docs.append(
        _doc(51, "Cisco to acquire Splunk in a $28 billion deal", start + timedelta(hours=4))
    )
    docs.append(_doc(52, "Nvidia shares fall after export curbs", start + timedelta(hours=5)))
    docs.append(_doc(60, SENTENCE, NOW - timedelta(days=30)))
    index_docs(settings, docs)
    return docs


def test_replay_groups_by_the_live_dedup_key(
    rules_api: TestClient, settings: Settings, history: list[EnrichedPost]
) -> None:
    rule = {"id": "acq", "name": "Acquisitions", "owner": "it", "query": "acquire"}
    assert rules_api.post("/rules", json=rule).status_code == 201

    replay = rules_api.post("/rules/acq/test", params={"since": "7d"})
    assert replay.status_code == 200, replay.text
    body = replay.json()
    assert body["matching_posts"] == 27 and body["complete"] is True
    assert body["silent_backfill"] == 0  # none of these posts came from a backfill
    assert body["alerts"] == 3 and body["dedup"] == "story"
    story = body["groups"][0]
    assert story["count"] == 25
    assert story["sample"]["post_id"] == "r000"  # the first post carries the alert
    assert [g["count"] for g in body["groups"][1:]] == [1, 1]

    # Per post: every match alerts; with a 1h throttle the story splits per window.
    rules_api.patch("/rules/acq", json={"dedup": "post"})
    assert rules_api.post("/rules/acq/test").json()["alerts"] == 27
    rules_api.patch("/rules/acq", json={"dedup": "story", "throttle_s": 3600})
    windows = rules_api.post("/rules/acq/test", params={"size": 10}).json()
    story_windows = [g for g in windows["groups"] if g["dedup_value"] == story["dedup_value"]]
    hours = {int(d.created_at.timestamp() // 3600) for d in history[:25] if d.created_at}
    assert windows["alerts"] == len(windows["groups"]) == 2 + len(story_windows)
    assert len(story_windows) == len(hours) >= 2
    assert sum(g["count"] for g in story_windows) == 25
    assert {g["window_start"][:13] for g in story_windows} == {
        datetime.fromtimestamp(h * 3600, tz=UTC).isoformat()[:13] for h in hours
    }

    # Longer range: the month-old copy is one more story window.
    assert rules_api.post("/rules/acq/test", params={"since": "60d"}).json()["matching_posts"] == 28

    # Paging over groups, an unsaved draft, errors.
    paged = rules_api.post("/rules/acq/test", params={"size": 1, "page": 2}).json()
    assert len(paged["groups"]) == 1 and paged["page"] == 2
    draft = rules_api.post("/rules/test", json={**rule, "id": "draft", "query": "splunk"})
    assert draft.status_code == 200 and draft.json()["alerts"] == 1
    assert rules_api.get("/rules/draft").status_code == 404  # not saved
    assert rules_api.post("/rules/nope/test").status_code == 404
    bad = rules_api.post("/rules/acq/test", params={"since": "last week"})
    assert bad.status_code == 400 and bad.json()["code"] == "SCOUT-E042"

    # The CLI prints the same grouping.
    printed = scout(settings, "rules", "test", "acq", "--since", "7d")
    assert printed.returncode == 0, printed.stderr
    assert "27 matching posts" in printed.stdout
    assert f"would have fired {windows['alerts']} alerts" in printed.stdout
