"""One ``_msearch`` per micro-batch: which enabled instant rules match which new documents."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, TransportError

from models.alerts import Rule
from streams.alerts.matching.errors import SEARCH_FAILED, IndexUnavailableError, RejectedRule
from streams.alerts.query import rule_query
from streams.alerts.query_guard import UNSAFE_QUERY, query_dsl_problem

log = logging.getLogger(__name__)

_RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


class Matches(list[tuple[Rule, dict[str, Any]]]):
    """(rule, hit ``_source``) pairs, plus the rules Elasticsearch rejected."""

    def __init__(
        self,
        pairs: Sequence[tuple[Rule, dict[str, Any]]] = (),
        rejected: Sequence[RejectedRule] = (),
    ) -> None:
        super().__init__(pairs)
        self.rejected: list[RejectedRule] = list(rejected)


def instant_rules(rules: Sequence[Rule]) -> list[Rule]:
    """Rules matched per post: instant, and not spike rules (those count volume)."""
    return [r for r in rules if r.enabled and r.mode == "instant" and r.spike is None]


def _allowed(rules: Sequence[Rule]) -> tuple[list[Rule], list[RejectedRule]]:
    """The rules whose query DSL passes the allow-list, and the others as rejected (never
    sent: ``rule_query`` would refuse them)."""
    allowed: list[Rule] = []
    refused: list[RejectedRule] = []
    for rule in rules:
        problem = query_dsl_problem(rule.query_dsl) if rule.query_dsl else None
        if problem is None:
            allowed.append(rule)
            continue
        refused.append(RejectedRule(rule_id=rule.id, reason=f"{UNSAFE_QUERY}: {problem}"))
        log.warning("rule %s skipped: [%s] %s", rule.id, UNSAFE_QUERY, problem)
    return allowed, refused


def _search_body(rule: Rule, doc_ids: Sequence[str]) -> dict[str, Any]:
    return {
        "query": rule_query(rule, doc_ids=doc_ids),
        "size": len(doc_ids),
        "track_total_hits": False,
    }


def _reason(error: Any) -> str:
    if isinstance(error, dict):
        root = error.get("root_cause") or [error]
        first = root[0] if isinstance(root, list) and root else error
        return f"{first.get('type', 'error')}: {first.get('reason', error.get('reason', ''))}"
    return str(error)


async def match_batch(
    client: AsyncElasticsearch,
    alias: str,
    rules: Sequence[Rule],
    doc_ids: Sequence[str],
    *,
    refresh: bool = True,
) -> Matches:
    """Run every enabled instant rule against the batch's documents in one ``_msearch``.

    ``refresh`` refreshes ``alias`` first (once per batch) so that the documents just
    bulk-indexed are searchable. This is preferred over ``refresh=wait_for`` on the bulk,
    which would hold the bulk response until the next scheduled refresh (up to the
    index's ``refresh_interval``) and never return if refreshes are disabled. Pass
    ``refresh=False`` when the caller already made the batch visible.

    A query DSL outside the allow-list (SCOUT-E087) or a query ES rejects is reported in
    ``Matches.rejected`` and skipped. Elasticsearch
    parses all bodies of an ``_msearch`` up front, so one malformed query DSL fails the
    whole request with a 400: then each rule is searched on its own to find the culprit.
    Transient failures raise ``IndexUnavailableError`` (retry the batch: claims make
    re-matching harmless).
    """
    active, refused = _allowed(instant_rules(rules))
    if not active or not doc_ids:
        return Matches(rejected=refused)
    try:
        if refresh:
            await client.indices.refresh(index=alias)
        searches: list[dict[str, Any]] = []
        for rule in active:
            searches.append({"index": alias})
            searches.append(_search_body(rule, doc_ids))
        response = await client.msearch(searches=searches)
    except ApiError as exc:
        if exc.meta.status == 400:
            found = await _one_by_one(client, alias, active, doc_ids)
            found.rejected[:0] = refused
            return found
        raise IndexUnavailableError(
            f"rule searches over {alias!r} failed ({exc.meta.status}): {exc}", code=SEARCH_FAILED
        ) from exc
    except TransportError as exc:
        raise IndexUnavailableError(
            f"cannot reach Elasticsearch for rule matching: {exc}", code=SEARCH_FAILED
        ) from exc
    matches = Matches(rejected=refused)
    for rule, item in zip(active, response.body["responses"], strict=True):
        _collect(matches, rule, item, item.get("status", 200))
    return matches


def _collect(matches: Matches, rule: Rule, item: dict[str, Any], status: int) -> None:
    if "error" in item:
        if status in _RETRYABLE_STATUS:
            raise IndexUnavailableError(
                f"rule {rule.id!r} search failed ({status}): {_reason(item['error'])}",
                code=SEARCH_FAILED,
            )
        rejected = RejectedRule(rule_id=rule.id, reason=_reason(item["error"]))
        log.warning("rule %s rejected by Elasticsearch, skipped: %s", rule.id, rejected.reason)
        matches.rejected.append(rejected)
        return
    for hit in item["hits"]["hits"]:
        matches.append((rule, hit["_source"]))


async def _one_by_one(
    client: AsyncElasticsearch, alias: str, rules: Sequence[Rule], doc_ids: Sequence[str]
) -> Matches:
    limit = asyncio.Semaphore(8)

    async def one(rule: Rule) -> tuple[dict[str, Any], int]:
        async with limit:
            return await _search_one(client, alias, rule, doc_ids)

    results = await asyncio.gather(*(one(rule) for rule in rules))
    matches = Matches()
    for rule, (item, status) in zip(rules, results, strict=True):
        _collect(matches, rule, item, status)
    return matches


async def _search_one(
    client: AsyncElasticsearch, alias: str, rule: Rule, doc_ids: Sequence[str]
) -> tuple[dict[str, Any], int]:
    try:
        response = await client.search(index=alias, **_search_body(rule, doc_ids))
    except ApiError as exc:
        if exc.meta.status in _RETRYABLE_STATUS:
            raise IndexUnavailableError(
                f"rule {rule.id!r} search failed ({exc.meta.status}): {exc}",
                code=SEARCH_FAILED,
            ) from exc
        return {
            "error": exc.body.get("error", str(exc)) if isinstance(exc.body, dict) else str(exc)
        }, exc.meta.status
    except TransportError as exc:
        raise IndexUnavailableError(
            f"cannot reach Elasticsearch for rule matching: {exc}", code=SEARCH_FAILED
        ) from exc
    return dict(response.body), 200
