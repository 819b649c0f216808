"""Thin Faust agent: consume a micro-batch, call the stages, write, dead-letter, ack.

Offsets of a batch are acknowledged (and later committed) only after Elasticsearch
acknowledged its documents and the dead letters were delivered: at-least-once, and
deterministic document ids make redelivery harmless.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from models.dead_letter import DeadLetter
from streams.errors import PermanentError
from streams.index.sink import write_all
from streams.normalize import dead_letter_for
from streams.worker.batch import RawMessage, plan_batch
from streams.worker.runtime import Runtime

log = logging.getLogger("streams.worker")


def _raw(event: Any) -> RawMessage:
    msg = event.message
    value = msg.value if isinstance(msg.value, bytes) else bytes(msg.value or b"")
    return RawMessage(
        value=value, topic=msg.topic, partition=msg.partition, offset=msg.offset, key=msg.key
    )


async def process_events(rt: Runtime, dlq: Any, events: Sequence[Any]) -> tuple[int, int]:
    """One micro-batch. Returns (indexed, dead-lettered)."""
    messages = [_raw(e) for e in events]
    plan = plan_batch(
        messages,
        max_message_bytes=rt.settings.max_message_bytes,
        max_text_chars=rt.settings.max_text_chars,
    )
    loop = asyncio.get_running_loop()
    docs = await loop.run_in_executor(rt.executor, rt.enricher.enrich, plan.posts)
    outcome = await write_all(rt.sink, docs, cap_s=rt.settings.retry_max_s)
    dead: list[DeadLetter] = list(plan.dead)
    for item in outcome.rejected:
        error = PermanentError(
            f"Elasticsearch refused the document: {item.detail}", reason=item.reason
        )
        payload = item.doc.model_dump_json().encode()
        dead.append(dead_letter_for(payload, error, stage="index", post_id=item.doc.post_id))
    if dead:
        futures = [
            await dlq.send(key=(d.post_id or d.reason).encode(), value=d.model_dump_json().encode())
            for d in dead
        ]
        await asyncio.gather(*futures)
        for d in dead:
            log.warning(
                "dead-lettered %s (%s): %s", d.post_id or f"offset {d.offset}", d.reason, d.detail
            )
    return outcome.indexed, len(dead)
