"""Deletions on posts.raw: the worker deletes their documents, idempotently, in order with
the posts of the same document, and a bad or refused deletion is dead-lettered alone."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any, cast

from models.dead_letter import DeadLetter
from models.enriched import EnrichedPost
from models.post import Post
from streams.index import BulkSink, build_document, doc_id
from streams.settings import Settings
from streams.worker.batch import RawMessage, plan_batch
from streams.worker.indexing import index_batch
from streams.worker.runtime import Runtime


class _Response:
    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body


class _Elasticsearch:
    """An index in a dict, answering bulk index and delete operations like Elasticsearch
    (a missing document: 404 ``not_found``; an id in ``refuse``: a 400 error)."""

    def __init__(self, docs: dict[str, dict[str, Any]], refuse: frozenset[str]) -> None:
        self.docs = docs
        self.refuse = refuse
        self.requests: list[list[str]] = []

    async def bulk(self, *, operations: list[dict[str, Any]], require_alias: bool) -> _Response:
        assert require_alias
        items, ops, it = [], [], iter(operations)
        for action in it:
            [(op, meta)] = action.items()
            ops.append(op)
            if op == "index":
                self.docs[meta["_id"]] = next(it)
                items.append({"index": {"status": 201, "_id": meta["_id"]}})
            elif meta["_id"] in self.refuse:
                error = {"type": "illegal_argument_exception", "reason": "no"}
                items.append({"delete": {"status": 400, "error": error}})
            elif self.docs.pop(meta["_id"], None) is None:
                items.append({"delete": {"status": 404, "result": "not_found"}})
            else:
                items.append({"delete": {"status": 200, "result": "deleted"}})
        self.requests.append(ops)
        return _Response({"items": items})


class _Enricher:
    def enrich(self, posts: Sequence[Post]) -> list[EnrichedPost]:
        return [build_document(p, [], model="m") for p in posts]


class _Topic:
    def __init__(self) -> None:
        self.sent: list[DeadLetter] = []

    async def send(self, *, key: bytes, value: bytes) -> asyncio.Future[None]:
        self.sent.append(DeadLetter.model_validate_json(value))
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


def _runtime(es: _Elasticsearch) -> Runtime:
    return cast(
        Runtime,
        SimpleNamespace(
            settings=Settings(max_text_chars=1000, retry_max_s=0.01),
            enricher=_Enricher(),
            sink=BulkSink(es, "scout-posts"),  # type: ignore[arg-type]
            executor=ThreadPoolExecutor(max_workers=1),
        ),
    )


def _post(offset: int, post_id: str, text: str = "hello") -> RawMessage:
    value = json.dumps({"id": post_id, "text": text, "source": "mastodon"}).encode()
    return RawMessage(value=value, topic="posts.raw", partition=0, offset=offset)


def _delete(offset: int, post_id: str) -> RawMessage:
    value = json.dumps({"op": "delete", "source": "mastodon", "id": post_id}).encode()
    return RawMessage(value=value, topic="posts.raw", partition=0, offset=offset)


def _plan(*messages: RawMessage) -> Any:
    return plan_batch(messages, max_message_bytes=10_000, max_text_chars=100)


def test_a_post_followed_by_its_deletion_in_one_batch_is_not_indexed() -> None:
    plan = _plan(_post(0, "a"), _post(1, "b"), _delete(2, "a"))
    assert [p.id for p in plan.posts] == ["b"]
    assert [(d.source, d.id) for d in plan.deletions] == [("mastodon", "a")]
    assert [m.offset for m in plan.deletion_origins] == [2]
    assert plan.superseded == 1


def test_a_deletion_followed_by_the_post_again_is_dropped() -> None:
    plan = _plan(_delete(0, "a"), _post(1, "a"))
    assert [p.id for p in plan.posts] == ["a"] and plan.deletions == []


def test_two_versions_of_a_post_are_both_kept_in_order() -> None:
    plan = _plan(_post(0, "a", "first"), _post(1, "a", "edited"))
    assert [p.text for p in plan.posts] == ["first", "edited"] and plan.superseded == 0


def test_the_same_id_from_another_source_is_another_document() -> None:
    other = json.dumps({"id": "a", "text": "hi", "source": "bluesky"}).encode()
    plan = _plan(RawMessage(value=other, offset=0), _delete(1, "a"))
    assert [p.source for p in plan.posts] == ["bluesky"] and len(plan.deletions) == 1


def test_the_worker_deletes_the_document_and_a_missing_one_is_harmless() -> None:
    es = _Elasticsearch({doc_id("mastodon", "old"): {"post_id": "old"}}, refuse=frozenset())
    dlq = _Topic()
    batch = [_post(0, "new"), _delete(1, "old"), _delete(2, "never-indexed")]
    assert asyncio.run(index_batch(_runtime(es), dlq, batch)) == (1, 0)
    assert set(es.docs) == {doc_id("mastodon", "new")}
    assert dlq.sent == []
    assert es.requests == [["index"], ["delete", "delete"]]


def test_a_bad_or_refused_deletion_is_dead_lettered_alone() -> None:
    refused = doc_id("mastodon", "stuck")
    es = _Elasticsearch(
        {refused: {"post_id": "stuck"}, doc_id("mastodon", "gone"): {}}, refuse=frozenset({refused})
    )
    dlq = _Topic()
    bad = RawMessage(value=b'{"op": "delete", "source": "mastodon"}', offset=1)
    batch = [_post(0, "a"), bad, _delete(2, "stuck"), _delete(3, "gone")]
    assert asyncio.run(index_batch(_runtime(es), dlq, batch)) == (1, 2)
    assert set(es.docs) == {refused, doc_id("mastodon", "a")}
    letters = {d.offset: (d.stage, d.reason, d.post_id) for d in dlq.sent}
    assert letters == {1: ("normalize", "unknown_shape", None), 2: ("index", "refused", "stuck")}
