"""Service failures as one coded line (issue 11, point 3), on errors built like the
clients build them: nested elastic_transport errors around the OS's error."""

from __future__ import annotations

import aiokafka.errors
import kafka.errors
import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError, ConnectionError, ConnectionTimeout
from urllib3.exceptions import NewConnectionError

from streams.errors import ConfigError, IndexUnavailableError, ScoutError
from streams.failures import as_scout_error, short_reason, summary
from streams.settings import Settings

SETTINGS = Settings(es_url="http://es.example:9200", kafka_bootstrap="k1:9092", es_timeout_s=2)


def _refused_by_es() -> ConnectionError:
    """Like the sync client: transport error, around the node's, around urllib3's."""
    refused = ConnectionRefusedError(111, "Connection refused")
    urllib3_error = NewConnectionError(
        None, "Failed to establish a new connection: [Errno 111] Connection refused"
    )
    urllib3_error.__cause__ = refused
    node = ConnectionError(
        f"Connection error caused by: {urllib3_error!r}", errors=(urllib3_error,)
    )
    return ConnectionError(f"Connection error caused by: {node!r}", errors=(node, node, node))


def test_a_refused_connection_is_named_in_two_words() -> None:
    assert short_reason(_refused_by_es()) == "Connection refused"


def test_elasticsearch_refusing_gives_the_url_the_reason_and_what_to_do() -> None:
    coded = as_scout_error(_refused_by_es(), SETTINGS)
    assert isinstance(coded, IndexUnavailableError)
    assert str(coded) == (
        "[SCOUT-E301] Elasticsearch at http://es.example:9200 is unreachable: Connection"
        " refused; start it with `scout services up` or set SCOUT_ES_URL"
    )


def test_the_scouts_own_wrapper_of_a_refused_connection_is_worded_alike() -> None:
    wrapped = IndexUnavailableError(f"cannot reach Elasticsearch: {_refused_by_es()}")
    wrapped.__cause__ = _refused_by_es()
    coded = as_scout_error(wrapped, SETTINGS)
    assert coded is not None
    assert coded.message.startswith("Elasticsearch at http://es.example:9200 is unreachable")


def test_a_timeout_names_the_setting_that_bounds_it() -> None:
    coded = as_scout_error(ConnectionTimeout("Connection timed out"), SETTINGS)
    assert coded is not None and coded.code == "SCOUT-E301"
    assert "did not answer within 2s (SCOUT_ES_TIMEOUT_S)" in coded.message


@pytest.mark.parametrize(
    "error",
    [
        kafka.errors.KafkaTimeoutError("Unable to bootstrap from ['k1:9092']"),
        aiokafka.errors.KafkaConnectionError("Unable to bootstrap from [('k1', 9092)]"),
    ],
)
def test_kafka_unreachable_gives_the_servers_and_what_to_do(error: Exception) -> None:
    coded = as_scout_error(error, SETTINGS)
    assert coded is not None and coded.code == "SCOUT-E302"
    assert coded.message.startswith("Kafka at k1:9092 is unreachable: ")
    assert coded.message.endswith("start it with `scout services up` or set SCOUT_KAFKA_BOOTSTRAP")


def test_an_unexpected_answer_from_elasticsearch_is_coded() -> None:
    meta = ApiResponseMeta(
        status=401,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "es.example", 9200),
    )
    coded = as_scout_error(ApiError("security_exception", meta, {"status": 401}), SETTINGS)
    assert coded is not None and coded.code == "SCOUT-E304"
    assert "answered 401" in coded.message


def test_operator_errors_pass_through_and_bugs_keep_their_traceback() -> None:
    config = ConfigError("bad")
    assert as_scout_error(config, SETTINGS) is config
    assert as_scout_error(ValueError("a bug"), SETTINGS) is None


def test_a_log_summary_is_one_short_line() -> None:
    wrapped = IndexUnavailableError(f"cannot reach Elasticsearch: {_refused_by_es()}")
    wrapped.__cause__ = _refused_by_es()
    assert summary(wrapped) == "[SCOUT-E301] Elasticsearch is unreachable: Connection refused"
    assert summary(ScoutError("first\nsecond", code="SCOUT-E999")) == "[SCOUT-E999] first"
