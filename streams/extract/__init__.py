"""spaCy entity extraction: load only what NER needs, turn Docs into ``Entity`` records."""

from streams.extract.entities import entities_from_doc
from streams.extract.nlp import load_ner, model_label

__all__ = ["entities_from_doc", "load_ner", "model_label"]
