"""A near-duplicate key: posts that say the same thing share one ``story`` (issue 13).

Floods repeat one text with a different ticker list, link, handle or count each time
("Acme Corp. Bid Size <link> $A $B $C"), and retweets repeat it behind "RT @x:". The key is
a short hash of the words that are left once those are set aside: the retweet prefix,
links, ``$cashtags``, ``@handles`` (with a "via" before them), a ``#tag`` or bare word that
repeats one of the post's cashtags, numbers, punctuation and case; also the tags trailing
the post from its closing link or tickers on ("<link> $AAPL #Invest") and a headline's
truncated repeat ("Acme Buys Initech: Acme Buys In..." as feed bots post it). A post with
almost no words left (a bare ticker list) is keyed on what remains (its words, tickers and
numbers, sorted), so it still gets a deterministic key, shared only by the same list.
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
_LINK_OR_TICKER = re.compile(r"(?:https?://|www\.)\S+|(?<![\w$])\$[A-Za-z]", re.I)
# What trails a post after its last word: links, tickers, handles and tags only.
_TAIL = re.compile(r"(?:\s*(?:(?:https?://|www\.)\S+|[$#@][\w.]+|[-–|:…]|\.{3}))+\s*$", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _digest(material: str) -> str:
    return hashlib.blake2b(material.encode("utf-8"), digest_size=8).hexdigest()


def story_key(text: str) -> str:
    """16 hex characters, equal for posts that differ only in what is set aside."""
    body = unicodedata.normalize("NFKC", text)
    body = _RETWEET.sub(" ", body)
    tickers = sorted({t.lower() for t in _CASHTAG.findall(body)})
    tail = _TAIL.search(body)
    cut = _LINK_OR_TICKER.search(tail.group()) if tail is not None and tail.start() > 0 else None
    if tail is not None and cut is not None:  # from the tail's first link or ticker on
        body = body[: tail.start() + cut.start()]
    body = _URL.sub(" ", body)
    body = _CASHTAG.sub(" ", body)
    body = _HANDLE.sub(" ", body)
    body = _HASHTAG.sub(lambda m: " " if m.group(1).lower() in tickers else m.group(1), body)
    folded = body.casefold()
    words = _without_repeat([w for w in _WORD.findall(folded) if w not in tickers])
    if len(words) >= MIN_WORDS:
        return _digest("w:" + " ".join(words))
    rest = sorted(words) + tickers + _NUMBER.findall(folded)
    if rest:
        return _digest("r:" + " ".join(rest))
    return _digest("t:" + " ".join(text.casefold().split()))


def _without_repeat(words: list[str]) -> list[str]:
    """The words without a truncated repeat of their own start: a feed bot's "acme buys
    initech acme buys in" is "acme buys initech" (at least three words repeated)."""
    n = len(words)
    for k in range(max(MIN_WORDS, (n + 1) // 2), n - MIN_WORDS + 1):
        if words[k] != words[0]:
            continue  # a repeat starts with the first word: no copies for a long story
        repeat = words[k:]
        if repeat[:-1] == words[: len(repeat) - 1] and words[len(repeat) - 1].startswith(
            repeat[-1]
        ):
            return words[:k]
    return words
