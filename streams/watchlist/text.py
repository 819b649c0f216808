"""How watch-list names and post text are cut into comparable tokens (language-independent)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["TOKEN_RE", "fold", "phrase_tokens", "slug", "squash"]

# A word (any script, digits, underscore) or one other non-space character.
TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def fold(token: str) -> str:
    """Case-insensitive form of a token; curly apostrophes count as straight ones."""
    return token.casefold().replace("\u2019", "'")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The tokens of a name as written (``"A. O. Smith"`` and ``"A.O. Smith"`` agree)."""
    return tuple(m.group() for m in TOKEN_RE.finditer(unicodedata.normalize("NFC", phrase)))


def squash(phrase: str) -> str:
    """A name as a hashtag would spell it: word characters only (``Best Buy`` -> ``BestBuy``)."""
    return "".join(t for t in phrase_tokens(phrase) if t[0].isalnum() or t[0] == "_")


# Latin letters that do not decompose into an ASCII letter and a mark (``Ø`` unlike ``Å``).
_LATIN = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "Oe", "ß": "ss", "đ": "d"}
    | {"Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)


def slug(text: str) -> str:
    """``Satya Nadella`` -> ``satya-nadella``, ``Bjørn Ås`` -> ``bjorn-as`` (ASCII, hyphens)."""
    latin = unicodedata.normalize("NFKD", text.translate(_LATIN))
    ascii_text = latin.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
