"""spaCy entity extraction: load only what NER needs, turn Docs into ``Entity`` records."""

from streams.extract.entities import entities_from_doc, extract_entities
from streams.extract.nlp import load_ner, model_label

__all__ = ["entities_from_doc", "extract_entities", "load_ner", "model_label"]
