from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from models.enriched import Entity
from models.post import Post
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.linking import link_entities
from streams.enrich.sentiment import SentimentScorer
from streams.enrich.watch import StoreView
from streams.watchlist import WatchlistMatcher, load_watchlist
from tests.unit.watchlist.sample_lists import WORDS_TXT, write_watchlist


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


TEAM_YAML = """\
companies:
  - id: company:MSFT
    name: Microsoft
    products: [Surface, {name: GitHub Copilot, aliases: [Copilot]}]
  - id: company:GOOGL
    name: Alphabet Inc.
    products: [Copilot]
"""


@pytest.fixture
def view(tmp_path: Path) -> StoreView:
    directory = write_watchlist(
        tmp_path,
        **{"companies.team.yaml": TEAM_YAML, "ambiguous_words.txt": WORDS_TXT + "surface\n"},
    )
    watchlist = load_watchlist(directory)
    return StoreView(watchlist, WatchlistMatcher(watchlist))


def _ner(text: str, span: str, label: str) -> Entity:
    at = text.index(span)
    return Entity(text=span, label=label, start=at, end=at + len(span), source="ner")


def _linked(view: StoreView, text: str, ner: list[Entity]) -> list[tuple[str, str | None]]:
    entities = link_entities(ner, view.match(text), text=text, candidate=view.candidate)
    return [(e.text, e.id) for e in entities]


def test_candidate_of_an_ambiguous_product_is_its_id(view: StoreView) -> None:
    surface = Entity(text="Surface", label="PRODUCT", start=0, end=7, source="product")
    assert view.candidate(surface) == "product:msft/surface"


def test_a_product_name_shared_by_two_companies_has_no_candidate(view: StoreView) -> None:
    copilot = Entity(text="Copilot", label="PRODUCT", start=0, end=7, source="product")
    assert view.candidate(copilot) is None


def test_ner_confirms_an_ambiguous_product_name(view: StoreView) -> None:
    text = "I just bought a new Surface and love it"
    assert _linked(view, text, []) == [("Surface", None)]
    linked = [("Surface", "product:msft/surface")]
    assert _linked(view, text, [_ner(text, "Surface", "PRODUCT")]) == linked
    assert _linked(view, text, [_ner(text, "Surface", "ORG")]) == linked


def test_the_products_company_or_its_cashtag_confirms_it(view: StoreView) -> None:
    for text in ("Microsoft Surface sales are down", "$MSFT: new Surface announced"):
        assert ("Surface", "product:msft/surface") in _linked(view, text, [])


def test_an_ordinary_surface_stays_unlinked(view: StoreView) -> None:
    text = "Water on the surface of Mars"
    assert _linked(view, text, [_ner(text, "Mars", "LOC")]) == [("Mars", None)]
    text = "Surface water on Mars"  # sentence start: NER's capital letter proves nothing
    assert _linked(view, text, [_ner(text, "Surface", "ORG")]) == [("Surface", None)]
