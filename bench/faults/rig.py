"""The fault suite's rig: isolated settings, ``scout worker`` processes that can be killed,
their peak RSS, publishing (with each record's partition and offset), and the exact
accounting of every record: indexed, dead-lettered, lost or duplicated."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch, helpers
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from bench.faults.records import FaultRecord
from bench.latency_rig import Worker
from streams.settings import Settings
from streams.topics import POSTS_DLQ, POSTS_RAW


# --- worker processes and their memory ---------------------------------------------
def vm_hwm_kib(pid: int) -> int | None:
    """Peak resident set size of a live process (``VmHWM`` in /proc), KiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


class FaultWorker(Worker):
    """``scout worker`` (bench.latency_rig.Worker) that can also be killed with SIGKILL."""

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._log.close()


class Workers:
    """Every worker of a scenario, one at a time, with a sampler of their peak RSS."""

    def __init__(self, settings: Settings, log_dir: Path) -> None:
        self.settings = settings
        self.log_dir = log_dir
        self.started: list[FaultWorker] = []
        self.peak_kib = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            for worker in list(self.started):
                if worker.alive():
                    self.peak_kib = max(self.peak_kib, vm_hwm_kib(worker.proc.pid) or 0)

    @property
    def current(self) -> FaultWorker:
        return self.started[-1]

    def start(self) -> FaultWorker:
        worker = FaultWorker(self.settings, self.log_dir / f"worker-{len(self.started)}.log")
        self.started.append(worker)
        return worker

    def exits(self) -> list[int]:
        """Exit codes of workers that ended without being told to (crashes)."""
        return [w.proc.returncode for w in self.started if w.proc.returncode not in (None, -9)]

    def close(self) -> None:
        for worker in self.started:
            if worker.alive():
                self.peak_kib = max(self.peak_kib, vm_hwm_kib(worker.proc.pid) or 0)
            worker.stop()
        self._stop.set()
        self._sampler.join(timeout=5)


# --- publishing ------------------------------------------------------------------------
def make_producer(settings: Settings) -> KafkaProducer:
    """Idempotent, acks=all, room for the ~1 MB records (the broker's own limit applies)."""
    return KafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        client_id=f"{settings.app_id}-faults",
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_request_size=1_048_576,
    )


Place = tuple[int, int]  # (partition, offset)


def publish(
    producer: KafkaProducer, settings: Settings, records: Iterable[FaultRecord]
) -> dict[Place, str]:
    """Send every record (key: its tag); returns where each landed -> tag."""
    topic = POSTS_RAW.name(settings)
    pending = [(r.tag, producer.send(topic, key=r.key, value=r.value)) for r in records]
    producer.flush()
    placed = {}
    for tag, future in pending:
        meta = future.get(timeout=60)
        placed[(meta.partition, meta.offset)] = tag
    return placed


@dataclass
class Streamer:
    """Publishes ``source`` at ``rate`` records/s from a thread until ``stop()``."""

    producer: KafkaProducer
    settings: Settings
    source: Iterator[FaultRecord]
    rate: float
    sent: list[FaultRecord] = field(default_factory=list)
    placed: dict[Place, str] = field(default_factory=dict)
    _halt: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        started, n = time.monotonic(), 0
        while not self._halt.is_set():
            record = next(self.source)
            self.placed.update(publish(self.producer, self.settings, [record]))
            self.sent.append(record)
            n += 1
            self._halt.wait(max(0.0, started + n / self.rate - time.monotonic()))

    def stop(self) -> None:
        self._halt.set()
        if self._thread is not None:
            self._thread.join(timeout=60)


# --- reading back ----------------------------------------------------------------------
def indexed_ids(es: Elasticsearch, settings: Settings) -> Counter[str]:
    """post_id -> number of documents (more than one: a duplicate)."""
    es.indices.refresh(index=settings.posts_alias)
    hits = helpers.scan(es, index=settings.posts_alias, query={"_source": ["post_id"]}, size=1000)
    return Counter(str(h["_source"].get("post_id")) for h in hits)


def doc_count(es: Elasticsearch, settings: Settings) -> int:
    es.indices.refresh(index=settings.posts_alias)
    return int(es.count(index=settings.posts_alias)["count"])


