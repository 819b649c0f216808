"""`scout enrich` throughput next to bare full-pipeline `nlp.pipe`, same texts, same run.

    python -m bench.enrich_speed --posts 3000

The enricher is built exactly as `scout enrich` builds it (settings from the environment)
and timed through `run_enrich` (parse + enrich + JSON out, to /dev/null). The baseline is
`spacy.load(model)` with every component, `nlp.pipe` over the same cleaned texts.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streams.cli.enrich import run_enrich  # noqa: E402
from streams.enrich.build import build_enricher  # noqa: E402
from streams.ingest.reader import SourceLine  # noqa: E402
from streams.normalize import fold, parse_post  # noqa: E402
from streams.settings import load_settings  # noqa: E402

TWEETS = ROOT.parent / "shared" / "data" / "stocknet" / "raw_v1_AAPL.jsonl.gz"


def load_lines(path: Path, n: int) -> list[bytes]:
    lines = []
    with gzip.open(path, "rb") as fh:
        for raw in fh:
            if len(lines) >= n:
                break
            lines.append(raw.rstrip(b"\n"))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--tweets", type=Path, default=TWEETS, help="raw Twitter v1.1 JSONL.gz")
    args = parser.parse_args()
    settings = load_settings()
    import spacy

    raw = load_lines(args.tweets, args.posts)
    limits = {
        "max_message_bytes": settings.max_message_bytes,
        "max_text_chars": settings.max_text_chars,
    }
    # What the enricher hands spaCy: the folded copy of each text as given.
    texts = [fold(parse_post(line, **limits).text).text for line in raw]
    words = sum(len(t.split()) for t in texts)

    enricher = build_enricher(settings)
    enricher.enrich([parse_post(line, **limits) for line in raw[:32]])  # warm-up
    sink = io.StringIO()
    lines = [SourceLine(file="bench", line=i + 1, raw=r) for i, r in enumerate(raw)]
    t0 = time.perf_counter()
    done, refused = run_enrich(lines, enricher, settings, sink)
    enrich_s = time.perf_counter() - t0
    records = [json.loads(line) for line in sink.getvalue().splitlines()]
    cue = sum(1 for r in records if r.get("ma", {}).get("score", 0) > 0)

    full = spacy.load(settings.spacy_model)
    list(full.pipe(texts[:32]))
    t0 = time.perf_counter()
    for _ in full.pipe(texts, batch_size=settings.batch_size):
        pass
    bare_s = time.perf_counter() - t0

    rate, bare = done / enrich_s, len(texts) / bare_s
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; {len(texts)} tweets, {words} words"
    )
    print(f"{'run':<44}{'posts':>7}{'seconds':>10}{'posts/s':>10}")
    print(
        f"{'scout enrich (' + enricher_label(enricher) + ')':<44}{done:>7}{enrich_s:>10.2f}{rate:>10.1f}"
    )
    print(
        f"{'bare nlp.pipe, full ' + settings.spacy_model:<44}{len(texts):>7}{bare_s:>10.2f}{bare:>10.1f}"
    )
    print(f"ratio scout enrich / bare full pipeline: {rate / bare:.2f}x  (goal >= 1.0x)")
    print(f"refused {refused}; posts with an M&A score > 0: {cue}")


def enricher_label(enricher: object) -> str:
    return getattr(getattr(enricher, "_nlp", None), "label", "?")


if __name__ == "__main__":
    main()
