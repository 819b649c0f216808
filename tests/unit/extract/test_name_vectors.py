"""Name vectors of handles: the words a name is made of, their mean vector, and the
classifier that reads it."""

import json
from pathlib import Path

import numpy as np
import pytest
from spacy.strings import StringStore
from spacy.vectors import Vectors

from models.ner_tweets.handles import HandleClassifier
from models.ner_tweets.name_vectors import NameVectors
from models.ner_tweets.train_handles import classifier, fit

WORDS = {
    "news": [1.0, 0.0, 0.0],
    "radio": [0.8, 0.6, 0.0],
    "jokes": [0.0, 0.0, 2.0],
    "facts": [0.0, 0.1, 1.0],
    "sugar": [0.0, 3.0, 0.0],
    "scape": [0.0, 1.0, 1.0],
    "fc": [1.0, 1.0, 0.0],
    "a": [5.0, 5.0, 5.0],
}


def _table() -> Vectors:
    table = Vectors(strings=StringStore(), shape=(len(WORDS), 3))
    for row, (word, vector) in enumerate(WORDS.items()):
        table.add(word, vector=np.asarray(vector, dtype=np.float32), row=row)
    return table


def test_words_come_from_segments_and_splits_of_long_unknown_runs() -> None:
    names = NameVectors(_table())
    assert names.words("LocalNewsRadio") == ["news", "radio"]  # "local" is no word here
    assert names.words("sugarscape") == ["sugar", "scape"]
    assert names.words("Town_FC") == ["fc"]
    assert names.words("xa_a") == []  # one-letter words never count
    assert names.words("qqqq") == []


def test_vector_is_the_mean_of_unit_vectors_and_zero_without_words() -> None:
    names = NameVectors(_table())
    assert np.allclose(names.vector("NewsJokes"), [0.5, 0.0, 0.5])
    assert np.allclose(names.vector("zzzz"), [0.0, 0.0, 0.0])
    assert names.width == 3


def test_the_classifier_generalises_through_word_vectors() -> None:
    # No sparse feature is shared between training and test names: only the vectors are.
    names = NameVectors(_table())
    data = [([f"w={n}"], c, 0, n) for n, c in (("news", 0), ("sugar", 1), ("jokes", 2))] * 4
    model = classifier(fit(data, l2=0.1, steps=300, names=names), names)
    probs = {name: model.predict([], name) for name in ("CityRadio", "FunnyFacts")}
    assert max(range(3), key=probs["CityRadio"].__getitem__) == 0
    assert max(range(3), key=probs["FunnyFacts"].__getitem__) == 2
    assert model.predict([], "") == pytest.approx(model.predict([], "qqqq"))


def test_dense_weights_must_fit_the_vectors(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    asset = {
        "classes": ["ORG", "PERSON", "O"],
        "weights": {},
        "bias": [0, 0, 0],
        "thresholds": {"ORG": 0.5, "PERSON": 0.5},
        "dense": {"scale": 1.0, "weights": [[0.0, 0.0, 0.0]] * 5},
    }
    path.write_text(json.dumps(asset), encoding="utf-8")
    with pytest.raises(ValueError, match="do not fit"):
        HandleClassifier.load(path, vectors=_table())
    asset["dense"] = {"scale": 1.0, "weights": [[1.0, 0.0, 0.0]] * 3}
    path.write_text(json.dumps(asset), encoding="utf-8")
    model = HandleClassifier.load(path, vectors=_table())
    assert model.label("via @NewsRadio", 4, 14)[0] == "ORG"
