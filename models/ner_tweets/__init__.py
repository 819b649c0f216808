"""The project's tweet NER: ORG/PERSON from CC-BY tweet corpora, plus en_core_web_sm's other
labels (GPE, MONEY, DATE...) kept by pseudo-rehearsal.

``spacy.load(model_path())`` gives the trained pipeline (see ``README.md`` in this folder for
the data, the label mapping, the licence and how to retrain and evaluate it).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["MODEL_LABELS", "model_path"]

MODEL_LABELS = ("ORG", "PERSON")
"""The labels this model learns from gold tweets (the rest are rehearsed from en_core_web_sm)."""


def model_path() -> Path:
    """Folder of the trained spaCy pipeline (``models/ner_tweets/model``)."""
    return Path(__file__).resolve().parent / "model"
