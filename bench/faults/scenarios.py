"""The four fault scenarios, each under its own topics, indices and consumer group, against
the real Kafka and Elasticsearch and real ``scout worker`` processes:

- ``hostile``: every hostile family mixed with valid posts, published, then one worker;
- ``kills``: a live stream with an instant alert rule, the worker killed (-9) and restarted
  (every second kill as the receiver reads an alert, before it answers);
- ``es``: Elasticsearch cut (a TCP proxy in front of it) for ``outage`` seconds mid-stream;
- ``receiver``: the webhook receiver's port closed, then answering 500, mid-stream.

The shared Kafka and Elasticsearch are never stopped: outages are made by proxies.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from elasticsearch import Elasticsearch

from bench.faults.records import RULE_WORD, FaultRecord, Limits, generate, stream
from bench.faults.rig import (
    Accounting,
    DeadLetters,
    Streamer,
    TopicReader,
    Workers,
    account,
    doc_count,
    indexed_ids,
    make_producer,
    publish,
    wait_settled,
)
from bench.faults.services import AlertTally, FlakyReceiver, TcpProxy, tally
from bench.ingest_throughput import cleanup, isolated
from bench.latency_rig import store_rules
from models.alerts import Channel, Rule
from streams.cli.pipeline import run_setup
from streams.index.client import make_client
from streams.settings import Settings
from streams.topics import ALERTS_DLQ

RULE_ID = "faults-deals"
ALERTING: dict[str, Any] = {"alert_allow": "127.0.0.1", "alert_rules_ttl_s": 1.0}


@dataclass(frozen=True)
class Options:
    seed: int = 12
    valid: int = 300
    emoji: int = 100
    kills: int = 3
    kill_every_s: float = 10.0
    outage_s: float = 20.0
    rate: float = 10.0
    stall_s: float = 120.0
    settle_s: float = 420.0
    static: bool = True  # workers with SCOUT_WORKER_INSTANCE_ID (False: dynamic members)


@dataclass
class Result:
    scenario: str
    acct: Accounting
    status: str
    peak_mib: float
    alerts_expected: int | None = None
    alerts: AlertTally | None = None
    alerts_dead: int | None = None
    receiver_500s: int = 0  # requests the receiver answered 500
    recovery_s: list[float] = field(default_factory=list)
    crashes: list[int] = field(default_factory=list)
    unmatched_dead: int = 0
    logs: str = ""


@dataclass
class Env:
    settings: Settings
    es: Elasticsearch
    workers: Workers
    logs: Path


@contextmanager
def environment(
    base: Settings, name: str, logs: Path, opts: Options, **update: Any
) -> Iterator[Env]:
    """Own topics, indices and group (removed afterwards; worker logs kept in ``logs``)."""
    logs.mkdir(parents=True, exist_ok=True)
    settings = isolated(base, name, logs / "faust", topic_partitions=3, **update)
    es = make_client(settings)
    workers: Workers | None = None
    try:
        run_setup(settings)
        worker_settings = settings
        if opts.static:  # static group membership (issue 12 point 5): one stable id
            worker_settings = settings.model_copy(update={"worker_instance_id": f"{name}-w0"})
        workers = Workers(worker_settings, logs)
        yield Env(settings, es, workers, logs)
    finally:
        if workers is not None:
            workers.close()
        es.close()
        cleanup(settings)


def _with_rule(env: Env, receiver: FlakyReceiver) -> None:
    rule = Rule(
        id=RULE_ID,
        name="Fault suite deals",
        query=RULE_WORD,
        channels=(Channel(type="webhook", url=receiver.url),),
        owner="bench",
        dedup="post",
        throttle_s=0,
    )
    store_rules(env.es, env.settings, [rule])


def _settle(
    env: Env,
    records: Callable[[], list[FaultRecord]],
    dead: DeadLetters,
    opts: Options,
    receiver: FlakyReceiver | None = None,
) -> str:
    """Wait until every record is indexed or dead-lettered (and every alert received)."""

    def progress() -> tuple[int, int, int]:
        dead.poll()
        alerts = tally(receiver.snapshot()).received if receiver else 0
        return doc_count(env.es, env.settings), len(dead.tags), alerts

    def done(value: tuple[int, int, int]) -> bool:
        rs = records()
        expected = sum(r.family == "valid" for r in rs) if receiver else 0
        return value[0] + value[1] >= len(rs) and value[2] >= expected

    return wait_settled(
        progress,
        done=done,
        stall_s=opts.stall_s,
        timeout_s=opts.settle_s,
        alive=env.workers.current.alive,
    )


def _result(
    name: str,
    env: Env,
    records: list[FaultRecord],
    dead: DeadLetters,
    status: str,
    receiver: FlakyReceiver | None = None,
    recovery: list[float] | None = None,
) -> Result:
    dead.poll()
    acct = account(records, indexed_ids(env.es, env.settings), dead.tags)
    result = Result(
        name,
        acct,
        status,
        env.workers.peak_kib / 1024,
        recovery_s=recovery or [],
        crashes=env.workers.exits(),
        unmatched_dead=dead.unmatched,
        logs=str(env.logs),
    )
    if receiver is not None:
        valid = {r.tag for r in records if r.family == "valid"}
        mine = [r for r in receiver.snapshot() if r.rule_id == RULE_ID and r.post_id in valid]
        result.alerts_expected = len(valid)
        result.alerts = tally(mine)
        result.receiver_500s = receiver.errors
        alerts_dlq = TopicReader(env.settings, ALERTS_DLQ.name(env.settings))
        try:
            result.alerts_dead = len(alerts_dlq.poll())
        finally:
            alerts_dlq.close()
    return result


def _first_increase(probe: Callable[[], int], baseline: int, timeout_s: float) -> float | None:
    """Seconds until ``probe()`` exceeds ``baseline`` (None: not within ``timeout_s``)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if probe() > baseline:
            return time.monotonic() - started
        time.sleep(0.25)
    return None


