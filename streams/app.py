"""``create_app(settings, runtime)``: the Faust app and its agents, wired explicitly."""

from __future__ import annotations

import logging
from typing import Any

import faust

from streams.settings import Settings
from streams.topics import ALERTS, ALERTS_DLQ, POSTS_DLQ, POSTS_RAW
from streams.worker.agents import dispatch_events, process_events, publish_reports, sweep_alerts
from streams.worker.runtime import Runtime

log = logging.getLogger("streams.worker")


def _broker_url(settings: Settings) -> str:
    return ";".join(f"kafka://{s.strip()}" for s in settings.kafka_bootstrap.split(","))


def create_app(settings: Settings, runtime: Runtime) -> faust.App:
    app = faust.App(
        settings.app_id,
        broker=_broker_url(settings),
        store="memory://",
        autodiscover=False,
        datadir=str(settings.data_dir),
        web_enabled=settings.web_port is not None,
        web_port=settings.web_port or 6066,
        topic_partitions=settings.topic_partitions,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        broker_commit_interval=1.0,
        # A worker killed without leaving the group holds its partitions until its session
        # expires (faust's default: 60 s); with a static instance id its restart takes them
        # back at once.
        broker_session_timeout=settings.kafka_session_timeout_s,
        broker_heartbeat_interval=settings.kafka_heartbeat_s,
        consumer_group_instance_id=settings.worker_instance_id,
    )
    raw = app.topic(POSTS_RAW.name(settings), key_serializer="raw", value_serializer="raw")
    dlq = app.topic(POSTS_DLQ.name(settings), key_serializer="raw", value_serializer="raw")

    alerts = alerts_dlq = None
    if runtime.dispatcher is not None:
        alerts = app.topic(ALERTS.name(settings), key_serializer="raw", value_serializer="raw")
        alerts_dlq = app.topic(
            ALERTS_DLQ.name(settings), key_serializer="raw", value_serializer="raw"
        )

    async def index_posts(stream: Any) -> None:
        async for events in stream.take_events(
            settings.batch_size, within=settings.batch_timeout_s
        ):
            indexed, dead = await process_events(runtime, dlq, events, alerts)
            log.info("batch: %d indexed, %d dead-lettered", indexed, dead)

    async def dispatch_alerts(stream: Any) -> None:
        async for events in stream.take_events(64, within=0.1):
            queued = await dispatch_events(runtime, events)
            log.info("alerts queued for delivery: %d", queued)

    app.agent(raw, name="index_posts")(index_posts)
    if alerts is not None and alerts_dlq is not None and runtime.dispatcher is not None:
        app.agent(alerts, name="dispatch_alerts")(dispatch_alerts)
        pump = runtime.dispatcher.pump
        dead_topic = alerts_dlq

        async def dead_letter(alert: Any, letter: bytes) -> None:
            sent = await dead_topic.send(key=alert.alert_id.encode(), value=letter)
            await sent

        pump.dead_letter = dead_letter

        async def deliver_alerts() -> None:
            # Delivery runs beside the agents, on every worker: lanes are leased in ES.
            await pump.run()

        app.task(deliver_alerts)
    if alerts is not None and runtime.reports is not None:

        async def check_spikes() -> None:
            await publish_reports(runtime, alerts, "spikes")

        async def check_digests() -> None:
            await publish_reports(runtime, alerts, "digests")

        # Every worker checks; claims in Elasticsearch make the checks idempotent.
        app.timer(settings.spike_check_s, name="check_spikes")(check_spikes)
        app.timer(settings.digest_check_s, name="check_digests")(check_digests)
    if alerts is not None and runtime.outbox is not None:
        outbox = runtime.outbox

        async def sweep_outbox() -> None:
            await sweep_alerts(outbox, alerts)

        # Alerts claimed but never published (a worker died between): published again.
        app.timer(settings.alert_sweep_s, name="sweep_outbox")(sweep_outbox)

    async def _close(sender: Any, **kwargs: Any) -> None:
        await runtime.close()

    app.on_before_shutdown.connect(_close)  # type: ignore[arg-type]

    return app
