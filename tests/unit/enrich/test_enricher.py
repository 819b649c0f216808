from collections.abc import Sequence
from typing import Any

import pytest
import spacy

from models.enriched import Entity
from models.post import Author, Post
from models.signals import MASignal, Party
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.sentiment import SentimentScorer
from streams.index import doc_id


def _ruler(patterns: list[dict[str, Any]]) -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


@pytest.fixture(scope="module")
def models() -> NlpModels:
    general = _ruler(
        [
            {"label": "ORG", "pattern": "Oracle"},
            {
                "label": "MONEY",
                "pattern": [{"TEXT": "$"}, {"LIKE_NUM": True}, {"LOWER": "billion"}],
            },
        ]
    )
    tweet = _ruler([{"label": "PERSON", "pattern": [{"LOWER": "@safracatz"}]}])
    return NlpModels(ner=general, parser=general, tweet_ner=tweet, label="test-ner")


class _Watch:
    version = "wl-1"

    def match(self, text: str) -> list[Entity]:
        at = text.find("Oracle")
        if at < 0:
            return []
        return [
            Entity(
                text="Oracle", label="ORG", start=at, end=at + 6, id="company:ORCL", source="alias"
            )
        ]

    def candidate(self, entity: Entity) -> str | None:
        return None

    def competitor_name(self, entity_id: str) -> str | None:
        return "Oracle" if entity_id == "company:ORCL" else None

    def topics(self, text: str) -> list[str]:
        return ["topic:cloud"] if "Bergen" in text else []


def _detect(doc: Any, entities: Sequence[Entity]) -> MASignal:
    return MASignal(is_ma=True, score=0.9, acquirer=Party(name="Oracle", id="company:ORCL"))


def test_enricher_runs_every_stage_in_order(models: NlpModels) -> None:
    cue_seen: list[str] = []

    def has_cue(text: str) -> bool:
        cue_seen.append(text)
        return "buy" in text

    enricher = Enricher(models, SentimentScorer(), watchlists=_Watch, ma=(has_cue, _detect))
    posts = [
        Post(
            id="1",
            text="Oracle to buy a startup for $ 2 billion, says @safracatz",
            source="x",
            author=Author(handle="a", followers=1000),
        ),
        Post(id="2", text="A quiet day. Great coffee though!", source="x"),
        Post(id="3", text="Oracle og Telenor utvider samarbeidet i Bergen.", source="x"),
    ]
    first, second, third = enricher.enrich(posts)

    assert [d.post_id for d in (first, second, third)] == ["1", "2", "3"]
    assert first.doc_id == doc_id("x", "1")
    assert [(e.text, e.label, e.id) for e in first.entities] == [
        ("Oracle", "ORG", "company:ORCL"),
        ("$ 2 billion", "MONEY", None),
        ("@safracatz", "PERSON", None),
    ]
    assert first.ma.is_ma and first.ma.acquirer is not None
    assert [c.id for c in first.competitors] == ["company:ORCL"]
    assert first.influence is not None and first.influence.score > 0
    assert first.versions.watchlist == "wl-1" and first.model == "test-ner"
    assert not second.ma.is_ma and second.entities == ()
    assert second.sentiment is not None and second.sentiment.label == "positive"
    # Norwegian: language-tagged, no English NER, still matched against the watch list.
    assert (third.lang, third.lang_source) == ("no", "detected")
    assert [(e.text, e.source) for e in third.entities] == [("Oracle", "alias")]
    assert (first.topics, third.topics) == ((), ("topic:cloud",))
    assert "Oracle og Telenor utvider samarbeidet i Bergen." not in cue_seen


def test_post_language_is_kept_and_fill_keeps_general_orgs(models: NlpModels) -> None:
    post = Post(id="1", text="Oracle is here", lang="en")
    (doc,) = Enricher(models, SentimentScorer()).enrich([post])
    assert (doc.lang, doc.lang_source) == ("en", "post")
    assert doc.entities == ()  # the tweet model owns ORG/PERSON and found none
    (filled,) = Enricher(models, SentimentScorer(), fill_ner=True).enrich([post])
    assert [e.text for e in filled.entities] == ["Oracle"]


def test_invisible_characters_do_not_hide_a_company_and_offsets_index_the_stored_text(
    models: NlpModels,
) -> None:
    enricher = Enricher(models, SentimentScorer(), watchlists=_Watch)
    text = "\U0001f468\u200d\U0001f469  Or\u202eacle\ufe0f to buy \uff23erner"
    (doc,) = enricher.enrich([Post(id="z", text=text, source="x")])
    (org,) = [e for e in doc.entities if e.label == "ORG"]
    assert (org.text, org.id) == ("Or\u202eacle\ufe0f", "company:ORCL")
    for entity in doc.entities:
        assert text[entity.start : entity.end] == entity.text
    assert [c.id for c in doc.competitors] == ["company:ORCL"]
    assert doc.text == text, "the stored text keeps every character"
    assert doc.text_match == "\U0001f468\U0001f469 Oracle to buy Cerner"  # blanks squeezed


