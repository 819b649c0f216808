"""Compile a rule into one Elasticsearch query (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.alerts import Rule
from streams.alerts.query_guard import check_query_dsl

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
# The posts live alerts skip: backfilled by a run without `--alerts`.
SILENT_BACKFILL = {"bool": {"must_not": [LIVE_OR_ALERTING]}}


# The text a rule's words match: as stored, and its folded copy (see streams.normalize.fold).
TEXT_FIELDS = ("text", "text_match")


def rule_query(
    rule: Rule, *, doc_ids: Sequence[str] | None = None, backfilled: bool = False
) -> dict[str, Any]:
    """The rule's query AND its conditions AND (optionally) the batch's documents.

    Live matching skips backfilled posts of runs without ``--alerts``; ``backfilled=True``
    takes them too (a replay over history, where most posts may come from backfills).
    A query DSL outside the allow-list raises ``ConfigError`` (SCOUT-E087), so no path
    (matching, replays, digests, the board) sends one to Elasticsearch."""
    check_query_dsl(rule.id, rule.query_dsl)  # never sent, whatever path the rule took
    must: list[dict[str, Any]] = []
    if rule.query:
        must.append(
            {
                "query_string": {
                    "query": rule.query,
                    # The folded copy too: invisible characters cannot hide a word.
                    "fields": list(TEXT_FIELDS),
                    "default_operator": "AND",
                }
            }
        )
    if rule.query_dsl:
        must.append(rule.query_dsl)
    filters: list[dict[str, Any]] = [] if backfilled else [LIVE_OR_ALERTING]
    c = rule.conditions
    if c.entity_ids:
        filters.append({"terms": {"entity_ids": list(c.entity_ids)}})
    for signal in c.signals:
        filters.append(_SIGNAL_FILTERS[signal])
    if c.min_influence is not None:
        filters.append({"range": {"influence.score": {"gte": c.min_influence}}})
    if c.languages:
        filters.append({"terms": {"lang": list(c.languages)}})
    if c.categories:
        filters.append({"terms": {"category.label": list(c.categories)}})
    if c.min_signal is not None:
        filters.append({"range": {"category.signal": {"gte": c.min_signal}}})
    if doc_ids is not None:
        filters.append({"ids": {"values": list(doc_ids)}})
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filters}}
