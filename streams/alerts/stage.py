"""The alert stage of the stream: match each indexed batch, and dispatch alerts.

Both halves are framework-free; ``streams.app`` wires them to Faust topics.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from elasticsearch import AsyncElasticsearch

from models.alerts import Alert, Channel
from streams.alerts.delivery import Deliverer, DeliveryLog, channel_label, dead_letter_alert
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
    """Delivers an alert to each channel of its rule; returns dead letters for failures.

    A channel that already has a delivered attempt for this alert in the delivery log is
    skipped, so an alert consumed twice (at-least-once) is not sent twice.
    """

    es: AsyncElasticsearch
    rules: RuleCache
    deliverer: Deliverer
    log: DeliveryLog

    async def dispatch(self, alert: Alert) -> list[bytes]:
        rule = next((r for r in await self.rules.rules() if r.id == alert.rule_id), None)
        if rule is None:
            log.warning(
                "alert %s: rule %s is gone or disabled; not sent", alert.alert_id, alert.rule_id
            )
            return []
        results = await asyncio.gather(*(self._one(alert, c) for c in rule.channels))
        return [dead for dead in results if dead is not None]

    async def _one(self, alert: Alert, channel: Channel) -> bytes | None:
        label = channel_label(channel)
        if await self._delivered(alert.alert_id, label):
            return None
        attempts = await self.deliverer.deliver(alert, channel)
        await self.log.record(attempts, refresh=True)
        if attempts and attempts[-1].outcome == "delivered":
            return None
        log.error("alert %s to %s failed after %d attempts", alert.alert_id, label, len(attempts))
        return dead_letter_alert(alert, channel, attempts)

    async def _delivered(self, alert_id: str, label: str) -> bool:
        if not await self.es.indices.exists(index=self.log.index):
            return False
        found = await self.es.count(
            index=self.log.index,
            query={
                "bool": {
                    "filter": [
                        {"term": {"alert_id": alert_id}},
                        {"term": {"channel": label}},
                        {"term": {"outcome": "delivered"}},
                    ]
                }
            },
        )
        return int(found["count"]) > 0
