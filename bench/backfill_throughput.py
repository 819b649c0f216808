"""Backfill throughput end to end, against bare baselines measured in the same run.

    python -m bench.backfill_throughput --posts 4000

1. `scout backfill` (the real runner) publishes N StockNet posts; one worker enriches and
   indexes them: posts/s from the first document visible to the last.
2. The same with two workers in one consumer group (fresh topics and index): the ratio
   two/one (goal >= 1.7x; both share this machine's cores with Kafka and Elasticsearch).
3. Bare `nlp.pipe` with every component of en_core_web_sm over the same texts (goal: one
   worker's backfill >= 0.8x).
4. Re-indexing already-enriched documents through the scout's sink (`write_all`) against
   bare `elasticsearch.helpers.bulk` with the same bodies (goal >= 0.6x).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from elasticsearch import helpers  # noqa: E402

from bench.ingest_throughput import (  # noqa: E402
    TWEETS,
    cleanup,
    isolated,
    load_posts,
    run_worker,
    time_pipe,
)
from streams.backfill.checkpoint import Checkpoint  # noqa: E402
from streams.backfill.runner import BackfillOptions, BackfillRunner, RejectsWriter  # noqa: E402
from streams.cli.pipeline import run_setup  # noqa: E402
from streams.enrich.build import build_enricher  # noqa: E402
from streams.index.client import make_async_client, make_client  # noqa: E402
from streams.index.documents import to_source  # noqa: E402
from streams.index.sink import BulkSink, write_all  # noqa: E402
from streams.kafka.producer import make_producer  # noqa: E402
from streams.normalize import parse_post  # noqa: E402
from streams.settings import Settings, load_settings  # noqa: E402
from streams.topics import POSTS_RAW  # noqa: E402


def backfill_run(
    settings: Settings, data: Path, n: int, workers: int, work: Path
) -> dict[str, float]:
    run_setup(settings)
    producer = make_producer(settings)
    options = BackfillOptions(paths=(str(data),))
    started = time.perf_counter()
    with (work / f"{settings.app_id}.rejects").open("w") as sink:
        runner = BackfillRunner(
            options,
            producer=producer,
            topic=POSTS_RAW.name(settings),
            checkpoint=Checkpoint(settings.data_dir, options.arguments()),
            rejects=RejectsWriter(sink),
            max_text_chars=settings.max_text_chars,
        )
        summary = runner.run([data])
    producer.close(timeout=30)
    publish_s = time.perf_counter() - started
    if summary.published != n:
        raise SystemExit(f"backfill published {summary.published}/{n}")
    timing = run_worker(settings, n, 900, work / f"{settings.app_id}.log", workers=workers)
    return {"publish_s": publish_s, **timing}


def reindex(base: Settings, raws: list[bytes], work: Path) -> dict[str, float]:
    """Already-enriched documents: scout sink vs bare helpers.bulk, same bodies."""
    limits = {"max_message_bytes": base.max_message_bytes, "max_text_chars": base.max_text_chars}
    posts = [parse_post(r, **limits) for r in raws]
    docs = build_enricher(base).enrich(posts)
    ours, bare = (
        isolated(base, f"{work.name}-ri-a", work / f"{work.name}-ri-a"),
        isolated(base, f"{work.name}-ri-b", work / f"{work.name}-ri-b"),
    )
    for s in (ours, bare):
        from streams.index.schema import ensure_posts_index

        client = make_client(s)
        ensure_posts_index(client, s)
        client.close()

    async def sink_run() -> float:
        client = make_async_client(ours)
        try:
            sink = BulkSink(client, ours.posts_alias)
            started = time.perf_counter()
            for i in range(0, len(docs), ours.batch_size):
                await write_all(sink, docs[i : i + ours.batch_size], cap_s=5)
            return time.perf_counter() - started
        finally:
            await client.close()

    sink_s = asyncio.run(sink_run())
    now = datetime.now(UTC)
    actions = [
        {"_index": bare.posts_alias, "_id": d.doc_id, "_source": to_source(d, indexed_at=now)}
        for d in docs
    ]
    client = make_client(bare)
    started = time.perf_counter()
    helpers.bulk(client, actions, chunk_size=bare.batch_size, refresh=False)
    bulk_s = time.perf_counter() - started
    client.close()
    for s in (ours, bare):
        cleanup(s)
    return {"sink_s": sink_s, "bulk_s": bulk_s, "docs": float(len(docs))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=4000)
    parser.add_argument("--tweets", type=Path, default=TWEETS)
    args = parser.parse_args()
    base = load_settings()
    n = args.posts
    raws, texts = load_posts(args.tweets, n, base)
    stamp = datetime.now(UTC).strftime("%Y%m%dt%H%M%S")
    with tempfile.TemporaryDirectory(prefix="scout-bench-") as tmp:
        work = Path(tmp) / f"bf-{stamp}"
        work.mkdir()
        data = work / "history.jsonl"
        data.write_bytes(b"\n".join(raws) + b"\n")
        results = {}
        for workers in (1, 2):
            settings = isolated(base, f"bf-{stamp}-w{workers}", work / f"bf-{stamp}-w{workers}")
            try:
                results[workers] = backfill_run(settings, data, n, workers, work)
            finally:
                cleanup(settings)
        re = reindex(base, raws[: min(n, 2000)], work)
    import spacy

    full_s = time_pipe(spacy.load(base.spacy_model), texts, base.batch_size)
    one = n / results[1]["first_doc_to_last_s"]
    two = n / results[2]["first_doc_to_last_s"]
    bare = n / full_s
    sink_rate, bulk_rate = re["docs"] / re["sink_s"], re["docs"] / re["bulk_s"]
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load {os.getloadavg()[0]:.2f}"
    )
    print(f"{'run':<46}{'docs':>7}{'docs/s':>10}")
    print(f"{'backfill, 1 worker (first doc -> last)':<46}{n:>7}{one:>10.1f}")
    print(f"{'backfill, 2 workers (first doc -> last)':<46}{n:>7}{two:>10.1f}")
    print(
        f"{'backfill publish only (runner -> Kafka)':<46}{n:>7}{n / results[1]['publish_s']:>10.1f}"
    )
    print(f"{'bare nlp.pipe, full en_core_web_sm':<46}{n:>7}{bare:>10.1f}")
    print(f"{'re-index enriched docs, scout sink':<46}{int(re['docs']):>7}{sink_rate:>10.1f}")
    print(
        f"{'re-index enriched docs, bare helpers.bulk':<46}{int(re['docs']):>7}{bulk_rate:>10.1f}"
    )
    print(f"ratio backfill 1 worker / bare nlp.pipe:  {one / bare:.2f}x (goal >= 0.8x)")
    print(f"ratio 2 workers / 1 worker:               {two / one:.2f}x (goal >= 1.7x)")
    print(f"ratio scout sink / bare helpers.bulk:     {sink_rate / bulk_rate:.2f}x (goal >= 0.6x)")


if __name__ == "__main__":
    main()
