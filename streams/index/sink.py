"""Bulk-write enriched posts and delete deleted ones; sort item failures into permanent and
transient."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, TransportError

from models.enriched import EnrichedPost
from streams.errors import IndexUnavailableError
from streams.index.documents import to_source
from streams.retry import retry_transient

log = logging.getLogger(__name__)

_RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})
# Sources per bulk request: a batch of large posts (each up to SCOUT_MAX_MESSAGE_BYTES, plus
# extra author fields kept in _source) in one request would pass Elasticsearch's 100 MB
# http.max_content_length, be refused with 413 and be retried for ever.
MAX_BULK_BYTES = 16 * 1024 * 1024


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
        """Index ``docs`` in bulk requests of at most ``MAX_BULK_BYTES`` of sources each."""
        if not docs:
            return BulkOutcome(indexed=0)
        now = self._clock()
        unsendable: list[Rejected] = []
        chunks: list[list[tuple[EnrichedPost, dict[str, Any]]]] = [[]]
        size = 0
        for doc in docs:
            try:
                source = to_source(doc, indexed_at=now)
                length = len(json.dumps(source, ensure_ascii=False).encode())
            except Exception as exc:  # noqa: BLE001 - this document's own failure
                detail = f"cannot serialize the document: {type(exc).__name__}: {exc}"
                unsendable.append(Rejected(doc=doc, reason="unprocessable", detail=detail))
                continue
            if chunks[-1] and size + length > MAX_BULK_BYTES:
                chunks.append([])
                size = 0
            chunks[-1].append((doc, source))
            size += length
        indexed, rejected, retry = 0, list(unsendable), []
        for chunk in chunks:
            if chunk:
                outcome = await self._bulk(chunk)
                indexed += outcome.indexed
                rejected.extend(outcome.rejected)
                retry.extend(outcome.retry)
        return BulkOutcome(indexed=indexed, rejected=rejected, retry=retry)

    async def _bulk(self, chunk: Sequence[tuple[EnrichedPost, dict[str, Any]]]) -> BulkOutcome:
        operations: list[dict[str, Any]] = []
        for doc, source in chunk:
            operations.append({"index": {"_index": self._alias, "_id": doc.doc_id}})
            operations.append(source)
        items = await _bulk_items(self._client, operations)
        return _sort_items([doc for doc, _ in chunk], items)

    async def delete(self, doc_ids: Sequence[str]) -> DeleteOutcome:
        """Delete documents by id through the alias (its write index). A document that is
        not there is ``missing``, not a failure: deleting is idempotent."""
        if not doc_ids:
            return DeleteOutcome()
        operations = [{"delete": {"_index": self._alias, "_id": i}} for i in doc_ids]
        items = await _bulk_items(self._client, operations)
        deleted, missing = 0, 0
        refused: list[tuple[str, str]] = []
        retry: list[str] = []
        for doc_id, item in zip(doc_ids, items, strict=True):
            result = item.get("delete", {})
            status = int(result.get("status", 500))
            error = result.get("error") or {}
            reason = str(error.get("type", f"http_{status}"))
            if status < 300:
                deleted += 1
            elif status == 404 and not error:
                missing += 1  # result "not_found": nothing to delete
            elif status in _RETRYABLE_STATUS or reason == "index_not_found_exception":
                retry.append(doc_id)
            else:
                refused.append((doc_id, f"{reason}: {error.get('reason', 'refused')}"))
        return DeleteOutcome(deleted=deleted, missing=missing, refused=refused, retry=retry)


@dataclass(frozen=True)
class DeleteOutcome:
    """Deleted, already absent, refused by Elasticsearch ((doc id, why)), to try again."""

    deleted: int = 0
    missing: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)


async def _bulk_items(
    client: AsyncElasticsearch, operations: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """One bulk request's items; the request's own failure is ``IndexUnavailableError``."""
    try:
        response = await client.bulk(operations=operations, require_alias=True)
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
    items: list[dict[str, Any]] = response.body.get("items", [])
    return items


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


async def delete_all(sink: BulkSink, doc_ids: Sequence[str], *, cap_s: float) -> DeleteOutcome:
    """Delete, retrying transient failures and only the items Elasticsearch deferred."""
    deleted, missing = 0, 0
    refused: list[tuple[str, str]] = []
    pending = list(doc_ids)
    while pending:
        outcome = await retry_transient(
            functools.partial(sink.delete, pending), what="bulk delete", cap_s=cap_s
        )
        deleted += outcome.deleted
        missing += outcome.missing
        refused.extend(outcome.refused)
        pending = outcome.retry
        if pending:
            log.warning("Elasticsearch deferred %d deletions; retrying them", len(pending))
            await asyncio.sleep(0.5)
    return DeleteOutcome(deleted=deleted, missing=missing, refused=refused)
