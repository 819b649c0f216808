"""How ``scout ingest`` and ``scout backfill`` end: file problems, exit codes, progress.

Exit codes (README, Commands): 0 posts were published and every file was read; 1 a
service failed (Kafka); 2 bad arguments or settings; 3 nothing was published (every
record was rejected, skipped or absent); 4 some posts were published but a file could not
be read fully (each such file is reported with its code and what to do).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress

from streams.ingest.reader import STDIN

EXIT_NOTHING_PUBLISHED = 3
EXIT_FILE_PROBLEMS = 4


class FileProgress:
    """A task on a file progress bar, advanced to each post's place: the bytes of the files
    before its own plus how far into its own file it is (compressed bytes for .gz)."""

    def __init__(self, progress: Progress, description: str, files: Sequence[str | Path]) -> None:
        self._progress = progress
        self._records = 0
        self._base: dict[str, int] = {}
        done = 0
        for name in files:
            label = STDIN if str(name) == "-" else str(name)
            self._base[label] = done
            done += 0 if label == STDIN else Path(name).stat().st_size
        self._total = None if STDIN in self._base else done
        self._task = progress.add_task(description, total=self._total, records=0)

    def advance(self, file: str, end: int) -> None:
        self._records += 1
        self._progress.update(
            self._task, completed=self._base.get(file, 0) + end, records=self._records
        )

    def complete(self) -> None:
        """Every file was read to its end (past an array's bracket, a last blank line)."""
        if self._total is not None:
            self._progress.update(self._task, completed=self._total)


def finish(
    console: Console,
    *,
    published: int,
    problems: Mapping[str, str],
    nothing: str,
    verb: str = "published",
) -> None:
    """Report the files that could not be read (``problems``: file -> the coded error's
    text), then exit 3 when nothing was published and 4 when a file had a problem; return
    (exit 0) otherwise."""
    for problem in problems.values():
        console.print(f"error: {problem}", highlight=False, markup=False, soft_wrap=True)
    if published == 0:
        console.print(f"nothing was {verb}: {nothing}", highlight=False, markup=False)
        raise typer.Exit(EXIT_NOTHING_PUBLISHED)
    if problems:
        files = "file was" if len(problems) == 1 else "files were"
        console.print(
            f"{len(problems)} {files} not read fully (above); the other posts were {verb}",
            highlight=False,
            markup=False,
        )
        raise typer.Exit(EXIT_FILE_PROBLEMS)
