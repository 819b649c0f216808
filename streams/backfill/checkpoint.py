"""Where a backfill got to, saved atomically so a killed run continues where it stopped.

The checkpoint is keyed by the run's arguments (paths, format, time range): the same
command resumes; different arguments start a different run.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


def run_id(arguments: dict[str, Any]) -> str:
    canonical = json.dumps(arguments, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


@dataclass
class FileState:
    position: int = 0  # records of this file already published (and acknowledged)
    done: bool = False


@dataclass
class CheckpointState:
    run: str
    arguments: dict[str, Any]
    files: dict[str, FileState] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    invalid: dict[str, int] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # file -> why it was not read fully
    complete: bool = False


class Checkpoint:
    def __init__(self, directory: Path, arguments: dict[str, Any]) -> None:
        self.run = run_id(arguments)
        self.path = directory / f"{self.run}.checkpoint.json"
        self.arguments = arguments

    def load(self) -> CheckpointState:
        if not self.path.exists():
            return CheckpointState(run=self.run, arguments=self.arguments)
        raw = json.loads(self.path.read_text())
        return CheckpointState(
            run=raw["run"],
            arguments=raw["arguments"],
            files={k: FileState(**v) for k, v in raw["files"].items()},
            counts=dict(raw.get("counts", {})),
            invalid=dict(raw.get("invalid", {})),
            failed=dict(raw.get("failed", {})),
            complete=bool(raw.get("complete", False)),
        )

    def save(self, state: CheckpointState) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state), sort_keys=True, indent=1, default=str))
        os.replace(tmp, self.path)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
