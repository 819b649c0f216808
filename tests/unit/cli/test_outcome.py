import io
from pathlib import Path

import pytest
import typer
from rich.console import Console

from streams.cli.outcome import FileProgress, finish
from streams.cli.progress import file_progress_bar


def _console() -> Console:
    return Console(file=io.StringIO(), width=200)


def test_file_progress_counts_the_bytes_of_the_files_before_and_into_the_current_one(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl"
    first.write_bytes(b"x" * 1000)
    second.write_bytes(b"y" * 500)
    with file_progress_bar(_console()) as progress:
        bar = FileProgress(progress, "backfill", [first, second])
        bar.advance(str(first), 400)
        bar.advance(str(second), 100)
        (task,) = progress.tasks
        assert (task.total, task.completed, task.fields["records"]) == (1500, 1100, 2)
        bar.complete()
        assert task.completed == 1500


def test_finish_exits_3_when_nothing_was_published_and_4_when_a_file_failed() -> None:
    console = _console()
    finish(console, published=2, problems={}, nothing="-")  # exit 0: returns
    with pytest.raises(typer.Exit) as nothing:
        finish(console, published=0, problems={}, nothing="of 2 records read, 2 invalid")
    assert nothing.value.exit_code == 3
    with pytest.raises(typer.Exit) as partial:
        finish(console, published=1, problems={"f": "[SCOUT-E073] f: not UTF-8"}, nothing="-")
    assert partial.value.exit_code == 4
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "nothing was published: of 2 records read, 2 invalid" in out
    assert "error: [SCOUT-E073] f: not UTF-8" in out and "1 file was not read fully" in out
