"""``scout services``: bring the local Kafka and Elasticsearch up, report, and stop them.

The manager holds no global state: the pid files under ``services_home`` are the truth,
so every command is idempotent and safe to repeat.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from streams.errors import ServiceError
from streams.services.elasticsearch import es_service, prepare_run_as, start_elasticsearch
from streams.services.fetch import fetch_es_zip, fetch_kafka_libs
from streams.services.java import find_java
from streams.services.kafka import kafka_service, start_kafka
from streams.services.ports import ensure_ports_free
from streams.services.process import stop_process, tail_lines
from streams.services.service import ServiceDef, Started
from streams.settings import Settings

__all__ = ["SERVICE_NAMES", "ServiceStatus", "ServicesManager"]

SERVICE_NAMES = ("kafka", "elasticsearch")
STOP_TIMEOUT_S = 45.0
PROBE_TIMEOUT_S = 2.0
LOG_TAIL = 30

Report = Callable[[str], None]
State = Literal["running", "unhealthy", "stopped"]


@dataclass(frozen=True)
class ServiceStatus:
    name: str
    version: str
    state: State
    pid: int | None
    port: int
    log: Path


@dataclass(frozen=True)
class _Pending:
    service: ServiceDef
    alive: Callable[[], bool]
    started: Started | None


class ServicesManager:
    """Operations on the local services; ``report`` receives progress lines."""

    def __init__(
        self,
        settings: Settings,
        *,
        env: Mapping[str, str],
        report: Report,
        euid: int | None = None,
        poll_s: float = 0.5,
    ) -> None:
        home = settings.services_home.expanduser().resolve()
        self.settings = settings.model_copy(update={"services_home": home})
        self._env = dict(env)
        self._report = report
        self._euid = os.geteuid() if euid is None else euid
        self._poll_s = poll_s

    def services(self, only: str | None = None) -> list[ServiceDef]:
        every = [kafka_service(self.settings), es_service(self.settings)]
        return [s for s in every if only is None or s.name == only]

    # --- status ------------------------------------------------------------------
    def status(self, only: str | None = None) -> list[ServiceStatus]:
        return [self._status_of(svc) for svc in self.services(only)]

    def _status_of(self, svc: ServiceDef) -> ServiceStatus:
        pid = svc.running_pid()
        if pid is None:
            return ServiceStatus(svc.name, svc.version, "stopped", None, svc.port, svc.main_log)
        record = svc.record()
        state: State = "running" if svc.healthy(PROBE_TIMEOUT_S) else "unhealthy"
        return ServiceStatus(svc.name, record.version, state, pid, record.port, svc.main_log)

    # --- up ----------------------------------------------------------------------
    def up(self, only: str | None = None, timeout_s: float | None = None) -> list[ServiceStatus]:
        """Start what is not running and wait (bounded) until everything is healthy."""
        budget = self.settings.services_timeout_s if timeout_s is None else timeout_s
        deadline = time.monotonic() + budget
        pending: list[_Pending] = []
        to_start: list[ServiceDef] = []
        for svc in self.services(only):
            pid = svc.running_pid()
            if pid is None:
                to_start.append(svc)
                continue
            self._check_same_settings(svc, pid)
            if svc.healthy(PROBE_TIMEOUT_S):
                self._report(
                    f"{svc.name} is already running and healthy (pid {pid}, port {svc.port})"
                )
            else:
                self._report(f"{svc.name} is running (pid {pid}) but not healthy yet; waiting")
                pending.append(_Pending(svc, svc.is_running, None))
        self._check_ports(to_start)
        pending.extend(self._start(to_start))
        self._wait(pending, deadline, budget)
        self._hint_client_settings(only)
        return self.status(only)

    def _check_same_settings(self, svc: ServiceDef, pid: int) -> None:
        record = svc.record()
        if (record.port, record.version) != (svc.port, svc.version):
            raise ServiceError(
                f"{svc.name} is already running (pid {pid}) as {record.version} on port "
                f"{record.port}, but the settings now ask for {svc.version} on port {svc.port}. "
                f"Stop it first (`scout services down --only {svc.name}`), then run "
                "`scout services up` again.",
                code="SCOUT-E110",
            )

    def _check_ports(self, to_start: Sequence[ServiceDef]) -> None:
        claims = [c for svc in to_start for c in svc.claims]
        seen: dict[int, str] = {}
        for claim in claims:
            if claim.port in seen:
                raise ServiceError(
                    f"port {claim.port} is configured for both {seen[claim.port]} and "
                    f"{claim.purpose}: change {claim.setting}",
                    code="SCOUT-E105",
                )
            seen[claim.port] = claim.purpose
        for svc in to_start:
            ensure_ports_free(svc.claims, svc.name)

    def _start(self, to_start: Sequence[ServiceDef]) -> list[_Pending]:
        """Check, then fetch everything, then start: a failure leaves nothing half-up."""
        if not to_start:
            return []
        java = find_java(self._env)
        names = {svc.name for svc in to_start}
        if "elasticsearch" in names and self._euid == 0:
            prepare_run_as(self.settings, java, self._env)
        cache = self.settings.services_home / "cache"
        libs = archive = None
        if "kafka" in names:
            libs = fetch_kafka_libs(cache, self.settings.kafka_version, self._env, self._report)
        if "elasticsearch" in names:
            archive = fetch_es_zip(cache, self.settings.es_version, self._env, self._report)
        started: list[Started] = []
        for svc in to_start:
            if libs is not None and svc.name == "kafka":
                started.append(start_kafka(self.settings, java, libs))
            elif archive is not None and svc.name == "elasticsearch":
                started.append(
                    start_elasticsearch(self.settings, java, archive, self._env, self._euid)
                )
            self._report(f"starting {svc.name} {svc.version} on 127.0.0.1:{svc.port}")
        return [_Pending(s.service, s.alive, s) for s in started]

    def _wait(self, pending: list[_Pending], deadline: float, budget: float) -> None:
        begin = time.monotonic()
        while pending:
            for item in list(pending):
                remaining = max(deadline - time.monotonic(), 0.1)
                if item.service.healthy(min(PROBE_TIMEOUT_S, remaining)):
                    pending.remove(item)
                    waited = time.monotonic() - begin
                    self._report(f"{item.service.name} is healthy (waited {waited:.1f} s)")
                elif not item.alive():
                    raise self._died(item)
            if pending and time.monotonic() >= deadline:
                raise self._timed_out(pending, budget)
            if pending:
                time.sleep(self._poll_s)

    def _died(self, item: _Pending) -> ServiceError:
        svc = item.service
        code = ""
        if item.started is not None and item.started.popen.returncode is not None:
            code = f" with exit code {item.started.popen.returncode}"
        svc.pid_file.unlink(missing_ok=True)
        svc.record_file.unlink(missing_ok=True)
        return ServiceError(
            f"{svc.name} exited during start-up{code}.\n{self._log_excerpts(item)}\n"
            f"Fix the cause above, then run `scout services up` again.",
            code="SCOUT-E106",
        )

    def _timed_out(self, pending: Sequence[_Pending], budget: float) -> ServiceError:
        parts = []
        for item in pending:
            svc = item.service
            pid = svc.running_pid()
            parts.append(
                f"{svc.name} (pid {pid}) did not become healthy.\n{self._log_excerpts(item)}"
            )
        return ServiceError(
            f"timed out after {budget:.0f} s waiting for health: " + "\n".join(parts) + "\n"
            "It may still be starting: check `scout services status`, give it longer with "
            "`--timeout` or SCOUT_SERVICES_TIMEOUT_S, or stop it with `scout services down`.",
            code="SCOUT-E107",
        )

    def _log_excerpts(self, item: _Pending) -> str:
        svc = item.service
        offset = item.started.main_log_offset if item.started else 0
        sections = []
        for path, since in ((svc.start_log, 0), (svc.main_log, offset)):
            lines = tail_lines(path, LOG_TAIL, since=since)
            if lines:
                sections.append(f"--- last {len(lines)} lines of {path} ---\n" + "\n".join(lines))
        return "\n".join(sections) or f"(no output in {svc.start_log} or {svc.main_log})"

    def _hint_client_settings(self, only: str | None) -> None:
        s = self.settings
        if only in (None, "kafka") and s.kafka_bootstrap not in (
            f"127.0.0.1:{s.local_kafka_port}",
            f"localhost:{s.local_kafka_port}",
        ):
            self._report(
                f"note: SCOUT_KAFKA_BOOTSTRAP is {s.kafka_bootstrap}; the local broker is "
                f"127.0.0.1:{s.local_kafka_port}"
            )
        if only in (None, "elasticsearch") and s.es_url not in (
            f"http://127.0.0.1:{s.local_es_port}",
            f"http://localhost:{s.local_es_port}",
        ):
            self._report(
                f"note: SCOUT_ES_URL is {s.es_url}; the local node is http://127.0.0.1:{s.local_es_port}"
            )

    # --- down --------------------------------------------------------------------
    def down(self, only: str | None = None, *, purge: bool = False) -> list[str]:
        """Stop the services (SIGTERM, bounded wait, SIGKILL); the names actually stopped."""
        stopped = []
        for svc in self.services(only):
            pid = svc.running_pid()
            if pid is None:
                self._report(f"{svc.name} is not running")
            else:
                self._report(f"stopping {svc.name} (pid {pid})")
                if not stop_process(pid, timeout_s=STOP_TIMEOUT_S):
                    raise ServiceError(
                        f"{svc.name} (pid {pid}) survived SIGTERM and SIGKILL; check it with "
                        f"`ps -o pid,stat,cmd -p {pid}`",
                        code="SCOUT-E109",
                    )
                stopped.append(svc.name)
                self._report(f"{svc.name} stopped")
            svc.pid_file.unlink(missing_ok=True)
            svc.record_file.unlink(missing_ok=True)
            if purge:
                for directory in svc.data_dirs:
                    if directory.exists():
                        shutil.rmtree(directory)
                        self._report(f"deleted {directory}")
        return stopped

    # --- logs --------------------------------------------------------------------
    def log_tail(self, name: str, lines: int) -> list[tuple[Path, list[str]]]:
        """The last ``lines`` of the service's log, or of its start log when that is empty."""
        (svc,) = self.services(name)
        main = tail_lines(svc.main_log, lines)
        if main:
            return [(svc.main_log, main)]
        return [(svc.start_log, tail_lines(svc.start_log, lines))]
