"""Every hostile family, one record each, mixed with valid posts, through a real worker:
each record ends indexed or dead-lettered as its family says, no valid post is lost and no
document is duplicated (issue 12, points 1 and 9; ``python -m bench.faults`` runs more)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from elasticsearch import Elasticsearch

from bench.faults.records import Limits, generate
from bench.faults.rig import DeadLetters, account, doc_count, indexed_ids, make_producer, publish
from streams.settings import Settings
from tests.integration.support import WorkerProcess

pytestmark = pytest.mark.slow


def test_every_hostile_family_is_indexed_or_dead_lettered_and_no_valid_post_is_lost(
    settings: Settings,
    es: Elasticsearch,
    start_worker: Callable[[], WorkerProcess],
) -> None:
    limits = Limits(settings.max_text_chars, settings.max_message_bytes)
    records = generate(seed=9, valid=30, per_family=1, emoji_posts=1, limits=limits)
    producer = make_producer(settings)
    try:
        placed = publish(producer, settings, records)
    finally:
        producer.close()
    dead = DeadLetters(settings, placed)
    try:
        worker = start_worker()

        def settled() -> bool:
            worker.assert_alive()
            dead.poll()
            return doc_count(es, settings) + len(dead.tags) >= len(records)

        deadline = time.monotonic() + 240  # then the accounting says what is missing
        while not settled() and time.monotonic() < deadline:
            time.sleep(0.5)
        dead.poll()
        result = account(records, indexed_ids(es, settings), dead.tags)
    finally:
        dead.close()
    assert (result.lost, result.lost_by_family) == (0, {}), worker.log_tail()
    assert result.indexed + result.dead == len(records)
    assert result.wrong == {}
    assert (result.dup_docs, result.both, dead.unmatched) == (0, 0, 0)