def test_a_post_without_invisible_characters_has_no_matching_copy(models: NlpModels) -> None:
    enricher = Enricher(models, SentimentScorer(), watchlists=_Watch)
    (doc,) = enricher.enrich([Post(id="y", text="Oracle news", source="x")])
    assert doc.text_match is None


def test_new_words_do_not_stay_in_the_vocabulary_after_a_batch(models: NlpModels) -> None:
    # issue 12 point 2: spaCy keeps every string it sees; a worker fed random tokens grew
    enricher = Enricher(models, SentimentScorer())
    enricher.enrich([Post(id="0", text="Oracle warms up the vocabulary.", source="x")])
    sizes = {len(m.vocab.strings) for m in (models.ner, models.tweet_ner)}
    for batch in range(3):
        posts = [
            Post(id=f"{batch}-{i}", text=" ".join(f"w{batch}x{i}x{k}" for k in range(200)))
            for i in range(5)
        ]
        enricher.enrich(posts)
    assert {len(m.vocab.strings) for m in (models.ner, models.tweet_ner)} == sizes


def test_every_post_gets_a_category_and_a_story_in_any_language(models: NlpModels) -> None:
    # issue 13 point 2: the M&A found is news evidence; a ticker list is spam in any language
    enricher = Enricher(models, SentimentScorer(), watchlists=_Watch, ma=(lambda t: True, _detect))
    posts = [
        Post(id="1", text="Oracle to buy Cerner for $ 28 billion", source="x"),
        Post(id="2", text="RT @someone: Oracle to buy Cerner for $ 30 billion", source="x"),
        Post(id="3", text="Aksjer å kjøpe nå $ORCL $ACME $WIDG $FOO $BARR", source="x"),
        Post(id="4", text="Fint vær i Bergen i dag", source="x"),
    ]
    deal, retweet, tickers, weather = enricher.enrich(posts)
    assert deal.category is not None and deal.category.label == "news"
    assert deal.story is not None and deal.story == retweet.story
    assert tickers.category is not None and tickers.category.label == "spam"
    assert weather.category is not None and weather.category.label == "other"
    assert len({deal.story, tickers.story, weather.story}) == 3


def test_a_deal_reading_in_trading_chatter_is_not_reported(models: NlpModels) -> None:
    # issue 13 point 3: the words read like a deal, the post is a trader's take
    enricher = Enricher(models, SentimentScorer(), watchlists=_Watch, ma=(lambda t: True, _detect))
    (post,) = enricher.enrich(
        [
            Post(
                id="1",
                text="Loaded up on $ORCL calls at 41.20, support holding, buying more",
                source="x",
            )
        ]
    )
    assert post.category is not None and post.category.label == "chatter"
    assert not post.ma.is_ma
    assert post.ma.score == 0.9  # the reading is kept, not reported


def test_a_wrong_language_tag_does_not_keep_an_english_post_from_ner(models: NlpModels) -> None:
    # Twitter tagged English headlines "de" or "tl": they were never parsed nor read for M&A
    enricher = Enricher(models, SentimentScorer(), watchlists=_Watch, ma=(lambda t: True, _detect))
    english, norwegian = enricher.enrich(
        [
            Post(
                id="1", text="Oracle to buy a startup for the cloud business", lang="de", source="x"
            ),
            Post(
                id="2",
                text="Oracle og Telenor utvider samarbeidet i Bergen.",
                lang="no",
                source="x",
            ),
        ]
    )
    assert (english.lang, english.lang_source) == ("en", "detected")
    assert english.ma.is_ma
    assert (norwegian.lang, norwegian.lang_source) == ("no", "post")
    assert not norwegian.ma.is_ma


def test_a_party_written_as_a_watched_possessive_without_apostrophe_is_the_company(
    models: NlpModels,
) -> None:
    def detect(doc: Any, entities: Sequence[Entity]) -> MASignal:
        return MASignal(
            is_ma=True, score=0.9, acquirer=Party(name="Oracles"), target=Party(name="Initech")
        )

    enricher = Enricher(
        models, SentimentScorer(), watchlists=_Watch, ma=(lambda text: True, detect)
    )
    (doc,) = enricher.enrich([Post(id="p", text="Initech rejects Oracles final bid", source="x")])
    assert doc.ma.acquirer == Party(name="Oracle", id="company:ORCL")
