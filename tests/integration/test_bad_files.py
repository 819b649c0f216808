"""Issue 11, point 2: bad files are reported, never half-read silently (real Kafka)."""

from __future__ import annotations

import json
from pathlib import Path

from streams.settings import Settings
from streams.topics import POSTS_DLQ, POSTS_RAW
from tests.integration.support import read_topic, scout

LATIN = '{"id": "latin-1", "text": "Café au lait at Müller"}\n'.encode("latin-1")
ARRAY = [{"id": f"array-{i}", "text": f"Contoso and Fabrikam, part {i}"} for i in range(3)]


def _no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "UnicodeDecodeError" not in stderr, stderr


def test_a_backfill_directory_with_bad_files_publishes_the_rest_and_reports_each(
    settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "history"
    folder.mkdir()
    (folder / "a_latin.jsonl").write_bytes(LATIN)
    (folder / "b_array.json").write_text(json.dumps(ARRAY, indent=2))
    (folder / "c_quote.csv").write_text(
        'id,text\ncsv-1,Northwind buys Tailspin\ncsv-2,"a quote never closed\ncsv-3,lost\n'
    )
    (folder / "d_good.jsonl").write_text('{"id": "good-1", "text": "Litware hires a CFO"}\n')

    run = scout(settings, "backfill", str(folder))

    _no_traceback(run.stderr)
    assert run.returncode == 4, run.stderr
    out = " ".join(run.stderr.split())  # the console wraps long lines
    assert "published 5," in out and "invalid 1" in out
    assert f"[SCOUT-E073] {folder / 'a_latin.jsonl'}: 1 post is not UTF-8" in out
    assert "Latin-1" in out and "iconv -f WINDOWS-1252 -t UTF-8" in out
    assert f"[SCOUT-E074] {folder / 'c_quote.csv'}: the quote opened in the row at line 3" in out
    assert "2 files were not read fully" in out
    published = read_topic(settings, POSTS_RAW.name(settings), expect=5)
    assert sorted(m["id"] for m in published) == [
        "array-0",
        "array-1",
        "array-2",
        "csv-1",
        "good-1",
    ]


def test_a_backfill_that_publishes_nothing_exits_3_and_says_why(
    settings: Settings, tmp_path: Path
) -> None:
    rejected = tmp_path / "rejected.jsonl"
    rejected.write_text('{"id": "no-text"}\n{broken\n')
    run = scout(settings, "backfill", str(rejected))
    assert run.returncode == 3, run.stderr
    assert "nothing was published: of 2 records read, 2 invalid" in " ".join(run.stderr.split())

    empty = tmp_path / "empty.csv"
    empty.write_text("")
    run = scout(settings, "backfill", str(empty))
    assert run.returncode == 3, run.stderr
    assert "invalid 0" in run.stderr and "unknown_shape" not in run.stderr
    assert "nothing was published: no records were read (empty files)" in " ".join(
        run.stderr.split()
    )

    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "dry-1", "text": "Contoso"}\n{"id": "dry-2", "text": "Fabrikam"}\n')
    dry = scout(settings, "backfill", str(good), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "valid (dry run: not published) 2" in dry.stderr and "published 2" not in dry.stderr
    assert read_topic(settings, POSTS_RAW.name(settings), expect=1, timeout=3) == []


def test_ingest_reads_a_json_array_and_reports_a_latin1_file(
    settings: Settings, tmp_path: Path
) -> None:
    array = tmp_path / "posts.json"
    array.write_text(json.dumps(ARRAY, indent=2))
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(LATIN)

    run = scout(settings, "ingest", str(array), str(latin))

    _no_traceback(run.stderr)
    assert run.returncode == 4, run.stderr
    out = " ".join(run.stderr.split())
    assert "read 4, published 3" in out and "rejected 1" in out
    assert f"[SCOUT-E073] {latin}: 1 post is not UTF-8 (first at line 1, byte 0xe9" in out
    published = read_topic(settings, POSTS_RAW.name(settings), expect=3)
    assert sorted(m["id"] for m in published) == ["array-0", "array-1", "array-2"]
    (dead,) = read_topic(settings, POSTS_DLQ.name(settings), expect=1)
    assert (dead["reason"], dead["source_file"], dead["line"]) == ("bad_encoding", str(latin), 1)


def test_an_ingest_where_every_post_is_rejected_exits_3(settings: Settings, tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"id": "a", "text": "unterminated\n{"id": "b", "text": " "}\n')
    run = scout(settings, "ingest", str(posts))
    assert run.returncode == 3, run.stderr
    out = " ".join(run.stderr.split())
    assert "published 0" in out and "Unterminated string starting at line 1 column 21" in out
    assert "nothing was published: all 2 posts read were rejected" in out
    assert len(read_topic(settings, POSTS_DLQ.name(settings), expect=2)) == 2
