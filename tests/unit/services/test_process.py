from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from streams.services.process import (
    command_line,
    file_size,
    pid_alive,
    read_pid,
    spawn_detached,
    stop_process,
    tail_lines,
    write_pid,
)
from streams.services.service import RunRecord


def test_tail_returns_the_last_lines(tmp_path: Path) -> None:
    log = tmp_path / "x.log"
    log.write_text("".join(f"line {i}\n" for i in range(10_000)), encoding="utf-8")
    assert tail_lines(log, 3, block=64) == ["line 9997", "line 9998", "line 9999"]
    assert tail_lines(log, 0) == []


def test_tail_of_a_missing_or_short_file(tmp_path: Path) -> None:
    assert tail_lines(tmp_path / "missing.log", 5) == []
    short = tmp_path / "short.log"
    short.write_text("only\n", encoding="utf-8")
    assert tail_lines(short, 5) == ["only"]


def test_tail_since_an_offset_shows_only_newer_lines(tmp_path: Path) -> None:
    log = tmp_path / "x.log"
    log.write_text("old run\nold end\n", encoding="utf-8")
    offset = file_size(log)
    with log.open("a", encoding="utf-8") as handle:
        handle.write("new run\n")
    assert tail_lines(log, 30, since=offset) == ["new run"]
    log.write_text("rotated\n", encoding="utf-8")
    assert tail_lines(log, 30, since=offset) == ["rotated"]


def test_pid_file_round_trip_and_garbage(tmp_path: Path) -> None:
    pid_file = tmp_path / "run" / "svc.pid"
    assert read_pid(pid_file) is None
    write_pid(pid_file, 4242)
    assert read_pid(pid_file) == 4242
    pid_file.write_text("not a pid", encoding="ascii")
    assert read_pid(pid_file) is None


def test_detached_process_is_stopped_with_its_group(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    proc = spawn_detached(
        [sys.executable, "-c", "import time; time.sleep(600)", str(marker)],
        cwd=tmp_path,
        log_path=tmp_path / "out.log",
    )
    assert os.getpgid(proc.pid) == proc.pid != os.getpgrp()
    assert pid_alive(proc.pid)
    assert str(marker) in (command_line(proc.pid) or "")
    started = time.monotonic()
    assert stop_process(proc.pid, timeout_s=10)
    assert time.monotonic() - started < 10
    assert not pid_alive(proc.pid)


def test_process_ignoring_sigterm_is_killed(tmp_path: Path) -> None:
    code = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); time.sleep(600)"
    proc = spawn_detached([sys.executable, "-c", code], cwd=tmp_path, log_path=tmp_path / "o.log")
    deadline = time.monotonic() + 10
    while "ready" not in (tmp_path / "o.log").read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert stop_process(proc.pid, timeout_s=0.5)
    assert not pid_alive(proc.pid)


def test_output_goes_to_the_log(tmp_path: Path) -> None:
    log = tmp_path / "start.log"
    log.write_text("previous start\n", encoding="utf-8")
    proc = spawn_detached([sys.executable, "-c", "print('hello')"], cwd=tmp_path, log_path=log)
    assert proc.wait(timeout=30) == 0
    assert tail_lines(log, 5) == ["hello"]


def test_run_record_round_trip_and_garbage(tmp_path: Path) -> None:
    path = tmp_path / "running.json"
    assert RunRecord.read(path) is None
    RunRecord(29200, "8.19.21").write(path)
    assert RunRecord.read(path) == RunRecord(29200, "8.19.21")
    path.write_text("{not json", encoding="utf-8")
    assert RunRecord.read(path) is None
