"""Helpers for integration tests: env for subprocesses, polling, a worker process, DLQ reads."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from elasticsearch import Elasticsearch
from kafka import KafkaConsumer
from pydantic import SecretStr

from streams.settings import Settings

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A loopback port free at the time of asking (for a server the test starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a subprocess load exactly ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOUT_")}
    for name, value in settings.model_dump().items():
        if value is None:
            value = ""  # empty: unset (see Settings._blank_optional_is_unset)
        elif isinstance(value, SecretStr):
            value = value.get_secret_value()
        env[f"SCOUT_{name.upper()}"] = str(value)
    return env


def wait_until(
    probe: Callable[[], T | None], *, timeout: float, what: str, interval: float = 0.25
) -> T:
    """Poll ``probe`` until it returns a truthy value; fail with ``what`` at the deadline."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while time.monotonic() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what} (last: {last!r})")


def holds_for(probe: Callable[[], object], *, seconds: float, interval: float = 0.25) -> bool:
    """Poll ``probe`` for ``seconds``: False as soon as it is falsy (say, a duplicate came),
    True when it held throughout. For "nothing else arrives"; assert the details after."""
    deadline = time.monotonic() + seconds
    while probe():
        if time.monotonic() >= deadline:
            return True
        time.sleep(interval)
    return False


def scout(settings: Settings, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real CLI (``python -m streams``) with ``settings``."""
    return subprocess.run(
        [sys.executable, "-m", "streams", *args],
        env=settings_env(settings),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


class WorkerProcess:
    """``scout worker`` in a subprocess, its output in a log file."""

    def __init__(self, settings: Settings, log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streams", "worker"],
            env=settings_env(settings),
            cwd=REPO,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def assert_alive(self) -> None:
        if self.proc.poll() is not None:
            raise AssertionError(f"worker exited ({self.proc.returncode}):\n{self.log_tail()}")

    def kill(self) -> None:
        """A crash: SIGKILL, no chance to commit or flush anything."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._log.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self._log.close()


def count_docs(es: Elasticsearch, settings: Settings, query: dict[str, Any] | None = None) -> int:
    es.indices.refresh(index=settings.posts_alias)
    return int(es.count(index=settings.posts_alias, query=query or {"match_all": {}})["count"])


def read_topic(settings: Settings, topic: str, *, expect: int, timeout: float = 30) -> list[Any]:
    """Read ``expect`` JSON messages from the start of ``topic``."""
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=settings.kafka_bootstrap.split(","),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=1000,
        group_id=None,
    )
    found: list[Any] = []
    deadline = time.monotonic() + timeout
    try:
        while len(found) < expect and time.monotonic() < deadline:
            for message in consumer:
                found.append(json.loads(message.value))
    finally:
        consumer.close()
    return found


def write_synthetic_posts(path: Path, n: int, *, source: str = "synthetic") -> list[str]:
    """``n`` team-written template posts (JSON Lines); returns their ids."""
    companies = ["Oracle", "Siemens", "Spotify", "Cisco", "Adobe", "Intel", "Nvidia", "IBM"]
    ids = []
    with path.open("w") as fh:
        for i in range(n):
            a, b = companies[i % 8], companies[(i * 3 + 1) % 8]
            post_id = f"bulk-{i:05d}"
            ids.append(post_id)
            text = f"Post {i}: {a} and {b} were compared by analysts in Berlin on day {i % 28 + 1}."
            created = f"2026-02-{i % 28 + 1:02d}T{i % 24:02d}:00:00Z"
            fh.write(
                json.dumps({"id": post_id, "text": text, "source": source, "created_at": created})
                + "\n"
            )
    return ids
