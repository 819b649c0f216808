"""Which NER model reads a post: the kind of text it is (issue 14).

Social posts (tweets, toots, skeets, HN comments...) go through the tweet model, trained on
tweets; news, press releases, filings and blog items through an OntoNotes pipeline, trained
on newswire among others, where the tweet model's ORG and PERSON fall well behind.

* The source says it when it can: a social source (``streams.signals.gate.SOCIAL_SOURCES``)
  is social, any other named source (``rss``, ``news``, ``edgar``, a feed's name...) is
  news-like.
* A post of ``unknown`` source is social when it is short (at most ``SHORT_POST``
  characters, as the deal gate reads it) and written like a social post: an @handle, a
  #hashtag, a $cashtag, a link, an emoji or ``RT``, or no capital letter at all. Anything
  longer, or short and written plainly ("Oracle agrees to acquire Cerner for $28 billion"),
  is read as news.
"""

from __future__ import annotations

import re
from typing import Literal

from streams.signals.gate import SHORT_POST, SOCIAL_SOURCES

TextKind = Literal["social", "news"]

_SOCIAL_SHAPE = re.compile(
    r"(?<![\w@])@\w"  # @handle
    r"|(?<![\w#&])#[^\W\d_]\w*"  # #hashtag (not &#39; nor #1)
    r"|(?<![\w$])\$[A-Za-z][A-Za-z.]{0,6}\b"  # $cashtag (not $2.4)
    r"|\bhttps?://|\bwww\.\w"  # a link
    r"|(?<!\w)RT\b"  # a retweet
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]"  # emoji and pictographs
)


def text_kind(source: str, text: str) -> TextKind:
    """``social`` or ``news``: by the post's source, by length and shape when unknown."""
    if source in SOCIAL_SOURCES:
        return "social"
    if source != "unknown" or len(text) > SHORT_POST:
        return "news"
    if _SOCIAL_SHAPE.search(text) or not any(ch.isupper() for ch in text):
        return "social"
    return "news"
