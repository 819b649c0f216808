"""``GET /metrics``: Prometheus text format, behind the bearer token like every data route.

Each scrape reads the figures where they live (nothing is counted in this process, so
any number of API replicas agree):

    scout_up{dependency}                       1 when Elasticsearch / Kafka answered
    scout_posts_indexed_total                  documents in the posts index
    scout_posts_indexed_recent{window="5m"}    documents indexed in the last 5 minutes
    scout_consumer_lag{group,topic}            posts.raw messages the worker group has not
    scout_consumer_lag_partition{..,partition} committed yet (total, per partition)
    scout_dead_letters{topic}                  messages in posts.raw.dlq and alerts.dlq
    scout_alert_deliveries_total{outcome}      delivery attempts by outcome (delivery log)

Prometheus scrape config: ``authorization: {type: Bearer, credentials: <SCOUT_API_TOKEN>}``.
The registry is built once per app (``app.state``), never at import.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Annotated

from elasticsearch import ApiError, TransportError
from fastapi import APIRouter, Depends, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from streams.alerts.delivery.delivery_log import deliveries_index
from streams.api.context import ApiContext, context
from streams.kafka.lag import committed_offsets, consumer_lag, probe_admin, topic_offsets
from streams.topics import ALERTS_DLQ, POSTS_DLQ, POSTS_RAW

log = logging.getLogger(__name__)

router = APIRouter(tags=["metrics"])

RECENT = timedelta(minutes=5)
OUTCOMES = ("delivered", "retry", "failed", "refused", "interrupted")


class ScoutCollector(Collector):
    """Collects from Elasticsearch and Kafka on every scrape; a dependency that does not
    answer sets ``scout_up{dependency}`` to 0 and leaves its figures out."""

    def __init__(self, ctx: ApiContext) -> None:
        self._ctx = ctx

    def describe(self) -> list[Metric]:
        return []  # no scrape at registration

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily(
            "scout_up", "Whether a dependency answered this scrape.", labels=["dependency"]
        )
        es_metrics = list(self._elasticsearch())
        up.add_metric(["elasticsearch"], 1.0 if es_metrics else 0.0)
        kafka_metrics = list(self._kafka())
        up.add_metric(["kafka"], 1.0 if kafka_metrics else 0.0)
        yield up
        yield from es_metrics
        yield from kafka_metrics

    def _elasticsearch(self) -> Iterator[Metric]:
        es, settings = self._ctx.es, self._ctx.settings
        since = (datetime.now(UTC) - RECENT).isoformat()
        try:
            lenient = es.options(ignore_status=404)  # no index yet: zero, not "down"
            total = lenient.count(index=settings.posts_alias).body.get("count", 0)
            recent = lenient.count(
                index=settings.posts_alias, query={"range": {"indexed_at": {"gte": since}}}
            ).body.get("count", 0)
            outcomes = lenient.search(
                index=deliveries_index(settings.index_prefix),
                size=0,
                aggs={"outcomes": {"terms": {"field": "outcome", "size": 20}}},
            )
        except (ApiError, TransportError) as exc:
            log.warning("metrics: Elasticsearch did not answer: %s", exc)
            return
        indexed = CounterMetricFamily(
            "scout_posts_indexed", "Documents in the posts index (posts indexed)."
        )
        indexed.add_metric([], float(total))
        yield indexed
        window = GaugeMetricFamily(
            "scout_posts_indexed_recent",
            "Documents indexed in the last window (by indexed_at).",
            labels=["window"],
        )
        window.add_metric(["5m"], float(recent))
        yield window
        found = {
            str(b["key"]): int(b["doc_count"])
            for b in (outcomes.body.get("aggregations") or {})
            .get("outcomes", {})
            .get("buckets", [])
        }
        deliveries = CounterMetricFamily(
            "scout_alert_deliveries",
            "Alert delivery attempts by outcome (the delivery log).",
            labels=["outcome"],
        )
        for outcome in sorted({*OUTCOMES, *found}):
            deliveries.add_metric([outcome], float(found.get(outcome, 0)))
        yield deliveries

    def _kafka(self) -> Iterator[Metric]:
        settings = self._ctx.settings
        raw = POSTS_RAW.name(settings)
        try:
            admin = probe_admin(settings)
        except Exception as exc:  # noqa: BLE001 - unreachable, timed out, refused: all "down"
            log.warning("metrics: Kafka did not answer: %s", exc)
            return
        try:
            offsets = topic_offsets(admin, raw)
            lag = consumer_lag(offsets, committed_offsets(admin, settings.app_id, raw))
            dead = {
                spec.name(settings): topic_offsets(admin, spec.name(settings))
                for spec in (POSTS_DLQ, ALERTS_DLQ)
            }
        except Exception as exc:  # noqa: BLE001 - any Kafka failure: report down, not 500
            log.warning("metrics: Kafka offsets unavailable: %s", exc)
            return
        finally:
            admin.close()
        total = GaugeMetricFamily(
            "scout_consumer_lag",
            "Messages of the topic the consumer group has not committed yet.",
            labels=["group", "topic"],
        )
        total.add_metric([settings.app_id, raw], float(sum(lag.values())))
        yield total
        per_partition = GaugeMetricFamily(
            "scout_consumer_lag_partition",
            "Consumer lag per partition.",
            labels=["group", "topic", "partition"],
        )
        for partition, value in sorted(lag.items()):
            per_partition.add_metric([settings.app_id, raw, str(partition)], float(value))
        yield per_partition
        letters = GaugeMetricFamily(
            "scout_dead_letters", "Messages retained in a dead-letter topic.", labels=["topic"]
        )
        for name, dlq in dead.items():
            letters.add_metric([name], float(dlq.messages))
        yield letters


def _registry(request: Request, ctx: ApiContext) -> CollectorRegistry:
    """The app's registry, made on first use."""
    registry = getattr(request.app.state, "metrics_registry", None)
    if not isinstance(registry, CollectorRegistry):
        registry = CollectorRegistry(auto_describe=False)
        registry.register(ScoutCollector(ctx))
        request.app.state.metrics_registry = registry
    return registry


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Text format 0.0.4."}},
)
def metrics(request: Request, ctx: Annotated[ApiContext, Depends(context)]) -> Response:
    """Throughput, consumer lag, dead letters and deliveries (see the module docstring)."""
    return Response(generate_latest(_registry(request, ctx)), media_type=CONTENT_TYPE_LATEST)
