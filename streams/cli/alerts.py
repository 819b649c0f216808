"""``scout alerts``: operate on alert delivery (``replay`` dead-lettered alerts)."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

import typer
from kafka import KafkaConsumer, TopicPartition
from rich.console import Console

from streams.cli.context import settings_of
from streams.durations import parse_time
from streams.settings import Settings

app = typer.Typer(no_args_is_help=True, help="Alert delivery: replay dead-lettered alerts.")
console = Console(stderr=True)


def _dead_letters(settings: Settings, topic: str, timeout_s: float = 30.0) -> list[bytes]:
    """Every message of ``topic`` from its start to its current end (no consumer group)."""
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        enable_auto_commit=False,
        group_id=None,
        client_id=f"{settings.app_id}-alerts-replay",
    )
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        if not assigned:
            return []
        consumer.assign(assigned)
        consumer.seek_to_beginning(*assigned)
        ends = consumer.end_offsets(assigned)
        values: list[bytes] = []
        deadline = time.monotonic() + timeout_s
        while any(consumer.position(tp) < ends[tp] for tp in assigned):
            if time.monotonic() > deadline:
                raise typer.BadParameter(f"timed out reading {topic}")
            for records in consumer.poll(timeout_ms=1000).values():
                values.extend(r.value for r in records if r.value is not None)
        return values
    finally:
        consumer.close()


@app.command("replay")
def replay(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option(help="Only letters dead-lettered at or after (ISO or 2h).")
    ] = None,
    rule: Annotated[str | None, typer.Option(help="Only this rule's alerts.")] = None,
    wait: Annotated[
        float, typer.Option(help="Seconds to wait for a worker to deliver them (0: do not).")
    ] = 60.0,
) -> None:
    """Send dead-lettered alerts (``alerts.dlq``) again, with the same idempotency key.

    Each is put back in its channel's delivery queue, at its old place; a running worker
    delivers it. Idempotent: an alert already delivered is never sent again, one already
    queued again is left alone."""
    from datetime import UTC, datetime

    from streams.alerts.delivery import DeliveryLog, deliveries_index
    from streams.alerts.delivery.queue import DeliveryQueue, delivery_queue_index
    from streams.alerts.delivery.redeliver import dead_alerts, requeue
    from streams.alerts.matching import RuleCache, rules_index_name
    from streams.index.client import make_async_client
    from streams.topics import ALERTS_DLQ

    settings = settings_of(ctx)
    letters = dead_alerts(
        _dead_letters(settings, ALERTS_DLQ.name(settings)),
        since=None if since is None else parse_time(since),
        rule=rule,
    )

    async def main() -> None:
        es = make_async_client(settings)
        try:
            queue = DeliveryQueue(es, delivery_queue_index(settings.index_prefix))
            log = DeliveryLog(es, deliveries_index(settings.index_prefix))
            rules = await RuleCache(es, rules_index_name(settings.index_prefix)).rules()
            report = await requeue(queue, log, rules, letters, datetime.now(UTC))
            console.print(
                f"{len(letters)} dead-lettered alert(s): {len(report.requeued)} requeued,"
                f" {len(report.delivered)} already delivered (not sent again),"
                f" {len(report.pending)} already queued,"
                f" {len(report.unknown)} skipped (rule or channel gone or disabled)"
            )
            deadline = time.monotonic() + wait
            left = list(report.requeued)
            while left and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
                found = await queue.get(left)
                left = [i for i in left if found.get(i, {}).get("status") == "pending"]
            if report.requeued:
                found = await queue.get(report.requeued)
                states = [str(found.get(i, {}).get("status", "missing")) for i in report.requeued]
                counts = {s: states.count(s) for s in sorted(set(states))}
                shown = ", ".join(f"{n} {s}" for s, n in counts.items())
                hint = " (is a worker running?)" if left else ""
                console.print(f"requeued alerts now: {shown}{hint}")
        finally:
            await es.close()

    asyncio.run(main())
