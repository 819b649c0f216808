"""End-to-end ingest throughput (Kafka -> worker -> Elasticsearch) against bare spaCy.

Run from the repo root (Kafka and Elasticsearch must be up; SCOUT_KAFKA_BOOTSTRAP and
SCOUT_ES_URL are honoured)::

    python -m bench.ingest_throughput --posts 5000

Everything lives under a fresh ``scout-bench-<timestamp>`` prefix and is deleted at the end.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/ingest_throughput.py` puts bench/ first
    sys.path.insert(0, str(ROOT))

from streams.cli.pipeline import run_setup  # noqa: E402
from streams.errors import InvalidPostError  # noqa: E402
from streams.extract import load_ner, model_label  # noqa: E402
from streams.index.client import make_client  # noqa: E402
from streams.ingest import SourceLine, publish_lines  # noqa: E402
from streams.kafka.admin import make_admin  # noqa: E402
from streams.normalize import fold, parse_post  # noqa: E402
from streams.settings import Settings, load_settings  # noqa: E402

TWEETS = ROOT.parent / "shared" / "data" / "stocknet" / "stocknet_tweets_compact.jsonl.gz"
RESULTS = ROOT / "bench" / "results"
POLL_S = 0.1  # _count polling interval: bounds the timing error of each end of the run
TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"


def to_post(tweet: dict[str, Any]) -> dict[str, Any]:
    """A StockNet (Twitter v1.1) tweet -> the scout's normalized Post shape."""
    user = tweet.get("user") or {}
    created = datetime.strptime(tweet["created_at"], TWITTER_TIME).astimezone(UTC)
    return {
        "id": tweet["id_str"],
        "text": tweet["text"],
        "created_at": created.isoformat(),
        "author": {
            "handle": user.get("screen_name"),
            "name": user.get("name"),
            "followers": user.get("followers_count"),
            "listed": user.get("listed_count"),
            "verified": user.get("verified"),
        },
        "source": "twitter",
        "lang": tweet.get("lang"),
    }


def load_posts(path: Path, n: int, settings: Settings) -> tuple[list[bytes], list[str]]:
    """The first ``n`` valid tweets with distinct ids: (raw Post lines, the texts the
    worker's spaCy reads: the folded copy)."""
    raws: list[bytes] = []
    texts: list[str] = []
    seen: set[str] = set()
    limits = {
        "max_message_bytes": settings.max_message_bytes,
        "max_text_chars": settings.max_text_chars,
    }
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            tweet = json.loads(line)
            if tweet["id_str"] in seen:
                continue
            raw = json.dumps(to_post(tweet), ensure_ascii=False).encode()
            # The worker's own parser: the texts it will hand to spaCy (skip anything it refuses).
            try:
                post = parse_post(raw, **limits)
            except InvalidPostError:
                continue
            seen.add(post.id)
            raws.append(raw)
            texts.append(fold(post.text).text)
            if len(raws) == n:
                return raws, texts
    raise SystemExit(f"{path} holds only {len(raws)} distinct tweets, {n} asked for")


def publish(settings: Settings, raws: Sequence[bytes]) -> float:
    """Publish every post to posts.raw; returns the seconds it took."""
    started = time.perf_counter()
    report = publish_lines(
        settings,
        (SourceLine(file="stocknet", line=i, raw=raw) for i, raw in enumerate(raws, 1)),
    )
    if report.published != len(raws) or report.rejected:
        raise SystemExit(f"published {report.published}/{len(raws)}: {report.reasons}")
    return time.perf_counter() - started


def run_worker(
    settings: Settings, n: int, timeout_s: float, log_path: Path, workers: int = 1
) -> dict[str, float]:
    """Start ``workers`` worker processes, poll the alias until ``n`` documents are
    visible, stop them."""
    env = dict(
        os.environ,
        SCOUT_TOPIC_PREFIX=settings.topic_prefix,
        SCOUT_INDEX_PREFIX=settings.index_prefix,
        SCOUT_APP_ID=settings.app_id,
        SCOUT_DATA_DIR=str(settings.data_dir),
        SCOUT_KAFKA_BOOTSTRAP=settings.kafka_bootstrap,
        SCOUT_ES_URL=settings.es_url,
        SCOUT_BATCH_SIZE=str(settings.batch_size),
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    )
    client = make_client(settings)
    alias = settings.posts_alias
    with log_path.open("wb") as log:
        started = time.perf_counter()
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "streams", "worker"],
                env=env,
                cwd=ROOT,
                stdout=log,
                stderr=log,
            )
            for _ in range(workers)
        ]
        first = first_count = 0.0
        count = 0
        try:
            deadline = started + timeout_s
            while count < n:
                for worker in procs:
                    if worker.poll() is not None:
                        raise SystemExit(f"worker exited with {worker.returncode}; log: {log_path}")
                if time.perf_counter() > deadline:
                    raise SystemExit(f"only {count}/{n} indexed in {timeout_s:.0f}s; {log_path}")
                time.sleep(POLL_S)
                client.indices.refresh(index=alias)
                count = int(client.count(index=alias)["count"])
                if count and not first:
                    first, first_count = time.perf_counter(), float(count)
            last = time.perf_counter()
        finally:
            for worker in procs:
                worker.send_signal(signal.SIGTERM)
            for worker in procs:
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()
            client.close()
    if count != n:
        raise SystemExit(f"index holds {count} documents, expected {n}")
    return {
        "startup_to_first_doc_s": first - started,
        "first_doc_to_last_s": last - first,
        "total_s": last - started,
        "docs_at_first_visible": first_count,
    }


