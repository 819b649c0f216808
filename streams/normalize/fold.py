"""The matching copy of a post's text, with a map back to the text as given.

The stored text is the post's text exactly as it was given (double spaces, CRLF, emoji with
their joiners and selectors, combining marks, zero-width characters), and every entity's
``start``/``end`` index it. Whatever the pipeline needs normalized (NER, linking, rules,
topics, category, M&A, moves, the story key) reads a *folded copy*:

- line ends unified (CRLF and a lone CR become LF);
- C0/C1 control characters other than tab and LF, Unicode default-ignorable code points
  (zero-width spaces and joiners, soft hyphens, variation selectors, tags, invisible
  operators...) and bidi controls removed, so "Micro\\u200dsoft" reads "Microsoft";
- each base character with its combining marks (and a following character that composes
  with it, e.g. a Hangul vowel jamo) NFKC-normalized: composed like NFC, and full-width
  letters, ligatures and compatibility forms become their plain letters;
- runs of blanks (spaces, tabs, no-break and other Unicode spaces) squeezed to one space,
  and the copy stripped;

and every character of the copy knows the span of the given text it came from, so an
entity found in the copy is reported at offsets that index the given text (see
``FoldedText.to_original``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["FoldedText", "fold", "is_invisible"]

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt, stable since 5.0) and
# Bidi_Control (PropList.txt), as inclusive ranges.
_IGNORABLE: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_STARTS = [low for low, _ in _IGNORABLE]

# Characters of combining class 0 that NFC/NFKC compose with the character before them
# (Hangul vowel and final jamo, some Indic and Tibetan vowel signs, half-width kana voicing
# marks, Hangul compatibility and half-width jamo), as inclusive ranges. A character
# followed by one of these is folded together with it. Derived from unicodedata (the test
# recomputes it).
_COMPOSES_WITH_PREVIOUS: tuple[tuple[int, int], ...] = (
    (0x09BE, 0x09BE),
    (0x09D7, 0x09D7),
    (0x0B3E, 0x0B3E),
    (0x0B56, 0x0B57),
    (0x0BBE, 0x0BBE),
    (0x0BD7, 0x0BD7),
    (0x0CC2, 0x0CC2),
    (0x0CD5, 0x0CD6),
    (0x0D3E, 0x0D3E),
    (0x0D57, 0x0D57),
    (0x0DCF, 0x0DCF),
    (0x0DDF, 0x0DDF),
    (0x0F73, 0x0F73),
    (0x0F75, 0x0F75),
    (0x0F81, 0x0F81),
    (0x0FB5, 0x0FB5),
    (0x0FB7, 0x0FB7),
    (0x102E, 0x102E),
    (0x1161, 0x1175),
    (0x11A8, 0x11C2),
    (0x1B35, 0x1B35),
    (0x3133, 0x3133),
    (0x3135, 0x3136),
    (0x313A, 0x313F),
    (0x314F, 0x3163),
    (0xFF9E, 0xFF9F),
    (0xFFA3, 0xFFA3),
    (0xFFA5, 0xFFA6),
    (0xFFAA, 0xFFAF),
    (0xFFC2, 0xFFC7),
    (0xFFCA, 0xFFCF),
    (0xFFD2, 0xFFD7),
    (0xFFDA, 0xFFDC),
    (0x11127, 0x11127),
    (0x1133E, 0x1133E),
    (0x11357, 0x11357),
    (0x114B0, 0x114B0),
    (0x114BA, 0x114BA),
    (0x114BD, 0x114BD),
    (0x115AF, 0x115AF),
    (0x11930, 0x11930),
)
_COMPOSE_STARTS = [low for low, _ in _COMPOSES_WITH_PREVIOUS]

# ASCII that the copy changes: controls (tab and CR included) and doubled spaces.
_ASCII_CHANGES = re.compile("[\x00-\x09\x0b-\x1f\x7f]|  ")
# What the ASCII copy edits: a line end with CR, or a run of blanks and controls.
_ASCII_EDIT = re.compile(
    "\r\n?|[\x00-\x09\x0b\x0c\x0e-\x1f\x7f ]{2,}|[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]"
)


def is_invisible(char: str) -> bool:
    """True for a default-ignorable code point, a bidi control or a C0/C1 control
    other than tab and line feed."""
    code = ord(char)
    if code < 0x20 and char not in "\t\n" or 0x7F <= code <= 0x9F:
        return True
    i = bisect.bisect_right(_STARTS, code) - 1
    return i >= 0 and code <= _IGNORABLE[i][1]


def _joins_previous(char: str) -> bool:
    """A combining mark, or a character that composes with the one before it."""
    if unicodedata.combining(char):
        return True
    code = ord(char)
    i = bisect.bisect_right(_COMPOSE_STARTS, code) - 1
    return i >= 0 and code <= _COMPOSES_WITH_PREVIOUS[i][1]


def _ends_outside(char: str) -> bool:
    """An invisible character that does not extend the grapheme before it (Unicode's
    grapheme break Control: format and control characters other than the joiners and
    emoji tags)."""
    return (
        is_invisible(char)
        and unicodedata.category(char) in ("Cf", "Cc")
        and char not in "\u200c\u200d"
        and not 0xE0020 <= ord(char) <= 0xE007F
    )


@dataclass(frozen=True)
class FoldedText:
    """``text`` is the copy; ``spans[i]`` is the given text's [start, end) for copy char i."""

    text: str
    original: str
    spans: tuple[tuple[int, int], ...]

    @property
    def unchanged(self) -> bool:
        return self.text == self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The given text's span for the copy's [start, end) (``end > start``): from the
        start of the span of the copy's first character to the end of its last one's, so
        ``original[s:e]`` is what the copy's characters were folded from (with any
        invisible characters between them)."""
        if self.unchanged:
            return start, end
        if not self.spans:
            return 0, 0
        first = self.spans[min(start, len(self.spans) - 1)][0]
        last = self.spans[max(min(end, len(self.spans)) - 1, 0)][1]
        return first, max(first, last)


def fold(text: str) -> FoldedText:
    """The folded copy of ``text`` with its offset map (identity when nothing changes)."""
    if text.isascii():
        if not _ASCII_CHANGES.search(text) and text == text.strip():
            return FoldedText(text, text, ())
        return _fold_ascii(text)
    return _fold_general(text)


def _fold_ascii(text: str) -> FoldedText:
    """``_fold_general`` for ASCII text, by runs rather than by character (a news story of
    a few thousand characters: ~20x faster): CR and CRLF become a line feed, controls go, a
    run of blanks (with any controls inside it) is one space spanning its first blank to its
    last, and the copy is stripped."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _ASCII_EDIT.finditer(text):
        start, end = match.span()
        if pos < start:
            out.append(text[pos:start])
            spans.extend((k, k + 1) for k in range(pos, start))
        run = match.group()
        if run[0] == "\r":
            out.append("\n")
            spans.append((start, end))
        else:
            blanks = [k for k, ch in enumerate(run) if ch in " \t"]
            if blanks:
                out.append(" ")
                spans.append((start + blanks[0], start + blanks[-1] + 1))
        pos = end
    if pos < len(text):
        out.append(text[pos:])
        spans.extend((k, k + 1) for k in range(pos, len(text)))
    joined = "".join(out)
    lo = len(joined) - len(joined.lstrip())
    hi = len(joined.rstrip())
    copy = joined[lo:hi]
    if copy == text:
        return FoldedText(text, text, ())
    return FoldedText(copy, text, tuple(spans[lo:hi]))


