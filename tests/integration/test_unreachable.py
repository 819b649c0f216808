"""Elasticsearch or Kafka unreachable: every command ends with one coded line, never a
traceback, and a running worker logs one line per retry (issue 11, point 3)."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from elasticsearch import Elasticsearch

from streams.settings import Settings
from tests.integration.support import (
    WorkerProcess,
    count_docs,
    scout,
    wait_until,
)
from tests.integration.tcp_proxy import TcpProxy


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port nothing listens on (bound, never listened: connections are refused)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    yield sock.getsockname()[1]
    sock.close()


def _posts_file(tmp_path: Path) -> Path:
    path = tmp_path / "posts.jsonl"
    path.write_text(json.dumps({"id": "p1", "text": "Contoso buys Litware", "source": "t"}) + "\n")
    return path


def _run_all(
    settings: Settings, commands: list[list[str]]
) -> list[subprocess.CompletedProcess[str]]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda args: scout(settings, *args, timeout=150), commands))


ES_COMMANDS = [
    ["leaders"],
    ["leaders", "--author", "someone"],
    ["search", "apple"],
    ["brief"],
    ["reprocess"],
    ["rules", "list"],
    ["rules", "show", "deals"],
    ["rules", "add", "deals", "--name", "Deals", "--owner", "it", "-q", "acquires"],
    ["rules", "update", "deals", "--name", "Deals 2"],
    ["rules", "delete", "deals"],
    ["rules", "test", "deals"],
    ["rules", "digest", "deals"],
    ["setup"],
    ["worker"],
    ["sample", "--timeout", "5"],
    ["alerts", "replay"],
]


def test_every_command_that_needs_elasticsearch_says_it_is_unreachable_in_one_coded_line(
    settings: Settings, closed_port: int
) -> None:
    down = settings.model_copy(update={"es_url": f"http://127.0.0.1:{closed_port}"})
    expected = re.compile(
        rf"^error: \[SCOUT-E301\] Elasticsearch at http://127\.0\.0\.1:{closed_port} is"
        r" unreachable: Connection refused; start it with `scout services up` or set"
        r" SCOUT_ES_URL$",
        re.MULTILINE,
    )
    for args, done in zip(ES_COMMANDS, _run_all(down, ES_COMMANDS), strict=True):
        where = f"scout {' '.join(args)}:\n{done.stderr}"
        assert done.returncode == 1, where
        assert "Traceback" not in done.stderr, where
        assert expected.search(done.stderr), where


def test_every_command_that_needs_kafka_says_it_is_unreachable_in_one_coded_line(
    settings: Settings, closed_port: int, tmp_path: Path
) -> None:
    down = settings.model_copy(update={"kafka_bootstrap": f"127.0.0.1:{closed_port}"})
    posts = str(_posts_file(tmp_path))
    commands = [["ingest", posts], ["backfill", posts], ["setup"], ["worker"]]
    expected = re.compile(
        rf"^error: \[SCOUT-E302\] Kafka at 127\.0\.0\.1:{closed_port} is unreachable: .+;"
        r" start it with `scout services up` or set SCOUT_KAFKA_BOOTSTRAP$",
        re.MULTILINE,
    )
    for args, done in zip(commands, _run_all(down, commands), strict=True):
        where = f"scout {' '.join(args)}:\n{done.stderr}"
        assert done.returncode == 1, where
        assert "Traceback" not in done.stderr, where
        assert expected.search(done.stderr), where


def _ingest(settings: Settings, tmp_path: Path, post_id: str) -> None:
    path = tmp_path / f"{post_id}.jsonl"
    path.write_text(json.dumps({"id": post_id, "text": f"Post {post_id}", "source": "t"}) + "\n")
    done = scout(settings, "ingest", str(path))
    assert done.returncode == 0, done.stderr


def _indexed(es: Elasticsearch, settings: Settings, post_id: str) -> bool:
    return count_docs(es, settings, {"term": {"post_id": post_id}}) == 1


def test_a_worker_logs_one_line_per_retry_while_elasticsearch_is_down(
    settings: Settings, es: Elasticsearch, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    target = urlsplit(settings.es_url)
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port or 9200)
    request.addfinalizer(proxy.close)
    log_path = tmp_path / "worker.log"
    worker = WorkerProcess(settings.model_copy(update={"es_url": proxy.url}), log_path)
    request.addfinalizer(worker.stop)
    _ingest(settings, tmp_path, "before")
    wait_until(
        lambda: _indexed(es, settings, "before") or worker.assert_alive(),
        timeout=120,
        what="the post before the outage",
    )
    proxy.cut()
    cut_at = len(log_path.read_text(errors="replace").splitlines())
    _ingest(settings, tmp_path, "during")
    deadline = time.monotonic() + 25
    while time.monotonic() < deadline:
        worker.assert_alive()
        time.sleep(1)
    outage = log_path.read_text(errors="replace").splitlines()[cut_at:]
    proxy.restore()
    wait_until(
        lambda: _indexed(es, settings, "during") or worker.assert_alive(),
        timeout=60,
        what="the post written during the outage",
    )
    text = "\n".join(outage)
    bulk = [line for line in outage if "bulk index failed" in line]
    # Each stage that waits for Elasticsearch says so once per retry, with the next delay.
    retries = [line for line in outage if re.search(r"retr(ying|ied) (in|at the next)", line)]
    print(f"\n{len(outage)} log lines in 25 s of outage, {len(bulk)} bulk retries:\n{text}")
    assert "Traceback" not in text
    assert len(bulk) >= 3, text
    assert all("Elasticsearch is unreachable: Connection refused" in line for line in bulk), text
    other = [line for line in outage if "WARN" in line or "ERROR" in line or "INFO] POST" in line]
    assert set(other) <= set(retries), text
    assert not [line for line in retries if "caused by" in line], text  # not the nested chain
