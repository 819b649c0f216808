"""Read JSON Lines from files (plain or .gz) or stdin, keeping file and line numbers."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from streams.errors import ConfigError


@dataclass(frozen=True)
class SourceLine:
    file: str
    line: int
    raw: bytes


def _open(path: Path) -> IO[bytes]:
    if path.suffix == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def check_paths(paths: Sequence[str]) -> None:
    """Fail early, naming every missing or unreadable file."""
    missing = [p for p in paths if p != "-" and not Path(p).is_file()]
    if missing:
        raise ConfigError(f"no such file: {', '.join(missing)}", code="SCOUT-E040")


def read_lines(paths: Sequence[str]) -> Iterator[SourceLine]:
    """Yield non-blank lines (without the line end) of each file in order."""
    check_paths(paths)
    for name in paths:
        stream = sys.stdin.buffer if name == "-" else _open(Path(name))
        label = "<stdin>" if name == "-" else name
        try:
            for number, line in enumerate(stream, start=1):
                raw = line.rstrip(b"\r\n")
                if raw.strip():
                    yield SourceLine(file=label, line=number, raw=raw)
        except (OSError, EOFError) as exc:
            raise ConfigError(f"cannot read {label}: {exc}", code="SCOUT-E041") from exc
        finally:
            if name != "-":
                stream.close()


def count_lines(paths: Sequence[str]) -> int | None:
    """Cheap total for the progress bar (None for stdin or compressed input)."""
    if any(p == "-" or p.endswith(".gz") for p in paths):
        return None
    total = 0
    for p in paths:
        with Path(p).open("rb") as fh:
            total += sum(1 for line in fh if line.strip())
    return total