def _fold_general(text: str) -> FoldedText:
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "\r":  # CRLF or a lone CR: one line end
            j = i + 2 if text.startswith("\n", i + 1) else i + 1
            out.append("\n")
            spans.append((i, j))
            i = j
            continue
        if is_invisible(char):
            i += 1
            continue
        j = i + 1
        # A base character keeps its combining marks (ignorables between them are dropped).
        while j < n and text[j] != "\r" and (is_invisible(text[j]) or _joins_previous(text[j])):
            j += 1
        cluster = "".join(c for c in text[i:j] if not is_invisible(c))
        # The cluster's span ends with its grapheme: a trailing format or control character
        # (a word joiner or zero-width space after a name) is not part of it, a variation
        # selector or a joiner is (those inside a name always are).
        end = j
        while _ends_outside(text[end - 1]):
            end -= 1
        for folded in unicodedata.normalize("NFKC", cluster):
            if folded in " \t":
                if out and out[-1] == " ":  # a run of blanks is one space
                    spans[-1] = (spans[-1][0], end)
                    continue
                folded = " "
            out.append(folded)
            spans.append((i, end))
        i = j
    # Stripped, like str.strip().
    lo, hi = 0, len(out)
    while lo < hi and out[lo].isspace():
        lo += 1
    while hi > lo and out[hi - 1].isspace():
        hi -= 1
    copy = "".join(out[lo:hi])
    if copy == text:
        return FoldedText(text, text, ())
    return FoldedText(copy, text, tuple(spans[lo:hi]))
