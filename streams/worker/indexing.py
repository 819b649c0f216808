"""One micro-batch of ``posts.raw``: every record ends indexed or dead-lettered.

* A deletion (``models.deletion.PostDeletion``) deletes its document after the batch's
  posts are written; deleting a document that is not there is fine (see
  ``streams.worker.batch`` for a post and its deletion in one batch).
* What a record can cause stays with that record: the parser's refusals and any error it did
  not expect (``unprocessable``), an enrichment that fails on one post (the batch is enriched
  again post by post to find it), a document that cannot be serialized, a document
  Elasticsearch refuses. Each becomes a dead letter carrying the message's topic, partition
  and offset and a bounded copy of its bytes.
* What is not a record's fault (Elasticsearch or Kafka unavailable, a bug in the stage) makes
  ``until_accounted`` run the whole batch again with backoff. Its messages are held meanwhile
  (one more reference each): faust's ``take_events`` acknowledges a batch when the agent's
  body leaves it, even by an exception or a cancellation, and the offsets it acknowledged
  would be committed past records neither indexed nor dead-lettered (issue 12: 3,614 records
  lost to two crashes). Only a batch fully accounted for is released to be acknowledged.
  Deterministic document ids and alert claims make a second run harmless.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from models.dead_letter import DeadLetter
from models.enriched import EnrichedPost
from models.post import Post
from streams.enrich.enricher import Enricher
from streams.errors import PermanentError, UnprocessableError
from streams.index.documents import doc_id
from streams.index.sink import delete_all, write_all
from streams.retry import backoff_delays
from streams.worker.batch import BatchPlan, RawMessage, letter_for, plan_batch
from streams.worker.runtime import Runtime

T = TypeVar("T")
log = logging.getLogger("streams.worker")


def enrich_isolated(enricher: Enricher, posts: Sequence[Post]) -> list[EnrichedPost | Exception]:
    """``enricher.enrich`` over the batch; if it fails, post by post, so a post that makes
    it fail gets its error (in its place) and the others their documents."""
    try:
        return list(enricher.enrich(posts))
    except Exception:  # noqa: BLE001 - find the post that caused it
        log.warning("enrichment failed on a batch of %d; enriching post by post", len(posts))
    out: list[EnrichedPost | Exception] = []
    for post in posts:
        try:
            out.extend(enricher.enrich([post]))
        except Exception as exc:  # noqa: BLE001 - this post's own failure
            out.append(exc)
    return out


async def index_batch(
    rt: Runtime,
    dlq: Any,
    messages: Sequence[RawMessage],
    *,
    on_indexed: Callable[[list[str]], Awaitable[None]] | None = None,
) -> tuple[int, int]:
    """Parse, enrich, index and dead-letter one batch. Returns (indexed, dead-lettered).
    Raises only for what is not a record's fault; ``on_indexed`` gets the ids of the
    documents Elasticsearch accepted (alert matching) before the dead letters are sent."""
    plan = plan_batch(
        messages,
        max_message_bytes=rt.settings.max_message_bytes,
        max_text_chars=rt.settings.max_text_chars,
    )
    dead: list[DeadLetter] = list(plan.dead)
    loop = asyncio.get_running_loop()
    results = await loop.run_in_executor(rt.executor, enrich_isolated, rt.enricher, plan.posts)
    docs: list[EnrichedPost] = []
    origin: dict[int, RawMessage] = {}
    for post, msg, result in zip(plan.posts, plan.origins, results, strict=True):
        if isinstance(result, Exception):
            failed = UnprocessableError.of(result, stage="enrich")
            dead.append(letter_for(msg, failed, stage="enrich", post_id=post.id))
        else:
            docs.append(result)
            origin[id(result)] = msg
    outcome = await write_all(rt.sink, docs, cap_s=rt.settings.retry_max_s)
    if on_indexed is not None:
        refused = {id(r.doc) for r in outcome.rejected}
        await on_indexed([d.doc_id for d in docs if id(d) not in refused])
    for item in outcome.rejected:
        error = PermanentError(
            f"Elasticsearch refused the document: {item.detail}", reason=item.reason
        )
        msg = origin[id(item.doc)]
        dead.append(letter_for(msg, error, stage="index", post_id=item.doc.post_id))
    dead.extend(await apply_deletions(rt, plan))
    await send_dead_letters(dlq, dead)
    return outcome.indexed, len(dead)


async def apply_deletions(rt: Runtime, plan: BatchPlan) -> list[DeadLetter]:
    """Delete the documents of the batch's deletions (a missing one is fine); the dead
    letters of the deletions Elasticsearch refused."""
    if not plan.deletions:
        return []
    ids = [doc_id(d.source, d.id) for d in plan.deletions]
    outcome = await delete_all(rt.sink, ids, cap_s=rt.settings.retry_max_s)
    log.info(
        "deletions: %d documents deleted, %d were not indexed, %d refused, %d superseded"
        " in the batch",
        outcome.deleted,
        outcome.missing,
        len(outcome.refused),
        plan.superseded,
    )
    origins = zip(ids, plan.deletions, plan.deletion_origins, strict=True)
    where = {i: (d, msg) for i, d, msg in origins}
    dead: list[DeadLetter] = []
    for refused_id, detail in outcome.refused:
        deletion, msg = where[refused_id]
        error = PermanentError(f"Elasticsearch refused the deletion: {detail}", reason="refused")
        dead.append(letter_for(msg, error, stage="index", post_id=deletion.id))
    return dead


async def send_dead_letters(dlq: Any, dead: Sequence[DeadLetter]) -> None:
    """Publish the letters and wait for Kafka to acknowledge every one."""
    if not dead:
        return
    futures = [
        await dlq.send(key=(d.post_id or d.reason).encode(), value=d.model_dump_json().encode())
        for d in dead
    ]
    await asyncio.gather(*futures)
    for d in dead:
        log.warning(
            "dead-lettered %s (%s): %s", d.post_id or f"offset {d.offset}", d.reason, d.detail
        )


async def until_accounted(
    events: Sequence[Any],
    attempt: Callable[[], Awaitable[T]],
    *,
    cap_s: float,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run ``attempt`` until it returns, with capped backoff between failures; the events'
    messages stay held (never acknowledged) until it has, and stay held if it is cancelled."""
    for event in events:
        event.message.incref()
    delay = backoff_delays(cap_s=cap_s)
    failures = 0
    while True:
        try:
            result = await attempt()
        except Exception as exc:  # noqa: BLE001 - not a record's fault: the batch runs again
            wait = delay(failures)
            failures += 1
            log.error(
                "batch of %d messages failed (attempt %d), not acknowledged; running it"
                " again in %.1fs: %s: %s",
                len(events),
                failures,
                wait,
                type(exc).__name__,
                exc,
                exc_info=failures == 1,
            )
            await sleep(wait)
            continue
        for event in events:
            event.message.decref()  # take_events' own ack now acknowledges it
        return result
