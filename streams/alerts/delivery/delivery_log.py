"""The delivery log: every attempt as one document in ``<prefix>-deliveries``.

Document ids are ``alert_id:channel:attempt``, so recording the same attempts again (after a
worker restart) overwrites instead of duplicating. The mapping is explicit and strict and
needs only Elasticsearch's basic modules (keyword, and text with the standard analyzer).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, TransportError

from models.alerts import DeliveryAttempt
from streams.alerts.delivery.exceptions import DeliveryLogUnavailableError

__all__ = ["DeliveryLog", "DELIVERIES_MAPPING", "DELIVERIES_SCHEMA_VERSION", "deliveries_index"]

DELIVERIES_SCHEMA_VERSION = 1
_RETRYABLE = frozenset({408, 429, 500, 502, 503, 504})

DELIVERIES_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "_meta": {"schema_version": DELIVERIES_SCHEMA_VERSION, "owner": "signal-scout"},
    "properties": {
        "alert_id": {"type": "keyword"},
        "rule_id": {"type": "keyword"},
        "channel": {"type": "keyword"},
        "attempt": {"type": "integer"},
        "outcome": {"type": "keyword"},
        "http_status": {"type": "integer"},
        "error": {
            "type": "text",
            "analyzer": "standard",
            "fields": {"keyword": {"type": "keyword", "ignore_above": 1024}},
        },
        "at": {"type": "date"},
        "duration_ms": {"type": "float"},
    },
}


def deliveries_index(index_prefix: str) -> str:
    """``<prefix>-deliveries`` (``settings.index_prefix``)."""
    return f"{index_prefix}-deliveries"


def doc_id(attempt: DeliveryAttempt) -> str:
    return f"{attempt.alert_id}:{attempt.channel}:{attempt.attempt}"


class DeliveryLog:
    def __init__(
        self, client: AsyncElasticsearch, index: str, *, shards: int = 1, replicas: int = 0
    ) -> None:
        self._client = client
        self.index = index
        self._shards = shards
        self._replicas = replicas
        self._ready = False

    async def ensure(self) -> None:
        """Create the index with its mapping unless it exists (safe to call concurrently)."""
        try:
            exists = await self._client.indices.exists(index=self.index)
            if not exists:
                await self._client.indices.create(
                    index=self.index,
                    settings={
                        "number_of_shards": self._shards,
                        "number_of_replicas": self._replicas,
                    },
                    mappings=copy.deepcopy(DELIVERIES_MAPPING),
                )
        except ApiError as exc:
            if exc.error != "resource_already_exists_exception":
                raise DeliveryLogUnavailableError(
                    f"cannot create the delivery log index {self.index!r}: {exc}"
                ) from exc
        except TransportError as exc:
            raise DeliveryLogUnavailableError(f"cannot reach Elasticsearch: {exc}") from exc
        self._ready = True

    async def record(self, attempts: Sequence[DeliveryAttempt], *, refresh: bool = False) -> int:
        """Index the attempts (creating the index first if needed); return how many."""
        if not attempts:
            return 0
        if not self._ready:
            await self.ensure()
        operations: list[dict[str, Any]] = []
        for attempt in attempts:
            operations.append({"index": {"_index": self.index, "_id": doc_id(attempt)}})
            operations.append(attempt.model_dump(mode="json"))
        try:
            response = await self._client.bulk(
                operations=operations, refresh="wait_for" if refresh else False
            )
        except (ApiError, TransportError) as exc:
            raise DeliveryLogUnavailableError(
                f"cannot write the delivery log {self.index!r}: {exc}"
            ) from exc
        failures = [
            item.get("index", {})
            for item in response.body.get("items", [])
            if int(item.get("index", {}).get("status", 500)) >= 300
        ]
        if failures:
            first = failures[0]
            reason = (first.get("error") or {}).get("reason", f"HTTP {first.get('status')}")
            retryable = all(int(f.get("status", 500)) in _RETRYABLE for f in failures)
            message = (
                f"{len(failures)} of {len(attempts)} delivery log entries were not written"
                f" to {self.index!r}: {reason}"
            )
            if retryable:
                raise DeliveryLogUnavailableError(message)
            raise DeliveryLogUnavailableError(
                message + "; check the index mapping (`dynamic: strict`)", code="SCOUT-E322"
            )
        return len(attempts)

    async def outcomes(self, alert_id: str, channel: str) -> list[str]:
        """Outcomes already logged for this alert and channel label (fresh: refreshes)."""
        try:
            if not await self._client.indices.exists(index=self.index):
                return []
            await self._client.indices.refresh(index=self.index)
            found = await self._client.search(
                index=self.index,
                query={
                    "bool": {
                        "filter": [{"term": {"alert_id": alert_id}}, {"term": {"channel": channel}}]
                    }
                },
                size=1000,
            )
        except (ApiError, TransportError) as exc:
            raise DeliveryLogUnavailableError(
                f"cannot read the delivery log {self.index!r}: {exc}"
            ) from exc
        return [str(h["_source"]["outcome"]) for h in found["hits"]["hits"]]
