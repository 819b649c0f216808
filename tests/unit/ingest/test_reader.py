import gzip
import json
from pathlib import Path

import pytest

from streams.errors import UnreadableFileError
from streams.ingest.reader import EncodingTally, read_file, read_lines

POSTS = [{"id": f"a{i}", "text": f"post {i}"} for i in range(3)]


def test_a_pretty_printed_json_array_is_read_post_by_post_with_line_numbers(
    tmp_path: Path,
) -> None:
    """Issue 11: a JSON array file gave one malformed_json reject per line."""
    path = tmp_path / "posts.json"
    path.write_text(json.dumps(POSTS, indent=2))
    lines = list(read_file(path))
    assert [json.loads(item.raw) for item in lines] == POSTS
    assert [item.line for item in lines] == [2, 6, 10]


def test_a_one_line_array_is_read_post_by_post_and_progress_stays_within_the_file(
    tmp_path: Path,
) -> None:
    """Issue 11: a one-line JSON array showed "3/1" (records against lines)."""
    path = tmp_path / "posts.jsonl"
    path.write_text(json.dumps(POSTS) + "\n")
    lines = list(read_file(path))
    assert [json.loads(item.raw) for item in lines] == POSTS
    ends = [item.end for item in lines]
    assert ends == sorted(ends) and 0 < ends[0] < ends[-1] <= path.stat().st_size


def test_progress_of_a_gz_file_counts_its_compressed_bytes(tmp_path: Path) -> None:
    """Issue 11: a .gz file showed "16062/?" with no ETA: it now has a total (its size)."""
    path = tmp_path / "posts.jsonl.gz"
    body = "".join(
        json.dumps({"id": str(i), "text": f"post {i} " * 20}) + "\n" for i in range(3000)
    )
    path.write_bytes(gzip.compress(body.encode()))
    ends = [item.end for item in read_file(path)]
    assert len(ends) == 3000
    assert ends == sorted(ends) and ends[0] < ends[-1] == path.stat().st_size
    assert len(set(ends)) > 1  # it moves while the file is read, not only at the end


def test_a_broken_json_array_is_refused_saying_where_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "posts.json"
    path.write_text('\n[\n {"id": "1", "text": "a"},\n {"id": "2", "text": "b"}\n {"id": "3"}\n]')
    with pytest.raises(UnreadableFileError) as info:
        list(read_file(path))
    assert info.value.code == "SCOUT-E075" and info.value.file == str(path)
    assert "Expecting ',' delimiter at line 5 column 2" in info.value.message
    assert "JSON Lines" in info.value.message


def test_json_lines_whose_first_line_is_broken_are_still_read_line_by_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text('{broken\n{"id": "2", "text": "b"}\n')
    assert [(item.line, item.raw) for item in read_file(path)] == [
        (1, b"{broken"),
        (2, b'{"id": "2", "text": "b"}'),
    ]


def test_a_file_that_cannot_be_read_is_recorded_and_the_next_file_is_read(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"not gzip at all")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(POSTS[0]) + "\n")
    failed: dict[str, UnreadableFileError] = {}
    lines = list(read_lines([str(bad), str(good)], failed=failed))
    assert [item.file for item in lines] == [str(good)]
    assert list(failed) == [str(bad)] and failed[str(bad)].code == "SCOUT-E041"
    with pytest.raises(UnreadableFileError):
        list(read_lines([str(bad), str(good)]))


def test_posts_that_are_not_utf8_are_passed_on_and_the_file_reported_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(
        '{"id": "1", "text": "plain"}\n{"id": "2", "text": "Café"}\n{"id": "3", "text": "Müller"}\n'.encode(
            "latin-1"
        )
    )
    tally = EncodingTally()
    lines = list(read_file(path))
    assert len(lines) == 3  # nothing dropped: the parser refuses each bad one
    for item in lines:
        tally.note(item.file, item.line, item.raw)
    (problem,) = tally.problems().values()
    assert problem.code == "SCOUT-E073" and problem.file == str(path)
    assert "2 posts are not UTF-8 (first at line 2, byte 0xe9" in problem.message
    assert "Latin-1" in problem.message
    assert f"iconv -f WINDOWS-1252 -t UTF-8 {path} > {tmp_path / 'latin.utf8.jsonl'}" in (
        problem.message
    )


@pytest.mark.parametrize(
    "layout",
    [
        lambda posts: "\n".join(json.dumps(p) for p in posts) + "\n",
        lambda posts: "\r\n\r\n".join(json.dumps(p) for p in posts),
        lambda posts: json.dumps(posts, indent=2),
    ],
)
def test_bytes_are_read_exactly_as_a_file_holding_them(tmp_path: Path, layout: object) -> None:
    """A request body (POST /posts) and a file with the same bytes give the same posts."""
    from streams.ingest.reader import read_bytes

    data = layout(POSTS).encode()  # type: ignore[operator]
    path = tmp_path / "body.jsonl"
    path.write_bytes(data)
    from_file = [(i.line, i.raw, i.end) for i in read_file(path)]
    from_bytes = list(read_bytes("api:1", data))
    assert [(i.line, i.raw, i.end) for i in from_bytes] == from_file
    assert [json.loads(i.raw) for i in from_bytes] == POSTS
    assert {i.file for i in from_bytes} == {"api:1"}
