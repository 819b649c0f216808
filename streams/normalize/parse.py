"""Decode and validate one message into a ``Post``.

Accepted shapes: the normalized Post, and raw Twitter API v1.1 statuses (converted).
``parse_record`` also reads a deletion (``models.deletion.PostDeletion``: an object with
``op`` and no ``text``), which ``parse_post`` refuses as ``unknown_shape``.

Reasons (the ``reason`` of ``InvalidPostError``, also used in dead letters):
``bad_encoding``, ``malformed_json``, ``unknown_shape``, ``empty_text``, ``oversized``.
JSON that Python cannot decode safely (nested past the interpreter's recursion limit, an
integer literal over 4,300 digits) is ``malformed_json``; a post nested deeper than
``MAX_JSON_DEPTH`` is ``unknown_shape`` (no field of a Post is that deep, and such values
cannot be serialized again for Elasticsearch).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from models.deletion import PostDeletion, is_operation
from models.post import Post
from streams.errors import InvalidPostError
from streams.normalize.fold import fold
from streams.normalize.twitter import is_twitter_v1, twitter_v1_to_post_obj

# A JSON escape of a UTF-16 surrogate: paired ones decode to one character, lone ones
# decode to text that cannot be encoded (spaCy, Elasticsearch and UTF-8 output fail on it).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Deepest nesting a post may have (a Post is 3 deep; extra keys are kept, so leave room).
MAX_JSON_DEPTH = 32

_HINTS = {
    "full_text": "it looks like a Twitter object without id_str/user",
    "retweeted_status": "it looks like a Twitter object without id_str/user",
    "content": "it looks like a Mastodon status or RSS item",
    "body": "it has 'body' where a Post has 'text'",
    "op": "it looks like an operation record (a deletion), not a post",
}


def parse_post(raw: bytes, *, max_message_bytes: int, max_text_chars: int) -> Post:
    """Bytes of one JSON object in the Post shape -> a validated ``Post`` (text as given)."""
    obj = _decode_checked(raw, max_message_bytes=max_message_bytes)
    return post_from_obj(obj, max_text_chars=max_text_chars)


def parse_record(raw: bytes, *, max_message_bytes: int, max_text_chars: int) -> Post | PostDeletion:
    """Bytes of one message of ``posts.raw`` -> a ``Post`` or a ``PostDeletion``."""
    obj = _decode_checked(raw, max_message_bytes=max_message_bytes)
    if is_operation(obj):
        return deletion_from_obj(obj)
    return post_from_obj(obj, max_text_chars=max_text_chars)


def deletion_from_obj(obj: dict[str, Any]) -> PostDeletion:
    """An operation record -> a ``PostDeletion``; another ``op`` or a bad field is
    ``unknown_shape``."""
    if obj.get("op") != "delete":
        raise InvalidPostError(
            f"unknown operation {str(obj.get('op'))[:40]!r} (known: 'delete')",
            reason="unknown_shape",
        )
    try:
        return PostDeletion.model_validate(obj)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'record'}: {err['msg']}"
            for err in exc.errors()[:5]
        )
        raise InvalidPostError(f"not a valid deletion: {problems}", reason="unknown_shape") from exc


def _decode_checked(raw: bytes, *, max_message_bytes: int) -> Any:
    if len(raw) > max_message_bytes:
        raise InvalidPostError(
            f"message is {len(raw)} bytes, over the limit of {max_message_bytes}"
            " (SCOUT_MAX_MESSAGE_BYTES)",
            reason="oversized",
        )
    obj = decode_json(raw)
    _refuse_deep(obj)  # before anything recurses into it
    if _SURROGATE_ESCAPE.search(raw):
        _refuse_lone_surrogates(obj)
    return obj


def decode_json(raw: bytes) -> Any:
    """UTF-8 (a BOM allowed) JSON bytes -> the value, or ``bad_encoding``/``malformed_json``."""
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidPostError(
            f"message is not UTF-8 (invalid byte {raw[exc.start]:#04x} at position {exc.start});"
            " re-encode the source as UTF-8",
            reason="bad_encoding",
        ) from exc
    try:
        return json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise InvalidPostError(
            f"malformed JSON: {json_error_text(exc)}", reason="malformed_json"
        ) from exc
    except RecursionError as exc:
        raise InvalidPostError(
            "malformed JSON: nested too deeply to decode", reason="malformed_json"
        ) from exc
    except ValueError as exc:  # an integer literal over 4,300 digits
        raise InvalidPostError(
            f"malformed JSON: {str(exc)[:200]}", reason="malformed_json"
        ) from exc


def json_error_text(exc: json.JSONDecodeError) -> str:
    """The decoder's message with its place: "Unterminated string starting at line 1 column 9".

    Some of its messages end in "at" ("Unterminated string starting at", "Invalid control
    character at"), meant to be followed by the place: that "at" is not repeated.
    """
    return f"{exc.msg.removesuffix(' at')} at line {exc.lineno} column {exc.colno}"


def json_depth(obj: Any) -> int:
    """How deeply arrays and objects nest in a decoded JSON value (iterative: no recursion
    limit to hit). A scalar is 0 deep, ``{}`` 1, ``{"a": []}`` 2."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(obj, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _refuse_deep(obj: Any) -> None:
    depth = json_depth(obj)
    if depth > MAX_JSON_DEPTH:
        raise InvalidPostError(
            f"message is nested {depth} levels deep, over the limit of {MAX_JSON_DEPTH}",
            reason="unknown_shape",
        )


def _refuse_lone_surrogates(obj: Any) -> None:
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end].encode("unicode_escape").decode("ascii")
        raise InvalidPostError(
            f"message holds an unpaired UTF-16 surrogate escape ({bad}), not a character;"
            " fix the producer's JSON encoding",
            reason="bad_encoding",
        ) from exc


