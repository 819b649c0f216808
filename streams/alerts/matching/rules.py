"""Enabled rules from the rules index, cached for ``ttl_s`` seconds."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from elasticsearch import ApiError, AsyncElasticsearch, TransportError
from pydantic import ValidationError

from models.alerts import Rule
from streams.alerts.matching.errors import RULES_UNAVAILABLE, IndexUnavailableError
from streams.alerts.query_guard import UNSAFE_QUERY, query_dsl_problem

log = logging.getLogger(__name__)

MAX_RULES = 10_000


def rules_index_name(index_prefix: str) -> str:
    return f"{index_prefix}-rules"


class RuleCache:
    """Reads ``<prefix>-rules`` (``_source`` = ``Rule.model_dump(mode="json")``) at most
    every ``ttl_s`` seconds. Invalid documents are skipped with a warning. When the index
    cannot be read the previous rules are kept; a missing index means no rules."""

    def __init__(
        self,
        client: AsyncElasticsearch,
        rules_index: str,
        ttl_s: float = 30.0,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self.index = rules_index
        self._ttl_s = ttl_s
        self._monotonic = monotonic
        self._rules: list[Rule] | None = None
        self._loaded_at = 0.0

    def invalidate(self) -> None:
        self._rules = None

    async def rules(self) -> list[Rule]:
        """The enabled rules, reloaded when older than ``ttl_s``."""
        now = self._monotonic()
        if self._rules is not None and now - self._loaded_at < self._ttl_s:
            return self._rules
        try:
            self._rules = await self._load()
        except IndexUnavailableError:
            if self._rules is None:
                raise
            log.warning(
                "rules index %s unreadable; keeping %d cached rules", self.index, len(self._rules)
            )
        self._loaded_at = now
        return self._rules

    async def _load(self) -> list[Rule]:
        try:
            response = await self._client.search(
                index=self.index, size=MAX_RULES, query={"match_all": {}}
            )
        except ApiError as exc:
            if exc.meta.status == 404:
                log.info("no rules index %s yet: no rules", self.index)
                return []
            raise IndexUnavailableError(
                f"cannot read rules from {self.index!r} ({exc.meta.status}): {exc}",
                code=RULES_UNAVAILABLE,
            ) from exc
        except TransportError as exc:
            raise IndexUnavailableError(
                f"cannot reach Elasticsearch for rules: {exc}", code=RULES_UNAVAILABLE
            ) from exc
        hits = response.body["hits"]["hits"]
        if len(hits) >= MAX_RULES:
            log.warning(
                "rules index %s holds %d+ rules; only %d are read", self.index, MAX_RULES, MAX_RULES
            )
        rules: list[Rule] = []
        for hit in hits:
            try:
                rule = Rule.model_validate(hit["_source"])
            except ValidationError as exc:
                log.warning("rule document %s is invalid, skipped: %s", hit.get("_id"), exc)
                continue
            unsafe = query_dsl_problem(rule.query_dsl) if rule.query_dsl else None
            if unsafe is not None:  # stored before the allow-list: never run
                log.error("[%s] rule %s skipped: %s", UNSAFE_QUERY, rule.id, unsafe)
                continue
            if rule.enabled:
                rules.append(rule)
        return sorted(rules, key=lambda r: r.id)
