"""Thin Faust agent: consume a micro-batch, call the stages, write, dead-letter, ack.

Offsets of a batch are acknowledged (and later committed) only after Elasticsearch
acknowledged its documents and the dead letters were delivered: at-least-once, and
deterministic document ids make redelivery harmless. A batch that fails for a reason that
is not a record's own is run again, never acknowledged half done.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from models.alerts import Alert
from streams.alerts.matching import AlertClaims, Outbox
from streams.alerts.stage import Matcher
from streams.errors import TransientError
from streams.failures import summary
from streams.retry import retry_transient
from streams.worker.batch import RawMessage
from streams.worker.indexing import index_batch, until_accounted
from streams.worker.runtime import Runtime

log = logging.getLogger("streams.worker")


def _raw(event: Any) -> RawMessage:
    msg = event.message
    value = msg.value if isinstance(msg.value, bytes) else bytes(msg.value or b"")
    return RawMessage(
        value=value, topic=msg.topic, partition=msg.partition, offset=msg.offset, key=msg.key
    )


async def process_events(
    rt: Runtime, dlq: Any, events: Sequence[Any], alerts: Any | None = None
) -> tuple[int, int]:
    """One micro-batch, run until every record is indexed or dead-lettered (see
    ``streams.worker.indexing``). Returns (indexed, dead-lettered).

    With alerts: the indexed documents are matched against the rules and new alerts are
    published (and acknowledged) before the batch's offsets are acknowledged."""
    messages = [_raw(e) for e in events]
    matcher = rt.matcher

    async def match(ids: list[str]) -> None:
        if alerts is not None and matcher is not None:
            await publish_alerts(matcher, alerts, ids, cap_s=rt.settings.retry_max_s)

    return await until_accounted(
        events,
        lambda: index_batch(rt, dlq, messages, on_indexed=match),
        cap_s=rt.settings.retry_max_s,
    )


async def publish_alerts(
    matcher: Matcher, alerts: Any, doc_ids: Sequence[str], *, cap_s: float
) -> None:
    """Match, publish new alerts to the alerts topic, then mark their claims sent."""
    new = await retry_transient(lambda: matcher.match(doc_ids), what="alert matching", cap_s=cap_s)
    await send_claimed(matcher.claims, alerts, new)


async def send_claimed(
    claims: AlertClaims, alerts: Any, new: Sequence[Alert], *, what: str = "new"
) -> None:
    """Publish newly claimed alerts to the alerts topic, then mark their claims sent."""
    if not new:
        return
    futures = [
        await alerts.send(key=a.alert_id.encode(), value=a.model_dump_json().encode()) for a in new
    ]
    await asyncio.gather(*futures)
    try:
        await claims.mark_sent([a.alert_id for a in new])
    except TransientError as exc:
        # They are on the alerts topic: only the record is missing. A claim left pending
        # is emitted again past PENDING_GRACE_S; the delivery queue's one item per
        # (alert, channel) keeps that from reaching a receiver twice.
        log.warning("%d alerts published but not marked sent: %s", len(new), exc)
    kinds = ", ".join(sorted({f"{a.rule_id} ({a.kind})" for a in new}))
    log.info("alerts: %d %s (%s)", len(new), what, kinds)


async def publish_reports(
    rt: Runtime, alerts: Any, which: Literal["spikes", "digests"], *, now: datetime | None = None
) -> int:
    """One timer tick: evaluate spike rules or build due digests, publish what fired.

    A failure is logged and left to the next tick (claims make it idempotent): it never
    escapes, as an exception ends a Faust timer and crashes the whole worker."""
    reports = rt.reports
    if reports is None:
        return 0
    try:
        new = await (reports.spikes(now) if which == "spikes" else reports.digests(now))
        await send_claimed(reports.claims, alerts, new)
    except TransientError as exc:
        log.warning("%s check failed, retried at the next check: %s", which, summary(exc))
        return 0
    except Exception:  # noqa: BLE001 - a Kafka error or a bug must not stop indexing
        log.exception("%s check failed unexpectedly, retried at the next check", which)
        return 0
    return len(new)


async def sweep_alerts(outbox: Outbox, alerts: Any) -> int:
    """One timer tick: publish the alerts claimed but never sent (a worker died between
    claiming and publishing), then mark them sent. Never raises, like publish_reports."""
    try:
        lost = await outbox.take()
        await send_claimed(outbox.claims, alerts, lost, what="re-published")
    except TransientError as exc:
        log.warning("outbox sweep failed, retried at the next sweep: %s", summary(exc))
        return 0
    except Exception:  # noqa: BLE001 - a Kafka error or a bug must not stop indexing
        log.exception("outbox sweep failed unexpectedly, retried at the next sweep")
        return 0
    return len(lost)


async def dispatch_events(rt: Runtime, events: Sequence[Any]) -> int:
    """Queue a batch of alerts for delivery (durably, before the offsets are acknowledged);
    the delivery pump sends them. Returns how many (alert, channel) items were new."""
    assert rt.dispatcher is not None  # noqa: S101 - the agent exists only with a dispatcher
    parsed = []
    for event in events:
        try:
            parsed.append(Alert.model_validate_json(event.message.value))
        except ValueError as exc:
            log.error("unreadable alert at offset %s: %s", event.message.offset, exc)
    dispatcher = rt.dispatcher
    return await retry_transient(
        lambda: dispatcher.enqueue(parsed), what="queueing alerts", cap_s=rt.settings.retry_max_s
    )
