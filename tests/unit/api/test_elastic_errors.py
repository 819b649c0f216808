from typing import Any

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError, ConnectionError

from streams.api.elastic import es_errors, es_reason
from streams.errors import ConfigError, IndexUnavailableError

PARSE_FAILURE = {
    "error": {
        "root_cause": [
            {"type": "query_shard_exception", "reason": "Failed to parse query [text:(oops]"}
        ],
        "type": "search_phase_execution_exception",
        "reason": "all shards failed",
        "failed_shards": [
            {
                "shard": 0,
                "reason": {
                    "type": "query_shard_exception",
                    "reason": "Failed to parse query [text:(oops]",
                    "caused_by": {
                        "type": "parse_exception",
                        "reason": "Cannot parse 'text:(oops': Encountered \"<EOF>\" at line 1,"
                        " column 10.\nWas expecting one of:\n    <AND> ...\n",
                    },
                },
            }
        ],
    },
    "status": 400,
}


def _api_error(status: int, body: Any) -> ApiError:
    meta = ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "localhost", 9200),
    )
    return ApiError(message=str(body), meta=meta, body=body)


def test_the_reason_is_the_shard_failures_cause_without_the_expected_tokens() -> None:
    assert (
        es_reason(PARSE_FAILURE)
        == "Cannot parse 'text:(oops': Encountered \"<EOF>\" at line 1, column 10."
    )
    assert es_reason(
        {"error": {"root_cause": [{"reason": "no [query] registered for [bogus]"}]}}
    ) == ("no [query] registered for [bogus]")
    assert es_reason("plain") == "plain"


def test_rejections_are_400_missing_indices_and_outages_503() -> None:
    with pytest.raises(ConfigError, match="Cannot parse") as bad, es_errors("post search"):
        raise _api_error(400, PARSE_FAILURE)
    assert bad.value.code == "SCOUT-E500"
    missing = {"error": {"type": "index_not_found_exception", "reason": "no such index"}}
    with (
        pytest.raises(IndexUnavailableError, match="scout setup") as gone,
        es_errors("post search"),
    ):
        raise _api_error(404, missing)
    assert gone.value.code == "SCOUT-E504"
    with pytest.raises(IndexUnavailableError) as busy, es_errors("post search"):
        raise _api_error(429, {"error": "too many requests"})
    assert busy.value.code == "SCOUT-E505"
    with pytest.raises(IndexUnavailableError) as down, es_errors("post search"):
        raise ConnectionError("refused")
    assert down.value.code == "SCOUT-E505"
