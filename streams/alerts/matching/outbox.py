"""The outbox sweep: alerts claimed but never sent (the worker died first) published again.

Every claim stores its alert (``alert``, kept in ``_source`` only) and ``outbox: true``
(:mod:`.claims`). :meth:`Outbox.take` finds the claims with ``outbox: true``,
``sent: false`` and ``claimed_at`` at least ``PENDING_GRACE_S`` old, oldest first, at most
``page_size`` per sweep, and *takes* each one: an update with optimistic concurrency
(``if_seq_no``/``if_primary_term``) that sets ``claimed_at`` to now. Of several workers
sweeping at once one takes a claim, the others get 409 and skip it; a taker that dies before
publishing leaves it pending with a new ``claimed_at``, so it is swept again after the
grace period. The caller publishes the alerts returned, then marks them sent.

* An empty digest (claimed, nothing to say) is marked sent, never published.
* A stored alert that no longer parses (a downgrade) is logged and left pending: taken
  again after each grace period, so it neither blocks the sweep nor disappears silently.
* Claims written before the outbox (no ``outbox`` field, no stored alert) are not
  selected: they keep the recovery they had (a redelivered batch, the next spike or
  digest check that meets them).

A claim swept while its worker is merely slow is published twice; the delivery queue holds
one item per (alert, channel), created once, so a receiver gets it once. A spike alert is stored as
claimed, before its top posts are added: one published by the sweep carries the figures
but no top posts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, TransportError
from pydantic import ValidationError

from models.alerts import Alert
from streams.alerts.matching.claims import PENDING_GRACE_S, AlertClaims
from streams.alerts.matching.errors import STATE_UNAVAILABLE, IndexUnavailableError

__all__ = ["Outbox", "Pending", "pending_query", "sort_pending"]

log = logging.getLogger(__name__)

SWEEP_PAGE = 100


def pending_query(cutoff: datetime, size: int = SWEEP_PAGE) -> dict[str, Any]:
    """Keyword arguments of ``search``: outbox claims not sent, claimed by ``cutoff``."""
    return {
        "size": size,
        "seq_no_primary_term": True,
        "source": ["alert"],
        "query": {
            "bool": {
                "filter": [
                    {"term": {"outbox": True}},
                    {"term": {"sent": False}},
                    {"range": {"claimed_at": {"lte": cutoff.isoformat()}}},
                ]
            }
        },
        "sort": [{"claimed_at": "asc"}],
    }


@dataclass(frozen=True)
class Pending:
    """What to do with the claims a sweep took: ``publish`` them, mark ``done`` ones sent
    without publishing, log ``unreadable`` ones (left pending)."""

    publish: list[Alert] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def sort_pending(hits: Sequence[Mapping[str, Any]]) -> Pending:
    """Sort taken claims (search hits with their stored ``alert``) by what to do."""
    out = Pending()
    for hit in hits:
        claim_id = str(hit["_id"])
        stored = (hit.get("_source") or {}).get("alert")
        if not isinstance(stored, Mapping):
            out.unreadable.append((claim_id, "no stored alert"))
            continue
        try:
            alert = Alert.model_validate(stored)
        except ValidationError as exc:
            out.unreadable.append((claim_id, str(exc).splitlines()[0]))
            continue
        if alert.digest is not None and alert.digest.total == 0:
            out.done.append(alert.alert_id)  # an empty period sends nothing
        else:
            out.publish.append(alert)
    return out


class Outbox:
    """Takes the lost claims of ``claims.index``; see the module docstring."""

    def __init__(
        self,
        client: AsyncElasticsearch,
        claims: AlertClaims,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        page_size: int = SWEEP_PAGE,
        grace_s: float = PENDING_GRACE_S,
    ) -> None:
        self._client = client
        self.claims = claims
        self._clock = clock
        self._page_size = page_size
        self._grace_s = grace_s

    async def take(self) -> list[Alert]:
        """Take up to a page of lost claims; return the alerts to publish (then mark sent)."""
        now = self._clock()
        body = pending_query(now - timedelta(seconds=self._grace_s), self._page_size)
        try:
            found = await self._client.search(index=self.claims.index, **body)
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"outbox sweep of {self.claims.index!r} failed: {exc}", code=STATE_UNAVAILABLE
            ) from exc
        hits = await self._take(found.body["hits"]["hits"], now)
        pending = sort_pending(hits)
        for claim_id, reason in pending.unreadable:
            log.error(
                "alert %s was claimed but never sent and cannot be re-published (%s); left pending",
                claim_id,
                reason,
            )
        await self.claims.mark_sent(pending.done)
        if pending.publish:
            log.warning(
                "%d alerts were claimed but never sent; publishing them again: %s",
                len(pending.publish),
                ", ".join(a.alert_id for a in pending.publish),
            )
        return pending.publish

    async def _take(self, hits: Sequence[Mapping[str, Any]], now: datetime) -> list[Any]:
        """The hits this sweep took over (409: another sweep took it, or it was sent)."""
        if not hits:
            return []
        operations: list[dict[str, Any]] = []
        for hit in hits:
            operations.append(
                {
                    "update": {
                        "_index": self.claims.index,
                        "_id": hit["_id"],
                        "if_seq_no": hit["_seq_no"],
                        "if_primary_term": hit["_primary_term"],
                    }
                }
            )
            operations.append({"doc": {"claimed_at": now.isoformat()}})
        try:
            response = await self._client.bulk(operations=operations)
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"outbox sweep could not take {len(hits)} claims in {self.claims.index!r}: {exc}",
                code=STATE_UNAVAILABLE,
            ) from exc
        taken = []
        for hit, item in zip(hits, response.body.get("items", []), strict=True):
            status = int(item.get("update", {}).get("status", 500))
            if status < 300:
                taken.append(hit)
            elif status != 409:
                log.warning("outbox: claim %s not taken (%s)", hit["_id"], status)
        return taken
