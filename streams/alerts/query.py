"""Compile a rule into one Elasticsearch query (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.alerts import Rule

_SIGNAL_FILTERS: dict[str, dict[str, Any]] = {
    "ma": {"term": {"ma.is_ma": True}},
    "move": {"exists": {"field": "moves.direction"}},
    "competitor": {"exists": {"field": "competitors.id"}},
}


def signal_filter(signal: str) -> dict[str, Any]:
    """The filter of a signal type (``ma``, ``move``, ``competitor``); KeyError otherwise."""
    return _SIGNAL_FILTERS[signal]


# Backfilled posts fire alerts only when their run allowed it (`scout backfill --alerts`).
LIVE_OR_ALERTING = {
    "bool": {
        "should": [
            {"bool": {"must_not": {"exists": {"field": "backfill.run"}}}},
            {"term": {"backfill.alerts": True}},
        ],
        "minimum_should_match": 1,
    }
}


def rule_query(rule: Rule, *, doc_ids: Sequence[str] | None = None) -> dict[str, Any]:
    """The rule's query AND its conditions AND (optionally) the batch's documents."""
    must: list[dict[str, Any]] = []
    if rule.query:
        must.append(
            {
                "query_string": {
                    "query": rule.query,
                    "default_field": "text",
                    "default_operator": "AND",
                }
            }
        )
    if rule.query_dsl:
        must.append(rule.query_dsl)
    filters: list[dict[str, Any]] = [LIVE_OR_ALERTING]
    c = rule.conditions
    if c.entity_ids:
        filters.append({"terms": {"entity_ids": list(c.entity_ids)}})
    for signal in c.signals:
        filters.append(_SIGNAL_FILTERS[signal])
    if c.min_influence is not None:
        filters.append({"range": {"influence.score": {"gte": c.min_influence}}})
    if c.languages:
        filters.append({"terms": {"lang": list(c.languages)}})
    if doc_ids is not None:
        filters.append({"ids": {"values": list(doc_ids)}})
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filters}}
