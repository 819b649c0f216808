"""Progress-bar pieces shared by long-running commands."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items per second (blank until there is a rate)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f}/s", style="progress.data.speed")


def progress_bar(console: Console, *, elapsed: bool = False) -> Progress:
    """Description, bar, done/total, rate, (elapsed,) time remaining."""
    columns: list[ProgressColumn | str] = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
    ]
    if elapsed:
        columns.append(TimeElapsedColumn())
    columns.append(TimeRemainingColumn())
    return Progress(*columns, console=console)


class RecordsColumn(ProgressColumn):
    """Records read so far (the task's ``records`` field) and records per second."""

    def render(self, task: Task) -> Text:
        records = int(task.fields.get("records", 0))
        elapsed = task.finished_time if task.finished else task.elapsed
        rate = f" {records / elapsed:,.0f}/s" if elapsed and records else ""
        return Text(f"{records:,} records{rate}", style="progress.data.speed")


def file_progress_bar(console: Console) -> Progress:
    """For commands that read files: the bar, share and ETA follow the bytes of the files as
    stored (compressed ones too, so a .gz has an ETA); records are counted beside them."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        DownloadColumn(),
        RecordsColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    )
