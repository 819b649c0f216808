"""Bulk-write enriched posts; sort item failures into permanent and transient."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, TransportError

from models.enriched import EnrichedPost
from streams.errors import IndexUnavailableError
from streams.index.documents import to_source
from streams.retry import retry_transient

log = logging.getLogger(__name__)

_RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Rejected:
    doc: EnrichedPost
    reason: str
    detail: str


@dataclass(frozen=True)
class BulkOutcome:
    indexed: int
    rejected: list[Rejected] = field(default_factory=list)
    retry: list[EnrichedPost] = field(default_factory=list)


class BulkSink:
    """Writes to the posts alias (``require_alias``: never auto-creates a stray index)."""

    def __init__(
        self,
        client: AsyncElasticsearch,
        alias: str,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._alias = alias
        self._clock = clock

    async def write(self, docs: Sequence[EnrichedPost]) -> BulkOutcome:
        if not docs:
            return BulkOutcome(indexed=0)
        now = self._clock()
        operations: list[dict[str, Any]] = []
        sent: list[EnrichedPost] = []
        unsendable: list[Rejected] = []
        for doc in docs:
            try:
                source = to_source(doc, indexed_at=now)
            except Exception as exc:  # noqa: BLE001 - this document's own failure
                detail = f"cannot serialize the document: {type(exc).__name__}: {exc}"
                unsendable.append(Rejected(doc=doc, reason="unprocessable", detail=detail))
                continue
            operations.append({"index": {"_index": self._alias, "_id": doc.doc_id}})
            operations.append(source)
            sent.append(doc)
        if not sent:
            return BulkOutcome(indexed=0, rejected=unsendable)
        try:
            response = await self._client.bulk(operations=operations, require_alias=True)
        except ApiError as exc:
            if exc.meta.status in _RETRYABLE_STATUS:
                raise IndexUnavailableError(f"Elasticsearch bulk refused: {exc}") from exc
            raise IndexUnavailableError(
                f"Elasticsearch bulk failed with {exc.meta.status}: {exc}."
                " Has `scout setup` run for this index prefix?",
                code="SCOUT-E303",
            ) from exc
        except TransportError as exc:
            raise IndexUnavailableError(f"cannot reach Elasticsearch: {exc}") from exc
        outcome = _sort_items(sent, response.body.get("items", []))
        return replace(outcome, rejected=[*unsendable, *outcome.rejected])


def _sort_items(docs: Sequence[EnrichedPost], items: list[dict[str, Any]]) -> BulkOutcome:
    indexed = 0
    rejected: list[Rejected] = []
    retry: list[EnrichedPost] = []
    for doc, item in zip(docs, items, strict=True):
        result = item.get("index", {})
        status = int(result.get("status", 500))
        if status < 300:
            indexed += 1
        elif status in _RETRYABLE_STATUS:
            retry.append(doc)
        else:
            error = result.get("error") or {}
            reason = str(error.get("type", f"http_{status}"))
            detail = str(error.get("reason", "rejected by Elasticsearch"))
            if reason in {"index_not_found_exception"}:
                # The alias vanished: not this document's fault, keep it for a retry.
                retry.append(doc)
            else:
                rejected.append(Rejected(doc=doc, reason=reason, detail=detail))
    return BulkOutcome(indexed=indexed, rejected=rejected, retry=retry)


async def write_all(sink: BulkSink, docs: Sequence[EnrichedPost], *, cap_s: float) -> BulkOutcome:
    """Write, retrying transient failures and only the items Elasticsearch deferred."""
    indexed, rejected = 0, []
    pending = list(docs)
    while pending:
        outcome = await retry_transient(
            functools.partial(sink.write, pending), what="bulk index", cap_s=cap_s
        )
        indexed += outcome.indexed
        rejected.extend(outcome.rejected)
        pending = outcome.retry
        if pending:
            log.warning("Elasticsearch deferred %d documents; retrying them", len(pending))
            await asyncio.sleep(0.5)
    return BulkOutcome(indexed=indexed, rejected=rejected)
