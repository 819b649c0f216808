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
    passing_spans,
    without_passing_mentions,
)
from streams.signals.ma.evidence import POST_LENGTH, cue_strength
from streams.signals.ma.lowercase import lower_case_evidence, may_be_lower_case
from streams.signals.ma.model import NOT_MA, MASignal, Party
from streams.signals.ma.names import Roles, RoleSpan, bare_name
from streams.signals.ma.pairs import named_pair
from streams.signals.ma.parties import organisation, unbuyable
from streams.signals.ma.roles import read_roles
from streams.signals.ma.sales import sale_parties

THRESHOLD: Final = 0.5
# How much of the score comes from the cue words; the rest from naming the parties.
_CUE_WEIGHT: Final = 0.7
_PARTY_WEIGHT: Final = 0.15
_PASSING_FACTOR: Final = 0.3
_JOKE_SCORE: Final = 0.3
# Deal words beyond a bare share ("93 percent of patients", "51 pct of Americans"): a reading
# of a post or a headline that names no party needs one of them ("holds 9.8 pct of Gencorp",
# "ownership of 15 pct of USAir" have theirs); a longer story is left alone.
_MORE_THAN_A_SHARE: Final = re.compile(
    r"\b(?:merg\w*|acqui\w*|takeovers?|buyouts?|buys?|buying|bought|bids?|bidding|tender\w*|sales?"
    r"|sell\w*|sold|divest\w*|spin\w*|deals?|control|talks|stakes?|interests?|suitors?"
    r"|break-?up|holdings?|holds?|held|own\w*|offer\w*|bidders?|receiv\w*|controls?|definitive\s+agreements?)\b",
    re.IGNORECASE,
)
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


def _about_the_deal(
    sent: Any, cue: int, names: Sequence[str], ids: set[str], entities: Sequence[Entity]
) -> bool:
    """Whether a sentence speaks of the deal read at ``cue``: it holds the cue, names a party
    (by its text or its linked id), or names no other organisation ("Sources say the deal
    is worth $1bn")."""
    if sent.start <= cue < sent.end:
        return True
    text = sent.text.lower()
    if any(name in text for name in names):
        return True
    inside = [e for e in entities if sent.start_char <= e.start < sent.end_char]
    if any(e.id in ids for e in inside):  # "Alphabet ... Google denies": the same company
        return True
    return not any(e.label == "ORG" for e in inside)


def deal_text(doc: Any, roles: Roles | None, entities: Sequence[Entity] = ()) -> str:
    """The text the status and amount are read from: without the sentences about other
    companies only ("Globex to acquire Initech. Hooli denies it is interested.")."""
    if roles is None or not doc.has_annotation("SENT_START"):
        return str(doc.text)
    parties = [span for span in (roles.acquirer, roles.target) if span is not None]
    names = [span.text.lower() for span in parties]
    ids = {
        e.id
        for e in entities
        if e.id and any(e.start < p.end_char and p.start_char < e.end for p in parties)
    }
    return " ".join(
        sent.text for sent in doc.sents if _about_the_deal(sent, roles.cue, names, ids, entities)
    )


def _strength(doc: Any, text: str, entities: Sequence[Entity]) -> tuple[float, Roles | None, bool]:
    """Cue strength, roles and whether an old deal in passing was set aside for a new one.

    Old deals in passing ("bought Nuance last year") give no evidence; when other cues
    remain, their roles are not read either. A lower-case post's parties add evidence.
    """
    spans = passing_spans(text)
    fresh = without_passing_mentions(text) if spans else text
    strength = cue_strength(fresh)
    set_aside = bool(spans) and strength > 0.0
    linked = [(entity.start, entity.end) for entity in entities if entity.id]
    roles = read_roles(doc, skip=spans if set_aside else (), linked=linked)
    if roles is not None and not any(a <= doc[roles.cue].idx < b for a, b in spans):
        extra = lower_case_evidence(doc, roles, linked)
        if extra > 0.0:
            strength = cue_strength(fresh, extra)
    return strength, roles, set_aside


def _bare(name: str) -> str:
    """A name without its marks and corporate suffix ("#GLOBEX CORP" -> "globex")."""
    return bare_name(name).lower()


def _same(doc: Any, first: RoleSpan, second: RoleSpan, entities: Sequence[Entity]) -> bool:
    """Whether two parties are one company: the same name ("Globex" and "$GLBX" written
    "GLBX" aside) or linked to the same watched company ("Apple ... name to buy $AAPL")."""
    bare = _bare(first.text)
    if bare and bare == _bare(second.text):
        return True
    first_ids = {e.id for e in entities if e.id and _covers(e, first)}
    return any(e.id in first_ids for e in entities if _covers(e, second))


