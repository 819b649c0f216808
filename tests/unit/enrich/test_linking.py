import random
import time
from typing import Any

from models.enriched import Entity
from streams.enrich.linking import _confirmed, link_entities, merge_ner


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


def _no_overlaps(entities: list[Entity]) -> bool:
    spans = sorted((e.start, e.end) for e in entities)
    return all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


def test_ner_product_or_org_on_the_same_span_confirms_an_ambiguous_product() -> None:
    text = "I just bought a new Surface today"
    at = text.index("Surface")
    watch = [_e("Surface", "PRODUCT", at, source="product", conf=0.3)]
    for label in ("PRODUCT", "ORG"):
        merged = link_entities(
            [_e("Surface", label, at)],
            watch,
            text=text,
            candidate=lambda e: "product:msft/surface",
        )
        assert [(e.text, e.label, e.id, e.source) for e in merged] == [
            ("Surface", "PRODUCT", "product:msft/surface", "product+ner")
        ]


def test_ner_person_does_not_confirm_an_ambiguous_product() -> None:
    text = "We asked Alexa about it"
    at = text.index("Alexa")
    watch = [_e("Alexa", "PRODUCT", at, source="product", conf=0.3)]
    merged = link_entities(
        [_e("Alexa", "PERSON", at)], watch, text=text, candidate=lambda e: "product:amzn/alexa"
    )
    assert [(e.id, e.confidence) for e in merged] == [(None, 0.3)]


def test_a_longer_ner_product_name_starting_with_the_product_confirms_it() -> None:
    text = "My Surface Pro 9 review is up"
    at = text.index("Surface")
    watch = [_e("Surface", "PRODUCT", at, source="product", conf=0.3)]
    merged = link_entities(
        [_e("Surface Pro 9", "PRODUCT", at)],
        watch,
        text=text,
        candidate=lambda e: "product:msft/surface",
    )
    assert [(e.text, e.id, e.source) for e in merged] == [
        ("Surface", "product:msft/surface", "product+ner")
    ]


def test_an_unlinked_alias_inside_a_longer_ner_span_is_dropped() -> None:
    """Regression: "Dow" (unlinked) and "Dow Jones" (NER) were both emitted."""
    for text, name, span, label in (
        ("The Dow Jones fell 300 points", "Dow", "Dow Jones", "ORG"),
        ("We watched Apple TV all night", "Apple", "Apple TV", "ORG"),
        ("Gave to the Ford Foundation", "Ford", "Ford Foundation", "ORG"),
        ("Upgraded to Windows 11 today", "Windows", "Windows 11", "LAW"),
    ):
        at = text.index(name)
        watch = [_e(name, "ORG", at, source="alias", conf=0.3)]
        ner = [_e(span, label, text.index(span))]
        merged = link_entities(ner, watch, text=text, candidate=lambda e: "company:X")
        assert [(e.text, e.label, e.id) for e in merged] == [(span, label, None)], text


def test_an_unlinked_alias_never_overlaps_a_ner_span_in_the_output() -> None:
    text = "Shares in Target Corp fell"
    watch = [_e("Target", "ORG", 10, source="alias", conf=0.3)]
    for ner in (
        [_e("in Target", "ORG", 7)],
        [_e("Target Corp", "ORG", 10)],
        [_e("Tar", "ORG", 10)],
    ):
        merged = link_entities(ner, watch, text=text, candidate=lambda e: "company:TGT")
        assert _no_overlaps(merged) and len(merged) == 1
        assert merged[0].id is None


def test_a_linked_match_still_wins_over_a_longer_ner_span() -> None:
    text = "Microsoft Azure outage again"
    ner = [_e("Microsoft Azure", "ORG", 0)]
    watch = [
        _e("Microsoft", "ORG", 0, id="company:MSFT", source="alias"),
        _e("Azure", "PRODUCT", 10, id="product:msft/azure", source="product"),
    ]
    merged = link_entities(ner, watch, text=text)
    assert [(e.text, e.id) for e in merged] == [
        ("Microsoft", "company:MSFT"),
        ("Azure", "product:msft/azure"),
    ]


