"""`scout enrich` throughput next to bare full-pipeline `nlp.pipe`, same texts, same run, for
each kind of text (issue 14), and the memory of a worker with every model loaded.

    python -m bench.enrich_speed --posts 3000 --news 500

* tweets: raw StockNet tweets (source twitter: the social route), against bare
  en_core_web_sm with every component;
* news: Reuters-21578 stories, headline and body, as `rss` posts (the news route), against
  bare en_core_web_md with every component (Reuters is research-only: read at run time,
  never copied);
* memory: a fresh interpreter builds the enricher as a worker does and enriches a mixed
  batch: RSS before the models, after loading them, and the peak.

The enricher is built exactly as `scout enrich` builds it (settings from the environment)
and timed through `run_enrich` (parse + enrich + JSON out, to a buffer). The baselines run
`nlp.pipe` over the same texts as the enricher's spaCy reads them (the folded copy).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.results import save  # noqa: E402
from streams.cli.enrich import run_enrich  # noqa: E402
from streams.enrich.build import build_enricher  # noqa: E402
from streams.enrich.enricher import Enricher  # noqa: E402
from streams.extract.nlp import load_pipeline  # noqa: E402
from streams.ingest.reader import SourceLine  # noqa: E402
from streams.normalize import fold, parse_post  # noqa: E402
from streams.settings import Settings, load_settings  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
TWEETS = DATA / "stocknet" / "raw_v1_AAPL.jsonl.gz"
NEWS = DATA / "reuters21578" / "modapte_train.jsonl.gz"


def load_lines(path: Path, n: int) -> list[bytes]:
    lines: list[bytes] = []
    with gzip.open(path, "rb") as fh:
        for raw in fh:
            if len(lines) >= n:
                break
            lines.append(raw.rstrip(b"\n"))
    return lines


def news_lines(path: Path, n: int, max_chars: int, lang: str | None = None) -> list[bytes]:
    """The first ``n`` Reuters stories (that a worker accepts) as `rss` posts; ``lang`` is
    the language a feed would give (RSS ``<language>``), else the scout detects it."""
    lines: list[bytes] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for row in fh:
            if len(lines) >= n:
                break
            story = json.loads(row)
            if story["text"].strip() and len(story["text"]) <= max_chars:
                post = {"id": story["id"], "text": story["text"], "source": "rss"}
                if lang:
                    post["lang"] = lang
                lines.append(json.dumps(post).encode())
    return lines


def _limits(settings: Settings) -> dict[str, int]:
    return {
        "max_message_bytes": settings.max_message_bytes,
        "max_text_chars": settings.max_text_chars,
    }


def compare(
    name: str,
    raw: list[bytes],
    enricher: Enricher,
    settings: Settings,
    bare_model: str,
) -> dict[str, Any]:
    """`scout enrich` over ``raw`` and bare full ``bare_model`` over the same texts."""
    posts = [parse_post(line, **_limits(settings)) for line in raw]
    texts = [fold(p.text).text for p in posts]
    enricher.enrich(posts[:32])  # warm-up
    sink = io.StringIO()
    lines = [SourceLine(file="bench", line=i + 1, raw=r) for i, r in enumerate(raw)]
    t0 = time.perf_counter()
    done, refused = run_enrich(lines, enricher, settings, sink)
    enrich_s = time.perf_counter() - t0
    records = [json.loads(line) for line in sink.getvalue().splitlines()]
    models = sorted({r.get("versions", {}).get("model") or "" for r in records} - {""})

    full = load_pipeline(bare_model)
    list(full.pipe(texts[:32]))
    t0 = time.perf_counter()
    for _ in full.pipe(texts, batch_size=settings.batch_size):
        pass
    bare_s = time.perf_counter() - t0
    del full
    rate, bare = done / enrich_s, len(texts) / bare_s
    return {
        "set": name,
        "posts": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "refused": refused,
        "models": models,
        "enrich_s": round(enrich_s, 2),
        "enrich_posts_s": round(rate, 1),
        "bare_model": bare_model,
        "bare_s": round(bare_s, 2),
        "bare_posts_s": round(bare, 1),
        "ratio": round(rate / bare, 2),
        "ma_scored": sum(1 for r in records if r.get("ma", {}).get("score", 0) > 0),
    }


def _rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB, from /proc."""
    status = Path("/proc/self/status").read_text()
    kb = {
        line.split(":")[0]: int(line.split()[1])
        for line in status.splitlines()
        if line.startswith(("VmRSS", "VmHWM"))
    }
    return kb["VmRSS"] / 1024, kb["VmHWM"] / 1024


