"""Backfills and re-enrichment against the real Kafka and Elasticsearch."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch

from streams.index import doc_id
from streams.settings import Settings
from tests.integration.support import (
    REPO,
    WorkerProcess,
    count_docs,
    scout,
    settings_env,
    wait_until,
    write_synthetic_posts,
)

StartWorker = Callable[..., WorkerProcess]


def _wait_count(es: Elasticsearch, settings: Settings, n: int, *workers: WorkerProcess) -> None:
    def probe() -> bool:
        for worker in workers:
            worker.assert_alive()
        return count_docs(es, settings) >= n

    wait_until(probe, timeout=180, what=f"{n} documents")


def _snapshot(es: Elasticsearch, settings: Settings) -> dict[str, Any]:
    es.indices.refresh(index=settings.posts_alias)
    hits = es.search(
        index=settings.posts_alias, size=10_000, query={"match_all": {}}, sort=["doc_id"]
    )["hits"]["hits"]
    return {h["_id"]: {k: v for k, v in h["_source"].items() if k != "indexed_at"} for h in hits}


def _with_bad_lines(path: Path) -> None:
    lines = path.read_text().splitlines()
    lines.insert(10, "{not json")
    lines.insert(20, json.dumps({"id": "empty", "text": "  "}))
    path.write_text("\n".join(lines) + "\n")


def test_backfill_killed_mid_way_resumes_to_exactly_the_full_result(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker, tmp_path: Path
) -> None:
    n = 1200
    data = tmp_path / "history.jsonl"
    ids = write_synthetic_posts(data, n)
    _with_bad_lines(data)
    args = ["backfill", str(data), "--checkpoint-every", "50"]
    killed = subprocess.Popen(
        [sys.executable, "-m", "streams", *args, "--rate", "400"],
        env=settings_env(settings),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    checkpoints = settings.data_dir / "backfill"

    def advanced() -> bool:
        files = list(checkpoints.glob("*.checkpoint.json"))
        if not files:
            return False
        state = json.loads(files[0].read_text())
        return any(f["position"] >= 200 for f in state["files"].values())

    try:
        wait_until(advanced, timeout=60, what="the backfill checkpoint to advance")
    finally:
        os.killpg(killed.pid, signal.SIGKILL)
        killed.wait(timeout=30)
    state = json.loads(next(checkpoints.glob("*.checkpoint.json")).read_text())
    assert not state["complete"]

    resumed = scout(settings, *args)
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming run" in resumed.stderr
    assert f"published {n}," in resumed.stderr
    assert "invalid 2" in resumed.stderr
    rejects = [
        json.loads(x) for x in next(checkpoints.glob("*.rejects.jsonl")).read_text().splitlines()
    ]
    assert sorted((r["line"], r["reason"]) for r in rejects) == [
        (11, "malformed_json"),
        (21, "empty_text"),
    ]

    worker = start_worker()
    _wait_count(es, settings, n, worker)
    time.sleep(1)
    snapshot = _snapshot(es, settings)
    assert set(snapshot) == {doc_id("synthetic", i) for i in ids}
    assert all(doc["backfill"]["run"] == state["run"] for doc in snapshot.values())
    assert all(doc["backfill"]["alerts"] is False for doc in snapshot.values())

    again = scout(settings, *args)
    assert "already completed" in again.stderr


def test_the_same_backfill_twice_leaves_the_same_documents(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker, tmp_path: Path
) -> None:
    data = tmp_path / "history.jsonl"
    write_synthetic_posts(data, 300)
    assert scout(settings, "backfill", str(data)).returncode == 0
    worker = start_worker()
    _wait_count(es, settings, 300, worker)
    first = _snapshot(es, settings)

    second_start = datetime.now(UTC).isoformat()
    rerun = scout(settings, "backfill", str(data), "--restart")
    assert rerun.returncode == 0, rerun.stderr
    wait_until(
        lambda: (
            count_docs(es, settings, {"range": {"indexed_at": {"gte": second_start}}}) == 300
            or worker.assert_alive()
        ),
        timeout=120,
        what="the second run to be indexed",
    )
    assert _snapshot(es, settings) == first


def test_two_workers_share_a_backfill_and_the_result_is_complete(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker, tmp_path: Path
) -> None:
    n = 1500
    settings = settings.model_copy(update={"batch_size": 25})
    data = tmp_path / "history.jsonl"
    write_synthetic_posts(data, n)
    first = WorkerProcess(settings, tmp_path / "w1.log")
    second = WorkerProcess(settings, tmp_path / "w2.log")
    try:
        for worker in (first, second):
            wait_until(
                lambda w=worker: "Worker]: Ready" in w.log_path.read_text() or w.assert_alive(),
                timeout=90,
                what="a worker to be ready",
            )
        time.sleep(3)  # let the group settle on two members
        assert scout(settings, "backfill", str(data)).returncode == 0
        _wait_count(es, settings, n, first, second)
    finally:
        first.stop()
        second.stop()
    shares = [
        sum(int(x) for x in re.findall(r"batch: (\d+) indexed", w.log_path.read_text()))
        for w in (first, second)
    ]
    assert all(share > 0 for share in shares), shares
    assert sum(shares) >= n
    assert count_docs(es, settings) == n


def test_reprocess_rewrites_documents_with_the_new_watch_list(
    settings: Settings, es: Elasticsearch, start_worker: StartWorker, tmp_path: Path
) -> None:
    import shutil

    from streams.watchlist import default_watchlist_dir

    lists = tmp_path / "lists"
    shutil.copytree(default_watchlist_dir(), lists, ignore=shutil.ignore_patterns("*.py"))
    settings = settings.model_copy(update={"watchlist_dir": lists})
    data = tmp_path / "history.jsonl"
    data.write_text(
        "\n".join(
            json.dumps({"id": f"r{i}", "text": f"Fabrikam opens office number {i}", "source": "t"})
            for i in range(40)
        )
        + "\n"
    )
    assert scout(settings, "backfill", str(data)).returncode == 0
    worker = start_worker()
    _wait_count(es, settings, 40, worker)
    worker.stop()
    before = _snapshot(es, settings)
    assert all("company:FABR" not in d.get("entity_ids", []) for d in before.values())

    (lists / "companies.custom.yaml").write_text(
        "companies:\n  - id: company:FABR\n    name: Fabrikam\n"
    )
    result = scout(settings, "reprocess", "--stale")
    assert result.returncode == 0, result.stderr
    assert "written 40" in result.stderr
    after = _snapshot(es, settings)
    assert set(after) == set(before)
    assert all("company:FABR" in d["entity_ids"] for d in after.values())
    assert {d["versions"]["watchlist"] for d in after.values()} != {
        d["versions"]["watchlist"] for d in before.values()
    }
    assert "written 0" in scout(settings, "reprocess", "--stale", "--restart").stderr
