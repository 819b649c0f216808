"""A deletion record on posts.raw is read as a deletion, never as a post, and the other
way round."""

from __future__ import annotations

import json

import pytest

from models.deletion import PostDeletion
from models.post import Post
from streams.errors import InvalidPostError
from streams.normalize import parse_post, parse_record

LIMITS = {"max_message_bytes": 10_000, "max_text_chars": 1_000}


def _raw(obj: object) -> bytes:
    return json.dumps(obj).encode()


def test_a_deletion_record_round_trips_through_the_parser() -> None:
    sent = PostDeletion(source="mastodon", id="1123")
    got = parse_record(sent.model_dump_json().encode(), **LIMITS)
    assert got == sent
    assert isinstance(got, PostDeletion) and got.schema_version == 1 and got.op == "delete"


def test_a_numeric_id_is_kept_as_text() -> None:
    got = parse_record(_raw({"op": "delete", "source": "bluesky", "id": 42}), **LIMITS)
    assert isinstance(got, PostDeletion) and got.id == "42"


def test_a_post_is_still_a_post_even_with_an_op_field() -> None:
    got = parse_record(_raw({"id": "1", "text": "hello", "op": "delete"}), **LIMITS)
    assert isinstance(got, Post) and got.text == "hello"


def test_parse_post_refuses_a_deletion_naming_it() -> None:
    with pytest.raises(InvalidPostError) as caught:
        parse_post(_raw({"op": "delete", "source": "mastodon", "id": "1"}), **LIMITS)
    assert caught.value.reason == "unknown_shape"
    assert "operation record" in caught.value.message


@pytest.mark.parametrize(
    ("obj", "says"),
    [
        ({"op": "purge", "source": "mastodon", "id": "1"}, "unknown operation 'purge'"),
        ({"op": "delete", "source": "mastodon"}, "id: Field required"),
        ({"op": "delete", "source": "", "id": "1"}, "source"),
        ({"op": "delete", "source": "m", "id": "1", "why": "spam"}, "why: Extra inputs"),
        (
            {"op": "delete", "source": "m", "id": "1", "deleted_at": "2026-12-06T00:00:00"},
            "timezone",
        ),
    ],
)
def test_a_bad_deletion_is_refused_as_unknown_shape(obj: dict[str, object], says: str) -> None:
    with pytest.raises(InvalidPostError) as caught:
        parse_record(_raw(obj), **LIMITS)
    assert caught.value.reason == "unknown_shape"
    assert says.split(":")[0] in caught.value.message
