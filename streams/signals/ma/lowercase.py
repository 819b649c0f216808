"""Parties in (nearly) all-lower-case posts, where capital letters name no one.

"globex to acquire initech", "elon musk buys twitter": the parties are read from the few
words around the cue (stop, bridge and function words excluded, a run of at most three
words) and, first, from linked watch-list entities next to the cue. A name takes no article
or possessive ("buys a new car", "my mom buys ...") and is not followed by another bare
noun ("buys apple products"). A verb cue with both parties, one of them linked, is evidence
of a deal, weighed like "buys Initech" in a capitalised post.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from streams.signals.ma.names import (
    BRIDGE,
    STOP,
    Roles,
    RoleSpan,
    is_amount,
    is_boundary,
    is_namey,
    span_any,
    words,
)

# Character ranges of the post's linked watch-list entities.
Linked = Sequence[tuple[int, int]]

# Words a lower-case party never includes, skipped between the party and the cue.
_SKIP: Final = BRIDGE | words(
    """
    going gonna want wants wanna need needs trying tries looking looks about finally
    officially reportedly apparently really actually literally
    """
)
# Words that are no party and end a lower-case run.
_NOT_A_PARTY: Final = words(
    """
    i me my mine you your yours we us our ours he him his she her hers they them their it
    its everyone everybody someone somebody anyone anybody nobody people guys folks who what
    this that these those there here so and but or lol lmao omg wow rt breaking just when if
    why how which then
    """
)
# Before a noun, never before a name ("buys a new car", "my mom").
_DETERMINERS: Final = words(
    """
    a an the my your our his her their its some more new this that these those any every
    each another which what no one two three
    """
)
# Base forms report a deal only after these ("to buy", "will acquire").
_BASE_FORMS: Final = frozenset({"buy", "acquire", "purchase", "take", "merge"})
_MODALS: Final = frozenset({"to", "will", "would", "could", "may", "might", "shall"})
_MAX_WORDS: Final = 3
_LINK_REACH: Final = 6  # tokens between a linked party and the cue
_LOWER_SHARE: Final = 0.1  # at most this share of words capitalised
_EVIDENCE: Final = 0.6


def is_lower_case(doc: Any) -> bool:
    """Whether the post is (nearly) all lower case: capitals name no one in it."""
    words = capitals = 0
    most = _LOWER_SHARE * len(doc)  # more capitals than this: not lower case, however it ends
    for token in doc:
        if capitals > most:
            return False
        text: str = token.text
        if not any(ch.isalpha() for ch in text) or text in {"RT", "I"}:
            continue
        words += 1
        capitals += any(ch.isupper() for ch in text)
    return words > 0 and capitals <= _LOWER_SHARE * words


def may_be_lower_case(text: str) -> bool:
    """Whether ``is_lower_case`` may hold for the Doc of ``text``, read from its words
    before any parse. Generous (twice the share of capitals): a post it passes is parsed
    and decided by ``is_lower_case``."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w) and w not in {"RT", "I"}]
    capitals = sum(any(ch.isupper() for ch in w) for w in words)
    return bool(words) and capitals <= 2 * _LOWER_SHARE * len(words)


def _bare(token: Any) -> bool:
    """A word that may belong to a lower-case name."""
    word: str = token.lower_
    if word in STOP or word in _SKIP or word in _NOT_A_PARTY or word in _DETERMINERS:
        return False
    if is_amount(token) or token.like_url:
        return False
    return bool(token.is_alpha or (word[:1] in "$@#" and word[1:].isalnum()))


def _linked_at(doc: Any, i: int, linked: Linked) -> RoleSpan | None:
    """The tokens of the linked entity that covers token ``i``, if any."""
    token = doc[i]
    for start, end in linked:
        if start < token.idx + len(token.text) and token.idx < end:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                return span_any(doc, span.start, span.end)
    return None


