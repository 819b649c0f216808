"""LinkedIn and Facebook data exports through a real ``scout backfill`` into Kafka, a real
worker and Elasticsearch (issue 15 point 7)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from elasticsearch import Elasticsearch

from streams.index import doc_id
from streams.settings import Settings
from tests.integration.support import WorkerProcess, count_docs, scout, wait_until

StartWorker = Callable[..., WorkerProcess]
EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
SHARES = EXPORTS / "linkedin" / "Shares.csv"
FB_POSTS = EXPORTS / "facebook" / "your_activity_across_facebook" / "posts" / "your_posts_1.json"


def test_linkedin_and_facebook_exports_are_backfilled_and_indexed(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker
) -> None:
    run = scout(settings, "backfill", str(SHARES), str(FB_POSTS), "--author", "jana-example")
    assert run.returncode == 0, run.stderr
    assert "read 7, published 4" in run.stderr, run.stderr
    assert "empty_text: 2" in run.stderr and "unknown_shape: 1" in run.stderr

    worker = start_worker()

    def indexed() -> bool:
        worker.assert_alive()
        return count_docs(es, settings) >= 4

    wait_until(indexed, timeout=180, what="4 documents")
    assert count_docs(es, settings) == 4
    share_id = doc_id("linkedin", "urn:li:share:7100000000000000001")
    share = es.get(index=settings.posts_alias, id=share_id)["_source"]
    assert share["created_at"].startswith("2026-03-02T08:15:00")
    assert (share["author"]["handle"], share["author"]["name"]) == ("jana-example", "Jana Example")
    assert '"a deal, not a rumour"' in share["text"]
    assert "company:ORCL" in share["entity_ids"]
    assert share["backfill"]["alerts"] is False
    found = es.search(
        index=settings.posts_alias, query={"term": {"source": "facebook"}}, sort=["created_at"]
    )["hits"]["hits"]
    first = found[0]["_source"]
    assert [h["_source"]["source"] for h in found] == ["facebook", "facebook"]
    assert first["text"] == "Cisco buys a München start-up — café talk says Oracle is next."
    assert first["author"]["name"] == "Jana Exämple"
    assert first["url"] == "https://news.example.org/fb/1"

    again = scout(settings, "backfill", str(SHARES), str(FB_POSTS), "--author", "jana-example")
    assert "already completed" in again.stderr  # the same run, checkpointed
    rerun = scout(
        settings, "backfill", str(SHARES), str(FB_POSTS), "--author", "jana-example", "--restart"
    )
    assert rerun.returncode == 0, rerun.stderr

    def reindexed() -> bool:
        worker.assert_alive()
        doc = es.get(index=settings.posts_alias, id=share_id)["_source"]
        return bool(doc["indexed_at"] != share["indexed_at"])

    wait_until(reindexed, timeout=120, what="the export published again to be indexed")
    assert count_docs(es, settings) == 4  # the same documents, overwritten
