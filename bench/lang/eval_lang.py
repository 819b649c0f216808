"""Language identification on the team-written post set: the hand tagger vs lingua.

Run from the repo root::

    python -m bench.lang.eval_lang                 # bench/lang/posts.jsonl, 5 timed rounds
    python bench/lang/eval_lang.py --rounds 20 --no-memory

Systems, in one run on the same texts:

* ``tagger``: the function-word tagger (``streams.enrich.lang.function_word_language``), the
  detector before lingua;
* ``lingua``: bare ``lingua-language-detector`` on the raw text, restricted to the eight
  languages (high-accuracy mode), ``detect_language_of``: the library baseline; ``lingua
  low``: the same in low-accuracy mode; ``lingua dist D``: with a minimum relative distance
  (unknown below it); ``lingua conf C``: unknown when the top confidence is below C;
* ``shipped``: ``streams.enrich.lang.LanguageDetector`` as the enricher uses it (cashtags,
  handles and URLs removed, text without words is unknown, lingua ranks the languages,
  English when its confidence is at least ``ENGLISH_RATIO`` of the top one's, or below
  ``SURE`` when English function words say so or the post is names only); ``shipped low``: on lingua's low-accuracy
  mode; ``shipped no-ratio`` / ``no-en-check`` / ``lingua only``: without the English
  ratio, the function-word and names checks, or all; ``shipped floor C``: unknown below confidence C.

Figures: accuracy over every post (a post without language is right when answered
unknown), per language, per length bucket, on the mixed posts, the unknown rate (labelled
posts answered unknown), English recall and what English posts were wrongly called (the
costly mistake: a post not called English gets no NER; unknown does get it: "en safe" is
the share of English posts called English or unknown), the no/sv/da
confusion, speed (posts/s after a warm-up; the ratio against bare lingua in the same run)
and, in a fresh process per lingua mode, the time and memory of loading the models. On
real English text from ``../shared/data`` (CrunchBase headlines, StockNet tweets Twitter
tagged English; read, never copied): the share each system calls English, unknown or
another language.
Written as JSON to ``bench/results/eval_lang-<UTC>.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.results import save  # noqa: E402
from streams.enrich.lang import (  # noqa: E402
    LANGUAGES,
    LanguageDetector,
    build_lingua,
    function_word_language,
)

POSTS = ROOT / "bench" / "lang" / "posts.jsonl"
DATA = ROOT.parent / "shared" / "data"
BUCKETS = ("short", "medium", "long")
NORDIC = ("no", "sv", "da")

Detect = Callable[[str], str | None]


@dataclass
class Scores:
    """One system's answers scored against the labels."""

    name: str
    rate: float = 0.0
    figures: dict[str, Any] = field(default_factory=dict)


