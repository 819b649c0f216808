"""The delivery queue: every (alert, channel) to deliver, durable in ``<prefix>-delivery-queue``.

Two kinds of documents, one strict mapping:

* an **item** per (alert, channel), id ``<alert_id>:<lane>``, created once (``op_type=create``:
  an alert consumed twice is queued once) with the alert itself (``alert``, not indexed), a
  ``seq`` that orders the items of a lane (enqueue time in µs × 1000 + position), and a
  ``status``: ``pending`` until ``delivered``, ``dead`` (dead-lettered) or ``dropped`` (its
  rule or channel is gone);
* a **lane** per channel, id ``lane:<lane>``: the channel's circuit state (``failures`` in a
  row, ``next_at`` the earliest next attempt) and a lease (``owner``, ``leased_until``). A
  worker delivers a lane's items only while it holds the lease; the lease is taken and renewed
  with optimistic concurrency (``if_seq_no``/``if_primary_term``), so one worker at a time
  sends to a channel, oldest item first. A worker that dies holding a lease leaves it to
  expire; its unfinished item is still ``pending`` and is sent again, with the same
  idempotency key, by whoever takes the lane next.

A lane is ``<type>:<host>[:port]#<12 hex of sha256(url)>``: two channels on one host are two
lanes, and the URL (a secret for Slack and Teams) is never stored.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from elasticsearch import ApiError, AsyncElasticsearch, TransportError
from pydantic import ValidationError

from models.alerts import Alert, Channel, DeliveryAttempt
from streams.alerts.delivery.exceptions import DeliveryQueueUnavailableError
from streams.alerts.delivery.safety import channel_label

__all__ = [
    "DeliveryQueue",
    "Item",
    "Lease",
    "QUEUE_MAPPING",
    "delivery_queue_index",
    "item_id",
    "lane_of",
]

Status = Literal["pending", "delivered", "dead", "dropped"]
_RETRYABLE = frozenset({408, 429, 500, 502, 503, 504})
log = logging.getLogger(__name__)

QUEUE_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "_meta": {"schema_version": 1, "owner": "signal-scout"},
    "properties": {
        "kind": {"type": "keyword"},
        "lane": {"type": "keyword"},
        "channel": {"type": "keyword"},
        "alert_id": {"type": "keyword"},
        "rule_id": {"type": "keyword"},
        "status": {"type": "keyword"},
        "seq": {"type": "long"},
        "enqueued_at": {"type": "date"},
        "updated_at": {"type": "date"},
        "attempts": {"type": "integer"},
        "last_error": {"type": "keyword", "ignore_above": 1024},
        "alert": {"type": "object", "enabled": False},
        "failures": {"type": "integer"},
        "next_at": {"type": "date"},
        "leased_until": {"type": "date"},
        "owner": {"type": "keyword"},
    },
}


def delivery_queue_index(index_prefix: str) -> str:
    return f"{index_prefix}-delivery-queue"


def lane_of(channel: Channel) -> str:
    digest = hashlib.sha256(channel.url.encode()).hexdigest()[:12]
    return f"{channel_label(channel)}#{digest}"


def item_id(alert_id: str, lane: str) -> str:
    return f"{alert_id}:{lane}"


@dataclass(frozen=True)
class Item:
    """A queued (alert, channel) as read back."""

    id: str
    lane: str
    alert: Alert
    status: Status
    attempts: int
    enqueued_at: datetime
    seq: int


@dataclass(frozen=True)
class Lease:
    """A lane held by ``owner`` until ``until``; ``failures`` in a row so far."""

    lane: str
    owner: str
    until: datetime
    failures: int
    seq_no: int
    primary_term: int


def _unavailable(what: str, exc: Exception) -> DeliveryQueueUnavailableError:
    return DeliveryQueueUnavailableError(f"delivery queue: {what} failed: {exc}")


class DeliveryQueue:
    def __init__(self, client: AsyncElasticsearch, index: str, *, replicas: int = 0) -> None:
        self._client = client
        self.index = index
        self._replicas = replicas
        self._ready = False

    async def ensure(self) -> None:
        if self._ready:
            return
        try:
            if not await self._client.indices.exists(index=self.index):
                await self._client.indices.create(
                    index=self.index,
                    settings={"number_of_shards": 1, "number_of_replicas": self._replicas},
                    mappings=copy.deepcopy(QUEUE_MAPPING),
                )
        except ApiError as exc:
            if exc.error != "resource_already_exists_exception":
                raise _unavailable(f"creating {self.index!r}", exc) from exc
        except TransportError as exc:
            raise _unavailable(f"creating {self.index!r}", exc) from exc
        self._ready = True

    async def enqueue(self, entries: Sequence[tuple[Alert, Channel]], now: datetime) -> int:
        """Queue each (alert, channel) once; return how many were new. Durable when it
        returns (the alert's offset may then be committed); searchable after a refresh."""
        if not entries:
            return 0
        await self.ensure()
        base = time.time_ns() // 1000 * 1000
        operations: list[dict[str, Any]] = []
        for position, (alert, channel) in enumerate(entries):
            lane = lane_of(channel)
            operations.append(
                {"create": {"_index": self.index, "_id": item_id(alert.alert_id, lane)}}
            )
            operations.append(
                {
                    "kind": "item",
                    "lane": lane,
                    "channel": channel_label(channel),
                    "alert_id": alert.alert_id,
                    "rule_id": alert.rule_id,
                    "status": "pending",
                    "seq": base + position,
                    "enqueued_at": now.isoformat(),
                    "updated_at": now.isoformat(),
                    "attempts": 0,
                    "alert": alert.model_dump(mode="json"),
                }
            )
        # No refresh: the pump is told the lanes (DeliveryPump.wake) and head() refreshes.
        response = await self._bulk(operations, "enqueue", refresh=False)
        created = 0
        for item in response.get("items", []):
            status = int(item.get("create", {}).get("status", 500))
            if status < 300:
                created += 1
            elif status != 409:  # 409: queued before (the alert was consumed again)
                raise DeliveryQueueUnavailableError(
                    f"delivery queue refused an item ({status}): {item.get('create', {}).get('error')}"
                )
        return created

    async def due_lanes(self, limit: int = 200) -> list[str]:
        """Lanes with pending items, the lane of the oldest item first."""
        await self.ensure()
        try:
            found = await self._client.search(
                index=self.index,
                query={
                    "bool": {
                        "filter": [{"term": {"kind": "item"}}, {"term": {"status": "pending"}}]
                    }
                },
                collapse={"field": "lane"},
                sort=[{"seq": "asc"}],
                source_includes=["lane"],
                size=limit,
            )
        except (ApiError, TransportError) as exc:
            raise _unavailable("looking for pending lanes", exc) from exc
        return [str(h["_source"]["lane"]) for h in found["hits"]["hits"]]

    async def lease(self, lane: str, owner: str, now: datetime, until: datetime) -> Lease | None:
        """Take ``lane`` until ``until`` unless another owner holds it or its backoff runs."""
        doc_id = f"lane:{lane}"
        try:
            found = await self._client.get(index=self.index, id=doc_id)
        except ApiError as exc:
            if exc.meta.status != 404:
                raise _unavailable(f"reading lane {lane}", exc) from exc
            return await self._create_lane(lane, owner, now, until)
        except TransportError as exc:
            raise _unavailable(f"reading lane {lane}", exc) from exc
        source = found["_source"]
        held = datetime.fromisoformat(str(source["leased_until"]))
        if held > now and source.get("owner") != owner:
            return None
        if datetime.fromisoformat(str(source["next_at"])) > now:
            return None
        return await self._update_lane(
            Lease(
                lane,
                owner,
                held,
                int(source.get("failures", 0)),
                found["_seq_no"],
                found["_primary_term"],
            ),
            until=until,
            failures=int(source.get("failures", 0)),
            next_at=datetime.fromisoformat(str(source["next_at"])),
        )

    async def renew(self, lease: Lease, until: datetime) -> Lease | None:
        return await self._update_lane(lease, until=until, failures=lease.failures, next_at=None)

    async def release(
        self, lease: Lease, *, failures: int, next_at: datetime, now: datetime
    ) -> None:
        """Give the lane up, recording its circuit state (a lost lease is simply dropped)."""
        await self._update_lane(lease, until=now, failures=failures, next_at=next_at)

    async def head(self, lane: str, size: int = 50) -> list[Item]:
        """The lane's pending items, oldest first."""
        try:
            await self._client.indices.refresh(index=self.index)
            found = await self._client.search(
                index=self.index,
                query={
                    "bool": {
                        "filter": [
                            {"term": {"kind": "item"}},
                            {"term": {"lane": lane}},
                            {"term": {"status": "pending"}},
                        ]
                    }
                },
                sort=[{"seq": "asc"}],
                size=size,
            )
        except (ApiError, TransportError) as exc:
            raise _unavailable(f"reading lane {lane}", exc) from exc
        items: list[Item] = []
        for hit in found["hits"]["hits"]:
            item = _item(hit)
            if item is None:  # an alert this version cannot read: never blocks its lane
                await self.mark(str(hit["_id"]), "dropped", datetime.now(UTC), error="unreadable")
                log.error("delivery queue: item %s is unreadable; dropped", hit["_id"])
            else:
                items.append(item)
        return items

    async def get(self, ids: Sequence[str]) -> dict[str, Mapping[str, Any]]:
        """Stored documents by id (missing ids are absent)."""
        if not ids:
            return {}
        await self.ensure()
        try:
            found = await self._client.mget(index=self.index, ids=list(ids))
        except (ApiError, TransportError) as exc:
            raise _unavailable("reading items", exc) from exc
        return {str(d["_id"]): d["_source"] for d in found["docs"] if d.get("found")}

    async def mark(
        self,
        item: str,
        status: Status,
        now: datetime,
        *,
        attempts: int | None = None,
        error: str | None = None,
    ) -> None:
        doc: dict[str, Any] = {"status": status, "updated_at": now.isoformat()}
        if attempts is not None:
            doc["attempts"] = attempts
        if error is not None:
            doc["last_error"] = error[:1000]
        try:
            await self._client.update(index=self.index, id=item, doc=doc)
        except (ApiError, TransportError) as exc:
            raise _unavailable(f"marking {item} {status}", exc) from exc

    async def mark_delivered(
        self, done: Sequence[tuple[str, DeliveryAttempt]], now: datetime
    ) -> None:
        """Mark items delivered in one bulk request: (item id, its delivering attempt)."""
        operations: list[dict[str, Any]] = []
        for item, attempt in done:
            operations.append({"update": {"_index": self.index, "_id": item}})
            operations.append(
                {
                    "doc": {
                        "status": "delivered",
                        "attempts": attempt.attempt,
                        "updated_at": now.isoformat(),
                    }
                }
            )
        response = await self._bulk(operations, "marking delivered", refresh=False)
        failed = [i for i in response.get("items", []) if int(i["update"]["status"]) >= 300]
        if failed:
            raise DeliveryQueueUnavailableError(
                f"delivery queue: {len(failed)} items not marked delivered: {failed[0]['update']}"
            )

    async def requeue(self, alert: Alert, lane: str, label: str, now: datetime) -> str:
        """Put a dead-lettered (alert, lane) back as pending; its ``seq`` (place in the lane)
        is kept, its retry horizon starts again. Returns ``requeued``, ``delivered`` or
        ``pending`` (already queued: nothing done)."""
        doc_id = item_id(alert.alert_id, lane)
        stored = (await self.get([doc_id])).get(doc_id)
        if stored is not None and stored.get("status") in ("delivered", "pending"):
            return str(stored["status"])
        seq = int(stored["seq"]) if stored else time.time_ns() // 1000 * 1000
        document = {
            "kind": "item",
            "lane": lane,
            "channel": label,
            "alert_id": alert.alert_id,
            "rule_id": alert.rule_id,
            "status": "pending",
            "seq": seq,
            "enqueued_at": now.isoformat(),
            "updated_at": now.isoformat(),
            "attempts": int(stored.get("attempts", 0)) if stored else 0,
            "alert": alert.model_dump(mode="json"),
        }
        try:
            await self._client.index(index=self.index, id=doc_id, document=document, refresh=True)
        except (ApiError, TransportError) as exc:
            raise _unavailable(f"requeueing {doc_id}", exc) from exc
        return "requeued"

    async def _create_lane(
        self, lane: str, owner: str, now: datetime, until: datetime
    ) -> Lease | None:
        try:
            made = await self._client.index(
                index=self.index,
                id=f"lane:{lane}",
                op_type="create",
                document={
                    "kind": "lane",
                    "lane": lane,
                    "failures": 0,
                    "next_at": now.isoformat(),
                    "leased_until": until.isoformat(),
                    "owner": owner,
                },
            )
        except ApiError as exc:
            if exc.meta.status == 409:
                return None
            raise _unavailable(f"creating lane {lane}", exc) from exc
        except TransportError as exc:
            raise _unavailable(f"creating lane {lane}", exc) from exc
        return Lease(lane, owner, until, 0, made["_seq_no"], made["_primary_term"])

    async def _update_lane(
        self, lease: Lease, *, until: datetime, failures: int, next_at: datetime | None
    ) -> Lease | None:
        doc: dict[str, Any] = {
            "leased_until": until.isoformat(),
            "owner": lease.owner,
            "failures": failures,
        }
        if next_at is not None:
            doc["next_at"] = next_at.isoformat()
        try:
            done = await self._client.update(
                index=self.index,
                id=f"lane:{lease.lane}",
                doc=doc,
                if_seq_no=lease.seq_no,
                if_primary_term=lease.primary_term,
            )
        except ApiError as exc:
            if exc.meta.status == 409:
                return None  # someone else took the lane (our lease had expired)
            raise _unavailable(f"updating lane {lease.lane}", exc) from exc
        except TransportError as exc:
            raise _unavailable(f"updating lane {lease.lane}", exc) from exc
        return Lease(
            lease.lane, lease.owner, until, failures, done["_seq_no"], done["_primary_term"]
        )

    async def _bulk(self, operations: list[dict[str, Any]], what: str, *, refresh: bool) -> Any:
        try:
            response = await self._client.bulk(operations=operations, refresh=refresh)
        except (ApiError, TransportError) as exc:
            if isinstance(exc, ApiError) and exc.meta.status not in _RETRYABLE:
                raise DeliveryQueueUnavailableError(
                    f"delivery queue {what} refused ({exc.meta.status}): {exc}", code="SCOUT-E323"
                ) from exc
            raise _unavailable(what, exc) from exc
        return response.body


def _item(hit: Mapping[str, Any]) -> Item | None:
    source = hit["_source"]
    try:
        alert = Alert.model_validate(source["alert"])
    except (KeyError, ValidationError):
        return None
    return Item(
        id=str(hit["_id"]),
        lane=str(source["lane"]),
        alert=alert,
        status=source["status"],
        attempts=int(source.get("attempts", 0)),
        enqueued_at=datetime.fromisoformat(str(source["enqueued_at"])),
        seq=int(source["seq"]),
    )
