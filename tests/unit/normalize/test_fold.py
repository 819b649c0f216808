"""The folded matching copy and its offset map back to the stored text."""

from __future__ import annotations

import random
import unicodedata

from streams.normalize.fold import _COMPOSES_WITH_PREVIOUS, fold, is_invisible
from streams.normalize.text import clean_text


def test_invisible_characters_do_not_split_a_name() -> None:
    folded = fold("Micro\u200dsoft and Or\u202eacle, \u00adIn\u2060tel")
    assert folded.text == "Microsoft and Oracle, Intel"
    start = folded.text.index("Oracle")
    s, e = folded.to_original(start, start + len("Oracle"))
    assert folded.original[s:e] == "Or\u202eacle"


def test_compatibility_forms_fold_to_plain_letters() -> None:
    folded = fold("\uff2d\uff53\uff46\uff54 buys \ufb01ber Co")  # full-width Msft, the fi ligature
    assert folded.text == "Msft buys fiber Co"
    s, e = folded.to_original(10, 15)  # "fiber"
    assert folded.original[s:e] == "\ufb01ber"


def test_plain_text_is_its_own_copy() -> None:
    for text in ("Oracle to buy Cerner", "Ærlig talt: Equinor kjøper 🚀", "a\nb c"):
        folded = fold(text)
        assert folded.unchanged and folded.to_original(0, 3) == (0, 3)


def test_line_ends_blanks_and_edges_are_cleaned_in_the_copy_only() -> None:
    text = " \tAcme  Corp\r\nbuys\t\u00a0 Globex\rtoday\x07 \r\n"
    folded = fold(text)
    assert folded.text == "Acme Corp\nbuys Globex\ntoday"
    start = folded.text.index("Acme Corp")
    s, e = folded.to_original(start, start + len("Acme Corp"))
    assert (s, e, text[s:e]) == (2, 12, "Acme  Corp")
    start = folded.text.index("Globex")
    s, e = folded.to_original(start, start + len("Globex"))
    assert text[s:e] == "Globex"
    # A line end keeps both characters of its CRLF.
    nl = folded.text.index("\n")
    assert text[slice(*folded.to_original(nl, nl + 1))] == "\r\n"


def test_blanks_around_an_invisible_character_are_one_space() -> None:
    text = "Acme \u200d Corp"
    folded = fold(text)
    assert folded.text == "Acme Corp"
    assert text[slice(*folded.to_original(0, 9))] == text


def test_decomposed_and_conjoining_letters_compose_as_under_nfc() -> None:
    # e + combining acute; Hangul jamo L + V (+ T), conjoining and compatibility forms;
    # a half-width katakana and its voicing mark.
    for text, copy in (
        ("Cafe\u0301 Ltd", "Caf\u00e9 Ltd"),
        ("\u1112\u1161\u11ab\u1100\u116e\u11a8", "\ud55c\uad6d"),
        ("\u3131\u314f", "\uac00"),
        ("\uff8a\uff9f", "\u30d1"),
    ):
        folded = fold(text)
        assert folded.text == copy
        assert folded.to_original(0, len(copy)) == (0, len(text))


def test_the_table_of_characters_composing_with_the_previous_one_is_complete() -> None:
    # Every character of class 0 whose NFKD form starts with a mark or with a character
    # that composes with the one before it (the second of a canonical pair, Hangul V/T).
    seconds = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(int(parts[1], 16))
    expected = set()
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.combining(char) or 0xD800 <= code < 0xE000:
            continue
        head = unicodedata.normalize("NFKD", char)[0]
        if ord(head) in seconds or unicodedata.combining(head):
            expected.add(code)
    table = {c for low, high in _COMPOSES_WITH_PREVIOUS for c in range(low, high + 1)}
    assert table == expected


def test_emoji_sequences_keep_their_joiners_in_the_stored_text() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    folded = fold(f"{family} Apple")
    assert folded.text == "\U0001f468\U0001f469\U0001f467 Apple"
    s, e = folded.to_original(4, 9)
    assert folded.original[s:e] == "Apple"


def test_only_invisible_characters_fold_to_nothing() -> None:
    assert fold("\u200b\u200d\u202e\ufe0f\u2066\u00ad").text == ""
    assert all(is_invisible(c) for c in "\u200b\u200d\u202e\ufe0f\u2066\u00ad\x07\x85")
    assert not any(is_invisible(c) for c in "a\n\t é🚀")


# Characters that stress the map: ignorables, bidi controls, combining marks, compatibility
# forms that grow or shrink under NFKC, CRLF, emoji with joiners and selectors.
_ALPHABET = list("abc XYZ\r\n\t.$@#é") + [
    "\u200b", "\u200d", "\u202e", "\u2066", "\u00ad", "\ufe0f", "\u0301", "\u0308",
    "\ufb01", "\u2460", "\uff21", "\u00bd", "\u2122", "\U0001f468", "\U0001f680", "\u3164",
]  # fmt: skip


def test_every_span_of_the_copy_maps_to_a_span_of_the_stored_text() -> None:
    rng = random.Random(20261206)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24)))
        folded = fold(text)
        n = len(folded.text)
        assert all(not is_invisible(c) or c in "\t\n" for c in folded.text)
        last_start = 0
        for i in range(n):
            s, e = folded.to_original(i, i + 1)
            assert 0 <= s < e <= len(text)
            assert s >= last_start, "the map keeps order"
            last_start = s
            # The copy's character comes from the stored span it maps to.
            assert folded.text[i] in _plain(text[s:e])
        for _ in range(5):
            if n:
                a = rng.randrange(n)
                b = rng.randint(a + 1, n)
                s, e = folded.to_original(a, b)
                assert folded.text[a:b].strip() in fold(text[s:e]).text


def _plain(span: str) -> str:
    """What a span of the given text may contribute to the copy."""
    visible = "".join(c for c in span if not is_invisible(c) or c == "\r")
    return unicodedata.normalize("NFKC", visible).replace("\r", "\n").replace("\t", " ")


def test_the_copy_is_the_copy_of_the_cleaned_text_up_to_blanks() -> None:
    # Folding the text as given reads what folding the cleaned text read (the copy that
    # NER, linking and the story key saw when the stored text was cleaned), up to how many
    # blanks separate its words: story keys and matches stay what they were.
    rng = random.Random(14)
    for _ in range(3000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24)))
        assert fold(text).text.split() == fold(clean_text(text)).text.split()
        assert fold(fold(text).text).text == fold(text).text


def test_the_ascii_fold_is_the_general_fold_by_runs() -> None:
    """ASCII text takes a faster path (by runs); it must give the same copy and map."""
    import random

    from streams.normalize.fold import _fold_ascii, _fold_general

    rng = random.Random(14)
    alphabet = "ab. \t\r\n\x01\x7f\x0b\x1f"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        fast, general = _fold_ascii(text), _fold_general(text)
        assert (fast.text, fast.spans) == (general.text, general.spans), repr(text)
    story = "CONTOSO TO BUY UNIT\r\n    Contoso Ltd said  it agreed\tto buy the unit.\x7f\n"
    assert fold(story).text == _fold_general(story).text
    assert fold(story).spans == _fold_general(story).spans