def worker_memory(tweets: int, news: int, tweets_path: Path, news_path: Path) -> dict[str, Any]:
    """Run in a fresh interpreter: RSS after imports, after the models, peak after a mixed
    batch enriched as a worker does (batches of SCOUT_BATCH_SIZE, tweets and stories mixed)."""
    settings = load_settings()
    before, _ = _rss_mb()
    enricher = build_enricher(settings)
    loaded, _ = _rss_mb()
    social = [parse_post(line, **_limits(settings)) for line in load_lines(tweets_path, tweets)]
    stories = news_lines(news_path, news, settings.max_text_chars)
    long = [parse_post(line, **_limits(settings)) for line in stories]
    posts = []
    for i in range(max(len(social), len(long))):
        posts += social[i : i + 1] + long[i : i + 1]
    for start in range(0, len(posts), settings.batch_size):
        enricher.enrich(posts[start : start + settings.batch_size])
    after, peak = _rss_mb()
    return {
        "posts": len(posts),
        "routes": enricher.route_labels(),
        "rss_before_models_mb": round(before, 1),
        "rss_models_loaded_mb": round(loaded, 1),
        "rss_after_batches_mb": round(after, 1),
        "peak_rss_mb": round(peak, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=3000, help="StockNet tweets")
    parser.add_argument("--news", type=int, default=500, help="Reuters stories")
    parser.add_argument("--tweets", type=Path, default=TWEETS, help="raw Twitter v1.1 JSONL.gz")
    parser.add_argument("--stories", type=Path, default=NEWS, help="Reuters-21578 JSONL.gz")
    parser.add_argument(
        "--news-lang", default=None, help="the stories' language as a feed gives it (e.g. en)"
    )
    parser.add_argument("--only", choices=("tweets", "news", "memory"), default=None)
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        print(json.dumps(worker_memory(512, 256, args.tweets, args.stories)))
        return
    settings = load_settings()
    load = os.getloadavg()[0]
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()},"
        f" load average {load:.2f}"
    )
    runs: list[dict[str, Any]] = []
    memory: dict[str, Any] | None = None
    if args.only in (None, "tweets", "news"):
        enricher = build_enricher(settings)
        if args.only in (None, "tweets"):
            raw = load_lines(args.tweets, args.posts)
            runs.append(compare("StockNet tweets", raw, enricher, settings, settings.spacy_model))
        if args.only in (None, "news") and settings.news_ner_model:
            raw = news_lines(args.stories, args.news, settings.max_text_chars, args.news_lang)
            name = f"Reuters stories{', lang ' + args.news_lang if args.news_lang else ''}"
            runs.append(compare(name, raw, enricher, settings, settings.news_ner_model))
        del enricher
    if args.only in (None, "memory"):
        child = subprocess.run(
            [sys.executable, "-m", "bench.enrich_speed", "--memory-child"]
            + ["--tweets", str(args.tweets), "--stories", str(args.stories)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        memory = json.loads(child.stdout.strip().splitlines()[-1])

    print(f"{'run':<34}{'posts':>7}{'words':>9}{'seconds':>9}{'posts/s':>9}  ratio (goal >= 1.0)")
    for run in runs:
        print(
            f"{run['set'] + ', scout enrich':<34}{run['posts']:>7}{run['words']:>9}"
            f"{run['enrich_s']:>9.2f}{run['enrich_posts_s']:>9.1f}  {run['ratio']:.2f}x"
        )
        print(
            f"{'  bare full ' + run['bare_model']:<34}{run['posts']:>7}{run['words']:>9}"
            f"{run['bare_s']:>9.2f}{run['bare_posts_s']:>9.1f}  1.00x"
        )
        print(f"  recorded models: {', '.join(run['models'])}; M&A score > 0: {run['ma_scored']}")
    if memory:
        print(
            f"worker memory ({memory['posts']} mixed posts): RSS {memory['rss_before_models_mb']}"
            f" MB before the models, {memory['rss_models_loaded_mb']} MB loaded,"
            f" {memory['rss_after_batches_mb']} MB after, peak {memory['peak_rss_mb']} MB"
        )
    out = save("enrich_speed", {"load_average": load, "runs": runs, "memory": memory})
    print(f"figures: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
