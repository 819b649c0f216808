from pathlib import Path

import spacy

from models.post import Post
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.sentiment import SentimentScorer
from streams.enrich.watch import StoreView
from streams.watchlist import WatchlistMatcher, load_watchlist


def _view(tmp_path: Path) -> StoreView:
    (tmp_path / "companies.yaml").write_text(
        "companies:\n  - id: company:NWND\n    name: Northwind\n    competitor: true\n"
    )
    (tmp_path / "topics.yaml").write_text(
        "topics:\n"
        "  - id: topic:cloud\n    name: Cloud\n    keywords: [data center, datasenter]\n"
        "  - id: topic:layoffs\n    name: Layoffs\n    keywords: [job cuts, nedbemanning]\n"
    )
    watchlist = load_watchlist(tmp_path)
    return StoreView(watchlist, WatchlistMatcher(watchlist))


def test_topics_of_a_post_in_any_language_and_case(tmp_path: Path) -> None:
    view = _view(tmp_path)
    assert view.topics("Northwind opens a new Data Center in Oslo") == ["topic:cloud"]
    assert view.topics("Northwind varsler nedbemanning ved nytt datasenter") == [
        "topic:layoffs",
        "topic:cloud",
    ]
    assert view.topics("Northwind centers its data strategy") == []


def test_enriched_posts_carry_their_topics(tmp_path: Path) -> None:
    blank = spacy.blank("en")
    view = _view(tmp_path)
    enricher = Enricher(
        NlpModels(ner=blank, parser=None, tweet_ner=None, label="blank"),
        SentimentScorer(),
        watchlists=lambda: view,
    )
    cuts, quiet = enricher.enrich(
        [
            Post(id="1", text="Northwind announces job cuts at its data center"),
            Post(id="2", text="Northwind ships a new robot arm"),
        ]
    )
    assert cuts.topics == ("topic:layoffs", "topic:cloud")
    assert quiet.topics == ()