def _covers(entity: Entity, span: RoleSpan) -> bool:
    """Whether ``entity`` is the whole party, its "$" or "#" aside: not "Visa" in "Visa Europe"
    ("Visa to buy Visa Europe" names two companies)."""
    if entity.end <= span.start_char or span.end_char <= entity.start:
        return False
    text = span.text
    rest = (
        text[: max(0, entity.start - span.start_char)] + " " + text[entity.end - span.start_char :]
    )
    return not bare_name(" " + rest.strip(" $#@")).strip(" .,$#@")


def worth_parsing(text: str) -> bool:
    """Whether ``detect_ma`` can find a deal in ``text``, read before any parse: it has a
    deal cue (``has_ma_cue``) and keyword evidence for one (``cue_strength`` > 0, old deals
    in passing set aside), or it may be a lower-case post, whose parties add evidence.
    Any other post scores 0 whatever its parse says, so it is not parsed (of the posts with
    a cue: 56% of Reuters stories, 75% of StockNet tweets)."""
    if not has_ma_cue(text):
        return False
    fresh = without_passing_mentions(text) if passing_spans(text) else text
    return cue_strength(fresh) > 0.0 or may_be_lower_case(text)


def detect_ma(doc: Any, entities: Iterable[Entity] = ()) -> MASignal:
    """Read an M&A signal from a spaCy ``Doc`` (parsed when possible).

    ``entities`` are the post's ``Entity`` records; a linked one (``id`` set) that overlaps the
    acquirer or target span gives that party its id, and in a lower-case post one next to the
    cue is a party. Old deals mentioned in passing ("since its 2016 acquisition of Y") score
    low and are not reported as M&A; beside a new deal they give no roles, status or amount.
    A deal read with no party in its clause takes the one pair of companies the post names
    side by side ("$GLBX / $INTK = worst deal ever", ``pairs.named_pair``); that reading adds
    nothing to the score.
    """
    text: str = doc.text
    if not has_ma_cue(text):
        return NOT_MA
    linked = tuple(entities)
    passing = bool(passing_spans(text))
    strength, roles, set_aside = _strength(doc, text, linked)
    acquirer = organisation(doc, roles.acquirer, linked) if roles else None
    target = organisation(doc, roles.target, linked) if roles else None
    if acquirer is not None and target is not None and _same(doc, acquirer, target, linked):
        target = None  # a company does not buy itself
    score = _CUE_WEIGHT * strength
    if strength > 0.0:
        score += _PARTY_WEIGHT * ((acquirer is not None) + (target is not None))
    if passing and strength < THRESHOLD:
        score *= _PASSING_FACTOR  # the roles probably belong to the old deal
    score = round(max(0.0, min(1.0, score)), 4)
    if roles is not None and unbuyable(doc, roles.cue, roles.target):
        score = min(score, _JOKE_SCORE)  # "Apple to Buy Boko Haram", "to buy Greece"
    if (
        acquirer is None
        and target is None
        and len(text) <= POST_LENGTH
        and not _MORE_THAN_A_SHARE.search(text)
    ):
        score = min(score, _JOKE_SCORE)  # "Therapy Wipes Out Cancer in 93 Percent of Patients"
    is_ma = score >= THRESHOLD
    if is_ma and target is None and (sale := sale_parties(doc, acquirer)) is not None:
        sold = organisation(doc, sale.target, linked)  # "Globex sells cell towers to Hooli"
        buyer = acquirer or organisation(doc, sale.acquirer, linked)
        if sold is not None and (buyer is None or not _same(doc, buyer, sold, linked)):
            acquirer, target = buyer, sold
    if is_ma and acquirer is None and target is None:
        orgs = [(e.start, e.end) for e in linked if e.id or e.label == "ORG"]
        pair = named_pair(doc, orgs)  # "$GLBX / $INTK = worst deal ever"
        if pair is not None and not _same(doc, *pair, linked):
            acquirer, target = (
                organisation(doc, pair[0], linked),
                organisation(doc, pair[1], linked),
            )
    about = deal_text(doc, roles, linked) if is_ma else text
    if set_aside:
        about = without_passing_mentions(about)
    return MASignal(
        is_ma=is_ma,
        score=score,
        acquirer=_party(acquirer, linked),
        target=_party(target, linked),
        amount=find_amount(about) if is_ma else None,
        status=detect_status(about) if is_ma else None,
    )
