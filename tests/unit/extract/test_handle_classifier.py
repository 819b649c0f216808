"""The @handle classifier: features, decision rule, the shipped asset, the trainer's pieces."""

import json
from pathlib import Path

import pytest

from models.ner_tweets.conll import Tweet
from models.ner_tweets.handles import (
    CLASSES,
    HandleClassifier,
    VectorsNeededError,
    classifier_path,
    handle_features,
)
from models.ner_tweets.train_handles import best_thresholds, decide, examples, f1s, fit
from models.ner_tweets.vectors import md_vectors


def _at(text: str, handle: str) -> tuple[int, int]:
    start = text.index(handle)
    return start, start + len(handle)


def test_features_split_camel_case_and_read_the_context() -> None:
    text = "RT @BBCNews: storm warning"
    feats = handle_features(text, *_at(text, "@BBCNews"))
    assert {"seg=bbc", "seg=news", "w=bbcnews", "p=rt", "n=:", "c=^bbc"} <= set(feats)


def test_colon_context_is_the_same_with_or_without_a_space() -> None:
    glued, spaced = "RT @x_y: hi", "RT @x_y : hi"
    assert handle_features(glued, *_at(glued, "@x_y")) == handle_features(
        spaced, *_at(spaced, "@x_y")
    )


def _model(org: float, person: float) -> HandleClassifier:
    return HandleClassifier(
        weights={"seg=news": (3.0, -1.0, 0.0), "seg=john": (-1.0, 3.0, 0.0)},
        bias=(0.0, 0.0, 0.0),
        org_threshold=org,
        person_threshold=person,
    )


def test_predict_gives_probabilities_that_follow_the_weights() -> None:
    probs = _model(0.5, 0.5).predict(["seg=news", "unknown"])
    assert sum(probs) == pytest.approx(1.0)
    assert probs[0] > 0.8 > probs[1]


def test_label_applies_org_then_person_thresholds() -> None:
    text = "hi @JohnNews"
    span = _at(text, "@JohnNews")  # seg=john and seg=news: ORG and PERSON tie
    assert _model(0.45, 0.45).label(text, *span)[0] == "ORG"
    assert _model(0.9, 0.45).label(text, *span)[0] == "PERSON"
    assert _model(0.9, 0.9).label(text, *span)[0] == "O"


def test_shipped_asset_loads_and_types_obvious_handles() -> None:
    model = HandleClassifier.load(vectors=md_vectors())
    # Its version is recorded in every enriched post's model label.
    assert model.version == json.loads(classifier_path().read_text())["version"] != "0"
    data = json.loads(classifier_path().read_text(encoding="utf-8"))
    assert tuple(data["classes"]) == CLASSES
    assert "CC-BY" in data["license"]
    news = "Storm warning for the coast via @BBCBreaking"
    assert model.label(news, *_at(news, "@BBCBreaking"))[0] == "ORG"
    joke = "so true @SchoolJokesDaily"  # a joke account: neither a person nor an organisation
    assert model.label(joke, *_at(joke, "@SchoolJokesDaily"))[0] == "O"
    person = "great talk by @maria_fernandez today"
    assert model.label(person, *_at(person, "@maria_fernandez"))[0] == "PERSON"


def test_shipped_asset_needs_the_md_vectors() -> None:
    with pytest.raises(VectorsNeededError, match="vocab.vectors"):
        HandleClassifier.load()


def test_asset_with_other_classes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(
        json.dumps(
            {
                "classes": ["PERSON", "ORG", "O"],
                "weights": {},
                "bias": [0, 0, 0],
                "thresholds": {"ORG": 0.5, "PERSON": 0.5},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="classes"):
        HandleClassifier.load(path)


def test_examples_label_handles_from_gold_spans() -> None:
    tweets = [
        Tweet(id="a", text="@acme_news @jo : hi", spans=((0, 10, "ORG"),)),
        Tweet(id="b", text="@far_place @half tail", spans=((0, 10, "LOC"), (11, 21, "PERSON"))),
    ]
    got = [(CLASSES[c], fold, name) for _, c, fold, name in examples(tweets, folds=2)]
    # @jo unlabelled -> O; a LOC handle -> O; @half is only part of a gold span: skipped
    assert got == [("ORG", 0, "acme_news"), ("O", 0, "jo"), ("O", 1, "far_place")]


def test_a_handle_keeps_the_fold_of_its_first_tweet() -> None:
    tweets = [Tweet(id=str(i), text=f"@same and @h{i}", spans=()) for i in range(4)]
    # (@same, @h0), (@same, @h1) in the first half; @same stays in fold 0 in the second
    assert [fold for _, _, fold, _ in examples(tweets, folds=2)] == [0, 0, 0, 0, 0, 1, 0, 1]


def test_f1s_and_thresholds_pick_the_separating_cut() -> None:
    assert f1s([0, 1, 2], [0, 1, 2]) == (1.0, 1.0)
    assert f1s([0, 0], [1, 1]) == (0.0, 0.0)
    gold = [0, 1, 2]
    probs = [[0.7, 0.2, 0.1], [0.25, 0.6, 0.15], [0.1, 0.3, 0.6]]
    total, t_org, t_person, _ = best_thresholds(gold, probs)
    assert total == 2.0
    assert [decide(p, t_org, t_person) for p in probs] == gold


def test_fit_learns_a_separable_toy_problem() -> None:
    data = [(["seg=news"], 0, 0, "n"), (["seg=john"], 1, 0, "j"), (["seg=zz"], 2, 0, "z")] * 3
    weights, bias, dense = fit(data, l2=0.1, steps=200)
    assert dense is None
    model = HandleClassifier(weights, bias, org_threshold=0.5, person_threshold=0.5)
    assert [max(range(3), key=model.predict(f).__getitem__) for f, _, _, _ in data[:3]] == [
        0,
        1,
        2,
    ]
