"""A worker's peak memory and time under a hostile batch vs an ordinary one (issue 12 point 2).

Run from the repo root (Kafka and Elasticsearch must be up)::

    python -m bench.hostile_batch            # 100 posts per scenario
    python bench/hostile_batch.py --posts 50 --scenarios emoji

Each scenario gets a fresh ``scout-bench-hostile-<timestamp>-<scenario>`` prefix (topics,
indices, consumer group; deleted at the end) and its own ``scout worker`` process. The worker
is started and warmed up with one ordinary post; then the scenario's posts are published at
once and timed until every one is searchable. The worker's peak RSS is its ``VmHWM`` from
``/proc`` (Linux), read before it is stopped; ``after warm-up`` is the same figure before
the batch. The bare baseline is the ``ordinary`` scenario of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
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
if str(ROOT) not in sys.path:  # `python bench/hostile_batch.py` puts bench/ first
    sys.path.insert(0, str(ROOT))

from kafka import KafkaProducer  # noqa: E402

from bench.ingest_throughput import RESULTS, cleanup, isolated  # noqa: E402
from streams.cli.pipeline import run_setup  # noqa: E402
from streams.index.client import make_client  # noqa: E402
from streams.settings import Settings, load_settings  # noqa: E402
from streams.topics import POSTS_RAW  # noqa: E402

EMOJI = "\U0001f600"
SCENARIOS: dict[str, Any] = {
    # the baseline: short posts like the tweets the scout reads
    "ordinary": lambda i: f"Post {i}: Oracle and Cisco were compared by analysts in Berlin.",
    # the batch: 10,010 emoji in a row (under the 20,000-character limit)
    "emoji": lambda i: EMOJI * 10_010,
    # the densest tokens a post may have: 10,000 emoji, each its own word
    "spaced_emoji": lambda i: (EMOJI + " ") * 9_999 + EMOJI,
}


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmHWM in /proc: this benchmark needs Linux")


def _count(client: Any, settings: Settings) -> int:
    client.indices.refresh(index=settings.posts_alias)
    return int(client.count(index=settings.posts_alias)["count"])


def _wait(client: Any, settings: Settings, n: int, worker: Any, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while _count(client, settings) < n:
        if worker.poll() is not None:
            raise SystemExit(f"worker exited with {worker.returncode}")
        if time.monotonic() > deadline:
            raise SystemExit(f"fewer than {n} documents after {timeout_s:.0f}s")
        time.sleep(0.1)


def _env(settings: Settings) -> dict[str, str]:
    return dict(
        os.environ,
        SCOUT_TOPIC_PREFIX=settings.topic_prefix,
        SCOUT_INDEX_PREFIX=settings.index_prefix,
        SCOUT_APP_ID=settings.app_id,
        SCOUT_DATA_DIR=str(settings.data_dir),
        SCOUT_KAFKA_BOOTSTRAP=settings.kafka_bootstrap,
        SCOUT_ES_URL=settings.es_url,
        SCOUT_ALERTS_ENABLED="false",
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    )


def run_scenario(
    base: Settings, name: str, scenario: str, n: int, timeout_s: float
) -> dict[str, float]:
    settings = isolated(base, name, Path(tempfile.mkdtemp(prefix=f"{name}-")))
    run_setup(settings)
    client = make_client(settings)
    producer = KafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap.split(","), max_request_size=2_000_000
    )
    topic = POSTS_RAW.name(settings)
    log_path = Path(tempfile.gettempdir()) / f"{name}.log"
    try:
        with log_path.open("wb") as log:
            worker = subprocess.Popen(
                [sys.executable, "-m", "streams", "worker"],
                env=_env(settings),
                cwd=ROOT,
                stdout=log,
                stderr=log,
            )
            try:
                warm = {"id": "warm-up", "text": SCENARIOS["ordinary"](0)}
                producer.send(topic, key=b"warm-up", value=json.dumps(warm).encode()).get(30)
                _wait(client, settings, 1, worker, timeout_s)
                warm_rss = _peak_rss_mb(worker.pid)
                make = SCENARIOS[scenario]
                started = time.perf_counter()
                for i in range(n):
                    post = {"id": f"{scenario}-{i}", "text": make(i)}
                    producer.send(topic, key=post["id"].encode(), value=json.dumps(post).encode())
                producer.flush()
                _wait(client, settings, n + 1, worker, timeout_s)
                elapsed = time.perf_counter() - started
                peak_rss = _peak_rss_mb(worker.pid)
            finally:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()
    finally:
        producer.close()
        client.close()
        cleanup(settings)
    return {"seconds": elapsed, "peak_rss_mb": peak_rss, "warm_rss_mb": warm_rss}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Worker peak RSS under a hostile batch.")
    parser.add_argument("--posts", type=int, default=100, help="Posts per scenario.")
    parser.add_argument("--scenarios", nargs="+", default=list(SCENARIOS), choices=list(SCENARIOS))
    parser.add_argument("--timeout", type=float, default=600, help="Deadline per scenario (s).")
    args = parser.parse_args(argv)
    base = load_settings()
    stamp = datetime.now(UTC).strftime("%Y%m%dt%H%M%S")
    scenarios = ["ordinary", *[s for s in args.scenarios if s != "ordinary"]]
    results: dict[str, dict[str, float]] = {}
    for scenario in scenarios:
        name = f"scout-bench-hostile-{stamp}-{scenario.replace('_', '-')}"
        results[scenario] = run_scenario(base, name, scenario, args.posts, args.timeout)
    bare = results["ordinary"]
    print(
        f"{args.posts} posts per scenario; batch {base.batch_size}, "
        f"SCOUT_NLP_BATCH_TOKENS {base.nlp_batch_tokens}, "
        f"SCOUT_NLP_MAX_TOKENS {base.nlp_max_tokens}; load {os.getloadavg()[0]:.2f}"
    )
    print(
        f"{'scenario':<14}{'seconds':>9}{'x ordinary':>12}{'peak RSS MB':>13}"
        f"{'x ordinary':>12}{'after warm-up MB':>18}"
    )
    for scenario, r in results.items():
        print(
            f"{scenario:<14}{r['seconds']:>9.2f}{r['seconds'] / bare['seconds']:>12.2f}"
            f"{r['peak_rss_mb']:>13.0f}{r['peak_rss_mb'] / bare['peak_rss_mb']:>12.2f}"
            f"{r['warm_rss_mb']:>18.0f}"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"hostile-batch-{stamp}.json"
    out.write_text(json.dumps({"posts": args.posts, "results": results}, indent=2))
    print(f"figures: {out}")


if __name__ == "__main__":
    main()