def _pause(seconds: float, env: Env) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and env.workers.current.alive():
        time.sleep(0.25)


def hostile(base: Settings, name: str, logs: Path, opts: Options) -> Result:
    with environment(base, name, logs, opts) as env:
        limits = Limits(env.settings.max_text_chars, env.settings.max_message_bytes)
        records = generate(seed=opts.seed, valid=opts.valid, emoji_posts=opts.emoji, limits=limits)
        producer = make_producer(env.settings)
        try:
            placed = publish(producer, env.settings, records)
        finally:
            producer.close()
        dead = DeadLetters(env.settings, placed)
        try:
            env.workers.start()
            status = _settle(env, lambda: records, dead, opts)
            return _result("hostile", env, records, dead, status)
        finally:
            dead.close()


@contextmanager
def live(env: Env, opts: Options, receiver: FlakyReceiver) -> Iterator[Streamer]:
    """A rule to ``receiver``, a worker, and a stream of posts (1 in 10 hostile) that has
    alerted once before this yields."""
    _with_rule(env, receiver)
    limits = Limits(env.settings.max_text_chars, env.settings.max_message_bytes)
    producer = make_producer(env.settings)
    streamer = Streamer(producer, env.settings, stream(seed=opts.seed, limits=limits), opts.rate)
    try:
        env.workers.start()
        streamer.start()
        status = wait_settled(
            lambda: len(receiver.snapshot()),
            done=bool,
            stall_s=240,
            timeout_s=240,
            alive=env.workers.current.alive,
        )
        if status != "complete":
            raise RuntimeError(f"no first alert ({status}); logs: {env.logs}")
        yield streamer
    finally:
        streamer.stop()
        producer.close()


def _streamed(
    name: str,
    env: Env,
    opts: Options,
    streamer: Streamer,
    receiver: FlakyReceiver,
    recovery: list[float],
) -> Result:
    streamer.stop()
    dead = DeadLetters(env.settings, streamer.placed)
    try:
        status = _settle(env, lambda: list(streamer.sent), dead, opts, receiver)
        return _result(name, env, list(streamer.sent), dead, status, receiver, recovery)
    finally:
        dead.close()


def _kill_mid_send(env: Env, receiver: FlakyReceiver) -> None:
    """Kill the worker (-9) when the receiver has read an alert, before it answers 200: the
    alert arrived but its sender never learns it (issue 12 point 4)."""
    fired = threading.Event()
    victim = env.workers.current

    def kill() -> None:
        victim.kill()
        fired.set()

    receiver.arm(kill)
    if not fired.wait(60) and receiver.disarm():
        victim.kill()  # no alert came in a minute: an ordinary kill
    fired.wait(30)
    victim.proc.wait(timeout=30)


def kills(base: Settings, name: str, logs: Path, opts: Options) -> Result:
    receiver = FlakyReceiver()
    try:
        with (
            environment(base, name, logs, opts, **ALERTING) as env,
            live(env, opts, receiver) as streamer,
        ):
            recovery: list[float] = []
            for i in range(opts.kills):
                _pause(opts.kill_every_s, env)
                if i % 2:  # every second kill lands mid-send
                    _kill_mid_send(env, receiver)
                else:
                    env.workers.current.kill()
                baseline = doc_count(env.es, env.settings)
                env.workers.start()
                took = _first_increase(lambda: doc_count(env.es, env.settings), baseline, 180)
                recovery.append(took if took is not None else float("inf"))
            _pause(opts.kill_every_s, env)
            return _streamed("kills", env, opts, streamer, receiver, recovery)
    finally:
        receiver.close()


def es_outage(base: Settings, name: str, logs: Path, opts: Options) -> Result:
    target = urlsplit(base.es_url)
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port or 9200)
    receiver = FlakyReceiver()
    try:
        with environment(base, name, logs, opts, **ALERTING) as env:
            env.workers.settings = env.workers.settings.model_copy(update={"es_url": proxy.url})
            with live(env, opts, receiver) as streamer:
                _pause(5, env)
                proxy.cut()
                _pause(opts.outage_s, env)
                baseline = doc_count(env.es, env.settings)
                proxy.restore()
                took = _first_increase(lambda: doc_count(env.es, env.settings), baseline, 180)
                _pause(5, env)
                recovery = [took if took is not None else float("inf")]
                return _streamed("es", env, opts, streamer, receiver, recovery)
    finally:
        receiver.close()
        proxy.close()


def receiver_outage(base: Settings, name: str, logs: Path, opts: Options) -> Result:
    receiver = FlakyReceiver()
    try:
        with (
            environment(base, name, logs, opts, **ALERTING) as env,
            live(env, opts, receiver) as streamer,
        ):
            receiver.set_mode("down")
            _pause(opts.outage_s, env)
            receiver.set_mode("error")
            _pause(opts.outage_s, env)
            before = len(receiver.snapshot())
            receiver.set_mode("ok")
            took = _first_increase(lambda: len(receiver.snapshot()), before, 300)
            _pause(5, env)
            recovery = [took if took is not None else float("inf")]
            return _streamed("receiver", env, opts, streamer, receiver, recovery)
    finally:
        receiver.close()


SCENARIOS: dict[str, Callable[[Settings, str, Path, Options], Result]] = {
    "hostile": hostile,
    "kills": kills,
    "es": es_outage,
    "receiver": receiver_outage,
}
