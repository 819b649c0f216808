"""Typing @handles after NER (``streams.enrich.handles``) with a hand-made typer."""

from models.enriched import Entity
from models.post import Post
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.handles import HANDLE_SOURCE, HandleTyper, type_handles
from streams.enrich.sentiment import SentimentScorer


def _typer(labels: dict[str, tuple[str, float]]) -> HandleTyper:
    def typer(text: str, start: int, end: int) -> tuple[str, float]:
        return labels.get(text[start:end], ("O", 0.9))

    return typer


def _ent(text: str, post: str, label: str, source: str = "tweet_ner") -> Entity:
    start = post.index(text)
    return Entity(text=text, label=label, start=start, end=start + len(text), source=source)


def test_handle_ner_called_person_is_relabelled_org() -> None:
    text = "RT @BBCNews: storm warning for the coast"
    ner = [_ent("@BBCNews", text, "PERSON")]
    out = type_handles(text, ner, _typer({"@BBCNews": ("ORG", 0.81)}))
    assert [(e.text, e.label, e.source, e.confidence) for e in out] == [
        ("@BBCNews", "ORG", HANDLE_SOURCE, 0.81)
    ]


def test_handle_ner_missed_is_added() -> None:
    text = "lovely chat with @janedoe today"
    out = type_handles(text, [], _typer({"@janedoe": ("PERSON", 0.7)}))
    assert [(e.start, e.end, e.label) for e in out] == [(17, 25, "PERSON")]


def test_handle_typed_neither_loses_its_ner_label() -> None:
    text = "@dj_friend new mix is up"
    out = type_handles(text, [_ent("@dj_friend", text, "PERSON")], _typer({}))
    assert out == []


def test_other_labels_and_other_spans_are_kept() -> None:
    text = "@Visit_Leeds says Leeds is lovely, ask Tom Hardy"
    gpe = _ent("@Visit_Leeds", text, "GPE")
    person = _ent("Tom Hardy", text, "PERSON")
    out = type_handles(text, [gpe, person], _typer({"@Visit_Leeds": ("ORG", 0.6)}))
    assert out == [gpe, person]  # the handle's GPE stays; no ORG stacked on it


def test_email_address_is_not_a_handle() -> None:
    text = "mail me at someone@example.com"
    out = type_handles(text, [], _typer({"@example": ("ORG", 0.99)}))
    assert out == []


def test_every_handle_of_a_post_is_typed_and_sorted() -> None:
    text = "@acme_news via @bob: Acme buys Widget"
    out = type_handles(
        text,
        [_ent("Acme", text, "ORG")],
        _typer({"@acme_news": ("ORG", 0.9), "@bob": ("PERSON", 0.6)}),
    )
    assert [(e.text, e.label) for e in out] == [
        ("@acme_news", "ORG"),
        ("@bob", "PERSON"),
        ("Acme", "ORG"),
    ]


def test_enricher_applies_the_typer_after_ner() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(  # type: ignore[attr-defined]
        [{"label": "PERSON", "pattern": [{"LOWER": "@etsy"}]}]
    )
    enricher = Enricher(
        NlpModels(ner=nlp, label="test"),
        SentimentScorer(),
        handles=_typer({"@Etsy": ("ORG", 0.77)}),
    )
    [post] = enricher.enrich([Post(id="1", text="new shop open on @Etsy today", lang="en")])
    assert [(e.text, e.label, e.source) for e in post.entities] == [("@Etsy", "ORG", HANDLE_SOURCE)]
