"""The worker never runs a stored rule whose query DSL fails the allow-list (issue 12
point 7: rules saved before the check could read other indices)."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace
from typing import Any, cast

import pytest
from elasticsearch import AsyncElasticsearch

from streams.alerts.matching.rules import RuleCache

LOOKUP = {"terms": {"text": {"index": "scout-rules", "id": "x", "path": "channels.secret"}}}


class _Client:
    def __init__(self, *sources: dict[str, Any]) -> None:
        self.hits = [{"_id": s["id"], "_source": s} for s in sources]

    async def search(self, **kwargs: Any) -> Any:
        return SimpleNamespace(body={"hits": {"hits": self.hits}})


def test_a_stored_rule_with_a_lookup_is_skipped_with_its_clause_named(
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = _Client(
        {"id": "spy", "name": "Spy", "owner": "x", "query_dsl": {"bool": {"filter": [LOOKUP]}}},
        {"id": "deals", "name": "Deals", "owner": "x", "query_dsl": {"match": {"text": "buy"}}},
    )
    cache = RuleCache(cast(AsyncElasticsearch, client), "scout-rules")
    with caplog.at_level(logging.ERROR):
        rules = asyncio.run(cache.rules())
    assert [r.id for r in rules] == ["deals"]
    assert "SCOUT-E087" in caplog.text and "query_dsl.bool.filter[0].terms.text" in caplog.text