def post_from_obj(obj: Any, *, max_text_chars: int) -> Post:
    """A decoded JSON value -> a validated ``Post`` (or ``InvalidPostError``).

    The text is stored exactly as given (no clean-up: entity offsets index it); a text
    with no visible character (``empty_text``), too long (``oversized``) or holding a lone
    surrogate (``bad_encoding``) is refused."""
    if not isinstance(obj, dict):
        raise InvalidPostError(
            f"expected a JSON object in the Post shape, got {type(obj).__name__}",
            reason="unknown_shape",
        )
    _refuse_deep(obj)  # parse_post checked already; backfill records come here directly
    if is_twitter_v1(obj):
        obj = twitter_v1_to_post_obj(obj)
    if "text" not in obj:
        keys = ", ".join(sorted(obj)[:12]) or "none"
        hint = next((h for k, h in _HINTS.items() if k in obj), None)
        extra = f"; {hint}" if hint else ""
        raise InvalidPostError(
            f"not a Post: no 'text' field (keys: {keys}){extra}", reason="unknown_shape"
        )
    text = obj["text"]
    if not isinstance(text, str):
        raise InvalidPostError(
            f"'text' must be a string, got {type(text).__name__}", reason="unknown_shape"
        )
    if len(text) > max_text_chars:
        raise InvalidPostError(
            f"text is {len(text)} characters, over the limit of {max_text_chars}"
            " (SCOUT_MAX_TEXT_CHARS)",
            reason="oversized",
        )
    if not text.isascii() and _SURROGATE.search(text):
        raise InvalidPostError(
            "text holds an unpaired UTF-16 surrogate, not a character; fix the producer's encoding",
            reason="bad_encoding",
        )
    if not fold(text).text:
        raise InvalidPostError(
            "post has no visible text (empty, whitespace or invisible characters only)",
            reason="empty_text",
        )
    try:
        # The text is kept as given: entity offsets index it (the pipeline reads a folded
        # copy, streams.normalize.fold).
        post = Post.model_validate(obj)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'post'}: {err['msg']}"
            for err in exc.errors()[:5]
        )
        raise InvalidPostError(f"not a valid Post: {problems}", reason="unknown_shape") from exc
    return post
