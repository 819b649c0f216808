"""A matching copy of a post's text, with a map back to the text as stored.

Invisible characters must not hide a name from linking, rules or NER ("Micro\\u200dsoft",
"Or\\u202eacle"), but the stored text keeps them: a zero-width joiner is part of an emoji
family, a variation selector picks the emoji's look. So matching runs on a *folded copy*:

- Unicode default-ignorable code points (zero-width spaces and joiners, soft hyphens,
  variation selectors, tags, invisible operators...) and bidi controls are removed;
- each base character with its combining marks is NFKC-normalized (full-width letters,
  ligatures, compatibility forms become their plain letters);

and every character of the copy knows the span of the stored text it came from, so an
entity found in the copy is reported at offsets that index the stored text.
"""

from __future__ import annotations

import bisect
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


def is_invisible(char: str) -> bool:
    """True for a default-ignorable code point, a bidi control or a C0/C1 control
    other than tab and line feed."""
    code = ord(char)
    if code < 0x20 and char not in "\t\n" or 0x7F <= code <= 0x9F:
        return True
    i = bisect.bisect_right(_STARTS, code) - 1
    return i >= 0 and code <= _IGNORABLE[i][1]


@dataclass(frozen=True)
class FoldedText:
    """``text`` is the copy; ``spans[i]`` is the stored text's [start, end) for copy char i."""

    text: str
    original: str
    spans: tuple[tuple[int, int], ...]

    @property
    def unchanged(self) -> bool:
        return self.text == self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The stored text's span for the copy's [start, end) (``end > start``)."""
        if self.unchanged:
            return start, end
        if not self.spans:
            return 0, 0
        first = self.spans[min(start, len(self.spans) - 1)][0]
        last = self.spans[max(min(end, len(self.spans)) - 1, 0)][1]
        return first, max(first, last)


def fold(text: str) -> FoldedText:
    """The folded copy of ``text`` with its offset map (identity when nothing changes)."""
    if text.isascii() and text.isprintable():
        return FoldedText(text, text, ())
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if is_invisible(text[i]):
            i += 1
            continue
        j = i + 1
        # A base character keeps its combining marks (ignorables between them are dropped).
        while j < n and (unicodedata.combining(text[j]) or is_invisible(text[j])):
            j += 1
        cluster = "".join(c for c in text[i:j] if not is_invisible(c))
        for char in unicodedata.normalize("NFKC", cluster):
            out.append(char)
            spans.append((i, j))
        i = j
    folded = "".join(out)
    if folded == text:
        return FoldedText(text, text, ())
    return FoldedText(folded, text, tuple(spans))
