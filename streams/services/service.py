"""What the manager knows about one local service, whatever it is."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from streams.services.ports import PortClaim
from streams.services.process import command_line, pid_alive, read_pid

__all__ = ["RunRecord", "ServiceDef", "Started"]


@dataclass(frozen=True)
class RunRecord:
    """What a running service was started with (its port and version)."""

    port: int
    version: str

    def write(self, path: Path) -> None:
        path.write_text(json.dumps({"port": self.port, "version": self.version}), "utf-8")

    @classmethod
    def read(cls, path: Path) -> RunRecord | None:
        try:
            data = json.loads(path.read_text("utf-8"))
            return cls(port=int(data["port"]), version=str(data["version"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class ServiceDef:
    """A service's identity, files and health probe (no process handling of its own)."""

    name: str
    version: str
    port: int
    claims: tuple[PortClaim, ...]
    pid_file: Path
    marker: str
    """A substring of the service's command line: guards against a recycled pid."""
    main_log: Path
    start_log: Path
    data_dirs: tuple[Path, ...]
    record_file: Path
    """The ``RunRecord`` of the running service: a changed setting must not probe a
    stranger on the new port and call it ours."""
    probe: Callable[[int, float], bool]
    """``probe(port, timeout_s)``: is the service on ``port`` healthy?"""

    def running_pid(self) -> int | None:
        """The pid of our running service, or None (no pid file, dead, or pid reused)."""
        pid = read_pid(self.pid_file)
        if pid is None or not pid_alive(pid):
            return None
        cmdline = command_line(pid)
        if cmdline is not None and self.marker not in cmdline:
            return None
        return pid

    def record(self) -> RunRecord:
        """How the running service was started (the settings' values if unrecorded)."""
        return RunRecord.read(self.record_file) or RunRecord(self.port, self.version)

    def healthy(self, timeout_s: float) -> bool:
        """Is the service, on the port it was started with, healthy?"""
        return self.probe(self.record().port, timeout_s)

    def is_running(self) -> bool:
        return self.running_pid() is not None


@dataclass(frozen=True)
class Started:
    """A start in progress: the spawned process, which is the service or its launcher.

    Kafka's ``java`` is the service itself. Elasticsearch's ``bin/elasticsearch -d`` is a
    launcher that exits 0 once the node runs, leaving the node's pid in ``pid_file``.
    """

    service: ServiceDef
    popen: subprocess.Popen[bytes]
    launcher_is_service: bool
    main_log_offset: int = 0
    """Size of the main log before this start: only later lines are about this start."""

    def alive(self) -> bool:
        if self.popen.poll() is None:
            return True
        if self.launcher_is_service or self.popen.returncode != 0:
            return False
        pid = read_pid(self.service.pid_file)
        return pid is not None and pid_alive(pid)

    def pid(self) -> int | None:
        if self.launcher_is_service:
            return self.popen.pid
        return read_pid(self.service.pid_file)
