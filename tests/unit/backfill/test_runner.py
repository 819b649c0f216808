import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from streams.backfill.checkpoint import Checkpoint
from streams.backfill.runner import BackfillOptions, BackfillRunner, RejectsWriter, expand_paths


class _Future:
    def get(self, timeout: float) -> None:
        return None


class _Producer:
    """Records sends; can fail after N sends to simulate a crash."""

    def __init__(self, crash_after: int | None = None) -> None:
        self.sent: list[dict[str, Any]] = []
        self.crash_after = crash_after

    def send(self, topic: str, *, key: bytes, value: bytes) -> _Future:
        if self.crash_after is not None and len(self.sent) >= self.crash_after:
            raise KeyboardInterrupt("killed")
        self.sent.append(json.loads(value))
        return _Future()

    def flush(self, timeout: float) -> None:
        return None


def _posts(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps(
            {
                "id": f"p{i}",
                "text": f"post {i}",
                "created_at": f"2026-01-{i % 28 + 1:02d}T00:00:00Z",
            }
        )
        for i in range(n)
    ]
    lines.insert(3, "{broken")
    lines.insert(7, json.dumps({"id": "p1", "text": "post 1 again"}))
    path.write_text("\n".join(lines) + "\n")
    return path


def _run(
    tmp_path: Path, options: BackfillOptions, producer: Any, rejects: io.StringIO
) -> BackfillRunner:
    runner = BackfillRunner(
        options,
        producer=producer,
        topic="posts.raw",
        checkpoint=Checkpoint(tmp_path / "cp", options.arguments()),
        rejects=RejectsWriter(rejects),
        max_text_chars=1000,
        confirm_every=5,
    )
    runner.run(expand_paths(options.paths))
    return runner


def test_summary_counts_rejects_and_duplicates(tmp_path: Path) -> None:
    path = _posts(tmp_path, 20)
    rejects = io.StringIO()
    producer = _Producer()
    runner = _run(tmp_path, BackfillOptions(paths=(str(path),)), producer, rejects)
    s = runner.summary
    assert (s.read, s.published, s.duplicates, dict(s.invalid)) == (
        22,
        20,
        1,
        {"malformed_json": 1},
    )
    (reject,) = [json.loads(line) for line in rejects.getvalue().splitlines()]
    assert (reject["file"], reject["line"], reject["reason"]) == (str(path), 4, "malformed_json")
    assert all(m["backfill"]["alerts"] is False for m in producer.sent)


def test_time_range_skips_posts_outside_it(tmp_path: Path) -> None:
    path = _posts(tmp_path, 20)
    options = BackfillOptions(
        paths=(str(path),),
        since=datetime(2026, 1, 5, tzinfo=UTC),
        until=datetime(2026, 1, 10, tzinfo=UTC),
    )
    runner = _run(tmp_path, options, _Producer(), io.StringIO())
    assert runner.summary.published == 5
    assert runner.summary.skipped_time == 16


def test_a_killed_run_resumes_from_its_checkpoint_and_publishes_everything(tmp_path: Path) -> None:
    path = _posts(tmp_path, 50)
    options = BackfillOptions(paths=(str(path),))
    crashed = _Producer(crash_after=23)
    with pytest.raises(KeyboardInterrupt):
        _run(tmp_path, options, crashed, io.StringIO())
    resumed = _Producer()
    runner = _run(tmp_path, options, resumed, io.StringIO())
    ids = {m["id"] for m in crashed.sent} | {m["id"] for m in resumed.sent}
    assert ids == {f"p{i}" for i in range(50)}
    assert len(resumed.sent) < 50  # it did not start over
    assert runner.summary.resumed and runner.summary.published == 50  # counts carried over
    assert Checkpoint(tmp_path / "cp", options.arguments()).load().complete


def test_a_directory_with_a_latin1_file_reads_the_others_and_reports_that_file(
    tmp_path: Path,
) -> None:
    """Issue 11: one Latin-1 file aborted the whole directory run with a traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_latin.jsonl").write_bytes(
        '{"id": "l1", "text": "Café"}\n{"id": "l2", "text": "Müller"}\n'.encode("latin-1")
    )
    (folder / "b_quote.csv").write_text('id,text\nc1,fine\nc2,"never closed\nc3,x\n')
    (folder / "c_good.jsonl").write_text('{"id": "g1", "text": "good"}\n')
    producer = _Producer()
    runner = _run(tmp_path, BackfillOptions(paths=(str(folder),)), producer, io.StringIO())
    assert sorted(m["id"] for m in producer.sent) == ["c1", "g1"]
    s = runner.summary
    assert (s.read, s.published, dict(s.invalid)) == (4, 2, {"bad_encoding": 2})
    assert sorted(s.failed) == [str(folder / "a_latin.jsonl"), str(folder / "b_quote.csv")]
    assert s.failed[str(folder / "a_latin.jsonl")].startswith("[SCOUT-E073]")
    assert "2 posts are not UTF-8" in s.failed[str(folder / "a_latin.jsonl")]
    assert s.failed[str(folder / "b_quote.csv")].startswith("[SCOUT-E074]")
    state = Checkpoint(tmp_path / "cp", BackfillOptions(paths=(str(folder),)).arguments()).load()
    assert state.complete and state.failed == s.failed  # a resumed run reports them too