def read_posts(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def lingua_raw(*, low: bool = False, distance: float = 0.0, confidence: float = 0.0) -> Detect:
    """Bare lingua on the raw text, as a library user would call it."""
    from lingua import Language, LanguageDetectorBuilder

    codes = {getattr(Language, name): code for code, name in LANGUAGES.items()}
    builder = LanguageDetectorBuilder.from_languages(*codes)
    if low:
        builder = builder.with_low_accuracy_mode()
    if distance:
        builder = builder.with_minimum_relative_distance(distance)
    detector = builder.build()
    if confidence:

        def by_confidence(text: str) -> str | None:
            ranked = detector.compute_language_confidence_values(text)
            if not ranked or ranked[0].value < confidence:
                return None
            return codes[ranked[0].language]

        return by_confidence

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return codes[found] if found is not None else None

    return detect


def systems() -> dict[str, Detect]:
    low = partial(build_lingua, low_accuracy=True)
    return {
        "tagger": function_word_language,
        "lingua": lingua_raw(),
        "lingua low": lingua_raw(low=True),
        "lingua dist 0.1": lingua_raw(distance=0.1),
        "lingua dist 0.25": lingua_raw(distance=0.25),
        "lingua conf 0.5": lingua_raw(confidence=0.5),
        "shipped": LanguageDetector().detect,
        "shipped low": LanguageDetector(low).detect,
        "shipped no-ratio": LanguageDetector(english_ratio=0.0).detect,
        "shipped no-en-check": LanguageDetector(sure=0.0).detect,
        "shipped lingua only": LanguageDetector(english_ratio=0.0, sure=0.0).detect,
        "shipped floor 0.5": LanguageDetector(min_confidence=0.5).detect,
    }


def score(name: str, detect: Detect, posts: list[dict[str, Any]], rounds: int) -> Scores:
    for post in posts[:16]:  # warm-up: lingua loads its models on first use
        detect(post["text"])
    start = time.perf_counter()
    for _ in range(rounds):
        answers = [detect(p["text"]) for p in posts]
    elapsed = time.perf_counter() - start
    result = Scores(name, rate=rounds * len(posts) / elapsed)
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    english_wrong: Counter[str] = Counter()
    nordic: dict[str, Counter[str]] = {lang: Counter() for lang in NORDIC}
    errors = []
    for post, answer in zip(posts, answers, strict=True):
        label, ok = post["lang"], answer == post["lang"]
        keys = ["all", post["kind"]]
        if label is not None:
            keys += ["labelled", f"lang:{label}", f"bucket:{post['bucket']}"]
            if answer is None:
                right["unknown"] += 1
        for key in keys:
            seen[key] += 1
            right[key] += ok
        if label == "en" and answer != "en":
            english_wrong[str(answer)] += 1
        if label in nordic:
            nordic[label][answer if answer in NORDIC else str(answer)] += 1
        if not ok:
            errors.append({"id": post["id"], "lang": label, "answer": answer})
    result.figures = {
        "accuracy": {key: right[key] / seen[key] for key in sorted(seen)},
        "counts": {key: [right[key], seen[key]] for key in sorted(seen)},
        "unknown_rate": right["unknown"] / seen["labelled"],
        "english_recall": right["lang:en"] / seen["lang:en"],
        "english_safe": 1
        - sum(v for k, v in english_wrong.items() if k != "None") / seen["lang:en"],
        "english_wrongly": dict(english_wrong),
        "nordic_confusion": {lang: dict(c) for lang, c in nordic.items()},
        "posts_per_s": result.rate,
        "errors": errors,
    }
    return result


def english_sets(data: Path, tweets: int) -> dict[str, list[str]]:
    """Real English text (read here, never copied): CrunchBase acquisition headlines and
    StockNet tweets Twitter tagged English (its tag is not gold: a few are French or
    Spanish, so the share called another language is an upper bound of the errors)."""
    sets: dict[str, list[str]] = {}
    headlines = data / "crunchbase_acquisitions" / "dev.jsonl"
    if headlines.exists():
        with headlines.open(encoding="utf-8") as lines:
            sets["crunchbase headlines"] = [json.loads(line)["text"] for line in lines]
    stocknet = data / "stocknet" / "stocknet_tweets_compact.jsonl.gz"
    if stocknet.exists():
        seen: dict[str, None] = {}
        with gzip.open(stocknet, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("lang") == "en":
                    seen.setdefault(record["text"], None)
                if len(seen) >= tweets:
                    break
        sets["stocknet tweets tagged en"] = list(seen)
    return sets


def english_figures(detect: Detect, texts: list[str]) -> dict[str, Any]:
    answers = Counter(detect(text) for text in texts)
    other = {str(k): v for k, v in answers.most_common() if k not in ("en", None)}
    return {
        "n": len(texts),
        "english": answers["en"] / len(texts),
        "unknown": answers[None] / len(texts),
        "other": sum(other.values()) / len(texts),
        "other_langs": other,
    }


_LOAD = """
import resource, sys, time
sys.path.insert(0, {root!r})
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
base = rss()
t = time.perf_counter()
import lingua
imported = time.perf_counter()
from streams.enrich.lang import LanguageDetector, build_lingua
detector = LanguageDetector(lambda: build_lingua(low_accuracy={low}))
ready, before = time.perf_counter(), rss()
detector.detect("Equinor og Telenor kutter stillinger i Oslo")
loaded = time.perf_counter()
print(imported - t, loaded - ready, rss() - before, rss() - base)
"""


def load_costs() -> dict[str, dict[str, float]]:
    """``import lingua`` time, first-call (model loading) time, and the RSS growth of loading
    the models and of the whole process (lingua and the project imported), in a fresh one."""
    out = {}
    for mode, low in (("high", False), ("low", True)):
        line = subprocess.run(
            [sys.executable, "-c", _LOAD.format(root=str(ROOT), low=low)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        out[mode] = {
            "import_s": float(line[0]),
            "first_call_s": float(line[1]),
            "models_rss_mb": float(line[2]),
            "process_rss_mb": float(line[3]),
        }
    return out


def _pct(figures: dict[str, Any], key: str) -> str:
    right, seen = figures["counts"].get(key, [0, 0])
    return f"{right / seen:.3f}" if seen else "-"


def report(results: list[Scores], posts: list[dict[str, Any]]) -> None:
    kinds = Counter(p["kind"] for p in posts)
    print(f"{len(posts)} posts: {dict(kinds)}\n")
    base = next((r.rate for r in results if r.name == "lingua"), 0.0)
    head = [
        "system",
        "all",
        *BUCKETS,
        "mixed",
        "none",
        "unknown",
        "en rec",
        "en safe",
        "posts/s",
        "x lingua",
    ]
    print(" | ".join(f"{h:>9}" if i else f"{h:<20}" for i, h in enumerate(head)))
    for r in results:
        f = r.figures
        cells = [
            _pct(f, "all"),
            *(_pct(f, f"bucket:{b}") for b in BUCKETS),
            _pct(f, "mixed"),
            _pct(f, "none"),
            f"{f['unknown_rate']:.3f}",
            f"{f['english_recall']:.3f}",
            f"{f['english_safe']:.3f}",
            f"{r.rate:,.0f}",
            f"{r.rate / base:.2f}" if base else "-",
        ]
        print(f"{r.name:<20} | " + " | ".join(f"{c:>9}" for c in cells))
    langs = list(LANGUAGES)
    print("\naccuracy per language (mono and mixed posts)")
    print(f"{'system':<20} | " + " | ".join(f"{lang:>5}" for lang in langs))
    for r in results:
        cells = [_pct(r.figures, f"lang:{lang}") for lang in langs]
        print(f"{r.name:<20} | " + " | ".join(f"{c:>5}" for c in cells))
    print("\nEnglish posts wrongly called (None = unknown: NER still runs)")
    for r in results:
        print(f"{r.name:<20} | {r.figures['english_wrongly']}")
    print("\nno/sv/da confusion (row: label, counts of answers)")
    for r in results:
        rows = "; ".join(
            f"{lang}->" + ",".join(f"{k}:{v}" for k, v in sorted(c.items()))
            for lang, c in r.figures["nordic_confusion"].items()
        )
        print(f"{r.name:<20} | {rows}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=Path, default=POSTS)
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the set")
    parser.add_argument("--no-memory", action="store_true", help="skip the load-cost runs")
    parser.add_argument("--data", type=Path, default=DATA, help="../shared/data")
    parser.add_argument("--tweets", type=int, default=3000, help="distinct StockNet tweets")
    args = parser.parse_args(argv)
    posts = read_posts(args.posts)
    detectors = systems()
    results = [score(name, d, posts, args.rounds) for name, d in detectors.items()]
    report(results, posts)
    english: dict[str, dict[str, Any]] = {}
    for set_name, texts in english_sets(args.data, args.tweets).items():
        print(f"\n{set_name} ({len(texts)}): called English / unknown / another language")
        for name, detect in detectors.items():
            f = english_figures(detect, texts)
            english.setdefault(name, {})[set_name] = f
            top = ", ".join(f"{k}:{v}" for k, v in list(f["other_langs"].items())[:4])
            print(
                f"{name:<20} | {f['english']:.3f} | {f['unknown']:.3f} | {f['other']:.3f} ({top})"
            )
    costs = {} if args.no_memory else load_costs()
    for mode, c in costs.items():
        print(
            f"\nlingua {mode} accuracy: import lingua {c['import_s']:.2f} s, first call (models"
            f" load) {c['first_call_s']:.2f} s, RSS +{c['models_rss_mb']:.0f} MB for the models"
            f" (+{c['process_rss_mb']:.0f} MB with lingua's and the project's imports)"
        )
    out = save(
        "eval_lang",
        {
            "posts": str(args.posts),
            "rounds": args.rounds,
            "systems": {r.name: r.figures for r in results},
            "real_english": english,
            "load": costs,
        },
        indent=1,
    )
    print(f"\nwritten: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
