"""raw bytes -> validated, cleaned ``Post``; refusals carry a reason for the dead letter."""

from streams.normalize.dead_letters import dead_letter_for
from streams.normalize.parse import (
    decode_json,
    deletion_from_obj,
    json_error_text,
    parse_post,
    parse_record,
    post_from_obj,
)
from streams.normalize.text import clean_text

__all__ = [
    "clean_text",
    "dead_letter_for",
    "decode_json",
    "deletion_from_obj",
    "json_error_text",
    "parse_post",
    "parse_record",
    "post_from_obj",
]
