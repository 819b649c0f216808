"""Everything the worker needs, built once at start-up and injected into the agents."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from elasticsearch import AsyncElasticsearch, Elasticsearch

from streams.alerts.delivery import Deliverer, DeliveryLog, deliveries_index
from streams.alerts.delivery.lanes import DeliveryPump, Schedule
from streams.alerts.delivery.queue import DeliveryQueue, delivery_queue_index
from streams.alerts.matching import (
    AlertClaims,
    Outbox,
    RuleCache,
    rules_index_name,
    state_index_name,
)
from streams.alerts.reports import Reports, SpikeRuns
from streams.alerts.stage import Dispatcher, Matcher
from streams.enrich.build import build_enricher
from streams.enrich.enricher import Enricher
from streams.index.client import make_async_client
from streams.index.deals import indexed_deals
from streams.index.sink import BulkSink
from streams.settings import Settings


def warm_deals(client: Elasticsearch, settings: Settings, enricher: Enricher) -> int:
    """Teach the enricher's deal registry the deals already indexed (see
    ``streams.index.deals``), so that a restarted worker reads the next post on a known deal
    as the one before it did; the number of deals it then knows."""
    registry = enricher.deals
    if registry is None:
        return 0
    for deal in indexed_deals(
        client, settings.posts_alias, now=datetime.now(UTC), horizon=registry.horizon
    ):
        registry.learn(deal.ma, deal.story, deal.seen)
    return len(registry)


def delivery_schedule(settings: Settings) -> Schedule:
    return Schedule(
        base_s=settings.alert_backoff_s,
        cap_s=settings.alert_backoff_cap_s,
        horizon_s=settings.alert_retry_horizon_s,
        breaker_failures=settings.alert_breaker_failures,
    )


@dataclass
class Runtime:
    settings: Settings
    enricher: Enricher
    es: AsyncElasticsearch
    sink: BulkSink
    executor: ThreadPoolExecutor
    matcher: Matcher | None
    dispatcher: Dispatcher | None
    reports: Reports | None = None
    outbox: Outbox | None = None

    @classmethod
    def build(cls, settings: Settings) -> Runtime:
        es = make_async_client(settings)
        matcher = dispatcher = reports = outbox = None
        if settings.alerts_enabled:
            rules = RuleCache(
                es, rules_index_name(settings.index_prefix), settings.alert_rules_ttl_s
            )
            matcher = Matcher(
                es=es,
                alias=settings.posts_alias,
                rules=rules,
                # a redelivered batch is matched once: wait out a claim left pending
                claims=AlertClaims(es, state_index_name(settings.index_prefix), wait_pending=True),
            )
            queue = DeliveryQueue(
                es,
                delivery_queue_index(settings.index_prefix),
                replicas=settings.index_replicas,
            )
            pump = DeliveryPump(
                queue,
                rules,
                Deliverer(
                    allow=settings.alert_allow_list,
                    timeout_s=settings.alert_timeout_s,
                    base_delay_s=settings.alert_backoff_s,
                    cap_s=settings.alert_backoff_cap_s,
                ),
                DeliveryLog(
                    es, deliveries_index(settings.index_prefix), replicas=settings.index_replicas
                ),
                delivery_schedule(settings),
                owner=settings.worker_instance_id,
            )
            dispatcher = Dispatcher(rules=rules, queue=queue, pump=pump)
            reports = Reports(
                es=es,
                alias=settings.posts_alias,
                rules=rules,
                # timers check again every tick: they need not wait for pending claims
                claims=AlertClaims(es, state_index_name(settings.index_prefix)),
                runs=SpikeRuns(es, state_index_name(settings.index_prefix)),
                digest_delay_s=settings.digest_delay_s,
                digest_late_s=settings.digest_late_s,
                # a bulk request started before a cutoff is searchable by then
                digest_settle_s=settings.es_timeout_s + 5.0,
            )
            outbox = Outbox(es, AlertClaims(es, state_index_name(settings.index_prefix)))
        return cls(
            settings=settings,
            enricher=build_enricher(settings),
            es=es,
            sink=BulkSink(es, settings.posts_alias),
            executor=ThreadPoolExecutor(
                max_workers=settings.nlp_threads, thread_name_prefix="spacy"
            ),
            matcher=matcher,
            dispatcher=dispatcher,
            reports=reports,
            outbox=outbox,
        )

    async def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        if self.dispatcher is not None:
            await self.dispatcher.pump.stop()
            await self.dispatcher.pump.deliverer.aclose()
        await self.es.close()
