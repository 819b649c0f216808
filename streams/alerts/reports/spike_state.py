"""When did the current spike of (rule, entity) begin? Kept in the alert-state index.

One document per rule and entity (``_id = spike-run:<rule>:<hash of the entity>``) holds
``run_start`` and ``last_spiking_at``. An evaluation that sees a spike at ``at``:

* continues the run when the document says the entity spiked within the last window
  (``at - last_spiking_at <= window``): same ``run_start``, so the same alert id, which is
  already claimed, so nothing is sent again;
* otherwise (no document, or volume was back to normal for a full window) starts a run at
  ``at``: a new alert id, so the new spike fires.

Writes use optimistic concurrency (``op_type=create``, or ``if_seq_no``/``if_primary_term``):
of two workers starting a run at once one wins, the other re-reads and continues the
winner's run. No scripts. State lives in Elasticsearch, so restarts change nothing.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, ConflictError, NotFoundError, TransportError

from streams.alerts.reports.errors import SPIKE_STATE_UNAVAILABLE, IndexUnavailableError

__all__ = ["SpikeRuns", "continues"]


def continues(last_spiking_at: datetime, at: datetime, window_s: int) -> bool:
    """Whether a spike seen at ``at`` is the run last seen spiking at ``last_spiking_at``."""
    return timedelta(0) <= at - last_spiking_at <= timedelta(seconds=window_s)


def _doc_id(rule_id: str, entity_id: str) -> str:
    digest = hashlib.sha256(entity_id.encode()).hexdigest()[:24]
    return f"spike-run:{rule_id}:{digest}"


class SpikeRuns:
    def __init__(self, client: AsyncElasticsearch, index: str) -> None:
        self._client = client
        self.index = index

    async def run_start(
        self, rule_id: str, entity_id: str, at: datetime, window_s: int
    ) -> datetime:
        """The start of the spike run that ``at`` belongs to (recording ``at`` as spiking)."""
        doc_id = _doc_id(rule_id, entity_id)
        for _ in range(5):
            try:
                found = await self._get(doc_id)
                if found is not None:
                    source, seq_no, term = found
                    start = datetime.fromisoformat(str(source["run_start"]))
                    last = datetime.fromisoformat(str(source["last_spiking_at"]))
                    if at <= last:
                        return start  # evaluated again, or by a worker whose clock is behind
                    if continues(last, at, window_s):
                        await self._write(doc_id, rule_id, entity_id, start, at, seq_no, term)
                        return start
                    await self._write(doc_id, rule_id, entity_id, at, at, seq_no, term)
                    return at
                await self._write(doc_id, rule_id, entity_id, at, at, None, None)
                return at
            except ConflictError:
                continue  # another worker wrote first: read its run
            except (ApiError, TransportError) as exc:
                raise IndexUnavailableError(
                    f"spike state {doc_id} in {self.index!r}: {exc}", code=SPIKE_STATE_UNAVAILABLE
                ) from exc
        raise IndexUnavailableError(
            f"spike state {doc_id} in {self.index!r} kept changing under us",
            code=SPIKE_STATE_UNAVAILABLE,
        )

    async def _get(self, doc_id: str) -> tuple[dict[str, Any], int, int] | None:
        try:
            found = await self._client.get(index=self.index, id=doc_id)
        except NotFoundError:
            return None
        return dict(found["_source"]), int(found["_seq_no"]), int(found["_primary_term"])

    async def _write(
        self,
        doc_id: str,
        rule_id: str,
        entity_id: str,
        start: datetime,
        at: datetime,
        seq_no: int | None,
        term: int | None,
    ) -> None:
        document = {
            "kind": "spike_run",
            "rule_id": rule_id,
            "entity_id": entity_id,
            "run_start": start.isoformat(),
            "last_spiking_at": at.isoformat(),
        }
        if seq_no is None or term is None:
            await self._client.index(
                index=self.index, id=doc_id, document=document, op_type="create"
            )
        else:
            await self._client.index(
                index=self.index,
                id=doc_id,
                document=document,
                if_seq_no=seq_no,
                if_primary_term=term,
            )
