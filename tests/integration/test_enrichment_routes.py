"""The right NER model per kind of text through the real stream (issue 14): a news post and
a tweet record different models, both get entities at offsets of their text, and
`scout reprocess --stale` finds nothing to do right after (hand-written posts)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch

from streams.index import doc_id
from streams.settings import Settings
from tests.integration.support import WorkerProcess, count_docs, scout, wait_until

StartWorker = Callable[..., WorkerProcess]

POSTS = [
    {
        "id": "route-news",
        "source": "rss",
        "text": "Northwind Traders Inc said on Monday it agreed to buy Contoso Ltd for $410"
        " million in cash.  Chief executive Maria Gonzalez said the deal would close in"
        " the second quarter, subject to approval in Brussels.",
    },
    {
        "id": "route-tweet",
        "source": "twitter",
        "text": "so @satyanadella is buying Contoso now?? Microsoft never sleeps 😅 $MSFT",
    },
    {
        "id": "route-unknown",
        "source": "unknown",
        "text": "Contoso Ltd names Maria Gonzalez chief financial officer",
    },
]


def _indexed(es: Elasticsearch, settings: Settings, post: dict[str, str]) -> dict[str, Any]:
    return dict(
        es.get(index=settings.posts_alias, id=doc_id(post["source"], post["id"]))["_source"]
    )


def test_news_and_tweets_take_their_own_model_with_right_offsets(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker, tmp_path: Path
) -> None:
    data = tmp_path / "posts.jsonl"
    data.write_text("".join(json.dumps(p) + "\n" for p in POSTS), encoding="utf-8")
    assert scout(settings, "ingest", str(data)).returncode == 0
    worker = start_worker()
    wait_until(
        lambda: count_docs(es, settings) == len(POSTS) or worker.assert_alive(),
        timeout=120,
        what="3 enriched documents",
    )
    worker.stop()
    news, tweet, unknown = (_indexed(es, settings, p) for p in POSTS)

    assert "en_core_web_md-3.7.1" in news["versions"]["model"]
    assert "ner_tweets" not in news["versions"]["model"]
    assert "ner_tweets" in tweet["versions"]["model"]
    assert "core_web_md" not in tweet["versions"]["model"]
    # A short post of unknown source is read as social text (as the deal gate reads it).
    assert unknown["versions"]["model"] == tweet["versions"]["model"]
    assert news["model"] == news["versions"]["model"]

    for post, doc in zip(POSTS, (news, tweet, unknown), strict=True):
        assert doc["entities"], doc
        for entity in doc["entities"]:
            assert post["text"][entity["start"] : entity["end"]] == entity["text"]
    found = {(e["text"], e["label"]) for e in news["entities"]}
    assert {("Contoso Ltd", "ORG"), ("Maria Gonzalez", "PERSON")} <= found
    assert news["ma"]["is_ma"] is True
    assert any(e["text"] == "@satyanadella" for e in tweet["entities"])

    offline = scout(settings, "enrich", str(data))
    assert offline.returncode == 0, offline.stderr
    records = [json.loads(line) for line in offline.stdout.splitlines()]
    for record, doc in zip(records, (news, tweet, unknown), strict=True):
        assert record["entities"] == doc["entities"]

    stale = scout(settings, "reprocess", "--stale")
    assert stale.returncode == 0, stale.stderr
    assert "written 0" in stale.stderr
