"""``detect_ma``: cue words + roles + status + amount -> one ``MASignal`` per Doc."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

from models.enriched import Entity
from streams.signals.ma.cues import (
    detect_status,
    find_amount,
    has_ma_cue,
    is_passing_mention,
    without_passing_mentions,
)
from streams.signals.ma.evidence import cue_strength
from streams.signals.ma.model import NOT_MA, MASignal, Party
from streams.signals.ma.roles import Roles, RoleSpan, read_roles

THRESHOLD: Final = 0.5
# How much of the score comes from the cue words; the rest from naming the parties.
_CUE_WEIGHT: Final = 0.7
_PARTY_WEIGHT: Final = 0.15
_PASSING_FACTOR: Final = 0.3
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“<(])|\n\s*\n")


def lead(text: str, max_sentences: int = 3) -> str:
    """The first sentences of a long story (headline included): where a deal is announced."""
    parts = [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]
    return " ".join(" ".join(part.split()) for part in parts[:max_sentences])


def _party(span: RoleSpan | None, entities: Iterable[Entity]) -> Party | None:
    if span is None:
        return None
    for entity in entities:
        if entity.id and entity.start < span.end_char and span.start_char < entity.end:
            return Party(name=span.text, id=entity.id)
    return Party(name=span.text)


def _about_the_deal(sent: Any, roles: Roles, entities: Sequence[Entity]) -> bool:
    """Whether a sentence speaks of the deal read at ``roles.cue``: it holds the cue, names a
    party, or names no other organisation ("Sources say the deal is worth $1bn")."""
    if sent.start <= roles.cue < sent.end:
        return True
    text = sent.text.lower()
    names = [span.text.lower() for span in (roles.acquirer, roles.target) if span is not None]
    if any(name in text for name in names):
        return True
    return not any(
        entity.label == "ORG" and sent.start_char <= entity.start < sent.end_char
        for entity in entities
    )


def deal_text(doc: Any, roles: Roles | None, entities: Sequence[Entity] = ()) -> str:
    """The text the status and amount are read from: without the sentences about other
    companies only ("Globex to acquire Initech. Hooli denies it is interested.")."""
    if roles is None or not doc.has_annotation("SENT_START"):
        return str(doc.text)
    return " ".join(sent.text for sent in doc.sents if _about_the_deal(sent, roles, entities))


def detect_ma(doc: Any, entities: Iterable[Entity] = ()) -> MASignal:
    """Read an M&A signal from a spaCy ``Doc`` (parsed when possible).

    ``entities`` are the post's ``Entity`` records; a linked one (``id`` set) that overlaps the
    acquirer or target span gives that party its id. Old deals mentioned in passing ("since
    its 2016 acquisition of Y") score low and are not reported as M&A.
    """
    text: str = doc.text
    if not has_ma_cue(text):
        return NOT_MA
    passing = is_passing_mention(text)
    strength = cue_strength(without_passing_mentions(text) if passing else text)
    roles = read_roles(doc)
    acquirer = roles.acquirer if roles else None
    target = roles.target if roles else None
    score = _CUE_WEIGHT * strength
    if strength > 0.0:
        score += _PARTY_WEIGHT * ((acquirer is not None) + (target is not None))
    if passing and strength < THRESHOLD:
        score *= _PASSING_FACTOR  # the roles probably belong to the old deal
    score = round(max(0.0, min(1.0, score)), 4)
    is_ma = score >= THRESHOLD
    linked = tuple(entities)
    about = deal_text(doc, roles, linked) if is_ma else text
    return MASignal(
        is_ma=is_ma,
        score=score,
        acquirer=_party(acquirer, linked),
        target=_party(target, linked),
        amount=find_amount(about) if is_ma else None,
        status=detect_status(about) if is_ma else None,
    )
