"""Alert latency: a post's append to Kafka -> the webhook's receipt, with 10/100/1000 rules.

Run from the repo root (Kafka and Elasticsearch up; SCOUT_KAFKA_BOOTSTRAP and SCOUT_ES_URL
are honoured)::

    python -m bench.alert_latency --rules 10,100,1000 --posts 500 --rate 20

One worker runs through every rule count (the rules are added stage by stage; a warm-up
rule per stage proves the worker has loaded them). Everything lives under a fresh
``scout-lat-<timestamp>`` prefix and is deleted at the end. Goal: p99 <= 3 s at 100 rules.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/alert_latency.py` puts bench/ first
    sys.path.insert(0, str(ROOT))

from bench.ingest_throughput import cleanup, isolated  # noqa: E402
from bench.latency_baselines import bare_kafka, bare_pipeline  # noqa: E402
from bench.latency_rig import (  # noqa: E402
    Receiver,
    Worker,
    bench_post,
    filler_rules,
    make_bench_producer,
    measured_rules,
    store_rules,
    warm_post,
    warm_rule,
)
from streams.cli.pipeline import run_setup  # noqa: E402
from streams.index.client import make_client  # noqa: E402
from streams.settings import Settings, load_settings  # noqa: E402
from streams.topics import POSTS_RAW  # noqa: E402

RESULTS = ROOT / "bench" / "results"
GOAL_RULES, GOAL_P99_MS = 100, 3000.0
FIXED_RULES = 2  # the measured rule and the subset rule


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    if not ms:
        return {}
    return {
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "max": max(ms),
        "mean": sum(ms) / len(ms),
    }


def wait_for(probe: Callable[[], bool], timeout: float, check: Callable[[], None]) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if probe():
            return True
        check()
        time.sleep(0.05)
    return probe()


class Stage:
    """One rule count: add rules, warm up, publish at a steady rate, collect receipts."""

    def __init__(self, args: argparse.Namespace, settings: Settings, url: str) -> None:
        self.args, self.settings, self.url = args, settings, url
        self.topic = POSTS_RAW.name(settings)
        self.producer = make_bench_producer(settings)
        self.fillers = 0
        self.warm_rules = 0

    def add_rules(self, total: int, stage: str) -> None:
        needed = total - FIXED_RULES - (self.warm_rules + 1) - self.fillers
        if needed < 0:
            raise SystemExit(f"--rules: {total} is too few after earlier stages")
        es = make_client(self.settings)
        try:
            rules = filler_rules(self.url, self.fillers, needed)
            store_rules(es, self.settings, [*rules, warm_rule(self.url, stage)])
        finally:
            es.close()
        self.fillers += needed
        self.warm_rules += 1

    def warm_up(self, receiver: Receiver, worker: Worker, stage: str) -> None:
        """Until one warm-up alert of this stage arrives (the new rules are loaded), then
        ``--warmup`` more posts at the bench rate, all received."""
        sent = 0

        def arrived() -> int:
            return sum(1 for r in receiver.on("/warm") if r.post_id.startswith(f"warm-{stage}-"))

        deadline = time.perf_counter() + self.args.timeout
        while not arrived():
            if time.perf_counter() > deadline:
                raise SystemExit(f"stage {stage}: the warm-up rule never fired; {worker.log_path}")
            post_id, raw = warm_post(stage, sent)
            self.producer.send(self.topic, key=post_id.encode(), value=raw)
            sent += 1
            wait_for(lambda: arrived() > 0, 1.0, worker.check)
        steady: set[str] = set()  # sent once the rules are loaded: each must alert
        for _ in range(self.args.warmup):
            post_id, raw = warm_post(stage, sent)
            self.producer.send(self.topic, key=post_id.encode(), value=raw)
            steady.add(post_id)
            sent += 1
            time.sleep(1 / self.args.rate)

        def missing() -> set[str]:
            return steady - {r.post_id for r in receiver.on("/warm")}

        if not wait_for(lambda: not missing(), self.args.timeout, worker.check):
            raise SystemExit(f"stage {stage}: warm-up alerts missing: {sorted(missing())}")

    def publish(self, stage: str) -> dict[str, float]:
        """``--posts`` posts at ``--rate``/s; the perf_counter just before each send."""
        sent: dict[str, float] = {}
        acks: list[float] = []
        started = time.perf_counter()
        for i in range(self.args.posts):
            pause = started + i / self.args.rate - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            at = time.perf_counter()
            post_id, raw = bench_post(stage, i, at)
            sent[post_id] = at
            future = self.producer.send(self.topic, key=post_id.encode(), value=raw)
            future.add_callback(lambda _meta, at=at: acks.append(time.perf_counter() - at))
        self.producer.flush()
        self.ack_ms = summary_ms(acks)
        return sent

    def run(self, rules: int, receiver: Receiver, worker: Worker) -> dict[str, Any]:
        stage = str(rules)
        self.add_rules(rules, stage)
        self.warm_up(receiver, worker, stage)
        sent = self.publish(stage)
        n, subset_n = len(sent), sum(1 for i in range(len(sent)) if i % 10 == 0)

        def mine(path: str) -> list[Any]:
            return [r for r in receiver.on(path) if r.post_id in sent]

        def complete() -> bool:
            return (
                len({r.alert_id for r in mine("/measured")}) >= n
                and len({r.alert_id for r in mine("/subset")}) >= subset_n
            )

        wait_for(complete, self.args.timeout, worker.check)
        time.sleep(3)  # a grace period: anything late or duplicated arrives now
        measured, subset = mine("/measured"), mine("/subset")
        first: dict[str, float] = {}
        for r in sorted(measured, key=lambda r: r.at):
            first.setdefault(r.post_id, r.at)
        ids = Counter(r.alert_id for r in [*measured, *subset])
        return {
            "rules": rules,
            "posts": n,
            "alerts_expected": n + subset_n,
            "alerts_received": len(ids),
            "measured_received": len({r.alert_id for r in measured}),
            "subset_received": len({r.alert_id for r in subset}),
            "duplicates": sum(c - 1 for c in ids.values()),
            "unexpected": len(receiver.on("/filler")),
            "latency_ms": summary_ms([at - sent[p] for p, at in first.items()]),
            "produce_ack_ms": self.ack_ms,
        }


def _print_table(rows: list[dict[str, Any]], bare: dict[str, dict[str, float]]) -> None:
    keys = ("p50", "p95", "p99", "max")
    floor = bare["pipeline"]["p99"]
    head = f"{'rules':>6} {'alerts':>11} {'dups':>4} {'stray':>5}"
    print("\n" + head + "".join(f" {k + ' ms':>9}" for k in keys) + "  p99 / bare pipeline p99")
    for row in rows:
        lat = row["latency_ms"] or dict.fromkeys(keys, math.nan)
        got = f"{row['alerts_received']}/{row['alerts_expected']}"
        line = f"{row['rules']:>6} {got:>11} {row['duplicates']:>4} {row['unexpected']:>5}"
        print(line + "".join(f" {lat[k]:>9.0f}" for k in keys) + f"  {lat['p99'] / floor:.1f}x")
    for name, figures in bare.items():
        line = f"{'bare ' + name:>28}"
        print(line + "".join(f" {figures[k]:>9.1f}" for k in keys))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Post append -> webhook receipt latency.")
    parser.add_argument("--rules", default="10,100,1000", help="Active rule counts (ascending).")
    parser.add_argument("--posts", type=int, default=500, help="Measured posts per rule count.")
    parser.add_argument("--rate", type=float, default=20.0, help="Posts per second (steady).")
    parser.add_argument("--warmup", type=int, default=40, help="Warm-up posts per rule count.")
    parser.add_argument("--batch-size", type=int, help="SCOUT_BATCH_SIZE for the worker.")
    parser.add_argument("--batch-timeout", type=float, help="SCOUT_BATCH_TIMEOUT_S (s).")
    parser.add_argument("--timeout", type=float, default=180, help="Deadline per wait (s).")
    parser.add_argument("--keep-log", action="store_true", help="Keep the worker's log.")
    args = parser.parse_args(argv)
    counts = sorted(int(c) for c in args.rules.split(","))

    base = load_settings()
    stamp = datetime.now(UTC).strftime("%Y%m%dt%H%M%S")
    name = f"scout-lat-{stamp}"
    data_dir = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    settings = isolated(
        base,
        name,
        data_dir,
        alert_allow="127.0.0.1",
        batch_size=args.batch_size or base.batch_size,
        batch_timeout_s=args.batch_timeout or base.batch_timeout_s,
    )
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load {load}")
    print(
        f"prefix {name}; worker batch_size={settings.batch_size}"
        f" batch_timeout_s={settings.batch_timeout_s} alert_rules_ttl_s="
        f"{settings.alert_rules_ttl_s} partitions={settings.topic_partitions};"
        f" {args.posts} posts at {args.rate:g}/s per rule count {counts}"
    )
    receiver = Receiver()
    url = receiver.start()
    rows: list[dict[str, Any]] = []
    worker: Worker | None = None
    try:
        run_setup(settings)
        fixed = measured_rules(url)
        bare = {
            "kafka": summary_ms(bare_kafka(settings, args.posts, args.rate)),
            "pipeline": summary_ms(bare_pipeline(settings, args.posts, args.rate, fixed[0], url)),
        }
        print(f"bare baselines, {args.posts} posts at {args.rate:g}/s (ms): {json.dumps(bare)}")
        es = make_client(settings)
        try:
            store_rules(es, settings, fixed)
        finally:
            es.close()
        worker = Worker(settings, data_dir / "worker.log")
        stage = Stage(args, settings, url)
        for count in counts:
            row = stage.run(count, receiver, worker)
            rows.append(row)
            print(json.dumps(row))
        stage.producer.close()
    except BaseException:
        print(f"worker log kept at {data_dir / 'worker.log'}", file=sys.stderr)
        if worker is not None:
            worker.stop()
        receiver.stop()
        cleanup(settings)
        raise
    worker.stop()
    receiver.stop()
    cleanup(settings)
    if args.keep_log:
        print(f"worker log kept at {data_dir / 'worker.log'}")
    else:
        shutil.rmtree(data_dir, ignore_errors=True)

    _print_table(rows, bare)
    for row in rows:
        if row["rules"] == GOAL_RULES:
            met = row["latency_ms"].get("p99", math.inf) <= GOAL_P99_MS
            print(
                f"goal p99 <= {GOAL_P99_MS:.0f} ms at {GOAL_RULES} rules: {'met' if met else 'NOT met'}"
            )
    complete = all(r["alerts_received"] == r["alerts_expected"] for r in rows)
    clean = all(r["duplicates"] == 0 and r["unexpected"] == 0 for r in rows)
    print(
        f"every alert received: {complete}; no duplicate or stray alert: {clean}."
        f" load average now {os.getloadavg()[0]:.2f}: figures are noisy on a shared machine."
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"alert_latency-{stamp}.json"
    result = {
        "timestamp": stamp,
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "load": load},
        "settings": {
            "batch_size": settings.batch_size,
            "batch_timeout_s": settings.batch_timeout_s,
            "alert_rules_ttl_s": settings.alert_rules_ttl_s,
            "topic_partitions": settings.topic_partitions,
        },
        "posts": args.posts,
        "rate": args.rate,
        "bare_ms": bare,
        "stages": rows,
    }
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    if not (complete and clean):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