def lower_left(doc: Any, cue: int, linked: Linked) -> RoleSpan | None:
    """The party before the cue: a linked entity a few words back, else the bare run there."""
    for k in range(cue - 1, max(-1, cue - 1 - _LINK_REACH), -1):
        if is_boundary(doc, k):
            break
        if (found := _linked_at(doc, k, linked)) is not None:
            return found
    i = cue - 1
    while i >= 0 and (doc[i].lower_ in _SKIP or is_amount(doc[i])):
        i -= 1
    end = i + 1
    while i >= 0 and end - i <= _MAX_WORDS and _bare(doc[i]):
        i -= 1
    if i + 1 == end or (i >= 0 and doc[i].lower_ in _DETERMINERS):
        return None
    return span_any(doc, i + 1, end)


def lower_right(doc: Any, start: int, linked: Linked) -> RoleSpan | None:
    """The party after the cue: a linked entity or a bare run, neither followed by a noun."""
    i = start
    while i < len(doc) and is_amount(doc[i]):
        i += 1
    if i >= len(doc) or doc[i].lower_ in _DETERMINERS:
        return None
    found = _linked_at(doc, i, linked)
    if found is None:
        end = i
        while end < len(doc) and end - i < _MAX_WORDS and _bare(doc[end]):
            end += 1
        found = span_any(doc, i, end) if end > i else None
    if found is None or (found.end < len(doc) and _bare(doc[found.end])):
        return None  # "buys apple products", a run longer than a name
    return found


def _capitalised(span: RoleSpan | None, doc: Any) -> bool:
    return span is not None and any(is_namey(doc[k]) for k in range(span.start, span.end))


def fill_lower_case(doc: Any, roles: Roles, after: int | None, linked: Linked) -> Roles:
    """Roles of a verb cue read from the lower-case words around it ("x to acquire y"); a
    party already found by its capitals ("$TSLA") is kept."""
    if after is None:
        return roles
    passive = after < len(doc) and doc[after].lower_ == "by"
    left = lower_left(doc, roles.cue, linked)
    right = lower_right(doc, after + 1 if passive else after, linked)
    acquirer, target = (right, left) if passive else (left, right)
    return Roles(
        roles.acquirer if _capitalised(roles.acquirer, doc) else acquirer,
        roles.target if _capitalised(roles.target, doc) else target,
        roles.cue,
    )


def _is_linked(span: RoleSpan, linked: Linked) -> bool:
    return any(start < span.end_char and span.start_char < end for start, end in linked)


def _finite(doc: Any, cue: int) -> bool:
    """A cue that reports a deal ("buys", "bought", "to buy", "is buying"), not a trader's
    "call buying" or "buy the dip"."""
    word: str = doc[cue].lower_
    before = doc[cue - 1].lower_ if cue > 0 else ""
    if word.endswith("ing"):
        return before in {"is", "was"}
    if word in _BASE_FORMS:
        return before in _MODALS
    return True


def _next_to_cue(doc: Any, roles: Roles, acquirer: RoleSpan, target: RoleSpan) -> bool:
    """Both parties right beside the cue: only skip words or amounts between."""
    if acquirer.end > roles.cue or target.start <= roles.cue:
        return False
    between = [*range(acquirer.end, roles.cue), *range(roles.cue + 1, target.start)]
    return all(
        doc[k].lower_ in _SKIP or doc[k].lower_ in {"over", "up"} or is_amount(doc[k])
        for k in between
    )


def _plural_noun(span: RoleSpan, linked: Linked) -> bool:
    """An unlinked buyer like "investors" or "traders": people, not a company."""
    word = span.text.lower()
    return not _is_linked(span, linked) and word.endswith("s") and not word.endswith("ss")


def lower_case_evidence(doc: Any, roles: Roles | None, linked: Linked) -> float:
    """Evidence that a lower-case post reports a deal: a deal verb with both parties beside
    it, one of them a linked watch-list entity ("elon musk buys twitter")."""
    if roles is None or roles.acquirer is None or roles.target is None:
        return 0.0
    acquirer, target = roles.acquirer, roles.target
    if not is_lower_case(doc) or not _finite(doc, roles.cue):
        return 0.0
    if not _next_to_cue(doc, roles, acquirer, target) or _plural_noun(acquirer, linked):
        return 0.0
    if _is_linked(acquirer, linked) or _is_linked(target, linked):
        return _EVIDENCE
    return 0.0
