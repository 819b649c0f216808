"""Find string literals in the repository that are near-copies of StockNet tweet texts.

    python -m bench.signals.leak_check                  # tests/, streams/, bench/
    python -m bench.signals.leak_check --threshold 0.4

The data's licence forbids copying its sentences into the project (``../shared/data/README.md``);
hand-written test posts imitate real families in their own words. For every string literal of
30 characters or more in the tracked Python files, the share of its word trigrams found in a
single StockNet text is computed; literals at or above ``--threshold`` are printed beside that
text (on the terminal only) and the exit status is 1.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.signals.corpus import read_records  # noqa: E402

_WORD = re.compile(r"[a-z]+")


def trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def literals(path: Path) -> list[tuple[int, str]]:
    try:
        tree = ast.parse(path.read_text())
    except (SyntaxError, UnicodeDecodeError):
        return []
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 30
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("paths", nargs="*", default=["tests", "streams", "bench"])
    args = parser.parse_args()
    texts = [json.loads(raw)["text"] for raw in read_records().values()]
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, text in enumerate(texts):
        for gram in trigrams(text):
            index[gram].add(i)
    files = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", *args.paths],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    flagged = 0
    for name in files:
        if not name.endswith(".py"):
            continue
        for line, value in literals(ROOT / name):
            grams = trigrams(value)
            if len(grams) < 4:
                continue
            counts: dict[int, int] = defaultdict(int)
            for gram in grams:
                for i in index.get(gram, ()):
                    counts[i] += 1
            if not counts:
                continue
            best, shared = max(counts.items(), key=lambda kv: kv[1])
            if shared / len(grams) >= args.threshold:
                flagged += 1
                print(f"{name}:{line} {shared / len(grams):.2f}\n  ours: {value[:140]!r}")
                print(f"  data: {' '.join(texts[best].split())[:140]!r}")
    print(f"{flagged} literal(s) at or above {args.threshold}")
    sys.exit(1 if flagged else 0)


if __name__ == "__main__":
    main()
