"""The brief of a real StockNet week, and how much of it is news (issue 13 point 5).

    python -m bench.brief_week                      # 2014-05-19 .. 05-26, AAPL and GOOG
    python -m bench.brief_week --show               # and every item's text, on the terminal
    python -m bench.brief_week --since 2015-09-07 --until 2015-09-14   # a second week, labelled
    python -m bench.brief_week --since 2015-03-09 --until 2015-03-16   # a third
    python -m bench.brief_week --since 2016-01-25 --until 2016-02-01   # a fourth
    python -m bench.brief_week --since 2014-10-13 --until 2014-10-20   # a fifth
    python -m bench.brief_week --since 2015-06-08 --until 2015-06-15   # a sixth

The week's tweets (``raw_v1_AAPL`` / ``raw_v1_GOOG`` from ``../shared/data/stocknet``) go
through the shipped enricher into a throwaway index prefix on the running Elasticsearch
(``scout services up``); the brief is made exactly as ``scout brief`` makes it, then the
index is deleted. Each item (a development, deal, move or rising voice's first citation) is
looked up in ``bench/signals/labels/brief-items.jsonl`` (ids and the labelled category only):
the share of labelled items that are ``news`` is printed, and items nobody has labelled yet
are listed, with their text when ``--show``, so they can be labelled under
``bench/signals/GUIDELINES.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import sys
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "stocknet"
LABELS = ROOT / "bench" / "signals" / "labels" / "brief-items.jsonl"
RESULTS = ROOT / "bench" / "results" / "brief_week.json"


def week_lines(files: list[str], since: datetime, until: datetime) -> list[bytes]:
    """Raw tweets created in ``[since, until)``, first copy of each id."""
    lines, seen = [], set()
    for name in files:
        with gzip.open(DATA / name, "rb") as fh:
            for raw in fh:
                obj = json.loads(raw)
                created = datetime.strptime(obj["created_at"], "%a %b %d %H:%M:%S %z %Y")
                if since <= created < until and obj["id_str"] not in seen:
                    seen.add(obj["id_str"])
                    lines.append(raw.rstrip(b"\n"))
    return lines


def items(brief: Any) -> list[tuple[str, str, str]]:
    """(section, first cited post id, headline) for every item a reader sees."""
    out = []
    for company in brief.companies:
        for dev in company.developments:
            out.append(("developments", dev.citations[0].post_id, dev.headline))
    out += [("deals", d.citations[0].post_id, d.headline) for d in brief.deals]
    out += [("moves", m.citations[0].post_id, m.headline) for m in brief.moves]
    out += [("voices", v.citations[0].post_id, f"@{v.handle}") for v in brief.rising_voices]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--since", default="2014-05-19")
    parser.add_argument("--until", default="2014-05-26")
    parser.add_argument(
        "--files", nargs="+", default=["raw_v1_AAPL.jsonl.gz", "raw_v1_GOOG.jsonl.gz"]
    )
    parser.add_argument("--show", action="store_true", help="print every item's text")
    args = parser.parse_args()
    since = datetime.fromisoformat(args.since).replace(tzinfo=UTC)
    until = datetime.fromisoformat(args.until).replace(tzinfo=UTC)

    from streams.brief import make_brief
    from streams.brief.window import BriefWindow
    from streams.enrich.build import build_enricher
    from streams.index.client import make_async_client, make_client
    from streams.index.schema import ensure_posts_index
    from streams.index.sink import BulkSink, write_all
    from streams.normalize import parse_post
    from streams.settings import load_settings

    prefix = f"bench-brief-{uuid.uuid4().hex[:8]}"
    settings = load_settings().model_copy(update={"index_prefix": prefix})
    es = make_client(settings)
    lines = week_lines(args.files, since, until)
    limits = {
        "max_message_bytes": settings.max_message_bytes,
        "max_text_chars": settings.max_text_chars,
    }
    posts = [parse_post(line, **limits) for line in lines]
    docs = build_enricher(settings).enrich(posts)
    index = ensure_posts_index(es, settings)
    try:

        async def write() -> int:
            client = make_async_client(settings)
            try:
                outcome = await write_all(BulkSink(client, settings.posts_alias), docs, cap_s=60)
            finally:
                await client.close()
            return outcome.indexed

        indexed = asyncio.run(write())
        es.indices.refresh(index=settings.posts_alias)
        brief = make_brief(
            es, settings, BriefWindow(since=since, until=until), now=datetime.now(UTC)
        )
    finally:
        es.options(ignore_status=404).indices.delete(index=index)
        es.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-posts")
    texts = {p.id: p.text for p in posts}
    labels = {}
    if LABELS.exists():
        labels = {r["id"]: r["category"] for r in map(json.loads, LABELS.open()) if r}
    shown = items(brief)
    judged = [(s, i) for s, i, _ in shown if i in labels]
    news = Counter(s for s, i in judged if labels[i] == "news")
    per = Counter(s for s, _ in judged)
    print(
        f"{len(posts)} posts of {since:%Y-%m-%d} .. {until:%Y-%m-%d} indexed: {indexed}; categories {dict(brief.posts_by_category)}"
    )
    print(f"brief: {len(shown)} items; labelled {len(judged)}")
    for section in ("developments", "deals", "moves", "voices"):
        if per[section]:
            print(f"  {section:13} {news[section]} news of {per[section]}")
    share = sum(news.values()) / len(judged) if judged else None
    print(f"news share of labelled items: {share:.2f}" if share is not None else "no item labelled")
    missing = [(s, i, h) for s, i, h in shown if i not in labels]
    if missing:
        print(f"{len(missing)} items not labelled yet (add them to {LABELS.relative_to(ROOT)}):")
    for section, post_id, headline in shown:
        mark = labels.get(post_id, "UNLABELLED")
        if args.show or post_id not in labels:
            text = " ".join(texts.get(post_id, headline).split())
            print(f"  [{section}] {post_id} {mark}: {text if args.show else ''}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "posts": len(posts),
                "items": len(shown),
                "labelled": len(judged),
                "news_share": share,
                "by_section": {s: [news[s], per[s]] for s in per},
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
