"""The allow-list of query DSL a rule may carry (issue 12 point 7)."""

from __future__ import annotations

from typing import Any

import pytest

from streams.alerts.query_guard import check_query_dsl, query_dsl_problem
from streams.errors import ConfigError

SECRET_LOOKUP = {
    "terms": {"text": {"index": "scout-rules", "id": "deals", "path": "channels.secret"}}
}


@pytest.mark.parametrize(
    "dsl",
    [
        {"match": {"text": "acquire"}},
        {"match_phrase": {"text": {"query": "to acquire", "slop": 1}}},
        {"multi_match": {"query": "acquire", "fields": ["text", "author.name"]}},
        {"query_string": {"query": "acquire OR buy", "default_field": "text"}},
        {"simple_query_string": {"query": "acquire | buy", "fields": ["text"]}},
        {"terms": {"lang": ["en", "no"], "boost": 2}},
        {"term": {"ma.is_ma": {"value": True}}},
        {"range": {"influence.score": {"gte": 40}}},
        {"exists": {"field": "moves.direction"}},
        {"prefix": {"author.handle": "deal"}},
        {"wildcard": {"author.handle": {"value": "deal*"}}},
        {
            "bool": {
                "must": [{"match": {"text": "merger"}}],
                "should": {"term": {"source": "news"}},
                "filter": [{"constant_score": {"filter": {"exists": {"field": "ma.status"}}}}],
                "must_not": [{"dis_max": {"queries": [{"match": {"text": "rumour"}}]}}],
                "minimum_should_match": 0,
                "_name": "deals",
            }
        },
        {"nested": {"path": "competitors", "query": {"term": {"competitors.id": "company:MSFT"}}}},
        {
            "boosting": {
                "positive": {"match_all": {}},
                "negative": {"match": {"text": "x"}},
                "negative_boost": 0.5,
            }
        },
    ],
)
def test_the_queries_a_rule_needs_are_allowed(dsl: dict[str, Any]) -> None:
    assert query_dsl_problem(dsl) is None
    check_query_dsl("ok", dsl)


@pytest.mark.parametrize(
    ("dsl", "path"),
    [
        (SECRET_LOOKUP, "query_dsl.terms.text"),
        (
            {"bool": {"filter": [{"match": {"text": "x"}}, SECRET_LOOKUP]}},
            "query_dsl.bool.filter[1].terms.text",
        ),
        ({"script": {"script": {"source": "true"}}}, "query_dsl.script"),
        (
            {"bool": {"must": {"script_score": {"query": {"match_all": {}}, "script": "1"}}}},
            "query_dsl.bool.must.script_score",
        ),
        ({"function_score": {"query": {"match_all": {}}}}, "query_dsl.function_score"),
        ({"percolate": {"field": "query", "index": "other", "id": "1"}}, "query_dsl.percolate"),
        (
            {"more_like_this": {"like": [{"_index": "scout-rules", "_id": "deals"}]}},
            "query_dsl.more_like_this",
        ),
        ({"wrapper": {"query": "eyJtYXRjaF9hbGwiOnt9fQ=="}}, "query_dsl.wrapper"),
        (
            {"geo_shape": {"place": {"indexed_shape": {"index": "shapes", "id": "1"}}}},
            "query_dsl.geo_shape",
        ),
        ({"has_child": {"type": "x", "query": {"match_all": {}}}}, "query_dsl.has_child"),
        (
            {
                "nested": {
                    "path": "competitors",
                    "query": {"match_all": {}},
                    "inner_hits": {"script_fields": {}},
                }
            },
            "query_dsl.nested.inner_hits",
        ),
        ({"match": {"text": {"query": "x", "script": "1"}}}, "query_dsl.match.text.script"),
        ({"match": {"text": "x"}, "term": {"lang": "en"}}, "query_dsl"),
        ({"bool": {"must": ["match_all"]}}, "query_dsl.bool.must[0]"),
    ],
)
def test_scripts_lookups_and_unknown_types_are_refused_naming_the_clause(
    dsl: dict[str, Any], path: str
) -> None:
    problem = query_dsl_problem(dsl)
    assert problem is not None and problem.startswith(f"{path}:"), problem
    with pytest.raises(ConfigError) as info:
        check_query_dsl("spy", dsl)
    assert info.value.code == "SCOUT-E087"
    assert path in info.value.message and "'spy'" in info.value.message


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    dsl: dict[str, Any] = {"match_all": {}}
    for _ in range(5000):
        dsl = {"bool": {"must": [dsl]}}
    problem = query_dsl_problem(dsl)
    assert problem is not None and "deeper than 20" in problem
    wide = {"bool": {"should": [{"term": {"lang": str(i)}} for i in range(2000)]}}
    assert "more than 1000 clauses" in (query_dsl_problem(wide) or "")
