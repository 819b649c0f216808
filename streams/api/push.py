"""``POST /posts``: other tools push posts in (one JSON post, or JSON Lines).

The body is read up to ``SCOUT_PUSH_MAX_BYTES`` (413 as soon as it is over, SCOUT-E413),
then read and validated like a ``scout ingest`` file (:func:`streams.ingest.read_bytes`,
:func:`streams.ingest.ingest_lines`: the worker's own parser) and published to
``posts.raw`` keyed by post id with the API's one producer. Refused records go to the
dead-letter topic (``origin`` and ``stage`` ``"api"``, ``source_file`` ``"api:<request_id>"``).
The answer, 202, comes once Kafka acknowledged every record: per record, in input order,
its id and document id, or why it was refused. Kafka down: 503 (SCOUT-E302); the request may be sent
again as it is (post ids are the keys and document ids, so nothing is duplicated).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from models.dead_letter import DeadLetter
from models.post import Post
from streams.api.context import ApiContext, context
from streams.api.errors import PayloadTooLargeError, UnsupportedMediaTypeError
from streams.index.documents import doc_id
from streams.ingest import SourceLine, ingest_lines, read_bytes
from streams.topics import POSTS_DLQ, POSTS_RAW

router = APIRouter(tags=["push"])

JSON = "application/json"
JSON_LINES = ("application/x-ndjson", "application/ndjson", "application/jsonl")
CONFIRM_TIMEOUT_S = 30.0  # the longest a push waits for Kafka's acknowledgements


class PushResult(BaseModel):
    """One record of the body: accepted (published) or rejected (dead-lettered)."""

    index: int = Field(description="Position in the body, from 0 (input order).")
    line: int = Field(description="Line of the body where the record starts, from 1.")
    status: Literal["accepted", "rejected"]
    id: str | None = Field(None, description="The post's id (accepted).")
    source: str | None = Field(None, description="The post's source (accepted).")
    doc_id: str | None = Field(None, description="Its document: `GET /posts/{doc_id}`.")
    reason: str | None = Field(
        None,
        description="Why it was refused: malformed_json, unknown_shape, empty_text,"
        " oversized, bad_encoding.",
    )
    detail: str | None = Field(None, description="What is wrong with it, in words.")
    code: str | None = Field(None, description="The refusal's code (SCOUT-E201).")


class PushAnswer(BaseModel):
    request_id: str = Field(description="Names this request in its dead letters.")
    accepted: int
    rejected: int
    results: list[PushResult]


_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "One post (`application/json`) or one post a line"
        " (`application/x-ndjson`): `id` and `text` suffice.",
        "content": {
            JSON: {"schema": {"type": "object"}},
            JSON_LINES[0]: {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/posts",
    summary="Push posts",
    status_code=202,
    response_model=PushAnswer,
    openapi_extra=_BODY_DOC,
    responses={
        413: {"description": "The body is over SCOUT_PUSH_MAX_BYTES (SCOUT-E413)."},
        415: {"description": "Not application/json nor application/x-ndjson (SCOUT-E415)."},
        503: {"description": "Kafka is unreachable (SCOUT-E302): send it again later."},
    },
)
async def push_posts(request: Request, ctx: Annotated[ApiContext, Depends(context)]) -> PushAnswer:
    """Publish each post to `posts.raw`; 202 with each record's id or rejection reason."""
    lines = _is_json_lines(request.headers.get("content-type"))
    _identity_only(request.headers.get("content-encoding"))
    body = await read_limited(request, ctx.settings.push_max_bytes)
    producer = await ctx.producer.get()
    request_id = uuid.uuid4().hex[:16]
    return await run_in_threadpool(_publish, ctx, producer, request_id, body, lines)


def _publish(
    ctx: ApiContext, producer: Any, request_id: str, body: bytes, lines: bool
) -> PushAnswer:
    label = f"api:{request_id}"
    records = read_bytes(label, body) if lines else iter([SourceLine(label, 1, body)])
    results: list[PushResult] = []

    def note(item: SourceLine, outcome: Post | DeadLetter) -> None:
        results.append(_result(len(results), item.line, outcome))

    settings = ctx.settings
    ingest_lines(
        records,
        producer,
        topic=POSTS_RAW.name(settings),
        dlq_topic=POSTS_DLQ.name(settings),
        max_message_bytes=settings.max_message_bytes,
        max_text_chars=settings.max_text_chars,
        on_outcome=note,
        confirm_timeout_s=CONFIRM_TIMEOUT_S,
        stage="api",
        origin="api",
    )
    accepted = sum(r.status == "accepted" for r in results)
    return PushAnswer(
        request_id=request_id,
        accepted=accepted,
        rejected=len(results) - accepted,
        results=results,
    )


def _result(index: int, line: int, outcome: Post | DeadLetter) -> PushResult:
    if isinstance(outcome, Post):
        return PushResult(
            index=index,
            line=line,
            status="accepted",
            id=outcome.id,
            source=outcome.source,
            doc_id=doc_id(outcome.source, outcome.id),
        )
    return PushResult(
        index=index,
        line=line,
        status="rejected",
        reason=outcome.reason,
        detail=outcome.detail,
        code=outcome.code,
    )


def _is_json_lines(content_type: str | None) -> bool:
    """True for JSON Lines, False for one JSON post; 415 for anything else."""
    media, _, params = (content_type or "").partition(";")
    media = media.strip().lower()
    charset = next(
        (
            value.strip().strip('"').lower()
            for name, _, value in (p.partition("=") for p in params.split(";"))
            if name.strip().lower() == "charset"
        ),
        "utf-8",
    )
    if media in (JSON, *JSON_LINES) and charset in ("utf-8", "utf8"):
        return media != JSON
    got = f"{content_type!r}" if content_type else "no Content-Type"
    raise UnsupportedMediaTypeError(
        f"POST /posts reads UTF-8 JSON: send 'Content-Type: {JSON}' for one post or"
        f" '{JSON_LINES[0]}' for one post a line (got {got[:100]})"
    )


def _identity_only(encoding: str | None) -> None:
    if encoding and encoding.strip().lower() != "identity":
        raise UnsupportedMediaTypeError(
            f"POST /posts reads uncompressed bodies (got Content-Encoding {encoding[:40]!r}):"
            " send the JSON as it is"
        )


async def read_limited(request: Request, limit: int) -> bytes:
    """The body, refused (413) once it is over ``limit`` bytes: by its declared length
    before reading anything, else as the bytes arrive (a chunked body has no length)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit, f" ({int(declared)} bytes)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit, "")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int, size: str) -> PayloadTooLargeError:
    return PayloadTooLargeError(
        f"the body{size} is over the limit of {limit} bytes (SCOUT_PUSH_MAX_BYTES): nothing"
        " was published; split it into smaller requests"
    )
