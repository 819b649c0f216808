"""Typing @handles after NER (``streams.enrich.handles``) with a hand-made typer."""

from models.enriched import Entity
from models.ner_tweets.profiles import Profile
from models.post import Post
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.handles import (
    HANDLE_SOURCE,
    PROFILE_CONFIDENCE,
    HandleTyper,
    post_profiles,
    type_handles,
)
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


def _tweet(text: str, author: tuple[str, str], original: tuple[str, str] | None = None) -> Post:
    obj: dict[str, object] = {
        "id": "p1",
        "text": text,
        "source": "twitter",
        "author": {"handle": author[0], "name": author[1], "verified": False},
    }
    if original is not None:
        obj["repost_of"] = {"id": "p0", "author": {"handle": original[0], "name": original[1]}}
    return Post.model_validate(obj)


def test_reposted_author_named_like_a_company_is_an_org_whatever_the_classifier_says() -> None:
    text = "RT @nwtraders: our spring range is out now"
    post = _tweet(text, ("someone", "Sam Reader"), ("NWTraders", "Northwind Traders Inc."))
    typer = _typer({"@nwtraders": ("PERSON", 0.8)})  # the spelling alone reads as a person
    out = type_handles(text, [_ent("@nwtraders", text, "PERSON")], typer, post_profiles(post))
    assert [(e.text, e.label, e.source, e.confidence) for e in out] == [
        ("@nwtraders", "ORG", HANDLE_SOURCE, PROFILE_CONFIDENCE)
    ]


def test_reposted_author_with_a_persons_name_is_a_person() -> None:
    text = "RT @contoso_cfo: great quarter for the whole team"
    post = _tweet(text, ("fan42", "Fan"), ("Contoso_CFO", "Maria Fernandez"))
    out = type_handles(text, [], _typer({"@contoso_cfo": ("ORG", 0.6)}), post_profiles(post))
    assert [(e.text, e.label) for e in out] == [("@contoso_cfo", "PERSON")]


def test_handles_without_a_profile_and_vague_names_keep_the_classifier() -> None:
    text = "RT @nimbus: thanks @BBCNews and @janedoe"
    post = _tweet(text, ("reader", "Reader"), ("nimbus", "Nimbus"))
    labels = {"@nimbus": ("ORG", 0.5), "@BBCNews": ("ORG", 0.7), "@janedoe": ("PERSON", 0.6)}
    out = type_handles(text, [], _typer(labels), post_profiles(post))
    assert [(e.text, e.label, e.confidence) for e in out] == [
        ("@nimbus", "ORG", 0.5),
        ("@BBCNews", "ORG", 0.7),
        ("@janedoe", "PERSON", 0.6),
    ]


def test_post_profiles_holds_the_author_and_the_reposted_author() -> None:
    post = _tweet("RT @B: hi", ("@Alpha", "Alpha Media"), ("B", "Bea Smith"))
    assert post_profiles(post) == {
        "alpha": Profile(name="Alpha Media", verified=False),
        "b": Profile(name="Bea Smith", verified=None),
    }
    assert post_profiles(Post(id="x", text="no author")) == {}


def test_a_mentioned_accounts_display_name_types_its_handle() -> None:
    text = "great quarter, congrats @nwtraders and @mfernandez and @someone"
    post = Post.model_validate(
        {
            "id": "p2",
            "text": text,
            "author": {"handle": "reader", "name": "Reader"},
            "mentioned_accounts": [
                {"handle": "NWTraders", "name": "Northwind Traders Inc."},
                {"handle": "mfernandez", "name": "Maria Fernandez"},
                {"handle": "someone", "name": "~ vibes ~"},
            ],
        }
    )
    labels = {"@nwtraders": ("PERSON", 0.8), "@mfernandez": ("ORG", 0.5), "@someone": ("O", 0.7)}
    out = type_handles(text, [], _typer(labels), post_profiles(post))
    assert [(e.text, e.label) for e in out] == [("@nwtraders", "ORG"), ("@mfernandez", "PERSON")]


def test_the_authors_own_profile_wins_over_a_mention() -> None:
    post = Post.model_validate(
        {
            "id": "p3",
            "text": "me again @Alpha",
            "author": {"handle": "Alpha", "name": "Alpha Media"},
            "mentioned_accounts": [{"handle": "alpha", "name": "Alpha Smith"}],
        }
    )
    assert post_profiles(post)["alpha"].name == "Alpha Media"


def test_the_reposted_authors_bio_types_the_handle_when_the_name_says_nothing() -> None:
    text = "RT @skyline77: new chip teardown is up"
    post = Post.model_validate(
        {
            "id": "p4",
            "text": text,
            "author": {"handle": "reader", "name": "Reader"},
            "repost_of": {
                "id": "p0",
                "author": {
                    "handle": "skyline77",
                    "name": "skyline",
                    "description": "Reporter at the Daily Planet. Views are my own.",
                },
            },
        }
    )
    out = type_handles(text, [], _typer({"@skyline77": ("ORG", 0.6)}), post_profiles(post))
    assert [(e.text, e.label) for e in out] == [("@skyline77", "PERSON")]
