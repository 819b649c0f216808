"""The project's tweet NER (ORG, PERSON, LOC), trained on CC-BY tweet corpora.

``spacy.load(model_path())`` gives the trained pipeline (see ``README.md`` in this folder for
the data, the label mapping, the licence and how to retrain and evaluate it).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["MODEL_LABELS", "model_path"]

MODEL_LABELS = ("ORG", "PERSON")
"""The labels the enrichment pipeline takes from this model (its LOC is not used)."""


def model_path() -> Path:
    """Folder of the trained spaCy pipeline (``models/ner_tweets/model``)."""
    return Path(__file__).resolve().parent / "model"
