"""The hostile-record generator makes what each family claims (issue 12, point 9)."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter

import pytest

from bench.faults.records import (
    FAMILIES,
    RULE_WORD,
    SOURCE,
    WRONG_TYPES,
    FaultRecord,
    Limits,
    generate,
    stream,
)
from streams.errors import InvalidPostError
from streams.normalize import parse_post

LIMITS = Limits()


@pytest.fixture(scope="module")
def records() -> list[FaultRecord]:
    return generate(seed=7, valid=20, emoji_posts=2, limits=LIMITS)


def _one(records: list[FaultRecord], family: str) -> FaultRecord:
    return next(r for r in records if r.family == family)


def _parse(record: FaultRecord) -> object:
    return parse_post(
        record.value,
        max_message_bytes=LIMITS.max_message_bytes,
        max_text_chars=LIMITS.max_text_chars,
    )


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes() -> None:
    first = generate(seed=3, valid=5, families=["random_bytes", "truncated_json"])
    again = generate(seed=3, valid=5, families=["random_bytes", "truncated_json"])
    other = generate(seed=4, valid=5, families=["random_bytes", "truncated_json"])
    assert [r.value for r in first] == [r.value for r in again]
    assert {r.value for r in first} != {r.value for r in other}


def test_every_family_is_present_and_every_tag_is_unique(records: list[FaultRecord]) -> None:
    assert len({r.tag for r in records}) == len(records)
    families = {r.family.split(":")[0] for r in records}
    assert {
        "valid",
        "deep_json",
        "big_int",
        "deep_author",
        "control_chars",
        "invalid_utf8",
    } <= families
    assert {"huge_post", "random_bytes", "truncated_json", "empty_text", "emoji"} <= families
    assert {f"wrong_type:{path}" for path in WRONG_TYPES} <= {r.family for r in records}
    assert Counter(r.family for r in records)["valid"] == 20
    assert Counter(r.family for r in records)["emoji"] == 2
    assert set(FAMILIES) >= {"deep_json", "wrong_types", "odd_json"}


def test_every_record_expected_indexed_parses_under_its_tag(records: list[FaultRecord]) -> None:
    indexed = [r for r in records if r.expect == "indexed"]
    assert len(indexed) > 20
    for record in indexed:
        post = _parse(record)
        assert (post.id, post.source) == (record.tag, SOURCE), record.family  # type: ignore[attr-defined]


def test_every_record_expected_dead_is_refused_by_the_parser(records: list[FaultRecord]) -> None:
    dead = [r for r in records if r.expect == "dead"]
    assert len(dead) > 30
    for record in dead:
        with pytest.raises(InvalidPostError):
            _parse(record)


def test_deep_json_is_nested_ten_thousand_deep(records: list[FaultRecord]) -> None:
    for shape in ("array", "object"):
        value = _one(records, f"deep_json:{shape}").value
        assert value.count(b"[" if shape == "array" else b'{"a":') == 10_000
        with pytest.raises(RecursionError):
            json.loads(value)


def test_big_int_is_over_pythons_digit_limit(records: list[FaultRecord]) -> None:
    with pytest.raises(ValueError, match="4300"):
        json.loads(_one(records, "big_int").value)


def test_deep_author_is_nested_five_hundred_deep(records: list[FaultRecord]) -> None:
    node = json.loads(_one(records, "deep_author").value)["author"]["nest"]
    depth = 0
    while "a" in node:
        node, depth = node["a"], depth + 1
    assert depth == 500


def test_the_big_families_have_the_sizes_of_the_issue(records: list[FaultRecord]) -> None:
    controls = _one(records, "control_chars")
    text = json.loads(controls.value)["text"]
    assert 800_000 < len(controls.value) < LIMITS.max_message_bytes
    assert len(text) > LIMITS.max_text_chars
    assert all(unicodedata.category(c) == "Cc" for c in text)

    junk = _one(records, "invalid_utf8").value
    assert 800_000 <= len(junk) < LIMITS.max_message_bytes
    with pytest.raises(UnicodeDecodeError):
        junk.decode("utf-8")

    huge = _one(records, "huge_post").value
    assert LIMITS.max_message_bytes < len(huge) < 1_048_576 - 1024  # fits Kafka's default
    assert json.loads(huge)["text"]


def test_truncated_json_and_random_bytes_are_not_json(records: list[FaultRecord]) -> None:
    with pytest.raises(ValueError):
        json.loads(_one(records, "truncated_json").value)


def test_text_limits_sit_exactly_at_and_one_past_the_limit(records: list[FaultRecord]) -> None:
    at = json.loads(_one(records, "text:at_limit").value)["text"]
    over = json.loads(_one(records, "text:over_limit").value)["text"]
    assert (len(at), len(over)) == (LIMITS.max_text_chars, LIMITS.max_text_chars + 1)


def test_emoji_posts_are_10010_emoji(records: list[FaultRecord]) -> None:
    text = json.loads(_one(records, "emoji").value)["text"]
    assert len(text) == 10_010
    assert all(unicodedata.category(c) == "So" for c in text)


def test_zero_width_and_bidi_posts_hold_invisible_characters(records: list[FaultRecord]) -> None:
    texts = [json.loads(r.value)["text"] for r in records if r.family == "zero_width_bidi"]
    assert texts
    assert all(any(unicodedata.category(c) == "Cf" for c in t) for t in texts)


def test_duplicate_keys_hold_two_ids_and_the_last_is_the_tag(records: list[FaultRecord]) -> None:
    record = _one(records, "duplicate_keys:id")
    assert record.value.count(b'"id"') == 2
    assert json.loads(record.value)["id"] == record.tag


def test_only_valid_posts_carry_the_rule_word() -> None:
    records = list(zip(range(200), stream(seed=5, hostile_every=10), strict=False))
    hostile = [r for _, r in records if r.family != "valid"]
    assert len(hostile) == 20
    assert all(RULE_WORD.encode() in r.value for _, r in records if r.family == "valid")
    assert not any(RULE_WORD.encode() in r.value for r in hostile)
