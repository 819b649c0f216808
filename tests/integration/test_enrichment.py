"""Enrichment through the real stream, and `scout enrich` giving the same answers offline."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from pydantic import SecretStr

from streams.api import create_api
from streams.index import doc_id
from streams.settings import Settings
from streams.watchlist import default_watchlist_dir
from tests.integration.support import WorkerProcess, count_docs, scout, wait_until

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "intel_posts.jsonl"
StartWorker = Callable[..., WorkerProcess]
API_TOKEN = "test-token-offsets-0123456789"


def _indexed(es: Elasticsearch, settings: Settings, source: str, post_id: str) -> dict:  # type: ignore[type-arg]
    return dict(es.get(index=settings.posts_alias, id=doc_id(source, post_id))["_source"])


def test_stream_enriches_posts_and_scout_enrich_agrees(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker
) -> None:
    assert scout(settings, "ingest", str(FIXTURE)).returncode == 0
    worker = start_worker()
    wait_until(
        lambda: count_docs(es, settings) == 6 or worker.assert_alive(),
        timeout=120,
        what="6 enriched documents",
    )

    deal = _indexed(es, settings, "fixture", "in-01")
    assert deal["ma"]["is_ma"] is True
    assert deal["ma"]["acquirer"]["id"] == "company:MSFT"
    assert "fabrikam" in deal["ma"]["target"]["name"].lower()
    assert deal["ma"]["amount"] and "2 billion" in deal["ma"]["amount"]
    assert "company:MSFT" in deal["entity_ids"]
    assert deal["versions"]["watchlist"] and deal["versions"]["enrichment"] >= 1
    assert deal["influence"]["score"] > 0

    norwegian = _indexed(es, settings, "fixture", "in-02")
    assert norwegian["lang"] == "no"
    assert "company:MSFT" in norwegian["entity_ids"]

    move = _indexed(es, settings, "fixture", "in-03")
    assert move["moves"][0]["direction"] == "joins"
    assert move["moves"][0]["role"] == "chief financial officer"

    ambiguous = _indexed(es, settings, "fixture", "in-04")
    assert "company:TGT" not in ambiguous.get("entity_ids", [])

    tweet = _indexed(es, settings, "twitter", "1300000000000000007")
    assert "company:AAPL" in tweet["entity_ids"]
    assert tweet["author"]["handle"] == "chip_chat"

    # Offline: the same code path gives the same enrichment, line for line.
    offline = scout(settings, "enrich", str(FIXTURE))
    assert offline.returncode == 0, offline.stderr
    records = [json.loads(line) for line in offline.stdout.splitlines()]
    assert [r["id"] for r in records] == [
        "in-01",
        "in-02",
        "in-03",
        "in-04",
        "in-05",
        "1300000000000000007",
    ]
    for record in records:
        stored = _indexed(es, settings, record["source"], record["id"])
        assert record["entities"] == stored["entities"]
        assert record["ma"] == stored["ma"]
        assert record["sentiment"] == stored["sentiment"]
        assert record["author"]["influence"] == stored["influence"]["score"]

    leaders = scout(
        settings, "leaders", "--until", "2026-04-04T00:00:00+00:00", "--window", "1d", "--json"
    )
    assert leaders.returncode == 0, leaders.stderr
    ranked = json.loads(leaders.stdout)
    assert ranked["top"][0]["handle"] in {"deal_desk", "chip_chat"}
    assert {v["handle"] for v in ranked["top"]} >= {"deal_desk", "chip_chat", "nordic_notes"}
    first = ranked["top"][0]
    one = scout(
        settings, "leaders", "--until", "2026-04-04T00:00:00+00:00", "--window", "1d", "--json",
        "--author", f"@{first['handle'].upper()}",
    )  # fmt: skip
    assert one.returncode == 0, one.stderr
    rising = first["handle"] in {v["handle"] for v in ranked["rising"]}
    assert json.loads(one.stdout) == {**first, "rising": rising}
    nobody = scout(settings, "leaders", "--until", "2026-04-04T00:00:00+00:00", "--author", "x_y")
    assert nobody.returncode != 0 and "no posts by @x_y" in nobody.stderr


def test_worker_picks_up_watch_list_changes_without_a_restart(
    settings: Settings, es: Elasticsearch, tmp_path: Path
) -> None:
    lists = tmp_path / "watchlists"
    shutil.copytree(default_watchlist_dir(), lists, ignore=shutil.ignore_patterns("*.py"))
    settings = settings.model_copy(update={"watchlist_dir": lists, "watchlist_check_s": 0.2})
    before = tmp_path / "before.jsonl"
    before.write_text(json.dumps({"id": "wl-1", "text": "Fabrikam ships a new robot arm"}) + "\n")
    assert scout(settings, "ingest", str(before)).returncode == 0

    worker = WorkerProcess(settings, tmp_path / "worker.log")
    try:
        wait_until(
            lambda: count_docs(es, settings) == 1 or worker.assert_alive(),
            timeout=90,
            what="the first post",
        )
        first = _indexed(es, settings, "unknown", "wl-1")
        assert "company:FABR" not in first.get("entity_ids", [])

        (lists / "companies.custom.yaml").write_text(
            "companies:\n  - id: company:FABR\n    name: Fabrikam\n    competitor: true\n"
        )
        time.sleep(0.5)
        after = tmp_path / "after.jsonl"
        after.write_text(
            json.dumps({"id": "wl-2", "text": "Fabrikam ships a new robot arm"}) + "\n"
        )
        assert scout(settings, "ingest", str(after)).returncode == 0
        wait_until(
            lambda: count_docs(es, settings) == 2 or worker.assert_alive(),
            timeout=60,
            what="the second post",
        )
        second = _indexed(es, settings, "unknown", "wl-2")
        assert "company:FABR" in second["entity_ids"]
        assert second["versions"]["watchlist"] != first["versions"]["watchlist"]
        assert [c["id"] for c in second["competitors"]] == ["company:FABR"]
    finally:
        worker.stop()


def test_offsets_index_the_text_as_given_in_the_index_and_the_api(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker, tmp_path: Path
) -> None:
    # issue 14 point 4: CRLF, doubled blanks, tabs, an emoji family (ZWJ), a variation
    # selector, a zero-width space inside a watched name, a decomposed accent.
    text = (
        "  Micro\u200bsoft agrees to buy  Fabrikam\r\n\r\n\U0001f468\u200d\U0001f469\u200d"
        "\U0001f467 for $2 billion,\tsays Cafe\u0301 owner Satya Nadella \u2764\ufe0f "
    )
    posts = tmp_path / "offsets.jsonl"
    posts.write_text(json.dumps({"id": "off-1", "text": text, "source": "fixture"}) + "\n")
    assert scout(settings, "ingest", str(posts)).returncode == 0
    worker = start_worker()
    wait_until(
        lambda: count_docs(es, settings) == 1 or worker.assert_alive(),
        timeout=120,
        what="the post with CRLF and emoji",
    )

    def holds(body: dict, what: str) -> None:  # type: ignore[type-arg]
        assert body["text"] == text, f"{what}: the text as given"
        assert body["entities"], what
        for entity in body["entities"]:
            assert text[entity["start"] : entity["end"]] == entity["text"], (what, entity)

    stored = _indexed(es, settings, "fixture", "off-1")
    holds(stored, "indexed document")
    msft = [e for e in stored["entities"] if e.get("id") == "company:MSFT"]
    assert [text[e["start"] : e["end"]] for e in msft] == ["Micro\u200bsoft"]
    assert "company:MSFT" in stored["entity_ids"]
    assert stored["text_match"].startswith("Microsoft agrees to buy Fabrikam\n\n")

    api_settings = settings.model_copy(update={"api_token": SecretStr(API_TOKEN)})
    with TestClient(
        create_api(api_settings), headers={"Authorization": f"Bearer {API_TOKEN}"}
    ) as api:
        one = api.get(f"/posts/{doc_id('fixture', 'off-1')}")
        assert one.status_code == 200, one.text
        holds(one.json(), "GET /posts/{doc_id}")
        found = api.get("/posts", params={"q": "microsoft"})
        assert found.status_code == 200, found.text
        (item,) = found.json()["items"]
        holds(item, "GET /posts?q=")

    offline = scout(settings, "enrich", str(posts))
    assert offline.returncode == 0, offline.stderr
    (record,) = [json.loads(line) for line in offline.stdout.splitlines()]
    holds(record, "scout enrich")
    assert record["entities"] == stored["entities"]
