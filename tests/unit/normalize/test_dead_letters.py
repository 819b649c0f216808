import base64
import hashlib
import json
from datetime import UTC, datetime

import pytest

from streams.errors import InvalidPostError
from streams.normalize import dead_letter_for
from streams.normalize.dead_letters import MAX_LETTER_BYTES

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


def _letter_size(raw: bytes, **fields: str) -> int:
    error = InvalidPostError(fields.pop("detail", "x"), reason="oversized")
    dead = dead_letter_for(raw, error, stage="normalize", source_topic="posts.raw", **fields)
    return len(dead.model_dump_json().encode())


@pytest.mark.parametrize(
    "raw",
    [
        # issue 12: each of these made a letter over the producer's 1 MB request limit
        json.dumps({"id": "c", "text": "\x01" * 900_000}).encode(),  # escapes to 6 bytes each
        b"\xff" * 800_000,  # base64 grows it by a third
        json.dumps({"id": "k", "text": "x" * 1_048_000}).encode(),  # ~1 MB sent with kcat
        ("\U0001f600" * 300_000).encode(),
        b'"\\' * 400_000,
    ],
)
def test_a_dead_letter_always_fits_well_under_a_kafka_request(raw: bytes) -> None:
    assert _letter_size(raw) <= MAX_LETTER_BYTES
    huge = "\x02" * 500_000
    assert _letter_size(raw, detail=huge, post_id=huge) <= MAX_LETTER_BYTES
    assert MAX_LETTER_BYTES < 1_048_576 // 8


def test_a_cut_payload_keeps_size_hash_and_a_prefix_of_the_original() -> None:
    raw = json.dumps({"id": "big", "text": "\x01" * 200_000}).encode()
    dead = dead_letter_for(raw, InvalidPostError("x", reason="oversized"), stage="normalize")
    assert dead.payload_truncated and dead.payload_bytes == len(raw)
    assert dead.payload_sha256 == hashlib.sha256(raw).hexdigest()
    assert raw.decode().startswith(dead.payload) and len(dead.payload) > 10_000

    binary = b"\xff" * 200_000
    dead = dead_letter_for(binary, InvalidPostError("x", reason="bad_encoding"), stage="ingest")
    assert dead.payload_truncated and binary.startswith(base64.b64decode(dead.payload))


def test_a_small_payload_is_kept_whole() -> None:
    raw = json.dumps({"id": "s", "text": "\x01 short"}).encode()
    dead = dead_letter_for(raw, InvalidPostError("x", reason="empty_text"), stage="normalize")
    assert dead.payload == raw.decode() and not dead.payload_truncated
    assert dead.payload_bytes == len(raw)
