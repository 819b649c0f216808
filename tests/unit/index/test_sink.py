import asyncio
import json
from typing import Any

import pytest

from models.post import Author, Post
from streams.errors import IndexUnavailableError
from streams.index import BulkSink, build_document
from streams.index.sink import MAX_BULK_BYTES


class _Response:
    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body


class _FakeClient:
    """Answers bulk requests with canned per-item statuses (a seam, not a mock of ES)."""

    def __init__(self, statuses: list[int], errors: dict[int, dict[str, str]]) -> None:
        self.statuses = statuses
        self.errors = errors
        self.calls: list[dict[str, Any]] = []

    async def bulk(self, *, operations: list[dict[str, Any]], require_alias: bool) -> _Response:
        self.calls.append({"operations": operations, "require_alias": require_alias})
        items = []
        for i, status in enumerate(self.statuses):
            item: dict[str, Any] = {"status": status}
            if i in self.errors:
                item["error"] = self.errors[i]
            items.append({"index": item})
        return _Response({"items": items})


def _docs(n: int) -> list[Any]:
    return [build_document(Post(id=str(i), text=f"t{i}"), [], model="m") for i in range(n)]


def test_items_are_sorted_into_indexed_rejected_and_retry() -> None:
    client = _FakeClient(
        [201, 400, 429, 200],
        {1: {"type": "mapper_parsing_exception", "reason": "failed to parse [created_at]"}},
    )
    docs = _docs(4)
    outcome = asyncio.run(BulkSink(client, "scout-posts").write(docs))  # type: ignore[arg-type]
    assert outcome.indexed == 2
    assert [r.reason for r in outcome.rejected] == ["mapper_parsing_exception"]
    assert outcome.rejected[0].doc is docs[1]
    assert outcome.retry == [docs[2]]
    ops = client.calls[0]["operations"]
    assert client.calls[0]["require_alias"] is True
    assert ops[0] == {"index": {"_index": "scout-posts", "_id": docs[0].doc_id}}


def test_empty_batch_sends_nothing() -> None:
    client = _FakeClient([], {})
    assert asyncio.run(BulkSink(client, "a").write([])).indexed == 0  # type: ignore[arg-type]
    assert client.calls == []


def test_unreachable_cluster_is_transient() -> None:
    from elasticsearch import AsyncElasticsearch

    async def run() -> None:
        client = AsyncElasticsearch("http://127.0.0.1:9", request_timeout=1, max_retries=0)
        try:
            await BulkSink(client, "a").write(_docs(1))
        finally:
            await client.close()

    with pytest.raises(IndexUnavailableError):
        asyncio.run(run())


def _deep(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(depth):
        value = {"a": value}
    return value


def test_a_document_that_cannot_be_serialized_is_rejected_alone() -> None:
    # issue 12: an author nested 500 deep raised 'Maximum serialization depth exceeded'
    # in to_source and took the whole batch with it
    deep = build_document(
        Post(id="deep", text="t", author=Author(handle="a", meta=_deep(500))), [], model="m"
    )
    docs = [_docs(1)[0], deep]
    client = _FakeClient([201], {})
    outcome = asyncio.run(BulkSink(client, "scout-posts").write(docs))  # type: ignore[arg-type]
    assert outcome.indexed == 1
    assert [(r.doc, r.reason) for r in outcome.rejected] == [(deep, "unprocessable")]
    assert "serializ" in outcome.rejected[0].detail
    assert len(client.calls[0]["operations"]) == 2  # only the other document was sent

    only_bad = _FakeClient([], {})
    outcome = asyncio.run(BulkSink(only_bad, "a").write([deep]))  # type: ignore[arg-type]
    assert [r.doc for r in outcome.rejected] == [deep] and only_bad.calls == []


class _AcceptAll:
    """Accepts every document; records the size of each bulk request's sources."""

    def __init__(self) -> None:
        self.request_bytes: list[int] = []

    async def bulk(self, *, operations: list[dict[str, Any]], require_alias: bool) -> _Response:
        sources = operations[1::2]
        self.request_bytes.append(sum(len(json.dumps(s)) for s in sources))
        return _Response({"items": [{"index": {"status": 201}} for _ in sources]})


def test_large_documents_go_in_bulk_requests_under_the_byte_limit() -> None:
    # issue 12 point 2: 128 posts of ~900 KB (extra author fields are kept in _source) made
    # one request over Elasticsearch's 100 MB limit: refused with 413, retried for ever
    docs = [
        build_document(
            Post(id=str(i), text="t", author=Author(handle="a", bio="x" * 5_000_000)), [], model="m"
        )
        for i in range(7)
    ]
    client = _AcceptAll()
    outcome = asyncio.run(BulkSink(client, "a").write(docs))  # type: ignore[arg-type]
    assert outcome.indexed == 7 and not outcome.rejected and not outcome.retry
    assert len(client.request_bytes) == 3
    assert max(client.request_bytes) <= MAX_BULK_BYTES
