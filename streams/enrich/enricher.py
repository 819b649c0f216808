"""The enrichment stage: blocking (spaCy), so async callers run it in an executor."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from models.enriched import EnrichedPost, Entity, Versions
from models.post import Post
from models.signals import NOT_MA, Category, CompetitorMention, MASignal, Sentiment
from streams.enrich.handles import HandleTyper, post_profiles, type_handles
from streams.enrich.influence import post_influence
from streams.enrich.lang import LanguageDetector, default_detector
from streams.enrich.linking import link_entities, merge_ner
from streams.enrich.routing import TextKind, text_kind
from streams.enrich.sentiment import SentimentScorer
from streams.extract import entities_from_doc
from streams.extract.budget import budgeted_pipe
from streams.index.documents import build_document
from streams.normalize.fold import FoldedText, fold
from streams.signals.category import classify
from streams.signals.gate import is_social, reported_deal
from streams.signals.ma.filings import with_filing
from streams.signals.ma.possessive import possessive_parties
from streams.signals.ma.registry import DealRegistry
from streams.signals.moves import detect_moves
from streams.signals.story import story_key

_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})\b")


def mentioned_handles(text: str) -> tuple[str, ...]:
    """@handles in the text, lower case, first occurrence order."""
    return tuple(dict.fromkeys(h.lower() for h in _HANDLE.findall(text)))


# Languages the statistical NER models were trained for; others get watch-list matching only.
NER_LANGUAGES = frozenset({"en"})


class WatchlistView(Protocol):
    """What enrichment needs of the current watch lists."""

    @property
    def version(self) -> str: ...

    def match(self, text: str) -> list[Entity]: ...

    def candidate(self, entity: Entity) -> str | None:
        """The id an ambiguous (unlinked) match would take if context confirmed it."""
        ...

    def competitor_name(self, entity_id: str) -> str | None:
        """The display name when ``entity_id`` is a watched competitor, else None."""
        ...

    def topics(self, text: str) -> list[str]:
        """Ids of the watched topics whose keywords occur in ``text``."""
        ...


@dataclass(frozen=True)
class NewsModels:
    """The pipeline of news-like text (``streams.enrich.routing``): ``nlp`` has ``ner``, and
    when ``parses`` its tagger and parser too, so a post with an M&A cue gets its entities
    and its parse in one pass (the others run with ``ner_only`` disabled); otherwise cue posts
    get ``NlpModels.parser`` as a second pass. ``label`` names every pipeline that may run."""

    nlp: Any
    label: str
    parses: bool = False
    ner_only: tuple[str, ...] = ()


@dataclass(frozen=True)
class NlpModels:
    """Loaded spaCy pipelines: ``ner`` for every English post (social posts only when
    ``news`` is set), ``parser`` (tagger and parser, no ``ner``) only for posts with an M&A
    cue, and optionally ``tweet_ner`` as a second NER pass that owns ORG/PERSON (unused when
    ``ner`` is the tweet model itself). ``label`` is what social posts record."""

    ner: Any
    label: str
    parser: Any | None = None
    tweet_ner: Any | None = None
    news: NewsModels | None = None


MADetector = Callable[[Any, Sequence[Entity]], Any]
CueFilter = Callable[[str], bool]


class Enricher:
    def __init__(
        self,
        nlp: NlpModels,
        sentiment: SentimentScorer,
        *,
        watchlists: Callable[[], WatchlistView] | None = None,
        ma: tuple[CueFilter, MADetector] | None = None,
        batch_size: int = 256,
        max_tokens: int = 5_000,
        batch_tokens: int = 40_000,
        fill_ner: bool = False,
        handles: HandleTyper | None = None,
        language: LanguageDetector | None = None,
        deals: DealRegistry | None = None,
    ) -> None:
        self._nlp = nlp
        self._sentiment = sentiment
        self._watchlists = watchlists
        self._ma = ma
        self._batch_size = batch_size
        # What a post and a spaCy pass may cost (see streams.extract.budget).
        self._max_tokens = max_tokens
        self._batch_tokens = batch_tokens
        self._zone_lock = threading.Lock()
        self._fill_ner = fill_ner
        self._handles = handles
        # Deals read so far: a later "Initech deal" post is read as the deal (see registry).
        self._deals = deals
        # Built once by the caller (lingua's models: ~270 MB); else the process's shared one.
        self._language = language or default_detector()

    @property
    def deals(self) -> DealRegistry | None:
        """The deals this enricher has learnt (warmed from the index at a worker's start)."""
        return self._deals

    def enrich(self, posts: Sequence[Post]) -> list[EnrichedPost]:
        """Enrich a batch, keeping its order. Pure given the loaded models.

        spaCy keeps every new string it sees in its vocabulary for good, so a worker fed
        random tokens would grow without end; the batch runs in each pipeline's memory
        zone, which forgets them when it ends (no Doc outlives this call)."""
        with self._zone_lock, ExitStack() as zones:  # zones of two threads would interleave
            for nlp in {id(m): m for m in self._pipelines()}.values():
                if hasattr(nlp, "memory_zone"):
                    zones.enter_context(nlp.memory_zone())
            return self._enrich(posts)

    def _pipelines(self) -> list[Any]:
        news = self._nlp.news.nlp if self._nlp.news is not None else None
        models = (self._nlp.ner, self._nlp.parser, self._nlp.tweet_ner, news)
        return [m for m in models if m is not None]

    def kind(self, post: Post) -> TextKind:
        """The route of ``post``: ``news`` only when a news pipeline is loaded."""
        return self._kind(post.source, fold(post.text).text)

    def _kind(self, source: str, folded: str) -> TextKind:
        return text_kind(source, folded) if self._nlp.news is not None else "social"

    def route_labels(self) -> dict[TextKind, str]:
        """What a post of each kind records as ``versions.model`` now."""
        news = self._nlp.news
        return {"social": self._nlp.label, "news": news.label if news else self._nlp.label}

    def _enrich(self, posts: Sequence[Post]) -> list[EnrichedPost]:
        view = self._watchlists() if self._watchlists is not None else None
        # Everything matches on the folded copy (invisible characters cannot hide a name);
        # entities are reported at offsets of the stored text.
        folded = [fold(p.text) for p in posts]
        texts = [f.text for f in folded]
        langs = [_language(p.lang, texts[i], self._language) for i, p in enumerate(posts)]
        english = [i for i, (lang, _) in enumerate(langs) if lang in NER_LANGUAGES or lang is None]
        news = self._nlp.news
        kinds = [self._kind(p.source, texts[i]) for i, p in enumerate(posts)]
        cue = set()
        if self._ma is not None and (self._nlp.parser is not None or news and news.parses):
            has_cue = self._ma[0]
            cue = {i for i in english if has_cue(texts[i])}
        social = [i for i in english if kinds[i] == "social"]
        general: dict[int, list[Entity]] = {}
        for i, doc in zip(social, self._pipe(self._nlp.ner, texts, social), strict=True):
            general[i] = list(entities_from_doc(doc))
        # The parse serves the M&A rules only (they read no entities from it).
        parsed: dict[int, Any] = {}
        to_parse = [i for i in english if i in cue]
        if news is not None:
            to_parse = self._news(
                news, texts, [i for i in english if kinds[i] == "news"], cue, general, parsed
            )
        if self._nlp.parser is not None:
            for i, doc in zip(to_parse, self._pipe(self._nlp.parser, texts, to_parse), strict=True):
                parsed[i] = doc
        tweet: dict[int, list[Entity]] = {}
        if self._nlp.tweet_ner is not None:
            for i, doc in zip(social, self._pipe(self._nlp.tweet_ner, texts, social), strict=True):
                tweet[i] = [
                    e.model_copy(update={"source": "tweet_ner"}) for e in entities_from_doc(doc)
                ]
        out = []
        labels = self.route_labels()
        for i, post in enumerate(posts):
            text = texts[i]
            ner = general.get(i, [])
            if i in tweet:
                ner = merge_ner(ner, tweet[i], fill=self._fill_ner)
            if self._handles is not None and i in general and kinds[i] == "social":
                ner = type_handles(text, ner, self._handles, post_profiles(post))
            label = labels[kinds[i]]
            entities = (
                link_entities(ner, view.match(text), text=text, candidate=view.candidate)
                if view is not None
                else ner
            )
            ma = with_filing(self._detect_ma(parsed.get(i), entities), post.filing)
            moves = tuple(detect_moves(text, entities))
            # Every post, English or not: the language-independent cues still apply.
            category = classify(text, author=post.author, entities=entities, ma=ma, moves=moves)
            ma = reported_deal(
                ma,
                category,
                social=is_social(post.source, text),
                filing=post.filing is not None,
                text=text,
            )
            if view is not None:  # "Pfizers final bid": the watched company's possessive
                ma = possessive_parties(ma, partial(_watched_id, view))
            if self._deals is not None:
                ma = _known_deal(self._deals, ma, category, post, text, entities)
            sentiment = self._sentiment.score(text)
            lang, lang_source = langs[i]
            out.append(
                build_document(post, _to_stored(entities, folded[i]), model=label).model_copy(
                    update={
                        "lang": lang,
                        "lang_source": lang_source if lang else None,
                        "ma": ma,
                        "competitors": _competitors(entities, view, sentiment),
                        "text_match": None if folded[i].unchanged else text,
                        "moves": moves,
                        "category": category,
                        "story": story_key(text),
                        "sentiment": sentiment,
                        "influence": post_influence(post),
                        "handles_mentioned": mentioned_handles(text),
                        "topics": tuple(view.topics(text)) if view else (),
                        "versions": Versions(model=label, watchlist=view.version if view else None),
                    }
                )
            )
        return out

    def versions(self, post: Post | None = None) -> Versions:
        """The versions ``post`` enriched now would record (a social post's without one)."""
        view = self._watchlists() if self._watchlists is not None else None
        kind: TextKind = self.kind(post) if post is not None else "social"
        return Versions(model=self.route_labels()[kind], watchlist=view.version if view else None)

    def _news(
        self,
        news: NewsModels,
        texts: Sequence[str],
        indices: Sequence[int],
        cue: set[int],
        general: dict[int, list[Entity]],
        parsed: dict[int, Any],
    ) -> list[int]:
        """Entities of the news posts ``indices`` into ``general``: one pass each, with the
        parse too for cue posts when the news pipeline parses (into ``parsed``). Returns the
        posts still to parse: every cue post of ``english`` but the ones parsed here."""
        parse_here = [i for i in indices if i in cue] if news.parses else []
        done = set(parse_here)
        ner_alone = [i for i in indices if i not in done]
        for i, doc in zip(
            ner_alone, self._pipe(news.nlp, texts, ner_alone, disable=news.ner_only), strict=True
        ):
            general[i] = list(entities_from_doc(doc))
        for i, doc in zip(parse_here, self._pipe(news.nlp, texts, parse_here), strict=True):
            general[i] = list(entities_from_doc(doc))
            parsed[i] = doc
        return sorted(i for i in cue if i not in done)

    def _pipe(
        self,
        nlp: Any,
        texts: Sequence[str],
        indices: Sequence[int],
        disable: Sequence[str] = (),
    ) -> Iterator[Any]:
        """Docs in order, one pass at a time: a Doc is dropped once its entities are read
        (100 posts of 5,000 tokens held as a list: ~50 MB more peak RSS)."""
        return budgeted_pipe(
            nlp,
            (texts[i] for i in indices),
            max_tokens=self._max_tokens,
            batch_tokens=self._batch_tokens,
            batch_size=self._batch_size,
            disable=disable,
        )

    def _detect_ma(self, doc: Any | None, entities: Sequence[Entity]) -> MASignal:
        if doc is None or self._ma is None:
            return NOT_MA
        found = self._ma[1](doc, entities)
        return MASignal.model_validate(found.model_dump())


def _watched_id(view: WatchlistView, name: str) -> str | None:
    """The id of the watched company named exactly ``name``, or None."""
    whole = [e for e in view.match(name) if e.start == 0 and e.end == len(name)]
    return (whole[0].id or view.candidate(whole[0])) if whole else None


def _known_deal(
    deals: DealRegistry,
    ma: MASignal,
    category: Category,
    post: Post,
    text: str,
    entities: Sequence[Entity],
) -> MASignal:
    """A deal read in a post takes the parties of the remembered deal it is; a news post's
    deal is remembered. A post that reads as no deal is read as a remembered one when it
    names it: any post by both its parties in one sentence with a deal word ("Can Globex and
    Initech still close their merger?"), else a news post by its target before "deal" ("the
    Initech deal closes")."""
    linked: dict[str, list[tuple[int, int]]] = {}
    for entity in entities:
        if entity.id:
            linked.setdefault(entity.id, []).append((entity.start, entity.end))
    when = post.created_at
    if ma.is_ma:
        if category.label == "news":  # as read: the stories' majority gives the direction
            deals.learn(ma, story_key(text), when)
        if ma.acquirer is None and ma.target is None:  # a deal read with no party named
            known = deals.recall_pair(text, linked, when) or (
                deals.recall(text, when) if category.label == "news" else None
            )
            if known is not None:
                return ma.model_copy(update={"acquirer": known.acquirer, "target": known.target})
        return deals.orient(ma, text, linked, when)
    # both parties named first: "$CBST says $MRK deal unaffected" is Merck's deal for Cubist,
    # not a deal for Merck's unit that "$MRK deal" alone would recall
    paired = deals.recall_pair(text, linked, when)
    if paired is not None:
        return paired
    recalled = deals.recall(text, when) if category.label == "news" else None
    return recalled or ma


def _language(tagged: str | None, text: str, detector: LanguageDetector) -> tuple[str | None, str]:
    """The post's language and where it came from. A source's tag is trusted unless it names
    a language without NER while the text itself reads as English: Twitter tagged English
    headlines "de", "tl" or "fr" (real StockNet posts), which kept them from NER and the M&A
    rules."""
    if not tagged:
        return detector.detect(text), "detected"
    if tagged not in NER_LANGUAGES and detector.detect(text) == "en":
        return "en", "detected"
    return tagged, "post"


def _to_stored(entities: Sequence[Entity], folded: FoldedText) -> list[Entity]:
    """Entities found in the folded copy, at the stored text's offsets and with its text."""
    if folded.unchanged:
        return list(entities)
    out = []
    for entity in entities:
        start, end = folded.to_original(entity.start, entity.end)
        out.append(
            entity.model_copy(
                update={"start": start, "end": end, "text": folded.original[start:end]}
            )
        )
    return out


def _competitors(
    entities: Sequence[Entity], view: WatchlistView | None, sentiment: Sentiment
) -> tuple[CompetitorMention, ...]:
    if view is None:
        return ()
    seen: dict[str, CompetitorMention] = {}
    for entity in entities:
        if entity.id and entity.id not in seen:
            name = view.competitor_name(entity.id)
            if name is not None:
                seen[entity.id] = CompetitorMention(id=entity.id, name=name, sentiment=sentiment)
    return tuple(seen.values())
