"""Build the Enricher once from settings (used by the worker, `scout enrich`, backfills)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.sentiment import SentimentScorer
from streams.errors import ConfigError
from streams.extract.nlp import load_ner, model_label
from streams.settings import Settings

if TYPE_CHECKING:
    from models.ner_tweets.handles import HandleClassifier


def load_models(settings: Settings) -> NlpModels:
    """The pipelines the enricher runs.

    One ``ner`` pass per English post: the tweet model when configured (trained to keep
    en_core_web_sm's other labels, MONEY, GPE, DATE...: see ``models/ner_tweets/README.md``),
    else en_core_web_sm's ``ner``. Posts with an M&A cue also get en_core_web_sm's tagger
    and parser (no ``ner``: the M&A rules read roles from the parse, not entities).
    """
    import spacy

    try:
        parser = spacy.load(settings.spacy_model, exclude=["senter", "lemmatizer", "ner"])
    except OSError:
        load_ner(settings.spacy_model)  # raises the documented ConfigError (SCOUT-E010)
        raise
    label = model_label(parser)
    if settings.tweet_ner_model:
        tweet = _load_tweet_ner(settings.tweet_ner_model)
        return NlpModels(ner=tweet, parser=parser, label=f"{label}+{model_label(tweet)}")
    return NlpModels(ner=load_ner(settings.spacy_model), parser=parser, label=label)


def _load_tweet_ner(name: str) -> Any:
    import spacy

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
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"cannot load tweet NER model {name!r}: {exc}", code="SCOUT-E012"
        ) from exc


def build_enricher(settings: Settings) -> Enricher:
    from streams.enrich.watch import store_views
    from streams.signals.ma import detect_ma, has_ma_cue
    from streams.watchlist import WatchlistStore, default_watchlist_dir

    store = WatchlistStore(
        settings.watchlist_dir or default_watchlist_dir(), settings.watchlist_check_s
    )
    models = load_models(settings)
    handles = _handle_classifier(settings)
    if handles is not None:
        # Enriched posts record the classifier too, so `scout reprocess --stale` sees it.
        models = replace(models, label=f"{models.label}+handles-{handles.version}")
    return Enricher(
        models,
        SentimentScorer(),
        watchlists=store_views(store),
        ma=(has_ma_cue, detect_ma),
        batch_size=settings.batch_size,
        max_tokens=settings.nlp_max_tokens,
        batch_tokens=settings.nlp_batch_tokens,
        fill_ner=settings.ner_fill,
        handles=handles.label if handles is not None else None,
    )


def _handle_classifier(settings: Settings) -> HandleClassifier | None:
    """The @handle classifier, with a tweet NER model (same label scheme: handles of people
    and organisations are entities); none with en_core_web_sm alone."""
    if not settings.tweet_ner_model:
        return None
    from models.ner_tweets.handles import HandleClassifier, classifier_path

    path = classifier_path()
    if not path.exists():
        raise ConfigError(
            f"the bundled @handle classifier is missing at {path}; run"
            " `python -m models.ner_tweets.train_handles` or set SCOUT_TWEET_NER_MODEL=",
            code="SCOUT-E012",
        )
    return HandleClassifier.load(path)
