import json

import pytest
import spacy

from models.post import Post
from streams.index import doc_id
from streams.worker.batch import RawMessage, enrich_posts, plan_batch


@pytest.fixture(scope="module")
def tiny_nlp() -> object:
    """A hand-built pipeline: rules instead of the statistical model."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "ORG", "pattern": "Oracle"},
            {"label": "PERSON", "pattern": [{"LOWER": "safra"}, {"LOWER": "catz"}]},
        ]
    )
    return nlp


def _msg(value: bytes, offset: int) -> RawMessage:
    return RawMessage(value=value, topic="posts.raw", partition=0, offset=offset, key=b"k")


def test_plan_keeps_order_of_valid_posts_and_dead_letters_the_rest() -> None:
    messages = [
        _msg(json.dumps({"id": "1", "text": "first"}).encode(), 0),
        _msg(b"{oops", 1),
        _msg(json.dumps({"id": "2", "text": "second"}).encode(), 2),
        _msg(json.dumps({"id": "3", "text": ""}).encode(), 3),
    ]
    plan = plan_batch(messages, max_message_bytes=10_000, max_text_chars=100)
    assert [p.id for p in plan.posts] == ["1", "2"]
    assert [(d.offset, d.reason) for d in plan.dead] == [(1, "malformed_json"), (3, "empty_text")]
    assert plan.dead[0].source_topic == "posts.raw"


def test_enrich_attaches_entities_with_offsets_into_the_text(tiny_nlp: object) -> None:
    posts = [
        Post(id="1", text="Oracle said Safra Catz will speak", source="news"),
        Post(id="2", text="nothing here", source="news"),
    ]
    docs = enrich_posts(tiny_nlp, posts, model="test-model")
    assert [d.doc_id for d in docs] == [doc_id("news", "1"), doc_id("news", "2")]
    ents = docs[0].entities
    assert [(e.text, e.label) for e in ents] == [("Oracle", "ORG"), ("Safra Catz", "PERSON")]
    assert all(posts[0].text[e.start : e.end] == e.text for e in ents)
    assert docs[1].entities == ()
    assert docs[0].model == "test-model"
