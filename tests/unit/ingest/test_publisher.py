import hashlib
import json
from typing import Any

from streams.ingest import SourceLine, ingest_lines


class _Future:
    def get(self, timeout: float) -> None:
        return None


class _RecordingProducer:
    """Stands in for KafkaProducer: records sends, counts flushes."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []
        self.flushes = 0

    def send(self, topic: str, *, key: bytes | None = None, value: bytes) -> _Future:
        self.sent.append((topic, key, value))
        return _Future()

    def flush(self, timeout: float) -> None:
        self.flushes += 1


def _lines(*raws: bytes) -> list[SourceLine]:
    return [SourceLine(file="in.jsonl", line=i + 1, raw=r) for i, r in enumerate(raws)]


def _run(producer: Any, lines: list[SourceLine], **kw: Any) -> Any:
    return ingest_lines(
        lines,
        producer,
        topic="posts.raw",
        dlq_topic="posts.raw.dlq",
        max_message_bytes=10_000,
        max_text_chars=1_000,
        **kw,
    )


def test_valid_lines_are_published_as_is_keyed_by_post_id() -> None:
    producer = _RecordingProducer()
    raw = json.dumps({"id": 42, "text": "  hello  "}).encode()
    report = _run(producer, _lines(raw))
    assert (report.read, report.published, report.rejected) == (1, 1, [])
    assert producer.sent == [("posts.raw", b"42", raw)]


def test_rejected_lines_are_reported_with_file_line_and_reason_and_dead_lettered() -> None:
    producer = _RecordingProducer()
    report = _run(
        producer,
        _lines(json.dumps({"id": "a", "text": "ok"}).encode(), b"{broken", b'{"id": "b"}'),
    )
    assert report.published == 1
    assert [(d.line, d.reason) for d in report.rejected] == [
        (2, "malformed_json"),
        (3, "unknown_shape"),
    ]
    assert report.reasons == {"malformed_json": 1, "unknown_shape": 1}
    dead = [json.loads(v) for t, _, v in producer.sent if t == "posts.raw.dlq"]
    assert [(d["source_file"], d["line"], d["payload"]) for d in dead] == [
        ("in.jsonl", 2, "{broken"),
        ("in.jsonl", 3, '{"id": "b"}'),
    ]


def test_sends_are_confirmed_in_bounded_chunks() -> None:
    producer = _RecordingProducer()
    lines = _lines(*[json.dumps({"id": str(i), "text": "t"}).encode() for i in range(25)])
    _run(producer, lines, confirm_every=10)
    assert producer.flushes == 3


def test_posts_that_are_not_utf8_are_dead_lettered_and_their_file_reported() -> None:
    producer = _RecordingProducer()
    latin = '{"id": "c", "text": "Café"}'.encode("latin-1")
    surrogate = b'{"id": "s", "text": "\\ud800"}'  # bad_encoding too, but the file is UTF-8
    report = _run(producer, _lines(latin, surrogate, b'{"id": "ok", "text": "fine"}'))
    assert [d.reason for d in report.rejected] == ["bad_encoding", "bad_encoding"]
    (problem,) = report.encoding.problems().values()
    assert problem.file == "in.jsonl" and "1 post is not UTF-8 (first at line 1" in str(problem)


class _BrokerGone(_RecordingProducer):
    """A producer whose sends cannot start: no metadata from the broker in max_block_ms."""

    def send(self, topic: str, *, key: bytes | None = None, value: bytes) -> _Future:
        from kafka.errors import KafkaTimeoutError

        raise KafkaTimeoutError("Failed to update metadata after 10.0 secs.")


def test_a_send_kafka_refuses_to_start_is_broker_unavailable() -> None:
    """Regression: the send's own KafkaTimeoutError escaped uncoded (an API push answered
    500, scout ingest printed a traceback); it is SCOUT-E302 like a failed confirmation."""
    import pytest

    from streams.errors import BrokerUnavailableError

    with pytest.raises(BrokerUnavailableError, match="Kafka did not take the posts"):
        _run(_BrokerGone(), _lines(json.dumps({"id": "a", "text": "ok"}).encode()))


def test_each_line_gets_its_post_or_dead_letter_in_order_with_the_stage() -> None:
    producer = _RecordingProducer()
    outcomes: list[tuple[int, str]] = []
    _run(
        producer,
        _lines(b'{"id": "a", "text": "ok"}', b"{broken", b'{"id": "c", "text": "fine"}'),
        on_outcome=lambda item, out: outcomes.append(
            (item.line, getattr(out, "id", None) or getattr(out, "reason", ""))
        ),
        stage="api",
    )
    assert outcomes == [(1, "a"), (2, "malformed_json"), (3, "c")]
    dead = [json.loads(v) for t, _, v in producer.sent if t == "posts.raw.dlq"]
    assert [d["stage"] for d in dead] == ["api"]


def test_an_oversized_line_is_dead_lettered_with_its_own_size_and_hash() -> None:
    producer = _RecordingProducer()
    raw = json.dumps({"id": "big", "text": "\x01" * 200_000}).encode()  # 1.2 MB
    report = _run(producer, _lines(raw))
    [dead] = report.rejected
    assert dead.reason == "oversized" and dead.payload_truncated
    assert (dead.payload_bytes, dead.payload_sha256) == (len(raw), hashlib.sha256(raw).hexdigest())
    [(topic, _, value)] = producer.sent
    assert topic == "posts.raw.dlq" and len(value) < 100_000
