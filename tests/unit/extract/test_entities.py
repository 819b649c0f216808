import spacy
from spacy.tokens import Doc, Span

from streams.extract import entities_from_doc

VOCAB = spacy.blank("en").vocab


def test_entities_keep_offsets_and_labels() -> None:
    doc = Doc(VOCAB, words=["Globex", "hires", "Ana", "Lind"])
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 2, 4, label="PERSON")]
    assert [(e.text, e.label, e.start, e.end) for e in entities_from_doc(doc)] == [
        ("Globex", "ORG", 0, 6),
        ("Ana Lind", "PERSON", 13, 21),
    ]


def test_spans_without_a_letter_or_digit_are_not_entities() -> None:
    doc = Doc(VOCAB, words=["🚀", "🚀", "Globex", "#", "5", "🚀"])
    doc.ents = [
        Span(doc, 0, 2, label="ORG"),
        Span(doc, 2, 3, label="ORG"),
        Span(doc, 3, 4, label="MONEY"),
        Span(doc, 4, 5, label="CARDINAL"),
        Span(doc, 5, 6, label="CARDINAL"),
    ]
    assert [(e.text, e.label) for e in entities_from_doc(doc)] == [
        ("Globex", "ORG"),
        ("5", "CARDINAL"),
    ]


def _one(
    words: list[str], start: int, end: int, label: str, spaces: list[bool] | None = None
) -> tuple[str, int, int]:
    doc = Doc(VOCAB, words=words, spaces=spaces)
    doc.ents = [Span(doc, start, end, label=label)]
    (entity,) = entities_from_doc(doc)
    assert doc.text[entity.start : entity.end] == entity.text
    return entity.text, entity.start, entity.end


def test_a_name_loses_a_leading_the_and_a_trailing_possessive() -> None:
    words = ["told", "the", "Securities", "and", "Exchange", "Commission", "'s", "staff"]
    spaces = [True, True, True, True, True, False, True, False]
    assert _one(words, 1, 7, "ORG", spaces) == (
        "Securities and Exchange Commission",
        9,
        43,
    )
    assert _one(["The", "Contoso", "Group"], 0, 3, "ORG")[0] == "Contoso Group"
    assert _one(["Ana", "Lind", "'s"], 0, 3, "PERSON", [True, False, False])[0] == "Ana Lind"


def test_a_title_keeps_its_article() -> None:
    assert _one(["The", "Godfather"], 0, 2, "WORK_OF_ART")[0] == "The Godfather"


def test_an_unpaired_bracket_or_quote_at_an_edge_is_not_part_of_the_name() -> None:
    words = ["<", "Tailspin", "Resources", "Ltd", ">"]
    spaces = [False, True, True, False, False]
    assert _one(words, 0, 4, "ORG", spaces)[0] == "Tailspin Resources Ltd"
    assert _one(words, 1, 5, "ORG", spaces)[0] == "Tailspin Resources Ltd"
    assert _one(["Contoso", '"'], 0, 2, "ORG", [False, False])[0] == "Contoso"
    # A pair the name encloses stays.
    assert _one(["Contoso", "(", "UK", ")"], 0, 4, "ORG", [True, False, False, False])[0] == (
        "Contoso (UK)"
    )


def test_a_name_that_is_only_an_article_or_a_bracket_names_nothing() -> None:
    doc = Doc(VOCAB, words=["<", ">"], spaces=[False, False])
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    assert entities_from_doc(doc) == ()


def test_a_trailing_ticker_mark_is_not_part_of_the_name() -> None:
    words = ["Globex", "Inc", "<", "GLBX", ">", "said"]
    spaces = [True, True, False, False, True, False]
    assert _one(words, 0, 5, "ORG", spaces)[0] == "Globex Inc"
    assert _one(["<", "GLBX", ">"], 0, 3, "ORG", [False, False, False])[0] == "<GLBX>"
