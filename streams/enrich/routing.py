"""Which NER model reads a post: the kind of text it is (issue 14).

Social posts (tweets, toots, skeets, HN comments...) go through the tweet model, trained on
tweets; news, press releases, filings and blog items through an OntoNotes pipeline, trained
on newswire among others, where the tweet model's ORG and PERSON fall behind.

* The source says it when it can: a social source (``streams.signals.gate.SOCIAL_SOURCES``)
  is social, any other named source (``rss``, ``news``, ``edgar``, a feed's name...) is
  news-like.
* A post of ``unknown`` source is social when it is short (at most ``SHORT_POST``
  characters), as the deal gate reads it (``gate.is_social``): one definition of a social
  post. A plain tweet read as news would lose most of its names (en_core_web_md finds about
  a third of the tweet model's ORG and PERSON on the tweet dev sets), while a short news
  sentence read by the tweet model loses little (``bench/eval_news_ner.py``).
* A news-like post that is only a **headline** (one line of at most ``HEADLINE_WORDS`` words,
  nearly all of its longer words capitalised: "Contoso Acquires Payments Startup Fabrikam For $40
  Million") is read by the tweet model too: en_core_web_md runs title-case words together
  into one name ("Contoso Acquires Payments") and found 0.38 F1 of the ORG in the team's
  labelled headlines, the tweet model 0.64 (``bench/eval_news_ner.py``, CrunchBase rows).
"""

from __future__ import annotations

import re
from typing import Literal

from streams.signals.gate import SOCIAL_SOURCES, is_social

TextKind = Literal["social", "news"]

HEADLINE_WORDS = 25
"""A headline has at most this many words."""
HEADLINE_CAPITALS = 0.85
"""...and at least this share of its words of four letters or more capitalised (short words
that title case leaves in lower case not counted): a name-dense news sentence ("X told the
Securities and Exchange Commission it holds...") still has its lower-case verbs."""
_TITLE_CASE_SMALL = frozenset(
    [
        "with",
        "from",
        "into",
        "over",
        "onto",
        "upon",
        "than",
        "that",
        "amid",
        "after",
        "about",
        "versus",
        "near",
        "like",
        "when",
        "what",
    ]
)

_WORD = re.compile(r"[^\W\d_][\w'\u2019&.-]*")


def text_kind(source: str, text: str) -> TextKind:
    """``social`` or ``news``: by the post's source, by length when unknown; a bare
    headline reads as social text whatever its source."""
    if source in SOCIAL_SOURCES:
        return "social"
    if source == "unknown":
        return "social" if is_social(source, text) else "news"
    return "social" if is_headline(text) else "news"


def is_headline(text: str) -> bool:
    """One line of 3 to ``HEADLINE_WORDS`` words in title case (or capitals)."""
    stripped = text.strip()
    if "\n" in stripped:
        return False
    words = _WORD.findall(stripped)
    if not 3 <= len(words) <= HEADLINE_WORDS:
        return False
    longer = [w for w in words if len(w) >= 4 and w.lower() not in _TITLE_CASE_SMALL]
    return bool(longer) and sum(w[0].isupper() for w in longer) / len(longer) >= HEADLINE_CAPITALS
