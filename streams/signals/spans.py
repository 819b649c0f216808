"""Where a post's text says what: its sentences, and the ticker lists that only tag it.

Shared by the M&A gate, the deal registry and the brief, so that all three cut a post the
same way.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CASHTAG", "SENTENCE", "ticker_lists"]

# A sentence: up to its stop ("$4.4B" and "3.2" are not stops, nor the dots of "U.S.").
SENTENCE: Final = re.compile(
    r"(?:[^.!?\n]|\.(?=\d)|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.)+[.!?]*"
)
# A cashtag as the signal readers write it ("$GLBX", "$BRK.B").
CASHTAG: Final = r"\$[A-Za-z][\w.]{0,9}"
# Three or more cashtags in a row: a ticker list tagging the post, not what it is about
# ("Deals of the day: $A, $B, $C", "... Is Initech Ready? <link> $A $B $C $D").
_TICKER_LIST: Final = re.compile(rf"(?<![\w$])(?:{CASHTAG}[\s,;/|&]*){{3,}}")


def ticker_lists(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s ticker lists."""
    return [m.span() for m in _TICKER_LIST.finditer(text)]
