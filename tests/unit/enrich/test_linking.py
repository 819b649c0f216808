from models.enriched import Entity
from streams.enrich.linking import link_entities, merge_ner


def _e(
    text: str,
    label: str,
    start: int,
    *,
    id: str | None = None,
    source: str = "ner",
    conf: float = 1.0,
) -> Entity:
    return Entity(
        text=text,
        label=label,
        start=start,
        end=start + len(text),
        id=id,
        source=source,
        confidence=conf,
    )


def test_linked_watchlist_match_wins_over_overlapping_ner_span() -> None:
    ner = [_e("Microsoft Corp", "ORG", 0), _e("Redmond", "GPE", 18)]
    watch = [_e("Microsoft", "ORG", 0, id="company:MSFT", source="alias")]
    merged = link_entities(ner, watch)
    assert [(e.text, e.id) for e in merged] == [("Microsoft", "company:MSFT"), ("Redmond", None)]


def test_ambiguous_alias_is_linked_only_when_ner_confirms_the_same_span() -> None:
    text = "Shares of Target rose"
    watch = [_e("Target", "ORG", 10, source="alias", conf=0.3)]
    tgt = {"candidate": lambda e: "company:TGT", "text": text}
    confirmed = link_entities([_e("Target", "ORG", 10)], watch, **tgt)  # type: ignore[arg-type]
    assert confirmed[0].id == "company:TGT" and confirmed[0].confidence >= 0.75
    assert confirmed[0].source == "alias+ner" and len(confirmed) == 1
    alone = link_entities([], watch, **tgt)  # type: ignore[arg-type]
    assert alone[0].id is None and alone[0].confidence == 0.3


def test_ner_at_a_sentence_start_does_not_confirm_an_ambiguous_alias() -> None:
    for text in ("Target audience is young", "Fine. Target audience is young"):
        at = text.index("Target")
        watch = [_e("Target", "ORG", at, source="alias", conf=0.3)]
        merged = link_entities(
            [_e("Target", "ORG", at)], watch, text=text, candidate=lambda e: "company:TGT"
        )
        assert [(e.id, e.confidence) for e in merged] == [(None, 0.3)]


def test_tweet_model_owns_org_and_person_general_model_adds_the_rest() -> None:
    general = [_e("Cloud", "PERSON", 10), _e("$5bn", "MONEY", 20), _e("Acme", "ORG", 30)]
    tweet = [_e("Google Cloud", "ORG", 3, source="tweet_ner")]
    merged = merge_ner(general, tweet)
    assert [(e.text, e.label) for e in merged] == [("Google Cloud", "ORG"), ("$5bn", "MONEY")]
    filled = merge_ner(general, tweet, fill=True)
    assert ("Acme", "ORG") in [(e.text, e.label) for e in filled]


def test_an_unlinked_alias_inside_a_persons_name_is_dropped() -> None:
    text = "Brian Williams joins the board"
    ner = [_e("Brian Williams", "PERSON", 0)]
    watch = [_e("Williams", "ORG", 6, source="alias", conf=0.3)]
    merged = link_entities(ner, watch, text=text)
    assert [(e.text, e.label) for e in merged] == [("Brian Williams", "PERSON")]


def test_ner_person_on_the_same_span_confirms_a_one_word_person_alias() -> None:
    text = "Analysts expect Pichai to speak"
    watch = [_e("Pichai", "PERSON", 16, source="alias", conf=0.3)]
    merged = link_entities(
        [_e("Pichai", "PERSON", 16)],
        watch,
        text=text,
        candidate=lambda e: "person:sundar-pichai",
    )
    assert [(e.text, e.id, e.source) for e in merged] == [
        ("Pichai", "person:sundar-pichai", "alias+ner")
    ]