def _pairwise_link(
    ner: list[Entity], watch: list[Entity], text: str, candidate: Any
) -> list[Entity]:
    """The linking rules written pair by pair (what link_entities computed before it
    indexed spans, issue 12 point 2): the reference for the indexed version."""

    def overlaps(a: Entity, b: Entity) -> bool:
        return a.start < b.end and b.start < a.end

    def same(a: Entity, b: Entity) -> bool:
        return (a.start, a.end) == (b.start, b.end)

    matches = [_confirmed(m, ner, text, candidate) for m in watch]
    linked = [m for m in matches if m.id is not None]
    found = [s for s in ner if not any(overlaps(s, m) for m in linked)]
    unlinked = [
        m
        for m in matches
        if m.id is None and not any(overlaps(m, s) and not same(m, s) for s in found)
    ]
    found = [s for s in found if not any(same(s, m) for m in unlinked)]
    return sorted([*linked, *unlinked, *found], key=lambda e: (e.start, -e.end))


def test_indexed_linking_agrees_with_the_pairwise_rules() -> None:
    rng = random.Random(3)
    text = "Oracle bought Cerner. " * 10
    labels = ["ORG", "PRODUCT", "PERSON", "GPE"]

    def spans(n: int, source: str, ids: bool) -> list[Entity]:
        out = []
        for _ in range(n):
            start = rng.randint(0, 60)
            end = start + rng.choice([0, 1, 2, 3, 5, 8])
            linked = ids and rng.random() < 0.3
            out.append(
                Entity(
                    text=text[start:end],
                    label=rng.choice(labels),
                    start=start,
                    end=end,
                    id=f"company:{start}" if linked else None,
                    source=source,
                )
            )
        return out

    def candidate(e: Entity) -> str | None:
        return None if e.label == "GPE" else f"cand:{e.start}"

    for _ in range(500):
        ner = spans(rng.randint(0, 12), "ner", ids=False)
        watch = spans(rng.randint(0, 12), "alias", ids=True)
        expected = _pairwise_link(ner, watch, text, candidate)
        assert link_entities(ner, watch, text=text, candidate=candidate) == expected
        general, tweet = spans(8, "ner", False), spans(8, "tweet_ner", False)
        winners = [e for e in tweet if e.label in {"ORG", "PERSON"}]
        pairwise = sorted(
            [
                *winners,
                *(
                    g
                    for g in general
                    if g.label not in {"ORG", "PERSON"}
                    and not any(g.start < w.end and w.start < g.end for w in winners)
                ),
            ],
            key=lambda e: (e.start, -e.end),
        )
        assert merge_ner(general, tweet) == pairwise


def test_linking_thousands_of_entities_is_not_quadratic() -> None:
    text = "Apple Microsoft " * 1_250  # a 20,000-character post
    ner = [Entity(text="Apple", label="ORG", start=i * 16, end=i * 16 + 5) for i in range(1_250)]
    watch = [
        Entity(text="Microsoft", label="ORG", start=i * 16 + 6, end=i * 16 + 15, source="alias")
        for i in range(1_250)
    ] + [
        Entity(text="Apple", label="ORG", start=i * 16, end=i * 16 + 5, source="alias")
        for i in range(1_250)
    ]
    started = time.monotonic()
    for _ in range(5):
        linked = link_entities(ner, watch, text=text, candidate=lambda e: "company:X")
    assert len(linked) == 2_500
    assert time.monotonic() - started < 1.0  # pairwise: ~3 s


def test_a_name_after_the_is_not_confirmed_by_ner() -> None:
    """Issue 13: "joins the Dow" is the index; NER calls it an organisation all the same."""
    text = "If Contoso joins the Dow, who leaves?"
    at = text.index("Dow")
    watch = [_e("Dow", "ORG", at, source="alias", conf=0.3)]
    merged = link_entities(
        [_e("Dow", "ORG", at)], watch, text=text, candidate=lambda e: "company:DOW"
    )
    assert [(e.text, e.id) for e in merged] == [("Dow", None)]
