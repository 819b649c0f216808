"""Build the ``DeadLetter`` record for an input that was refused."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from models.dead_letter import DeadLetter
from streams.errors import PermanentError


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
    now: datetime | None = None,
) -> DeadLetter:
    """Keep the original bytes (as text when UTF-8, else base64) so nothing is lost."""
    try:
        payload, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        payload, encoding = base64.b64encode(raw).decode("ascii"), "base64"
    return DeadLetter(
        reason=error.reason,
        detail=error.message,
        code=error.code,
        stage=stage,
        source_topic=source_topic,
        partition=partition,
        offset=offset,
        source_file=source_file,
        line=line,
        post_id=post_id,
        payload=payload,
        payload_encoding=encoding,
        failed_at=now or datetime.now(UTC),
    )
