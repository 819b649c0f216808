"""The alert stage of the stream: match each indexed batch, and dispatch alerts.

Both halves are framework-free; ``streams.app`` wires them to Faust topics.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from elasticsearch import AsyncElasticsearch, ConflictError

from models.alerts import Alert, Channel, DeliveryAttempt
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

    Before the first attempt the dispatcher claims ``(alert, channel)`` with a create-only
    document in the alert-state index. An alert consumed again (a restart, a rebalance)
    finds the claim and then reads the delivery log:

    * a delivered attempt: done, nothing is sent;
    * only failed/retry attempts: the receiver never took it, so delivery goes on;
    * no attempt at all: the previous worker died mid-send and the request may or may not
      have reached the receiver. It is *not* sent again (no duplicate); it is recorded as
      ``interrupted`` in the delivery log and dead-lettered, so it is never silently lost.
    """

    es: AsyncElasticsearch
    rules: RuleCache
    deliverer: Deliverer
    log: DeliveryLog
    state_index: str

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
        if not await self._claim(alert, label):
            earlier = await self._attempts(alert.alert_id, label)
            if "delivered" in earlier or "interrupted" in earlier:
                return None  # done, or already recorded and dead-lettered as interrupted
            if not earlier:
                return await self._interrupted(alert, channel, label)
        attempts = await self.deliverer.deliver(alert, channel)
        # No refresh=wait_for: it held an ES connection up to refresh_interval per alert,
        # starving the pool (10 per node) shared with indexing. `_attempts` refreshes itself.
        await self.log.record(attempts)
        if attempts and attempts[-1].outcome == "delivered":
            return None
        log.error("alert %s to %s failed after %d attempts", alert.alert_id, label, len(attempts))
        return dead_letter_alert(alert, channel, attempts)

    async def _claim(self, alert: Alert, label: str) -> bool:
        try:
            await self.es.index(
                index=self.state_index,
                id=f"{alert.alert_id}:{label}",
                op_type="create",
                document={
                    "alert_id": alert.alert_id,
                    "rule_id": alert.rule_id,
                    "claimed_at": datetime.now(UTC).isoformat(),
                    "sent": True,
                },
            )
        except ConflictError:
            return False
        return True

    async def _attempts(self, alert_id: str, label: str) -> list[str]:
        """Outcomes already logged for this alert and channel."""
        if not await self.es.indices.exists(index=self.log.index):
            return []
        await self.es.indices.refresh(index=self.log.index)
        found = await self.es.search(
            index=self.log.index,
            query={
                "bool": {"filter": [{"term": {"alert_id": alert_id}}, {"term": {"channel": label}}]}
            },
            size=100,
        )
        return [str(h["_source"]["outcome"]) for h in found["hits"]["hits"]]

    async def _interrupted(self, alert: Alert, channel: Channel, label: str) -> bytes:
        log.warning(
            "alert %s to %s: the previous worker stopped while sending; not sent again to"
            " avoid a duplicate, dead-lettered instead",
            alert.alert_id,
            label,
        )
        attempt = DeliveryAttempt(
            alert_id=alert.alert_id,
            rule_id=alert.rule_id,
            channel=label,
            attempt=1,
            outcome="interrupted",
            error="the worker stopped while sending: it may or may not have been delivered",
            at=datetime.now(UTC),
        )
        await self.log.record([attempt], refresh=True)
        return dead_letter_alert(alert, channel, [attempt])
