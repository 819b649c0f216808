"""raw bytes -> validated ``Post`` (text kept as given); refusals carry a reason for the dead
letter. ``fold`` gives the matching copy with its offset map, ``clean_text`` the display copy."""

from streams.normalize.dead_letters import dead_letter_for
from streams.normalize.fold import FoldedText, fold
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
    "FoldedText",
    "clean_text",
    "dead_letter_for",
    "decode_json",
    "deletion_from_obj",
    "fold",
    "json_error_text",
    "parse_post",
    "parse_record",
    "post_from_obj",
]
