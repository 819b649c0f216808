from datetime import UTC, datetime

from models.enriched import Entity
from models.post import Post
from streams.index import build_document, doc_id, to_source


def test_doc_id_is_deterministic_and_depends_on_source_and_id() -> None:
    assert doc_id("twitter", "1") == doc_id("twitter", "1")
    assert doc_id("twitter", "1") != doc_id("mastodon", "1")
    assert doc_id("a", "bc") != doc_id("ab", "c")
    assert len(doc_id("twitter", "1")) == 40


def test_source_document_has_denormalized_entity_fields() -> None:
    post = Post(id="7", text="Apple hires Tim Cook", source="news")
    ents = [
        Entity(text="Apple", label="ORG", start=0, end=5, id="company:AAPL"),
        Entity(text="Tim Cook", label="PERSON", start=12, end=20),
        Entity(text="Apple", label="ORG", start=0, end=5),
    ]
    doc = build_document(post, ents, model="en_core_web_sm-3.8.0")
    body = to_source(doc, indexed_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert body["doc_id"] == doc_id("news", "7")
    assert body["mentions"] == ["Apple", "Tim Cook"]
    assert body["entity_labels"] == ["ORG", "PERSON"]
    assert body["entity_ids"] == ["company:AAPL"]
    assert body["indexed_at"] == "2026-01-01T00:00:00+00:00"
    assert body["entities"][1] == {
        "text": "Tim Cook",
        "label": "PERSON",
        "start": 12,
        "end": 20,
        "id": None,
        "source": "ner",
        "confidence": 1.0,
    }


def test_mentions_are_keyed_on_the_display_copy_of_the_entity_text() -> None:
    # The stored text is as given; "Acme  Corp" and "Acme Corp" are one mention key.
    text = "Acme  Corp\r\nbuys Glo\u200bbex"
    ents = [
        Entity(text="Acme  Corp", label="ORG", start=0, end=10),
        Entity(text="Glo\u200bbex", label="ORG", start=17, end=24),
    ]
    doc = build_document(Post(id="8", text=text), ents, model="m")
    body = to_source(doc, indexed_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert body["text"] == text
    assert body["mentions"] == ["Acme Corp", "Globex"]
    assert [body["text"][e["start"] : e["end"]] for e in body["entities"]] == [
        "Acme  Corp",
        "Glo\u200bbex",
    ]
