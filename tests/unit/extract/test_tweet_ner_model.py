"""The shipped tweet NER loads and finds the obvious (hand-written tweets, robust checks)."""

from typing import Any

import pytest

from models.ner_tweets import MODEL_LABELS, model_path


@pytest.fixture(scope="module")
def nlp() -> Any:
    import spacy

    return spacy.load(model_path())


def test_model_path_holds_a_spacy_pipeline() -> None:
    assert (model_path() / "config.cfg").is_file()
    assert (model_path() / "meta.json").is_file()


def test_pipeline_has_ner_with_org_and_person(nlp: Any) -> None:
    assert "ner" in nlp.pipe_names
    assert set(MODEL_LABELS) <= set(nlp.get_pipe("ner").labels)


def test_finds_a_person_and_a_handle_in_hand_written_tweets(nlp: Any) -> None:
    texts = [
        "Great keynote by Barack Obama this morning , the room was packed",
        "Big thanks to @NorthwindTraders for the quick reply to my ticket !",
    ]
    person_doc, handle_doc = nlp.pipe(texts)
    assert any(e.label_ == "PERSON" and "Obama" in e.text for e in person_doc.ents)
    assert any(e.label_ in MODEL_LABELS and "@NorthwindTraders" in e.text for e in handle_doc.ents)


def test_keeps_en_core_web_sm_labels_money_and_gpe(nlp: Any) -> None:
    # Pseudo-rehearsal: the one model also keeps en_core_web_sm's other labels.
    doc = nlp("Northwind Traders will pay $4.2 billion for a rival based in Germany , sources say")
    labels = {e.label_ for e in doc.ents}
    assert "MONEY" in labels
    assert any(e.label_ == "GPE" and e.text == "Germany" for e in doc.ents)
