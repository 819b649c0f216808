"""Build the ``DeadLetter`` record for an input that was refused.

A letter always fits in one Kafka request, whatever the input was: the payload keeps at
most ``PAYLOAD_LIMIT_BYTES`` (as written in the letter's JSON, escapes included; base64
when the bytes are not UTF-8), with the whole message's size and SHA-256; the detail and
the identifying fields are cut too. ``MAX_LETTER_BYTES`` bounds the whole letter, well under
the producer's 1 MB request limit.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime

from models.dead_letter import DeadLetter
from streams.errors import PermanentError

PAYLOAD_LIMIT_BYTES = 65_536
DETAIL_LIMIT_BYTES = 4_096
FIELD_LIMIT_BYTES = 1_024  # post id, topic, file name
MAX_LETTER_BYTES = 96 * 1024


def _json_len(text: str) -> int:
    """Bytes ``text`` takes inside a JSON string (control characters escape to 6)."""
    return len(json.dumps(text, ensure_ascii=False).encode("utf-8")) - 2


def _fit(text: str, limit: int) -> tuple[str, bool]:
    """The longest prefix (found in a few steps) whose JSON form is at most ``limit``."""
    if len(text) <= limit // 6 or _json_len(text) <= limit:
        return text, False
    cut = min(len(text), limit)
    while True:
        size = _json_len(text[:cut])
        if size <= limit:
            return text[:cut], True
        cut = max(0, cut * limit // size - 1)


def _short(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    fitted, cut = _fit(text, limit)
    return f"{fitted}…" if cut else fitted


def bounded_payload(raw: bytes) -> tuple[str, str, bool]:
    """``(payload, encoding, truncated)``: the UTF-8 text, else base64, of at most a prefix."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        cut = raw[: PAYLOAD_LIMIT_BYTES * 3 // 4]
        return base64.b64encode(cut).decode("ascii"), "base64", len(cut) < len(raw)
    fitted, truncated = _fit(text, PAYLOAD_LIMIT_BYTES)
    return fitted, "utf-8", truncated


def dead_letter_for(
    raw: bytes,
    error: PermanentError,
    *,
    stage: str,
    source_topic: str | None = None,
    partition: int | None = None,
    offset: int | None = None,
    source_file: str | None = None,
    line: int | None = None,
    post_id: str | None = None,
    origin: str | None = None,
    now: datetime | None = None,
) -> DeadLetter:
    """Keep the original bytes (as text when UTF-8, else base64), whole when they fit."""
    payload, encoding, truncated = bounded_payload(raw)
    return DeadLetter(
        reason=_short(error.reason, FIELD_LIMIT_BYTES) or "unprocessable",
        detail=_short(error.message, DETAIL_LIMIT_BYTES) or "",
        code=error.code,
        stage=stage,
        source_topic=_short(source_topic, FIELD_LIMIT_BYTES),
        partition=partition,
        offset=offset,
        source_file=_short(source_file, FIELD_LIMIT_BYTES),
        line=line,
        post_id=_short(post_id, FIELD_LIMIT_BYTES),
        origin=_short(origin, FIELD_LIMIT_BYTES),
        payload=payload,
        payload_encoding=encoding,
        payload_bytes=len(raw),
        payload_sha256=hashlib.sha256(raw).hexdigest(),
        payload_truncated=truncated,
        failed_at=now or datetime.now(UTC),
    )
