"""Every record of a batch ends indexed or dead-lettered (issue 12 point 1), no network:
a real BulkSink over a client seam, a real ThreadPoolExecutor, real faust Messages."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any, cast

import pytest
from faust.types.tuples import Message

from models.dead_letter import DeadLetter
from models.deletion import PostDeletion
from models.enriched import EnrichedPost
from models.post import Post
from streams.index import BulkSink, build_document
from streams.normalize import parse_record
from streams.settings import Settings
from streams.worker import batch
from streams.worker.batch import RawMessage, plan_batch
from streams.worker.indexing import index_batch, until_accounted
from streams.worker.runtime import Runtime


class _Response:
    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body


class _Elasticsearch:
    """Accepts every document of a bulk request, except ids listed as refused."""

    def __init__(self, refuse: frozenset[str] = frozenset()) -> None:
        self.refuse = refuse
        self.indexed: list[str] = []

    async def bulk(self, *, operations: list[dict[str, Any]], require_alias: bool) -> _Response:
        items = []
        for action, source in zip(operations[::2], operations[1::2], strict=True):
            if source["post_id"] in self.refuse:
                error = {"type": "mapper_parsing_exception", "reason": "bad field"}
                items.append({"index": {"status": 400, "error": error}})
            else:
                self.indexed.append(source["post_id"])
                items.append({"index": {"status": 201, "_id": action["index"]["_id"]}})
        return _Response({"items": items})


class _Enricher:
    """Fails on any batch holding a post whose text is ``boom``."""

    def enrich(self, posts: Sequence[Post]) -> list[EnrichedPost]:
        if any(p.text == "boom" for p in posts):
            raise IndexError("list index out of range")
        return [build_document(p, [], model="m") for p in posts]


class _Topic:
    def __init__(self, fail_first: int = 0) -> None:
        self.sent: list[DeadLetter] = []
        self.fail_first = fail_first

    async def send(self, *, key: bytes, value: bytes) -> asyncio.Future[None]:
        if self.fail_first:
            self.fail_first -= 1
            raise ConnectionError("Kafka is gone")
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


def _msg(offset: int, value: bytes | dict[str, Any]) -> RawMessage:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return RawMessage(value=raw, topic="posts.raw", partition=1, offset=offset, key=None)


def test_an_error_the_parser_did_not_expect_dead_letters_only_its_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = parse_record

    def parse(raw: bytes, **limits: int) -> Post | PostDeletion:
        if b"poison" in raw:
            raise RecursionError("maximum recursion depth exceeded")
        return real(raw, **limits)

    monkeypatch.setattr(batch, "parse_record", parse)
    messages = [
        _msg(0, {"id": "a", "text": "ok"}),
        _msg(1, b"poison"),
        _msg(2, {"id": "b", "text": "ok"}),
    ]
    plan = plan_batch(messages, max_message_bytes=10_000, max_text_chars=100)
    assert [p.id for p in plan.posts] == ["a", "b"]
    assert [o.offset for o in plan.origins] == [0, 2]
    [dead] = plan.dead
    assert (dead.reason, dead.code, dead.offset) == ("unprocessable", "SCOUT-E202", 1)
    assert "RecursionError" in dead.detail


def test_a_post_that_breaks_enrichment_or_indexing_is_dead_lettered_alone() -> None:
    es = _Elasticsearch(refuse=frozenset({"refused"}))
    dlq = _Topic()
    messages = [
        _msg(10, {"id": "a", "text": "fine"}),
        _msg(11, {"id": "bomb", "text": "boom"}),
        _msg(12, b"{not json"),
        _msg(13, {"id": "refused", "text": "fine too"}),
        _msg(14, {"id": "b", "text": "fine"}),
    ]
    indexed: list[list[str]] = []

    async def on_indexed(ids: list[str]) -> None:
        indexed.append(ids)

    result = asyncio.run(index_batch(_runtime(es), dlq, messages, on_indexed=on_indexed))
    assert result == (2, 3)
    assert es.indexed == ["a", "b"]
    assert len(indexed) == 1 and len(indexed[0]) == 2  # refused documents are not matched
    letters = {d.offset: d for d in dlq.sent}
    assert {o: (d.stage, d.reason) for o, d in letters.items()} == {
        11: ("enrich", "unprocessable"),
        12: ("normalize", "malformed_json"),
        13: ("index", "mapper_parsing_exception"),
    }
    # the letter keeps the original message (not the document) and where it came from
    assert json.loads(letters[13].payload) == {"id": "refused", "text": "fine too"}
    assert letters[11].post_id == "bomb" and "IndexError" in letters[11].detail
    assert all(d.source_topic == "posts.raw" and d.partition == 1 for d in dlq.sent)


def _event(offset: int) -> Any:
    message = Message("posts.raw", 0, offset, 0.0, 0, None, None, b"{}", None)
    message.incref()  # the stream's own reference
    return SimpleNamespace(message=message)


def test_a_failed_batch_runs_again_and_is_released_only_when_accounted_for() -> None:
    events = [_event(0), _event(1)]
    slept: list[float] = []
    calls = 0

    async def attempt() -> str:
        nonlocal calls
        calls += 1
        assert all(e.message.refcount == 2 for e in events)  # held while it runs
        if calls < 3:
            raise ConnectionError("Kafka is gone")
        return "done"

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    assert asyncio.run(until_accounted(events, attempt, cap_s=0.5, sleep=sleep)) == "done"
    assert calls == 3 and len(slept) == 2 and max(slept) <= 0.5
    # only take_events' own acknowledgement is left: it will be the final one
    assert all(e.message.refcount == 1 and not e.message.acked for e in events)


def test_a_cancelled_batch_stays_held_so_its_offsets_are_never_committed() -> None:
    events = [_event(5)]

    async def attempt() -> None:
        raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(until_accounted(events, attempt, cap_s=0.5))
    # faust's take_events acknowledges the batch on its way out: one reference remains
    assert events[0].message.refcount == 2
    assert events[0].message.decref() == 1  # that acknowledgement is not the final one


def test_dead_letters_kafka_did_not_take_make_the_batch_run_again() -> None:
    es = _Elasticsearch()
    dlq = _Topic(fail_first=1)
    rt = _runtime(es)
    messages = [_msg(0, {"id": "a", "text": "fine"}), _msg(1, b"{not json")]
    events = [_event(0), _event(1)]

    async def sleep(seconds: float) -> None:
        return None

    result = asyncio.run(
        until_accounted(events, lambda: index_batch(rt, dlq, messages), cap_s=0.01, sleep=sleep)
    )
    assert result == (1, 1)
    assert [d.offset for d in dlq.sent] == [1]
    assert es.indexed == ["a", "a"]  # indexed twice: same id, overwritten
