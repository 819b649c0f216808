"""Dedup values, alert ids and throttle windows (pure: no I/O).

Each rule says what makes two matches "the same alert" (``Rule.dedup``):

* ``post``  the document id: every post alerts once.
* ``link``  the first URL in the text, else the post's URL, normalized
  (:func:`normalize_url`); a post without any URL falls back to its document id.
* ``story`` a fingerprint of the text: :func:`story_tokens` normalizes it (lower case;
  URLs, ``@handles``, ``RT``/``via``/``cc``, emoji, punctuation, trailing hashtags removed;
  numbers collapsed to ``0``; stop words and filler words such as "breaking", "wow",
  "huge" dropped), then :func:`simhash64` over the word 3-shingles gives 16 hex digits.

Tolerance of the story fingerprint (tested with 200 generated reposts): edits that the
normalization removes give *the same value*, always: other handles, RT/via prefixes,
URLs and tracking parameters, emoji, punctuation, case, whitespace, changed numbers,
trailing hashtags and added filler words. An added, removed or changed *content* word
changes the value: a single SimHash bucket (top bits or one LSH band) cannot absorb it on
posts this short (measured: one inserted word keeps the top 4 bits in only ~35% of cases,
the top 8 in ~17%). Those edits are absorbed by the stateful story step in
:mod:`streams.alerts.matching.stories` (content-word Jaccard >= ``STORY_JACCARD`` against
the stories already alerted), which maps the variant onto the first post's value.
Unrelated texts collide with probability about 2**-64 per pair.

Throttle: ``throttle_bucket`` numbers the fixed windows of ``throttle_s`` seconds; the
bucket is part of the alert id, so one rule and dedup value alert at most once per window.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from models.alerts import Rule
from streams.normalize.text import clean_text

__all__ = [
    "alert_id",
    "dedup_value",
    "first_url",
    "normalize_url",
    "simhash64",
    "story_fingerprint",
    "story_tokens",
    "throttle_bucket",
]

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'\"…"
_HANDLE = re.compile(r"(?<![\w@])@\w+")
_TRAILING_TAGS = re.compile(r"(?:\s*#\w+)+\s*$")
_NUMBER = re.compile(r"\d[\d.,]*")
_WORD = re.compile(r"[^\W_]+")
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "igshid", "mc_cid", "mc_eid", "dclid"})
_DEFAULT_PORTS = {"http": "80", "https": "443"}

# Words that carry no story: English stop words, repost markers and commentary filler.
_STOP_WORDS = """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves also it's via rt cc ht mt
    breaking wow huge big news omg whoa yes lol lmao amazing interesting interest must read
    update updated reports report reportedly confirmed look see check here thread important
    massive finally officially official really
    """
_STOP = frozenset(_STOP_WORDS.split())


def normalize_url(url: str) -> str:
    """``https://www.Example.com/a/?utm_source=x&b=1#top`` -> ``example.com/a?b=1``."""
    raw = url.strip().rstrip(_URL_TRAILING)
    if "://" not in raw:
        raw = "http://" + raw
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port if parts.port is not None else None
    if port is not None and str(port) != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    params = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    ]
    query = urlencode(sorted(params))
    return f"{host}{path}?{query}" if query else f"{host}{path}"


def first_url(text: str) -> str | None:
    """The first URL written in ``text`` (trailing punctuation removed), or None."""
    found = _URL.search(text)
    return found.group(0).rstrip(_URL_TRAILING) if found else None


def story_tokens(text: str) -> list[str]:
    """The content words of ``text``, in order (see the module docstring). Read from the
    display copy of the text (``clean_text``), so a post's fingerprint, and the ids of its
    alerts, are what they were when the stored text was that copy."""
    cleaned = _URL.sub(" ", clean_text(text))
    cleaned = _HANDLE.sub(" ", cleaned)
    cleaned = _TRAILING_TAGS.sub(" ", cleaned)
    cleaned = _NUMBER.sub(" 0 ", cleaned.lower())
    return [
        word
        for word in _WORD.findall(cleaned)
        if (len(word) > 1 or word == "0") and word not in _STOP
    ]


def _hash64(feature: str) -> int:
    return int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")


def simhash64(features: Sequence[str]) -> int:
    """Charikar's SimHash: bit j is the majority vote of bit j of the features' hashes."""
    votes = [0] * 64
    for feature in features:
        h = _hash64(feature)
        for bit in range(64):
            votes[bit] += 1 if (h >> bit) & 1 else -1
    return sum(1 << bit for bit, vote in enumerate(votes) if vote > 0)


def story_fingerprint(text: str) -> str | None:
    """SimHash-64 of the word 3-shingles of :func:`story_tokens`, as 16 hex digits.

    None when the text has no content word (such posts cannot be grouped by text)."""
    tokens = story_tokens(text)
    if not tokens:
        return None
    if len(tokens) < 3:
        shingles = [" ".join(tokens)]
    else:
        shingles = [" ".join(tokens[i : i + 3]) for i in range(len(tokens) - 2)]
    return f"{simhash64(shingles):016x}"


def dedup_value(rule: Rule, post_source: Mapping[str, Any]) -> str:
    """What makes two matches of ``rule`` the same alert (a hit's ``_source``)."""
    doc_id = str(post_source["doc_id"])
    text = clean_text(str(post_source.get("text") or ""))
    if rule.dedup == "post":
        return doc_id
    if rule.dedup == "link":
        url = first_url(text) or post_source.get("url")
        return normalize_url(str(url)) if url else doc_id
    return story_fingerprint(text) or doc_id


def throttle_bucket(throttle_s: int, at: datetime) -> int | None:
    """The number of the ``throttle_s`` window holding ``at`` (None: no throttle)."""
    if throttle_s <= 0:
        return None
    if at.tzinfo is None:
        raise ValueError("throttle_bucket needs a timezone-aware datetime")
    return int(at.timestamp() // throttle_s)


def alert_id(rule_id: str, value: str, bucket: int | None = None) -> str:
    """sha256(rule id, dedup value[, throttle window])[:32]: the same inputs, the same id."""
    key = f"{rule_id}\x1f{value}" if bucket is None else f"{rule_id}\x1f{value}\x1f{bucket}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]
