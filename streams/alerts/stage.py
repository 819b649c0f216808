"""The alert stage of the stream: match each indexed batch, and dispatch alerts.

Both halves are framework-free; ``streams.app`` wires them to Faust topics.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from elasticsearch import AsyncElasticsearch

from models.alerts import Alert, Channel
from streams.alerts.delivery.lanes import DeliveryPump
from streams.alerts.delivery.queue import DeliveryQueue, lane_of
from streams.alerts.matching import AlertClaims, RuleCache, alerts_for_batch

log = logging.getLogger("streams.alerts")


@dataclass
class Matcher:
    """Runs after a micro-batch is indexed; returns the newly claimed alerts."""

    es: AsyncElasticsearch
    alias: str
    rules: RuleCache
    claims: AlertClaims

    async def match(self, doc_ids: Sequence[str]) -> list[Alert]:
        rules = await self.rules.rules()
        if not rules or not doc_ids:
            return []
        batch = await alerts_for_batch(
            self.es, alias=self.alias, rules=rules, claims=self.claims, doc_ids=doc_ids
        )
        for rejected in batch.rejected:
            log.error("alert rule %s skipped: %s", rejected.rule_id, rejected.reason)
        return batch.alerts


@dataclass
class Dispatcher:
    """Queues an alert for each channel of its rule; the pump delivers the queue.

    The alerts agent only writes (alert, channel) items to the delivery queue
    (:mod:`streams.alerts.delivery.queue`, create-only: an alert consumed twice is queued
    once) and wakes the pump, so its offsets move on at once: a receiver that is down for
    hours never holds up the partition. The pump (:mod:`streams.alerts.delivery.lanes`)
    delivers each channel's items in order, retries over ``alert_retry_horizon_s`` behind a
    per-channel circuit breaker, and sends an interrupted delivery again with the same
    idempotency key.
    """

    rules: RuleCache
    queue: DeliveryQueue
    pump: DeliveryPump

    async def enqueue(self, alerts: Sequence[Alert]) -> int:
        """Queue every (alert, channel); return how many were new. Raises
        ``DeliveryQueueUnavailableError`` (transient) when the queue cannot be written."""
        by_rule = {r.id: r for r in await self.rules.rules()}
        entries: list[tuple[Alert, Channel]] = []
        for alert in alerts:
            rule = by_rule.get(alert.rule_id)
            if rule is None:
                log.warning(
                    "alert %s: rule %s is gone or disabled; not sent", alert.alert_id, alert.rule_id
                )
                continue
            entries.extend((alert, channel) for channel in rule.channels)
        created = await self.queue.enqueue(entries, datetime.now(UTC))
        if entries:
            self.pump.wake(lane_of(channel) for _, channel in entries)
        return created
