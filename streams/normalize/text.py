"""The display copy of a post's text: what the scout stored before it kept text as given."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 control characters except tab and newline, plus zero-width formatting noise.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def clean_text(text: str) -> str:
    """NFC-normalize, drop control characters, unify line ends, squeeze blanks, strip.

    Idempotent. The stored text is the text as given (entity offsets index it); this copy
    serves display (excerpts, headlines) and the values derived from a post's text that
    must stay what they were when the stored text was this copy (alert dedup fingerprints,
    the ``mentions`` keys), so the same input keeps the same alert ids. Matching reads the
    folded copy instead (``streams.normalize.fold``).
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return text.strip()
