"""Train the tweet NER on the CC-BY tweet corpora and install it as ``models/ner_tweets/model``.

Run from the repository root (single process, CPU)::

    python -m models.ner_tweets.train                       # data from ../shared/data
    python -m models.ner_tweets.train --data /path/to/data --max-steps 3000

Only the *train* files are used: ``broad_twitter_corpus/btc.train`` and
``wnut17/train.conll``. Every tenth tweet of each is held out as the validation set spaCy uses
to keep its best checkpoint; the public dev sets are kept for ``bench/eval_ner.py``. The
``.spacy`` files and checkpoints go to a work directory outside the repository
(``--work-dir``, default ``$TMPDIR/signal-scout-ner-tweets``); no data is copied into it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from models.ner_tweets import model_path
from models.ner_tweets.conll import BTC_LABELS, WNUT17_LABELS, Tweet, read_conll

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_CONFIG = HERE / "config.cfg"
DEFAULT_WORK = Path(tempfile.gettempdir()) / "signal-scout-ner-tweets"
MODEL_NAME, MODEL_VERSION = "ner_tweets", "0.1.0"
META = {
    "name": MODEL_NAME,
    "version": MODEL_VERSION,
    "description": "Signal Scout tweet NER (ORG, PERSON, LOC); see models/ner_tweets/README.md",
    "license": "CC-BY-4.0 (derived from CC-BY 4.0 training data; see README.md)",
    "sources": [
        {
            "name": "Broad Twitter Corpus (train split)",
            "url": "https://github.com/GateNLP/broad_twitter_corpus",
            "license": "CC-BY 4.0",
            "author": "Derczynski, Bontcheva and Roberts (COLING 2016)",
        },
        {
            "name": "WNUT-17 Emerging and Rare Entities (train split)",
            "url": "https://github.com/leondz/emerging_entities_17",
            "license": "CC-BY 4.0",
            "author": "Derczynski, Nichols, van Erp and Limsopatham (W-NUT 2017)",
        },
        {
            "name": "en_core_web_sm 3.8.0 ner (initial weights)",
            "url": "https://github.com/explosion/spacy-models",
            "license": "MIT",
            "author": "Explosion AI",
        },
    ],
}
HOLD_OUT_EVERY = 10  # every 10th training tweet validates checkpoints

TRAIN_FILES = (
    ("broad_twitter_corpus/btc.train", BTC_LABELS, False),
    # WNUT-17 never labels user names: its O-tagged @handles are "unknown", not "outside",
    # so they do not contradict the Broad Twitter Corpus, where they are entities.
    ("wnut17/train.conll", WNUT17_LABELS, True),
)


def tweets_to_docs(nlp: Any, tweets: Iterable[Tweet], *, handles_unknown: bool) -> list[Any]:
    """spaCy ``Doc``s with gold entities (spans snapped outward to token boundaries)."""
    docs = []
    for tweet in tweets:
        doc = nlp.make_doc(tweet.text)
        ents: list[Any] = []
        for start, end, label in tweet.spans:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and all(span.end <= e.start or span.start >= e.end for e in ents):
                ents.append(span)
        missing: list[Any] = []
        if handles_unknown:
            for start, end in tweet.handles:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and all(
                    span.end <= e.start or span.start >= e.end for e in ents
                ):
                    missing.append(span)
        doc.set_ents(ents, missing=missing, default="outside")
        docs.append(doc)
    return docs


def write_corpora(data: Path, work: Path) -> tuple[Path, Path, dict[str, int]]:
    """``train.spacy`` and ``heldout.spacy`` in ``work``; returns their paths and counts."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    train, heldout = DocBin(), DocBin()
    counts = {"train": 0, "heldout": 0}
    for rel, labels, handles_unknown in TRAIN_FILES:
        tweets = list(read_conll(data / rel, labels))
        docs = tweets_to_docs(nlp, tweets, handles_unknown=handles_unknown)
        for i, doc in enumerate(docs):
            part = "heldout" if i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 else "train"
            (heldout if part == "heldout" else train).add(doc)
            counts[part] += 1
    work.mkdir(parents=True, exist_ok=True)
    train_path, heldout_path = work / "train.spacy", work / "heldout.spacy"
    train.to_disk(train_path)
    heldout.to_disk(heldout_path)
    return train_path, heldout_path, counts


def train(
    *,
    data: Path,
    work: Path,
    config: Path,
    output: Path,
    max_steps: int | None,
    max_epochs: int | None,
) -> float:
    """Convert, train, copy ``model-best`` to ``output``; returns the training seconds."""
    from spacy.cli.train import train as spacy_train

    train_path, heldout_path, counts = write_corpora(data, work)
    print(f"corpora: {counts['train']} train / {counts['heldout']} held-out tweets in {work}")
    overrides: dict[str, Any] = {"paths.train": str(train_path), "paths.dev": str(heldout_path)}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    out = work / "output"
    if out.exists():
        shutil.rmtree(out)
    started = time.perf_counter()
    spacy_train(config, out, use_gpu=-1, overrides=overrides)
    seconds = time.perf_counter() - started
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(out / "model-best", output)
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(META)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"trained in {seconds:.0f} s; pipeline written to {output}")
    return seconds


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--work-dir", type=Path, default=DEFAULT_WORK, help="scratch folder")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--output", type=Path, default=model_path())
    parser.add_argument("--max-steps", type=int, default=None, help="override the config")
    parser.add_argument("--max-epochs", type=int, default=None, help="override the config")
    args = parser.parse_args(argv)
    train(
        data=args.data,
        work=args.work_dir,
        config=args.config,
        output=args.output,
        max_steps=args.max_steps,
        max_epochs=args.max_epochs,
    )


if __name__ == "__main__":
    main()
