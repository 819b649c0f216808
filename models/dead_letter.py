"""What goes to a ``.dlq`` topic: the original bytes (or a bounded prefix) and why they
were refused."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

# 2: payload_bytes, payload_sha256 and payload_truncated (a letter keeps a bounded prefix).
# 3: origin (the live source of `scout listen` that refused the item).
DEAD_LETTER_SCHEMA_VERSION = 3


class DeadLetter(BaseModel):
    model_config = ConfigDict(frozen=True)

    schema_version: int = DEAD_LETTER_SCHEMA_VERSION
    reason: str = Field(description="Machine-readable reason, e.g. malformed_json, oversized.")
    detail: str = Field(description="Human-readable explanation.")
    code: str = Field(description="Stable scout error code (SCOUT-E###).")
    stage: str = Field(description="Which stage refused it: ingest, normalize, index.")
    source_topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    source_file: str | None = None
    line: int | None = None
    post_id: str | None = None
    origin: str | None = Field(None, description="The live source (its name) it came from.")
    payload: str = Field(
        description="The original message, as text when it was UTF-8; only its first part"
        " when ``payload_truncated``."
    )
    payload_encoding: str = Field("utf-8", description="utf-8, or base64 when it was not.")
    payload_bytes: int | None = Field(None, description="Size of the original message (bytes).")
    payload_sha256: str | None = Field(
        None, description="SHA-256 (hex) of the whole original message."
    )
    payload_truncated: bool = Field(
        False, description="True when ``payload`` holds only the first part of the message."
    )
    failed_at: datetime
