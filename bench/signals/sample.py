"""Draw the labelled development set of real StockNet posts (issue 13), ids only.

    python -m bench.signals.sample --out bench/signals/labels/sample.jsonl

The population is one post per distinct text (retweets and copies folded: "RT @x:", links
and case removed) of ``stocknet_tweets_compact.jsonl.gz``. Each is put in exactly one
stratum, first match wins:

| stratum | what |
|---|---|
| ``ma_flagged`` | the scout (at the commit that drew the set) called it M&A |
| ``move_flagged`` | the scout found an executive move |
| ``deal_words`` | deal words (acquire, merger, takeover, bid, stake, in talks ...), not flagged |
| ``role_words`` | role or move words (CEO, appoints, resigns, hires ...), not flagged |
| ``rest`` | everything else (the random slice) |

A fixed number is drawn at random from each stratum (seeded), and the stratum sizes are
written next to the sample, so precision and recall of *any* later version are estimated
without bias by weighting each labelled post by (stratum size / stratum sample size).
Only ids, strata and weights are written; the texts stay in ``../shared/data``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.signals.corpus import (  # noqa: E402
    DEAL_WORDS,
    ROLE_WORDS,
    STOCKNET,
    distinct_posts,
)

DRAW = {"ma_flagged": 230, "move_flagged": 110, "deal_words": 200, "role_words": 160, "rest": 300}
# The held-out test set: strata by keywords only (no scout output), development ids left out.
TEST_DRAW = {"deal_words": 320, "role_words": 200, "rest": 200}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tweets", type=Path, default=STOCKNET)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--test",
        action="store_true",
        help="draw the held-out test set: keyword strata only, ids of --exclude left out",
    )
    parser.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        help="a sample.jsonl whose ids are not drawn (repeatable)",
    )
    parser.add_argument(
        "--draw",
        default=",".join(f"{k}={v}" for k, v in TEST_DRAW.items()),
        help="with --test: how many to draw per stratum, as deal_words=N,role_words=N,rest=N",
    )
    args = parser.parse_args()
    if args.test:
        draw_test(args)
        return

    from streams.enrich.build import build_enricher
    from streams.settings import load_settings

    posts = distinct_posts(args.tweets)
    enricher = build_enricher(load_settings())
    strata: dict[str, list[str]] = {k: [] for k in DRAW}
    step = 2000
    for lo in range(0, len(posts), step):
        chunk = posts[lo : lo + step]
        for post, doc in zip(chunk, enricher.enrich(chunk), strict=True):
            if doc.ma.is_ma:
                stratum = "ma_flagged"
            elif doc.moves:
                stratum = "move_flagged"
            elif DEAL_WORDS.search(post.text):
                stratum = "deal_words"
            elif ROLE_WORDS.search(post.text):
                stratum = "role_words"
            else:
                stratum = "rest"
            strata[stratum].append(post.id)
        print(f"{lo + len(chunk)} / {len(posts)}", file=sys.stderr)
    rng = random.Random(args.seed)  # noqa: S311 -- a reproducible draw, not a secret
    rows = []
    for name, ids in strata.items():
        drawn = rng.sample(ids, min(DRAW[name], len(ids)))
        for post_id in drawn:
            rows.append({"id": post_id, "stratum": name})
    rng.shuffle(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    sizes = {name: len(ids) for name, ids in strata.items()}
    meta = {
        "population": len(posts),
        "strata": sizes,
        "drawn": dict(Counter(r["stratum"] for r in rows)),
        "seed": args.seed,
    }
    args.out.with_name("strata.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(meta, indent=2))


def draw_test(args: argparse.Namespace) -> None:
    """The held-out set: nobody tunes on it, so its strata need no scout (any fixed partition
    keeps the weighted estimates unbiased)."""
    excluded = {json.loads(line)["id"] for path in args.exclude for line in path.open()}
    draw = _parse_draw(args.draw)
    strata: dict[str, list[str]] = {k: [] for k in TEST_DRAW}
    posts = distinct_posts(args.tweets)
    for post in posts:
        stratum = (
            "deal_words"
            if DEAL_WORDS.search(post.text)
            else "role_words"
            if ROLE_WORDS.search(post.text)
            else "rest"
        )
        strata[stratum].append(post.id)
    rng = random.Random(args.seed)  # noqa: S311 -- a reproducible draw, not a secret
    rows = []
    for name, ids in strata.items():
        pool = [i for i in ids if i not in excluded]
        rows += [{"id": i, "stratum": name} for i in rng.sample(pool, draw[name])]
    rng.shuffle(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    meta = {
        "population": len(posts),
        "strata": {name: len(ids) for name, ids in strata.items()},
        "drawn": dict(Counter(r["stratum"] for r in rows)),
        "seed": args.seed,
        "excluded": len(excluded),
    }
    args.out.with_name("strata.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(meta, indent=2))


def _parse_draw(spec: str) -> dict[str, int]:
    """``deal_words=240,role_words=120,rest=60`` -> counts for every keyword stratum."""
    draw = dict.fromkeys(TEST_DRAW, 0)
    for part in spec.split(","):
        name, _, count = part.partition("=")
        if name not in draw or not count.isdigit():
            raise SystemExit(f"--draw: {part!r} is not STRATUM=N with STRATUM in {sorted(draw)}")
        draw[name] = int(count)
    return draw


if __name__ == "__main__":
    main()
