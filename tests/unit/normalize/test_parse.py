import json

import pytest

from streams.errors import InvalidPostError
from streams.normalize import clean_text, parse_post, post_from_obj

LIMITS = {"max_message_bytes": 10_000, "max_text_chars": 500}


def _raw(obj: object) -> bytes:
    return json.dumps(obj).encode()


def _reason(raw: bytes, **limits: int) -> str:
    with pytest.raises(InvalidPostError) as info:
        parse_post(raw, **{**LIMITS, **limits})
    return info.value.reason


def test_valid_post_is_parsed_with_numeric_id_kept_exact() -> None:
    post = parse_post(
        _raw(
            {
                "id": 1234567890123456789,
                "text": "  Oracle buys   a startup \u200b ",
                "created_at": "2026-03-02T08:15:00Z",
                "author": {"handle": "ana", "followers": 12, "bio": "kept"},
                "source": "mastodon",
                "url": "https://example.org/1",
            }
        ),
        **LIMITS,
    )
    assert post.id == "1234567890123456789"
    assert post.text == "  Oracle buys   a startup \u200b "  # as given
    assert post.created_at is not None and post.created_at.tzinfo is not None
    assert post.author is not None and post.author.followers == 12
    assert post.author.model_extra == {"bio": "kept"}


def test_id_and_text_suffice() -> None:
    post = parse_post(_raw({"id": "a1", "text": "hello"}), **LIMITS)
    assert (post.id, post.source, post.created_at) == ("a1", "unknown", None)


def test_utf8_bom_is_accepted() -> None:
    assert parse_post(b"\xef\xbb\xbf" + _raw({"id": "b", "text": "hi"}), **LIMITS).id == "b"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"id": "x", "text": "cut', "malformed_json"),
        (b"", "malformed_json"),
        (b"\xff\xfe{}", "bad_encoding"),
        ('{"id": "x", "text": "caf\xe9"}'.encode("latin-1"), "bad_encoding"),
        (b"[1, 2]", "unknown_shape"),
        (b'"just a string"', "unknown_shape"),
        (_raw({"id": "x", "body": "no text key"}), "unknown_shape"),
        (_raw({"id": "x", "text": 42}), "unknown_shape"),
        (_raw({"text": "no id"}), "unknown_shape"),
        (_raw({"id": "x", "text": "t", "author": "not an object"}), "unknown_shape"),
        (_raw({"id": "x", "text": "t", "created_at": "yesterday"}), "unknown_shape"),
        (_raw({"id": "x", "text": "t", "created_at": "2026-01-01T00:00:00"}), "unknown_shape"),
        (_raw({"id": "x", "text": ""}), "empty_text"),
        (_raw({"id": "x", "text": " \n\t\u200b "}), "empty_text"),
        (_raw({"id": "x", "text": "\u200d\u202e\u2066\ufe0f\u00ad\u3164"}), "empty_text"),
        (_raw({"id": "x", "text": "a" * 501}), "oversized"),
    ],
)
def test_bad_input_is_refused_with_a_specific_reason(raw: bytes, reason: str) -> None:
    assert _reason(raw) == reason


def test_oversized_message_is_refused_before_decoding() -> None:
    assert _reason(b"x" * 20_000) == "oversized"


def test_refusal_message_names_the_problem() -> None:
    with pytest.raises(InvalidPostError) as info:
        parse_post(_raw({"id": "x", "full_text": "a tweet"}), **LIMITS)
    assert "no 'text' field" in str(info.value)
    assert "Twitter object" in str(info.value)
    assert str(info.value).startswith("[SCOUT-E201]")


def test_clean_text_is_idempotent_and_normalizes_unicode() -> None:
    text = "Cafe\u0301\r\nline\x07two\u00a0 spaced"
    once = clean_text(text)
    assert once == "Caf\u00e9\nlinetwo spaced"
    assert clean_text(once) == once


