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
