"""CoNLL ``token<TAB>IOB-tag`` tweets -> post text + character-offset entity spans.

One convention for training and evaluation (``/work/shared/data/README.md``): tokens are
joined with single spaces, and a lone ``@`` or ``#`` token is glued to the next token, as a
post has it. The glued token keeps the entity of either part (``@`` B-PER + ``handle`` B-PER,
or ``@`` O + ``handle`` B-PER, both give the span ``@handle``), so a labelled @handle counts.

Label mapping (source tag -> project label, anything else -> not an entity):

===========================  ======================  ========
data set                     tag                     label
===========================  ======================  ========
Broad Twitter Corpus         PER                     PERSON
Broad Twitter Corpus         ORG                     ORG
Broad Twitter Corpus         LOC                     LOC
WNUT-17                      person                  PERSON
WNUT-17                      corporation, group      ORG
WNUT-17                      location                LOC
WNUT-17                      product, creative-work  (none)
===========================  ======================  ========
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "BTC_LABELS",
    "WNUT17_LABELS",
    "Span",
    "Tweet",
    "read_conll",
    "tweet_from_tokens",
]

BTC_LABELS: Mapping[str, str] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
WNUT17_LABELS: Mapping[str, str] = {
    "person": "PERSON",
    "corporation": "ORG",
    "group": "ORG",
    "location": "LOC",
}

GLUED = ("@", "#")

Span = tuple[int, int, str]
"""``(start, end, label)``: character offsets into ``Tweet.text``, end exclusive."""


@dataclass(frozen=True)
class Tweet:
    """One CoNLL sentence as a post: its text and gold spans (mapped labels only)."""

    id: str
    text: str
    spans: tuple[Span, ...]
    handles: tuple[tuple[int, int], ...] = field(default=())
    """Offsets of ``@handle`` tokens tagged O (WNUT-17 never labels user names)."""


def _merge_tags(at_tag: str, next_tag: str) -> str:
    """Tag of ``@``/``#`` glued to the next token: the entity of either part."""
    if at_tag.startswith("B-"):
        return at_tag
    if at_tag.startswith("I-") and next_tag != "O":
        return at_tag
    return next_tag


def tweet_from_tokens(
    tweet_id: str, tokens: list[tuple[str, str]], labels: Mapping[str, str]
) -> Tweet:
    """Build a post text and its gold spans from ``(token, IOB tag)`` pairs."""
    glued: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        token, tag = tokens[i]
        if token in GLUED and i + 1 < len(tokens):
            nxt, nxt_tag = tokens[i + 1]
            glued.append((token + nxt, _merge_tags(tag, nxt_tag)))
            i += 2
        else:
            glued.append((token, tag))
            i += 1

    parts: list[str] = []
    spans: list[Span] = []
    handles: list[tuple[int, int]] = []
    offset = 0
    open_span: tuple[int, int, str] | None = None  # start, end, source type

    def close() -> None:
        nonlocal open_span
        if open_span is not None:
            start, end, kind = open_span
            if kind in labels:
                spans.append((start, end, labels[kind]))
            open_span = None

    for token, tag in glued:
        start, end = offset, offset + len(token)
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and open_span is not None and open_span[2] == kind:
            open_span = (open_span[0], end, kind)
        elif prefix in ("B", "I"):  # an I- without a matching B- starts an entity
            close()
            open_span = (start, end, kind)
        else:
            close()
            if token.startswith("@") and len(token) > 1:
                handles.append((start, end))
        parts.append(token)
        offset = end + 1
    close()
    return Tweet(id=tweet_id, text=" ".join(parts), spans=tuple(spans), handles=tuple(handles))


def read_conll(path: Path, labels: Mapping[str, str]) -> Iterator[Tweet]:
    """Tweets of a ``token<TAB>tag`` file (blank line between tweets); ids ``<file>:<n>``."""
    tokens: list[tuple[str, str]] = []
    n = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            stripped = line.rstrip("\r\n")
            if not stripped.strip():
                if tokens:
                    yield tweet_from_tokens(f"{path.name}:{n}", tokens, labels)
                    n += 1
                    tokens = []
                continue
            token, _, tag = stripped.partition("\t")
            tokens.append((token, tag.strip() or "O"))
    if tokens:
        yield tweet_from_tokens(f"{path.name}:{n}", tokens, labels)