@pytest.mark.parametrize(
    "text",
    [
        "Acme  Corp\r\nbuys Globex\t\U0001f468\u200d\U0001f469\u200d\U0001f467\ufe0f",
        "Cafe\u0301 Ltd\x07 and \uff21\uff43\uff4d\uff45 \u202eOr\u200bacle\u202c\r",
        "\u00a0 \n leading and trailing blanks \u3000",
    ],
)
def test_text_is_stored_exactly_as_given(text: str) -> None:
    post = parse_post(json.dumps({"id": "g1", "text": text}).encode(), **LIMITS)
    assert post.text == text
    as_python = post_from_obj({"id": "g1", "text": text}, max_text_chars=500)
    assert as_python.text == text


def test_a_lone_surrogate_handed_over_as_text_is_refused() -> None:
    # Backfill readers and sources hand decoded objects to post_from_obj directly.
    with pytest.raises(InvalidPostError) as info:
        post_from_obj({"id": "s2", "text": "Acme \udc80 buys"}, max_text_chars=500)
    assert info.value.reason == "bad_encoding"


def test_lone_surrogate_escape_is_refused_as_bad_encoding() -> None:
    # Valid UTF-8 and valid JSON, but "\ud800" decodes to no character: spaCy and the
    # UTF-8 output would fail on it (one such line used to stop `scout enrich`).
    raw = b'{"id": "s1", "text": "Microsoft \\ud800 buys"}'
    with pytest.raises(InvalidPostError) as info:
        parse_post(raw, **LIMITS)
    assert info.value.reason == "bad_encoding" and "\\ud800" in info.value.message


def test_paired_surrogate_escapes_and_escaped_backslashes_are_fine() -> None:
    raw = b'{"id": "s2", "text": "launch \\ud83d\\ude80 path C:\\\\ud800"}'
    assert parse_post(raw, **LIMITS).text == "launch \U0001f680 path C:\\ud800"


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        (b'{"id": "x", "text": "cut', "Unterminated string starting at line 1 column 21"),
        (b'{"id": "x",\n "text": "a\tb"}', "Invalid control character at line 2 column 12"),
        (b'{"id": "x" "text": "t"}', "Expecting ',' delimiter at line 1 column 12"),
    ],
)
def test_malformed_json_says_what_and_where_once(raw: bytes, detail: str) -> None:
    """Issue 11: "Unterminated string starting at at line 1" (the decoder's own "at" doubled)."""
    with pytest.raises(InvalidPostError) as info:
        parse_post(raw, **LIMITS)
    assert info.value.message == f"malformed JSON: {detail}"


def _nested(key: str, depth: int) -> dict[str, object]:
    value: dict[str, object] = {"handle": "deep"}
    for _ in range(depth):
        value = {key: value}
    return value


@pytest.mark.parametrize(
    ("raw", "reason", "detail"),
    [
        # issue 12: these escaped the parser as RecursionError / ValueError
        (b"[" * 10_000 + b"]" * 10_000, "malformed_json", "nested too deeply"),
        (b'{"id": "x", "text": "t", "n": ' + b"7" * 5_000 + b"}", "malformed_json", "4300"),
        # parses, but could not be serialized again for Elasticsearch
        (
            _raw({"id": "x", "text": "t", "author": _nested("a", 500)}),
            "unknown_shape",
            "nested 502 levels deep",
        ),
    ],
)
def test_input_python_cannot_handle_is_refused_not_raised(
    raw: bytes, reason: str, detail: str
) -> None:
    with pytest.raises(InvalidPostError) as info:
        parse_post(raw, max_message_bytes=1_000_000, max_text_chars=500)
    assert info.value.reason == reason
    assert detail in info.value.message


def test_ordinary_nesting_is_accepted() -> None:
    post = parse_post(
        _raw({"id": "x", "text": "t", "author": {"handle": "a", "meta": _nested("m", 20)}}),
        **LIMITS,
    )
    assert post.author is not None and post.author.handle == "a"
