"""Type an ``@handle`` as ORG, PERSON or neither from its spelling and its context (pure).

A small multinomial logistic regression over sparse binary features (``handle_features``):
character 3-5-grams of the lower-cased handle, its camel-case / underscore / digit segments
(``BBCNews`` -> ``bbc``, ``news``), its shape (capitals, digits, underscores, length), and
the words next to it (``RT @X:``, ``via @X``, ``@X reports``) and how many handles the post
has. The weights are a JSON asset (``handles.json``) written by
``python -m models.ner_tweets.train_handles`` from the Broad Twitter Corpus *train* split; see
``README.md`` in this folder for the data, the licence and the figures.

``HandleClassifier.predict`` gives the probabilities; ``HandleClassifier.label`` applies the
decision thresholds chosen by cross-validation on the training handles.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.ner_tweets.name_vectors import NameVectors

__all__ = [
    "CLASSES",
    "HANDLE",
    "HandleClassifier",
    "VectorsNeededError",
    "classifier_path",
    "handle_features",
    "segments",
]

CLASSES = ("ORG", "PERSON", "O")
"""Output classes; ``O``: not an ORG/PERSON entity (unlabelled, or a place)."""

HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})\b")
"""An @handle in a post (the enricher's ``mentioned_handles`` pattern); group 1 is the name."""

_SEGMENT = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’()[]{}.,;!?"


def classifier_path() -> Path:
    """The trained weights (``models/ner_tweets/handles.json``)."""
    return Path(__file__).resolve().parent / "handles.json"


def segments(name: str) -> list[str]:
    """The lower-cased camel-case / underscore / digit segments of a name (``BBCNews`` ->
    ``bbc``, ``news``)."""
    return [s.lower() for s in _SEGMENT.findall(name)]


def _shape(name: str) -> list[str]:
    feats = []
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        feats.append("shape=upper")
    elif letters and all(c.islower() for c in letters):
        feats.append("shape=lower")
    elif name[:1].isupper():
        feats.append("shape=title")
    if any(c.isdigit() for c in name):
        feats.append("shape=digit")
    if "_" in name:
        feats.append("shape=underscore")
    feats.append(f"len={min(len(name) // 4, 4)}")
    return feats


def _prev_word(text: str, start: int) -> str:
    words = _WORD.findall(text[:start])
    if not words:
        return "<s>"
    word = words[-1].strip(_EDGE_PUNCT).lower()
    return "@" if word.startswith("@") else word or "<p>"


def _next_word(text: str, end: int) -> str:
    rest = text[end:].lstrip()
    if not rest:
        return "</s>"
    if not rest[0].isalnum() and rest[0] not in "@#":
        return rest[0]  # ":" of "RT @X:" whether or not a space precedes it
    word = _WORD.match(rest)
    token = word.group(0).strip(_EDGE_PUNCT).lower() if word else ""
    return "@" if token.startswith("@") else token or "<p>"


def handle_features(text: str, start: int, end: int) -> list[str]:
    """Feature names of the handle ``text[start:end]`` (``@name``) in its post."""
    name = text[start:end].lstrip("@")
    low = name.lower()
    feats = [f"w={low}"]
    padded = f"^{low}$"
    for n in (3, 4, 5):
        feats.extend(f"c={padded[i : i + n]}" for i in range(len(padded) - n + 1))
    parts = segments(name)
    feats.extend(f"seg={s}" for s in parts)
    feats.append(f"nseg={min(len(parts), 4)}")
    feats.extend(_shape(name))
    prev, nxt = _prev_word(text, start), _next_word(text, end)
    feats.append(f"p={prev}")
    feats.append(f"n={nxt}")
    feats.append(f"pn={prev}|{nxt}")
    handles = len(HANDLE.findall(text))
    feats.append(f"handles={min(handles, 4)}")
    return sorted(set(feats))


class VectorsNeededError(ValueError):
    """The classifier reads word vectors of handle names and was given none."""


@dataclass(frozen=True)
class HandleClassifier:
    """Weights per feature and class, biases, and the thresholds of ``label``.

    Since 0.2.0 also ``dense``: weights (one row per dimension, ``dense_scale`` times the
    name's mean word vector, ``name_vectors.NameVectors``) over en_core_web_md's vectors,
    which the tweet NER loads anyway; ``names`` reads them.
    """

    weights: Mapping[str, Sequence[float]]
    bias: Sequence[float]
    org_threshold: float
    person_threshold: float
    version: str = "0"
    dense: Any = None
    dense_scale: float = 1.0
    names: NameVectors | None = None

    @classmethod
    def load(cls, path: Path | None = None, *, vectors: Any | None = None) -> HandleClassifier:
        """The classifier of ``path`` (the bundled one by default). ``vectors``: the spaCy
        ``Vectors`` table of en_core_web_md (the tweet NER's ``nlp.vocab.vectors``), needed
        when the classifier reads name vectors (``VectorsNeededError`` otherwise)."""
        path = path or classifier_path()
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["classes"]) != CLASSES:
            raise ValueError(f"{path}: classes {data['classes']} are not {CLASSES}")
        dense = data.get("dense")
        names = None
        if dense is not None:
            import numpy as np

            from models.ner_tweets.name_vectors import NameVectors

            if vectors is None or not vectors.shape[0]:
                raise VectorsNeededError(
                    f"{path} reads en_core_web_md's word vectors of handle names: pass the"
                    " tweet NER's vocab.vectors"
                )
            names = NameVectors(vectors)
            dense = np.asarray(dense["weights"], dtype=np.float32)
            if dense.shape != (names.width, len(CLASSES)):
                raise ValueError(f"{path}: dense weights {dense.shape} do not fit the vectors")
        return cls(
            weights={k: tuple(v) for k, v in data["weights"].items()},
            bias=tuple(data["bias"]),
            org_threshold=float(data["thresholds"]["ORG"]),
            person_threshold=float(data["thresholds"]["PERSON"]),
            version=str(data.get("version", "0")),
            dense=dense,
            dense_scale=float(data.get("dense", {}).get("scale", 1.0)),
            names=names,
        )

    def predict(self, features: Sequence[str], name: str = "") -> tuple[float, float, float]:
        """Probabilities of ``CLASSES`` (ORG, PERSON, O); ``name`` (the handle without ``@``)
        feeds the name-vector weights when the classifier has them."""
        scores = list(self.bias)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                for k in range(len(scores)):
                    scores[k] += row[k]
        if self.dense is not None and self.names is not None and name:
            extra = (self.names.vector(name) * self.dense_scale) @ self.dense
            for k in range(len(scores)):
                scores[k] += float(extra[k])
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        org, person, other = (e / total for e in exp)
        return org, person, other

    def label(self, text: str, start: int, end: int) -> tuple[str, float]:
        """``(label, probability)``: ORG if P(ORG) reaches its threshold, else PERSON if
        P(PERSON) reaches its threshold, else ``O``."""
        name = text[start:end].lstrip("@")
        org, person, other = self.predict(handle_features(text, start, end), name)
        if org >= self.org_threshold:
            return "ORG", org
        if person >= self.person_threshold:
            return "PERSON", person
        return "O", other
