"""Detached service processes: spawn, pid files, liveness, stop, and log tails."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections import deque
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = [
    "spawn_detached",
    "write_pid",
    "read_pid",
    "pid_alive",
    "command_line",
    "stop_process",
    "file_size",
    "tail_lines",
]


def spawn_detached(
    cmd: Sequence[str], *, cwd: Path, log_path: Path, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start ``cmd`` in a new session (its own process group) with output to ``log_path``.

    The log is truncated so it holds only this start's output. The child outlives us.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        return subprocess.Popen(  # noqa: S603 - commands are built from settings, not a shell
            list(cmd),
            cwd=cwd,
            env=None if env is None else dict(env),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def write_pid(path: Path, pid: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{pid}\n", encoding="ascii")


def read_pid(path: Path) -> int | None:
    """The pid in ``path``, or None when the file is missing or not a pid."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() and int(text) > 0 else None


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


def pid_alive(pid: int) -> bool:
    """True when ``pid`` is a live (not zombie) process; reaps it if it is our child."""
    with contextlib.suppress(ChildProcessError, OSError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _is_zombie(pid)


def command_line(pid: int) -> str | None:
    """The process's command line joined by spaces, or None where ``/proc`` has none."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return raw.replace(b"\0", b" ").decode("utf-8", errors="replace").strip()


def _signal(pid: int, sig: signal.Signals) -> None:
    """Signal the process group ``pid`` leads (or is in), never our own group."""
    try:
        group = os.getpgid(pid)
    except ProcessLookupError:
        return
    with contextlib.suppress(ProcessLookupError):
        if group > 1 and group != os.getpgrp():
            os.killpg(group, sig)
        else:
            os.kill(pid, sig)


def _wait_gone(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while pid_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True


def stop_process(pid: int, *, timeout_s: float, kill_timeout_s: float = 10.0) -> bool:
    """SIGTERM the process group, wait up to ``timeout_s``, then SIGKILL it.

    Returns True when the process is gone, False if even SIGKILL did not end it.
    """
    if not pid_alive(pid):
        return True
    _signal(pid, signal.SIGTERM)
    if _wait_gone(pid, timeout_s):
        return True
    _signal(pid, signal.SIGKILL)
    return _wait_gone(pid, kill_timeout_s)


def file_size(path: Path) -> int:
    """Size of ``path`` in bytes; 0 when it does not exist."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def tail_lines(path: Path, n: int, *, since: int = 0, block: int = 8192) -> list[str]:
    """The last ``n`` lines of a text file, read from the end; [] when it is missing.

    ``since`` is a byte offset (e.g. the size before a start): only text written after it
    counts, unless the file has since shrunk (rotated or truncated).
    """
    if n <= 0:
        return []
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            position = handle.tell()
            floor = since if 0 <= since <= position else 0
            data = b""
            while position > floor and data.count(b"\n") <= n:
                step = min(block, position - floor)
                position -= step
                handle.seek(position)
                data = handle.read(step) + data
    except OSError:
        return []
    lines = data.decode("utf-8", errors="replace").splitlines()
    return list(deque(lines, maxlen=n))