def isolated(base: Settings, name: str, data_dir: Path, **update: Any) -> Settings:
    """``base`` with its own topics, indices, consumer group and data folder under ``name``
    (what ``cleanup`` removes afterwards), plus any other ``update``."""
    return base.model_copy(
        update={
            "topic_prefix": f"{name}.",
            "index_prefix": name,
            "app_id": name,
            "data_dir": data_dir,
            **update,
        }
    )


def cleanup(settings: Settings) -> None:
    """Delete the bench's indices (posts and any other under its prefix: rules, alert state,
    deliveries...), template, topics and consumer group (best effort, reported)."""
    client = make_client(settings)
    try:
        # Listed by pattern, deleted by exact name (wildcard deletes are refused).
        ours = sorted(client.indices.get(index=f"{settings.index_prefix}-*"))
        if ours:
            client.indices.delete(index=",".join(ours), ignore_unavailable=True)
        client.options(ignore_status=404).indices.delete_index_template(
            name=f"{settings.index_prefix}-posts"
        )
    except Exception as exc:  # noqa: BLE001 - clean-up must try every step
        print(f"warning: Elasticsearch clean-up: {exc}", file=sys.stderr)
    finally:
        client.close()
    admin = make_admin(settings)
    try:
        ours = [t for t in admin.list_topics() if t.startswith(settings.app_id)]
        if ours:
            admin.delete_topics(ours, timeout_ms=30_000)
        admin.delete_groups([settings.app_id])
    except Exception as exc:  # noqa: BLE001 - clean-up must try every step
        print(f"warning: Kafka clean-up: {exc}", file=sys.stderr)
    finally:
        admin.close()


def time_pipe(nlp: Any, texts: Sequence[str], batch_size: int) -> float:
    """Seconds for ``nlp.pipe`` over ``texts`` (after a small untimed warm-up)."""
    sum(1 for _ in nlp.pipe(texts[:16], batch_size=batch_size))
    started = time.perf_counter()
    sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Kafka -> worker -> Elasticsearch throughput vs bare spaCy."
    )
    parser.add_argument("--posts", type=int, default=5000, help="Distinct tweets to index.")
    parser.add_argument("--batch-size", type=int, help="Worker and baseline batch size.")
    parser.add_argument("--timeout", type=float, default=900, help="Worker deadline (s).")
    parser.add_argument("--tweets", type=Path, default=TWEETS, help="StockNet .jsonl.gz file.")
    args = parser.parse_args(argv)

    base = load_settings()
    stamp = datetime.now(UTC).strftime("%Y%m%dt%H%M%S")
    name = f"scout-bench-{stamp}"
    data_dir = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    settings = isolated(base, name, data_dir, batch_size=args.batch_size or base.batch_size)
    n, bs = args.posts, settings.batch_size
    load = os.getloadavg()[0]  # Unix only, as are the services this needs
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load {load:.2f}")
    print(f"kafka {settings.kafka_bootstrap}, es {settings.es_url}, prefix {name}, batch {bs}")

    raws, texts = load_posts(args.tweets, n, settings)
    log_path = data_dir / "worker.log"
    try:
        run_setup(settings)
        publish_s = publish(settings, raws)
        print(f"published {n} posts in {publish_s:.2f}s; starting the worker")
        worker = run_worker(settings, n, args.timeout, log_path)
    except BaseException:
        print(f"worker log kept at {log_path}", file=sys.stderr)
        cleanup(settings)
        raise
    cleanup(settings)
    shutil.rmtree(data_dir, ignore_errors=True)

    import spacy

    ner = load_ner(settings.spacy_model)
    ner_s = time_pipe(ner, texts, bs)
    full = spacy.load(settings.spacy_model)
    full_s = time_pipe(full, texts, bs)

    e2e_s, incl_s = worker["first_doc_to_last_s"], worker["total_s"]
    runs = {
        "worker_end_to_end": ("worker end-to-end (first doc -> last)", e2e_s),
        "worker_incl_startup": ("worker incl. start-up (spawn -> last)", incl_s),
        "bare_ner_only": ("bare nlp.pipe, ner-only (as the worker)", ner_s),
        "bare_full": ("bare nlp.pipe, full pipeline", full_s),
    }
    print(f"\n{'run':<40}  {'posts':>6}  {'seconds':>8}  {'posts/s':>8}")
    for label, seconds in runs.values():
        print(f"{label:<40}  {n:>6}  {seconds:>8.2f}  {n / seconds:>8.1f}")
    ratios = {
        "end_to_end_vs_bare_ner": ner_s / e2e_s,
        "end_to_end_vs_bare_full": full_s / e2e_s,
        "incl_startup_vs_bare_ner": ner_s / incl_s,
    }
    print(f"\nratio end-to-end / bare ner-only:     {ratios['end_to_end_vs_bare_ner']:.2f}")
    print(f"ratio end-to-end / bare full:         {ratios['end_to_end_vs_bare_full']:.2f}")
    print(f"ratio incl. start-up / bare ner-only: {ratios['incl_startup_vs_bare_ner']:.2f}")
    print(
        f"first doc visible {worker['startup_to_first_doc_s']:.2f}s after spawn"
        f" ({worker['docs_at_first_visible']:.0f} docs); pipes: ner-only {ner.pipe_names},"
        f" full {full.pipe_names}. Figures are noisy on a small, shared machine."
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"ingest_throughput-{stamp}.json"
    result = {
        "timestamp": stamp,
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_1m": load,
        },
        "posts": n,
        "batch_size": bs,
        "model": model_label(ner),
        "pipes": {"ner_only": list(ner.pipe_names), "full": list(full.pipe_names)},
        "publish_s": publish_s,
        "worker": worker,
        "seconds": {key: seconds for key, (_, seconds) in runs.items()},
        "posts_per_s": {key: n / seconds for key, (_, seconds) in runs.items()},
        "ratios": ratios,
    }
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
