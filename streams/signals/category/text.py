"""A post's text as the classifier reads it: retweet prefix, links, tags and handles set aside."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .scan import lowered

__all__ = ["EMOJI_RUN", "Parts", "caps_hype", "parts"]

_RETWEET = re.compile(r"^\W*(?:(?:RT|MT)\b\W*)*(?:(?:RT|MT)\s*@(\w{1,30}):?\s*)+", re.I)
_QUOTED = re.compile(r"[\"“]\s*@(\w{1,30}):")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
_CASHTAG = re.compile(r"(?<![\w$])\$([A-Za-z]{1,6}(?:[./][A-Za-z]{1,2})?)(?![\w])")
_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
# A picture's credit ("(Photo: EPA)", "(Image by Reuters)"): an agency named, nothing said.
_CREDIT = re.compile(r"\(\s*(?:photo|image|picture|pic|credit)s?\s*(?::|by)[^()]{0,60}\)", re.I)
# Only non-ASCII characters: an ASCII text has no run (callers may skip the scan then).
EMOJI_RUN = re.compile(
    "(?:[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f000-\U0001f2ff]\\s*\ufe0f?){3,}"
)


@dataclass(frozen=True)
class Parts:
    """The post's text with retweet prefix, links, tags and handles counted and set aside."""

    body: str  # text after the retweet prefix, links and picture credits removed
    low: str  # ``lowered(body)``: where the cue families look for their literal strings
    words: tuple[str, ...]  # words outside cashtags, hashtags, handles and links
    cashtags: int  # distinct
    hashtags: int
    links: int
    sources: tuple[str, ...]  # retweeted / quoted accounts, lower case
    raw: str  # text after the retweet prefix, links kept

    @property
    def linked(self) -> str:
        """The body with each link written as <link>."""
        return _URL.sub(" <link> ", self.raw)


def parts(text: str) -> Parts:
    """Split the post (cheap pre-checks skip the scans that cannot match)."""
    sources: list[str] = []
    rt = _RETWEET.match(text)
    body = text
    if rt:
        sources.extend(h.lower() for h in re.findall(r"@(\w{1,30})", rt.group(0)))
        body = text[rt.end() :]
    raw = body
    if "@" in body:
        sources.extend(h.lower() for h in _QUOTED.findall(body))
    links = 0
    low = lowered(body)
    if "http" in low or "www." in low:
        links = len(_URL.findall(body))
        if links:
            body = _URL.sub(" ", body)
            low = lowered(body)
    if "(" in body and _CREDIT.search(body):
        body = _CREDIT.sub(" ", body)
        low = lowered(body)
    bare = body
    cashtags: set[str] = set()
    if "$" in bare:
        cashtags = {c.upper() for c in _CASHTAG.findall(bare)}
        bare = _CASHTAG.sub(" ", bare)
    hashtags = 0
    if "#" in bare:
        hashtags = len(_HASHTAG.findall(body))
        bare = _HASHTAG.sub(" ", bare)
    if "@" in bare:
        bare = _HANDLE.sub(" ", bare)
    return Parts(
        body=body,
        low=low,
        words=tuple(_WORD.findall(bare)),
        cashtags=len(cashtags),
        hashtags=hashtags,
        links=links,
        sources=tuple(sources),
        raw=raw,
    )


def caps_hype(words: Sequence[str], body: str) -> bool:
    """Mostly capitals and an exclamation mark."""
    long = [w for w in words if len(w) >= 3]
    if len(long) < 4:
        return False
    caps = sum(1 for w in long if w.isupper())
    return caps / len(long) >= 0.6 and "!" in body
