"""A worker comes back within seconds: after kill -9 (Kafka group membership) and after
Elasticsearch returns from an outage (a capped backoff). Issue 12 point 5."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from elasticsearch import Elasticsearch

from streams.settings import Settings
from tests.integration.support import WorkerProcess, count_docs, scout, wait_until
from tests.integration.tcp_proxy import TcpProxy
from tests.integration.test_alerts_stream import Receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def _ingest(settings: Settings, tmp_path: Path, post_id: str, text: str) -> None:
    path = tmp_path / f"{post_id}.jsonl"
    path.write_text(json.dumps({"id": post_id, "text": text, "source": "fixture"}) + "\n")
    done = scout(settings, "ingest", str(path))
    assert done.returncode == 0, done.stderr


def _indexed(es: Elasticsearch, settings: Settings, post_id: str) -> bool:
    return count_docs(es, settings, {"term": {"post_id": post_id}}) == 1


def _alerted(receiver: Receiver, post_id: str) -> bool:
    return any(json.loads(r["body"])["post"]["post_id"] == post_id for r in receiver.requests)


@pytest.mark.parametrize("instance_id", ["static-worker-0", None], ids=["static", "dynamic"])
def test_a_worker_killed_and_restarted_indexes_and_alerts_a_new_post_within_15s(
    settings: Settings,
    es: Elasticsearch,
    receiver: Receiver,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    instance_id: str | None,
) -> None:
    settings = settings.model_copy(
        update={
            "alert_allow": "127.0.0.1",
            "alert_rules_ttl_s": 0.5,
            "worker_instance_id": instance_id,
        }
    )
    added = scout(
        settings, "rules", "add", "deals", "--name", "Deals", "--owner", "it",
        "-q", "acquires", "--channel", f"webhook={receiver.url}", "--dedup", "post",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr

    first = WorkerProcess(settings, tmp_path / "first.log")
    request.addfinalizer(first.stop)
    _ingest(settings, tmp_path, "before", "Northwind acquires Tailspin")
    wait_until(
        lambda: _alerted(receiver, "before") or first.assert_alive(),
        timeout=120,
        what="the first worker's alert",
    )
    first.kill()  # holds every partition of the group, and never leaves it

    restarted = time.monotonic()
    second = WorkerProcess(settings, tmp_path / "second.log")
    request.addfinalizer(second.stop)
    _ingest(settings, tmp_path, "after", "Contoso acquires Litware")
    wait_until(
        lambda: (
            (_indexed(es, settings, "after") and _alerted(receiver, "after"))
            or second.assert_alive()
        ),
        timeout=60,
        what="the post after the restart indexed and alerted",
    )
    elapsed = time.monotonic() - restarted
    print(f"\nrestart ({instance_id or 'dynamic member'}) to indexed and alerted: {elapsed:.1f}s")
    assert elapsed < 15, f"took {elapsed:.1f}s\n{second.log_tail()}"


def test_the_worker_resumes_within_seconds_after_elasticsearch_returns(
    settings: Settings,
    es: Elasticsearch,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    target = urlsplit(settings.es_url)
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port or 9200)
    request.addfinalizer(proxy.close)
    through_proxy = settings.model_copy(update={"es_url": proxy.url, "alerts_enabled": False})
    worker = WorkerProcess(through_proxy, tmp_path / "worker.log")
    request.addfinalizer(worker.stop)

    _ingest(settings, tmp_path, "before", "Posted while Elasticsearch is up")
    wait_until(
        lambda: _indexed(es, settings, "before") or worker.assert_alive(),
        timeout=120,
        what="the post before the outage",
    )
    proxy.cut()
    _ingest(settings, tmp_path, "during", "Posted while Elasticsearch is unreachable")
    # Long enough for an uncapped backoff to grow past half a minute.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        worker.assert_alive()
        assert not _indexed(es, settings, "during")
        time.sleep(1)
    proxy.restore()
    back = time.monotonic()
    wait_until(
        lambda: _indexed(es, settings, "during") or worker.assert_alive(),
        timeout=90,
        what="the post written during the outage",
    )
    resumed = time.monotonic() - back
    print(f"\nElasticsearch back to the post indexed: {resumed:.1f}s")
    assert resumed < 8, f"resumed {resumed:.1f}s after Elasticsearch returned"
