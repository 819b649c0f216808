"""The project's tweet NER: ORG/PERSON from CC-BY tweet corpora, plus en_core_web_sm's other
labels (GPE, MONEY, DATE...) kept by pseudo-rehearsal.

``load_model()`` gives the trained pipeline with en_core_web_md's vectors, which ``model/``
does not ship (``load_model(vectors_from=md_nlp)`` shares those of a loaded md pipeline);
``spacy.load(model_path())`` works too. See ``README.md`` in this folder for the data, the
label mapping, the licence and how to retrain and evaluate it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["MODEL_LABELS", "load_model", "model_path"]

MODEL_LABELS = ("ORG", "PERSON")
"""The labels this model learns from gold tweets (the rest are rehearsed from en_core_web_sm)."""


def model_path() -> Path:
    """Folder of the trained spaCy pipeline (``models/ner_tweets/model``).

    Also registers the md vectors factory its ``config.cfg`` names, so that
    ``spacy.load(model_path())`` works (``models/ner_tweets/vectors.py``).
    """
    import models.ner_tweets.vectors  # noqa: F401  (registers signal_scout.md_vectors.v1)

    return Path(__file__).resolve().parent / "model"


def load_model(path: Path | None = None, *, vectors_from: Any | None = None) -> Any:
    """The tweet NER with en_core_web_md's vectors (see ``vectors.load_model``)."""
    from models.ner_tweets.vectors import load_model as load

    return load(path, vectors_from=vectors_from)
