"""The folded matching copy and its offset map back to the stored text."""

from __future__ import annotations

import random
import unicodedata

from streams.normalize.fold import fold, is_invisible


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
    for text in ("Oracle to buy Cerner", "Ærlig talt: Equinor kjøper 🚀", "a\nb\tc"):
        folded = fold(text)
        assert folded.unchanged and folded.to_original(0, 3) == (0, 3)


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
            assert folded.text[i] in unicodedata.normalize(
                "NFKC", "".join(c for c in text[s:e] if not is_invisible(c))
            )
        for _ in range(5):
            if n:
                a = rng.randrange(n)
                b = rng.randint(a + 1, n)
                s, e = folded.to_original(a, b)
                assert fold(text[s:e]).text.find(folded.text[a:b]) >= 0