class TopicReader:
    """Reads a topic from the beginning, incrementally: ``poll()`` adds what is new."""

    def __init__(self, settings: Settings, topic: str) -> None:
        self.messages: list[tuple[Place, bytes]] = []
        self._consumer = KafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap.split(","),
            enable_auto_commit=False,
            group_id=None,
            fetch_max_bytes=8 * 1_048_576,
            max_partition_fetch_bytes=4 * 1_048_576,
        )
        # Metadata can lag a just-created topic: scout setup made it with this many.
        parts = self._consumer.partitions_for_topic(topic) or set(range(settings.topic_partitions))
        self._consumer.assign([TopicPartition(topic, p) for p in sorted(parts)])
        self._consumer.seek_to_beginning()

    def poll(self) -> list[tuple[Place, bytes]]:
        batch = self._consumer.poll(timeout_ms=500)
        new = [((m.partition, m.offset), m.value) for ms in batch.values() for m in ms]
        while batch:
            batch = self._consumer.poll(timeout_ms=200)
            new += [((m.partition, m.offset), m.value) for ms in batch.values() for m in ms]
        self.messages += new
        return new

    def close(self) -> None:
        self._consumer.close()


class DeadLetters(TopicReader):
    """``posts.raw.dlq``, each dead letter matched to the record it refused: by the
    partition and offset it came from, else by its post id (the record's tag)."""

    def __init__(self, settings: Settings, placed: dict[Place, str]) -> None:
        super().__init__(settings, POSTS_DLQ.name(settings))
        self.placed = placed
        self.tags: Counter[str] = Counter()
        self.unmatched = 0

    def poll(self) -> list[tuple[Place, bytes]]:
        new = super().poll()
        for _, value in new:
            tag = self._tag(value)
            if tag is None:
                self.unmatched += 1
            else:
                self.tags[tag] += 1
        return new

    def _tag(self, value: bytes) -> str | None:
        try:
            letter: dict[str, Any] = json.loads(value)
        except ValueError:
            return None
        nested = letter.get("origin")
        origin: dict[str, Any] = nested if isinstance(nested, dict) else letter
        place = (origin.get("partition"), origin.get("offset"))
        if place in self.placed:
            return self.placed[place]
        post_id = letter.get("post_id") or origin.get("post_id")
        return str(post_id) if post_id is not None else None


# --- the accounting --------------------------------------------------------------------
@dataclass
class Accounting:
    input: int = 0
    indexed: int = 0
    dead: int = 0
    lost: int = 0
    dup_docs: int = 0
    dup_dead: int = 0
    both: int = 0  # indexed and dead-lettered
    # plain dicts (dataclasses.asdict breaks Counters): "family outcome" / family -> count
    wrong: dict[str, int] = field(default_factory=dict)
    lost_by_family: dict[str, int] = field(default_factory=dict)
    lost_valid: int = 0


def _bump(counts: dict[str, int], key: str) -> None:
    counts[key] = counts.get(key, 0) + 1


def account(records: Sequence[FaultRecord], docs: Counter[str], dead: Counter[str]) -> Accounting:
    out = Accounting(input=len(records))
    for r in records:
        in_es, in_dlq = docs.get(r.tag, 0), dead.get(r.tag, 0)
        out.dup_docs += max(0, in_es - 1)
        out.dup_dead += max(0, in_dlq - 1)
        if in_es and in_dlq:
            out.both += 1
        if in_es:
            out.indexed += 1
            if r.expect == "dead":
                _bump(out.wrong, f"{r.family} indexed")
        elif in_dlq:
            out.dead += 1
            if r.expect == "indexed":
                _bump(out.wrong, f"{r.family} dead-lettered")
        else:
            out.lost += 1
            _bump(out.lost_by_family, r.family)
            out.lost_valid += r.family == "valid"
    return out


def wait_settled(
    probe: Any, *, done: Any, stall_s: float, timeout_s: float, alive: Any = None
) -> str:
    """Poll ``probe()`` (a progress value) until ``done(value)``, no change for
    ``stall_s``, ``timeout_s`` or ``alive()`` false. Returns why it stopped."""
    deadline = time.monotonic() + timeout_s
    last, changed = None, time.monotonic()
    while True:
        value = probe()
        if done(value):
            return "complete"
        if value != last:
            last, changed = value, time.monotonic()
        if alive is not None and not alive():
            return "worker exited"
        now = time.monotonic()
        if now - changed > stall_s:
            return f"stalled {stall_s:.0f}s at {value}"
        if now > deadline:
            return f"timed out at {value}"
        time.sleep(1.0)
