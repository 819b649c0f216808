"""A restarted worker still knows the deals it had learnt: its deal registry is warmed from
the index at start-up (``streams.index.deals``), so a remark on a known deal is read the
same after a restart as before it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from elasticsearch import Elasticsearch

from streams.index import doc_id
from streams.index.deals import indexed_deals
from streams.settings import Settings
from tests.integration.support import WorkerProcess, count_docs, scout, wait_until

StartWorker = Callable[..., WorkerProcess]

# Two news stories telling one deal (enough for a worker to know it), then a remark naming
# both parties that reads as no deal on its own.
STORIES = (
    "Globex agrees to buy Initech for $3.1 billion in cash",
    "Initech to be acquired by Globex in $3.1 billion deal, the companies said",
)
REMARK = "lol will Globex and Initech ever seal that merger?? my puts say no"


def _write(path: Path, posts: list[tuple[str, str, str, datetime]]) -> Path:
    with path.open("w") as f:
        for post_id, text, source, when in posts:
            record = {"id": post_id, "text": text, "source": source, "created_at": when.isoformat()}
            f.write(json.dumps(record) + "\n")
    return path


def test_a_restarted_worker_reads_a_remark_on_a_deal_it_learnt_before(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker, tmp_path: Path
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    told = [
        (f"story-{n}", text, "rss", now - timedelta(days=3, hours=-n))
        for n, text in enumerate(STORIES)
    ]
    assert scout(settings, "ingest", str(_write(tmp_path / "told.jsonl", told))).returncode == 0
    first = start_worker("first")
    wait_until(
        lambda: count_docs(es, settings) == 2 or first.assert_alive(),
        timeout=120,
        what="the two stories indexed",
    )
    first.stop()
    known = list(indexed_deals(es, settings.posts_alias, now=now, horizon=timedelta(days=30)))
    assert len(known) == 2, "both stories are indexed as the deal"

    remark = [("remark-1", REMARK, "twitter", now - timedelta(days=1))]
    assert scout(settings, "ingest", str(_write(tmp_path / "remark.jsonl", remark))).returncode == 0
    second = start_worker("second")
    wait_until(
        lambda: count_docs(es, settings) == 3 or second.assert_alive(),
        timeout=120,
        what="the remark indexed",
    )
    second.stop()
    doc = es.get(index=settings.posts_alias, id=doc_id("twitter", "remark-1"))["_source"]
    assert doc["ma"]["is_ma"] is True, doc["ma"]
    assert doc["ma"]["acquirer"]["name"] == "Globex"
    assert doc["ma"]["target"]["name"] == "Initech"
    assert "deal registry: 1 deal known from the index" in second.log_path.read_text()
