"""Print a slice of the development sample for labelling: id, author, text, candidates.

    python -m bench.signals.show --part 2 --of 5 > /tmp/part2.txt

For each post: its id, stratum, author (handle, name, followers, verified), the text, and the
watch-list companies a labeller must judge (``candidates``): those the scout links today,
the post's cashtags, and any company whose name, alias or ticker occurs in the text in any
case (a deliberately loose net, so later versions' links are mostly labelled too).
The output holds tweet texts: keep it outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.signals.corpus import STOCKNET, read_records  # noqa: E402

LABELS = ROOT / "bench" / "signals" / "labels"
COMPANIES = ROOT / "models" / "watchlists" / "companies.csv"


def loose_net() -> tuple[re.Pattern[str], dict[str, str]]:
    """One case-insensitive pattern over every company name, alias and ticker, and the
    ticker each lower-cased alternative belongs to."""
    owner: dict[str, str] = {}
    with COMPANIES.open() as fh:
        for row in csv.DictReader(fh):
            ticker = row["id"].split(":", 1)[1]
            names = [row["name"], *row["aliases"].split("|"), *row["tickers"].split("|")]
            for name in names:
                name = name.strip()
                if len(name) >= 2:
                    owner.setdefault(name.lower(), ticker)
    alternatives = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w$])(?:" + "|".join(map(re.escape, alternatives)) + ")", re.I)
    return pattern, owner


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=Path, default=LABELS / "sample.jsonl")
    parser.add_argument("--part", type=int, required=True)
    parser.add_argument("--of", type=int, required=True)
    parser.add_argument("--tweets", type=Path, default=STOCKNET)
    args = parser.parse_args()

    from streams.enrich.build import build_enricher
    from streams.normalize import parse_post
    from streams.settings import load_settings

    rows = [json.loads(line) for line in args.sample.open()]
    mine = [r for i, r in enumerate(rows) if i % args.of == args.part - 1]
    records = read_records(args.tweets)
    posts = [
        parse_post(records[r["id"]], max_message_bytes=1 << 20, max_text_chars=100_000)
        for r in mine
    ]
    docs = build_enricher(load_settings()).enrich(posts)
    net, owner = loose_net()
    for row, post, doc in zip(mine, posts, docs, strict=True):
        linked = {
            e.id.split(":", 1)[1] for e in doc.entities if e.id and e.id.startswith("company:")
        }
        cashtags = {t.upper() for t in re.findall(r"\$([A-Za-z]{1,6})\b", post.text)}
        loose = {owner[m.group(0).lower()] for m in net.finditer(post.text)}
        a = post.author
        print(f"=== id {post.id} ({row['stratum']})")
        if a is not None:
            print(
                f"author: @{a.handle} | {a.name} | followers {a.followers} | verified {a.verified}"
            )
        print(f"text: {post.text}")
        print(f"candidates: {' '.join(sorted(linked | cashtags | loose)) or '-'}")
        print()


if __name__ == "__main__":
    main()
