"""Scanning only the alternatives a text's literal strings allow finds the same matches."""

from __future__ import annotations

import re

import pytest

from streams.signals.category.scan import Cue, Cues, lowered, required


@pytest.mark.parametrize(
    ("pattern", "keys"),
    [
        (r"\bsign\s?up\b", {"sign"}),
        (r"\b(?:calls?|puts?)\b", {"call", "put"}),
        (r"\b\d+(?:\.\d+)?\s?%", {"%"}),
        (r"\b(?:free|cheap)\s+(?:alerts?|picks?)\b", {"free", "cheap"}),
        (r"(?=\$)\S+", {"$"}),
        (r"\b(?:cheap|\d+)\b", None),  # an alternative with no literal string
        (r"(?-i:[A-Z])\w+\s+(?:buys)?", None),
        (r"(?!acme)\w+", None),
    ],
)
def test_required_strings_of_a_pattern(pattern: str, keys: set[str] | None) -> None:
    assert required(pattern, re.I) == (frozenset(keys) if keys is not None else None)


@pytest.mark.parametrize("letter", ["\u0130", "\u0131", "\u017f", "\u212a"])
def test_lowered_keeps_the_literals_case_insensitive_matching_reads(letter: str) -> None:
    # Python's case-insensitive matching equates these with an ASCII letter.
    ascii_letter = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}[letter]
    word = f"a{letter}b"
    assert re.fullmatch(f"a{ascii_letter}b", word, re.I)
    assert f"a{ascii_letter}b" in lowered(word)


FAMILY = Cue(
    r"\bsign\s?up\b",
    r"\bfree\b.{0,30}\b(?:alerts?|picks?)\b",
    r"\b(?:calls?|puts?)\b",
    r"\$\d+",
    r"\bup\b",
    r"(?-i:[A-Z])\w+\s+buys\b",
    r"\b\w+ly\b",
)
OTHER = Cue(r"\bacme\b")
CUES = Cues(FAMILY, OTHER)

TEXTS = [
    "",
    "Nothing to see here",
    "Sign up now for FREE stock alerts and picks",
    "Signup: free picks, calls and puts, $40 and $45 up up up",
    "Contoso buys Fabrikam, quickly and quietly",
    "\u017fign up and get free alerts",  # a long s: read as 's' case-insensitively
    "\u212aelvin sign UP: free pi\u0130cks",
    "calls? puts! callsputs upup",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("cap", [1, 2, 3, 10])
def test_reading_counts_what_the_whole_family_counts(text: str, cap: int) -> None:
    expected = min(len(FAMILY.pattern.findall(text)), cap)
    assert CUES.read(text, lowered(text)).hits(FAMILY, cap) == expected
    assert FAMILY.hits(text, lowered(text), cap) == expected
    found = FAMILY.pattern.search(text) is not None
    assert CUES.read(text, lowered(text)).search(FAMILY) is found
    assert FAMILY.search(text, lowered(text)) is found


def test_a_text_without_the_strings_scans_nothing() -> None:
    reading = CUES.read("quiet day", lowered("quiet day"))
    assert FAMILY.live(reading.present) == []
    assert reading.hits(OTHER) == 0


def test_a_cue_outside_the_index_is_refused() -> None:
    with pytest.raises(ValueError, match="not part of"):
        CUES.read("acme", "acme").hits(Cue(r"acme"))
