import base64
from datetime import UTC, datetime

from streams.errors import InvalidPostError
from streams.normalize import dead_letter_for

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_dead_letter_keeps_text_payload_and_position() -> None:
    error = InvalidPostError("malformed JSON: boom", reason="malformed_json")
    dead = dead_letter_for(
        b"{bad", error, stage="normalize", source_topic="posts.raw", partition=2, offset=41, now=NOW
    )
    assert dead.payload == "{bad" and dead.payload_encoding == "utf-8"
    assert (dead.reason, dead.code, dead.stage) == ("malformed_json", "SCOUT-E201", "normalize")
    assert (dead.source_topic, dead.partition, dead.offset) == ("posts.raw", 2, 41)
    assert dead.failed_at == NOW


def test_dead_letter_keeps_undecodable_bytes_losslessly() -> None:
    raw = b"\xff\xfe\x00binary"
    dead = dead_letter_for(raw, InvalidPostError("x", reason="bad_encoding"), stage="ingest")
    assert dead.payload_encoding == "base64"
    assert base64.b64decode(dead.payload) == raw
