"""Elasticsearch's reasons as a person reads them (no Java exception names, no index UUID)."""

from __future__ import annotations

from streams.index.small import short_reason

# What validate_query(explain=True) answered for `oracle AND (cloud` on ES 8.19.
EXPLAINED = (
    "[it-5f3a-posts-v1/Cou6EKabSbOHFZUXmeyk0w] org.elasticsearch.index.query."
    "QueryShardException: Failed to parse query [oracle AND (cloud]; org.apache.lucene."
    "queryparser.classic.ParseException: Cannot parse 'oracle AND (cloud': Encountered"
    ' "<EOF>" at line 1, column 17.\nWas expecting one of:\n    <NOT> ...\n    "+" ...'
)


def test_a_parse_failure_keeps_the_innermost_cause_without_java_names_or_the_index() -> None:
    reason = short_reason(EXPLAINED)
    assert reason == "Cannot parse 'oracle AND (cloud': Encountered \"<EOF>\" at line 1, column 17."


def test_a_chain_of_causes_keeps_the_last_and_plain_reasons_stay() -> None:
    chained = (
        "[posts/Cou6EKabSbOHFZUXmeyk0w] org.elasticsearch.index.query.QueryShardException:"
        " failed to create query: unexpected end-of-string; java.lang.IllegalArgumentException:"
        " unexpected end-of-string"
    )
    assert short_reason(chained) == "unexpected end-of-string"
    assert short_reason("[1:25] [bool] failed to parse field [must]") == (
        "[1:25] [bool] failed to parse field [must]"
    )
    assert short_reason("invalid query") == "invalid query"
