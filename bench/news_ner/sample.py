"""Draw the news NER candidate sentences (issue 14), ids and offsets only.

    python -m bench.news_ner.sample            # writes candidates-a.jsonl and candidates-b.jsonl

420 sentences, seeded: 340 from Reuters-21578 ModApte train bodies (research use only:
evaluation, never training; half from acquisition stories, half from the rest, at most two
sentences per story) and 80 CrunchBase acquisition headlines (CC BY-SA 4.0, the whole
headline is the sentence). Reuters bodies are cut into paragraphs (indented lines) and
sentences (``bench.news_ner.corpus.split_spans``); the headline is left out.

A sentence is kept when it has 6 to 80 words, is not written in capitals, is no table or
number list (no column spacing, at most 30 % of its words hold a digit), starts with a
capital, digit or quote and ends with a full stop, question or exclamation mark. The drawn
sentences are shuffled together; the first 210 go to ``candidates-a.jsonl`` and the rest to
``candidates-b.jsonl`` (two labellers).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.news_ner.corpus import (  # noqa: E402
    CRUNCHBASE,
    DATA,
    HERE,
    REUTERS,
    clean,
    digest,
    read_jsonl,
    split_spans,
)

REUTERS_ACQ = 170
REUTERS_OTHER = 170
CRUNCHBASE_N = 80
PER_DOC = 2
HALF_A = 210


def eligible(raw: str, *, headline: bool = False) -> bool:
    """Whether a document span makes a candidate sentence (see the module docstring)."""
    text = clean(raw)
    words = text.split()
    if not 6 <= len(words) <= 80 or not text.isprintable():
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) > 0.6:
        return False
    if re.search(r"\S[ \t]{3,}\S", raw) or "\t" in raw:
        return False
    if sum(any(ch.isdigit() for ch in w) for w in words) / len(words) > 0.3:
        return False
    if headline:
        return True
    return bool(re.match(r"[\"'(]?[A-Z0-9]", text)) and bool(re.search(r"[.!?][\"')]?$", text))


def _line(source: str, doc: str, start: int, end: int, text: str) -> dict[str, Any]:
    return {
        "id": f"{doc}@{start}",
        "source": source,
        "doc": doc,
        "start": start,
        "end": end,
        "sha1": digest(clean(text[start:end])),
    }


def draw_reuters(rows: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    picked: list[dict[str, Any]] = []
    for want_acq, quota in ((True, REUTERS_ACQ), (False, REUTERS_OTHER)):
        docs = [r for r in rows if bool(r["is_acq"]) is want_acq]
        rng.shuffle(docs)
        taken: list[dict[str, Any]] = []
        for row in docs:
            if len(taken) >= quota:
                break
            text = str(row["text"])
            spans = [s for s in split_spans(text) if eligible(text[s[0] : s[1]])]
            chosen = sorted(rng.sample(spans, min(PER_DOC, len(spans), quota - len(taken))))
            taken += [_line("reuters", str(row["id"]), s, e, text) for s, e in chosen]
        picked += taken
    return picked


def draw_crunchbase(rows: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    pool = [r for r in rows if eligible(str(r["text"]), headline=True)]
    chosen = rng.sample(pool, CRUNCHBASE_N)
    return [
        _line("crunchbase", str(r["id"]), 0, len(str(r["text"])), str(r["text"])) for r in chosen
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)  # noqa: S311 - a reproducible draw
    lines = draw_reuters(list(read_jsonl(args.data / REUTERS)), rng)
    lines += draw_crunchbase(list(read_jsonl(args.data / CRUNCHBASE)), rng)
    rng.shuffle(lines)
    for name, part in (
        ("candidates-a.jsonl", lines[:HALF_A]),
        ("candidates-b.jsonl", lines[HALF_A:]),
    ):
        with (args.out / name).open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(line) + "\n" for line in part)
        print(f"{name}: {len(part)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
