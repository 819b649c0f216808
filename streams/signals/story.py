"""A near-duplicate key: posts that say the same thing share one ``story`` (issue 13).

Floods repeat one text with a different ticker list, link, handle or count each time
("Acme Corp. Bid Size <link> $A $B $C"), and retweets repeat it behind "RT @x:". The key is
a short hash of the words that are left once those are set aside: the retweet prefix,
links, ``$cashtags``, ``@handles`` (with a "via" before them), a ``#tag`` or bare word that repeats one of the post's
cashtags, numbers, punctuation and case. A post with almost no words left (a bare ticker
list) is keyed on what remains (its words, tickers and numbers, sorted), so it still gets
a deterministic key, shared only by the same list.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["story_key", "MIN_WORDS"]

MIN_WORDS = 3  # fewer words than this and the tickers and numbers join the key

_RETWEET = re.compile(r"^\W*(?:(?:RT|MT)\b\W*)*(?:(?:RT|MT)\s*@\w{1,30}:?\s*)+", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+…$", re.I)
_CASHTAG = re.compile(r"(?<![\w$])\$([A-Za-z]{1,6}(?:[./][A-Za-z]{1,2})?)(?!\w)")
_HANDLE = re.compile(r"(?:\b(?:via|h/t|cc|by)\s*)?(?<![\w@])@\w{1,30}", re.I)
_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _digest(material: str) -> str:
    return hashlib.blake2b(material.encode("utf-8"), digest_size=8).hexdigest()


def story_key(text: str) -> str:
    """16 hex characters, equal for posts that differ only in what is set aside."""
    body = unicodedata.normalize("NFKC", text)
    body = _RETWEET.sub(" ", body)
    body = _URL.sub(" ", body)
    tickers = sorted({t.lower() for t in _CASHTAG.findall(body)})
    body = _CASHTAG.sub(" ", body)
    body = _HANDLE.sub(" ", body)
    body = _HASHTAG.sub(lambda m: " " if m.group(1).lower() in tickers else m.group(1), body)
    folded = body.casefold()
    words = [w for w in _WORD.findall(folded) if w not in tickers]
    if len(words) >= MIN_WORDS:
        return _digest("w:" + " ".join(words))
    rest = sorted(words) + tickers + _NUMBER.findall(folded)
    if rest:
        return _digest("r:" + " ".join(rest))
    return _digest("t:" + " ".join(text.casefold().split()))
