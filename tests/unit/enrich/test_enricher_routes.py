"""One NER pass per post, by kind of text: social posts through the social model, news-like
posts through the news pipeline, each recording the model that ran (hand-written posts)."""

from collections.abc import Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from models.enriched import Entity
from models.post import Post
from models.signals import NOT_MA, MASignal
from streams.enrich.enricher import Enricher, NewsModels, NlpModels
from streams.enrich.sentiment import SentimentScorer

NEWS = "Contoso Ltd agreed to acquire Northwind Traders for $410 million, the company said."
TWEET = "Contoso buying Northwind?? @fabrikam_fan says yes"
PLAIN = "Contoso Ltd names Maria Gonzalez chief financial officer"
LONG_PLAIN = " ".join([PLAIN + ", it said."] * 8)  # over 400 characters: news when unknown


@Language.component("test_mark_parse")
def _mark_parse(doc: Doc) -> Doc:
    doc.user_data["parsed_by"] = doc.user_data.get("parsed_by", ()) + ("news",)
    return doc


@Language.component("test_mark_sm_parse")
def _mark_sm_parse(doc: Doc) -> Doc:
    doc.user_data["parsed_by"] = doc.user_data.get("parsed_by", ()) + ("sm",)
    return doc


def _ruler(label: str, *components: str) -> Any:
    nlp = spacy.blank("en")
    for name in components:
        nlp.add_pipe(name)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": label, "pattern": name} for name in ("Contoso", "Northwind")]
    )
    return nlp


def _enricher(*, parses: bool) -> tuple[Enricher, list[tuple[str, tuple[str, ...]]]]:
    social = _ruler("SOCIAL_ORG")
    news = _ruler("ORG", "test_mark_parse")
    parser = _ruler("NOT_USED", "test_mark_sm_parse")
    seen: list[tuple[str, tuple[str, ...]]] = []

    def detect(doc: Any, entities: Sequence[Entity]) -> MASignal:
        seen.append((doc.text, doc.user_data.get("parsed_by", ())))
        return NOT_MA

    models = NlpModels(
        ner=social,
        parser=parser,
        label="sm+tweets",
        news=NewsModels(
            news,
            "md" if parses else "sm+md",
            parses=parses,
            ner_only=("test_mark_parse",) if parses else (),
        ),
    )
    ma = (lambda text: "acquire" in text or "buying" in text, detect)
    return Enricher(models, SentimentScorer(), ma=ma), seen


def test_a_news_post_and_a_tweet_take_different_models_and_record_them() -> None:
    enricher, _ = _enricher(parses=False)
    posts = [
        Post(id="1", text=NEWS, source="rss"),
        Post(id="2", text=TWEET, source="twitter"),
        Post(id="3", text=LONG_PLAIN, source="unknown"),
        Post(id="4", text=PLAIN, source="unknown"),
    ]
    news, tweet, plain, short = enricher.enrich(posts)
    assert [e.label for e in news.entities] == ["ORG", "ORG"]
    assert [e.label for e in tweet.entities] == ["SOCIAL_ORG", "SOCIAL_ORG"]
    assert [e.label for e in plain.entities] == ["ORG"] * 8
    assert [e.label for e in short.entities] == ["SOCIAL_ORG"]
    for doc, post in zip((news, tweet, plain, short), posts, strict=True):
        assert all(post.text[e.start : e.end] == e.text for e in doc.entities)
    assert [d.versions.model for d in (news, tweet, plain, short)] == [
        "sm+md",
        "sm+tweets",
        "sm+md",
        "sm+tweets",
    ]
    assert [d.model for d in (news, tweet)] == ["sm+md", "sm+tweets"]
    assert [enricher.versions(p).model for p in posts] == [
        "sm+md",
        "sm+tweets",
        "sm+md",
        "sm+tweets",
    ]
    assert enricher.route_labels() == {"social": "sm+tweets", "news": "sm+md"}


def test_the_recorded_model_does_not_depend_on_the_batch_or_a_cue() -> None:
    enricher, _ = _enricher(parses=True)
    alone = enricher.enrich([Post(id="1", text=PLAIN, source="rss")])[0]
    mixed = enricher.enrich(
        [Post(id="2", text=NEWS, source="rss"), Post(id="1", text=PLAIN, source="rss")]
    )
    assert alone.versions.model == mixed[0].versions.model == mixed[1].versions.model == "md"


def test_news_cue_posts_are_parsed_in_their_ner_pass_when_the_news_model_parses() -> None:
    enricher, seen = _enricher(parses=True)
    enricher.enrich(
        [
            Post(id="1", text=NEWS, source="rss"),
            Post(id="2", text=TWEET, source="twitter"),
            Post(id="3", text=PLAIN, source="rss"),
        ]
    )
    assert sorted(seen) == sorted([(NEWS, ("news",)), (TWEET, ("sm",))])


def test_news_cue_posts_get_the_shared_parser_when_the_news_model_does_not_parse() -> None:
    enricher, seen = _enricher(parses=False)
    enricher.enrich([Post(id="1", text=NEWS, source="rss")])
    assert seen == [(NEWS, ("sm",))]


def test_without_a_news_model_every_post_takes_the_social_route() -> None:
    models = NlpModels(ner=_ruler("SOCIAL_ORG"), label="sm+tweets")
    enricher = Enricher(models, SentimentScorer())
    (doc,) = enricher.enrich([Post(id="1", text=NEWS, source="rss")])
    assert doc.versions.model == "sm+tweets"
    assert {e.label for e in doc.entities} == {"SOCIAL_ORG"}
    assert enricher.route_labels() == {"social": "sm+tweets", "news": "sm+tweets"}
