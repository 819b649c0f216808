"""Read JSON posts from files (plain or .gz) or stdin, keeping file, line and bytes read.

A file is JSON Lines (one value a line) or one JSON document over many lines: an array of
posts in any layout, or objects one after another. An array's elements are posts, also on
a line of their own (``[{...}, {...}]``). ``scout ingest``, ``scout enrich`` and
``scout backfill`` read JSON files through here, so they agree on what a file holds.

Bytes that are not UTF-8 are passed on as they are: the parser refuses each such post
(``bad_encoding``, a dead letter or a reject) and the command then reports the file
(:class:`EncodingTally`, SCOUT-E073). A file that cannot be read further (a broken JSON
array, a bad gzip stream) raises :class:`UnreadableFileError` naming it.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from streams.errors import ConfigError, UnreadableFileError
from streams.normalize import json_error_text

STDIN = "<stdin>"
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024  # a JSON document is read whole; JSON Lines stream
_DECODER = json.JSONDecoder()
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class SourceLine:
    file: str
    line: int
    raw: bytes
    end: int = 0  # bytes of the file as stored (compressed, for .gz) read up to this post


def check_paths(paths: Sequence[str]) -> None:
    """Fail early, naming every missing or unreadable file."""
    missing = [p for p in paths if p != "-" and not Path(p).is_file()]
    if missing:
        raise ConfigError(f"no such file: {', '.join(missing)}", code="SCOUT-E040")


def raw_lines(name: str | Path) -> Iterator[tuple[bytes, int]]:
    """(line with its line end, bytes of the stored file read so far) of a file or ``-``."""
    label = STDIN if str(name) == "-" else str(name)
    position = 0
    try:
        with contextlib.ExitStack() as stack:
            stored: IO[bytes] = (
                sys.stdin.buffer if label == STDIN else stack.enter_context(Path(name).open("rb"))
            )
            compressed = label.endswith(".gz")
            stream: IO[bytes] = (
                cast(IO[bytes], stack.enter_context(gzip.GzipFile(fileobj=stored, mode="rb")))
                if compressed
                else stored
            )
            for line in stream:
                position = stored.tell() if compressed else position + len(line)
                yield line, position
    except (OSError, EOFError) as exc:
        raise UnreadableFileError(label, f"cannot be read: {exc}", code="SCOUT-E041") from exc


def read_file(name: str | Path) -> Iterator[SourceLine]:
    """The posts of one file (or ``-``) in order, each with its first line number."""
    label = STDIN if str(name) == "-" else str(name)
    yield from _read(label, raw_lines(name))


def read_bytes(label: str, data: bytes) -> Iterator[SourceLine]:
    """The posts of ``data`` (a request body: JSON Lines or JSON arrays), read exactly as a
    file's, ``label`` standing for the file's name."""

    def lines() -> Iterator[tuple[bytes, int]]:
        position = 0
        for line in io.BytesIO(data):
            position += len(line)
            yield line, position

    yield from _read(label, lines())


def _read(label: str, lines: Iterator[tuple[bytes, int]]) -> Iterator[SourceLine]:
    number = previous = 0
    for line, end in lines:
        number += 1
        head = line.lstrip(_BOM).lstrip()
        if head[:1] in (b"[", b"{") and not _is_json(line):
            yield from _document(label, number, [(line, end)], lines)
            return
        if head:
            yield from _line_posts(label, number, line.rstrip(b"\r\n"), previous, end)
            previous = end
            break
        previous = end
    for line, end in lines:
        number += 1
        if line.strip():
            yield from _line_posts(label, number, line.rstrip(b"\r\n"), previous, end)
        previous = end


def read_lines(
    paths: Sequence[str], *, failed: dict[str, UnreadableFileError] | None = None
) -> Iterator[SourceLine]:
    """Posts of each file in order. With ``failed``, a file that cannot be read (further) is
    recorded there and the next file is read; without it, the error is raised."""
    check_paths(paths)
    for name in paths:
        try:
            yield from read_file(name)
        except UnreadableFileError as exc:
            if failed is None:
                raise
            failed[exc.file] = exc


def count_lines(paths: Sequence[str]) -> int | None:
    """Cheap total for the progress bar (None for stdin or compressed input)."""
    if any(p == "-" or p.endswith(".gz") for p in paths):
        return None
    total = 0
    for p in paths:
        with Path(p).open("rb") as fh:
            total += sum(1 for line in fh if line.strip())
    return total


def _is_json(raw: bytes) -> bool:
    try:
        json.loads(raw.decode("utf-8-sig", "surrogateescape"))
    except json.JSONDecodeError:
        return False
    return True


def _line_posts(file: str, number: int, raw: bytes, start: int, end: int) -> Iterator[SourceLine]:
    """One line: itself, or the elements of the JSON array it holds."""
    if raw.lstrip(_BOM).lstrip()[:1] == b"[":
        text = raw.decode("utf-8-sig", "surrogateescape")
        try:
            spans, after = _array(text, text.index("["))
        except json.JSONDecodeError:
            spans = None  # the parser refuses the line as a whole
        if text[after:].strip() if spans is not None else False:
            spans = None  # more after the array: refused as a whole too
        if spans is not None:
            for first, stop in spans:
                yield SourceLine(
                    file=file,
                    line=number,
                    raw=text[first:stop].encode("utf-8", "surrogateescape"),
                    end=start + (end - start) * stop // len(text),
                )
            return
    yield SourceLine(file=file, line=number, raw=raw, end=end)


def _document(
    file: str, number: int, lines: list[tuple[bytes, int]], rest: Iterator[tuple[bytes, int]]
) -> Iterator[SourceLine]:
    """A JSON document over many lines: read whole (bounded), then one post per element.

    When it is not valid JSON: an array is refused (SCOUT-E075); text that starts with an
    object is read as JSON Lines, so a broken first line is refused on its own.
    """
    size = len(lines[0][0])
    for line, end in rest:
        size += len(line)
        if size > MAX_DOCUMENT_BYTES:
            raise UnreadableFileError(
                file,
                f"a JSON document over {MAX_DOCUMENT_BYTES // 2**20} MiB; convert it to JSON"
                f" Lines (one post a line), e.g. jq -c '.[]' {file} > posts.jsonl",
                code="SCOUT-E075",
            )
        lines.append((line, end))
    stored = lines[-1][1]
    text = b"".join(line for line, _ in lines).decode("utf-8-sig", "surrogateescape")
    try:
        spans = _document_spans(text)
    except json.JSONDecodeError as exc:
        if text.lstrip()[:1] == "{":
            yield from _json_lines(file, number, lines)
            return
        raise UnreadableFileError(
            file,
            f"a JSON array that is not valid JSON ({_place(exc, number)}): fix the JSON there,"
            " or write one post a line (JSON Lines)",
            code="SCOUT-E075",
        ) from exc
    at, counted = number, 0
    for start, stop in spans:
        at += text.count("\n", counted, start)
        counted = start
        raw = text[start:stop].encode("utf-8", "surrogateescape")
        yield SourceLine(file=file, line=at, raw=raw, end=stored * stop // max(len(text), 1))


def _json_lines(file: str, number: int, lines: list[tuple[bytes, int]]) -> Iterator[SourceLine]:
    previous = 0
    for offset, (line, end) in enumerate(lines):
        if line.strip():
            yield from _line_posts(file, number + offset, line.rstrip(b"\r\n"), previous, end)
        previous = end


def _place(exc: json.JSONDecodeError, first_line: int) -> str:
    """``json_error_text`` with the line counted in the file, not in the document."""
    exc.lineno += first_line - 1
    return json_error_text(exc)


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _document_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each post: the elements of top-level arrays, and top-level objects."""
    spans: list[tuple[int, int]] = []
    index = _skip_space(text, 0)
    while index < len(text):
        if text[index] == "[":
            elements, index = _array(text, index)
            spans.extend(elements)
        else:
            _, stop = _DECODER.raw_decode(text, index)
            spans.append((index, stop))
            index = stop
        index = _skip_space(text, index)
    return spans


def _array(text: str, index: int) -> tuple[list[tuple[int, int]], int]:
    """The (start, end) of each element of the array opening at ``index``, and its end."""
    spans: list[tuple[int, int]] = []
    index = _skip_space(text, index + 1)
    if text.startswith("]", index):
        return spans, index + 1
    while True:
        _, stop = _DECODER.raw_decode(text, index)
        spans.append((index, stop))
        index = _skip_space(text, stop)
        if text.startswith("]", index):
            return spans, index + 1
        if not text.startswith(",", index):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
        index = _skip_space(text, index + 1)


@dataclass
class EncodingTally:
    """Posts refused because their bytes are not UTF-8, per file: one report per file."""

    files: dict[str, tuple[int, int, bytes]] = field(default_factory=dict)

    def note(self, file: str, line: int, raw: bytes) -> None:
        """Count ``raw`` if it is not UTF-8 (a lone surrogate escape is another matter)."""
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            count, first, sample = self.files.get(file, (0, line, raw))
            self.files[file] = (count + 1, first, sample)

    def problems(self) -> dict[str, UnreadableFileError]:
        return {file: encoding_problem(file, *seen) for file, seen in self.files.items()}


def encoding_problem(file: str, count: int, line: int, raw: bytes) -> UnreadableFileError:
    """SCOUT-E073: which posts of ``file`` are not UTF-8, what it looks like, what to do."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f"line {line}, byte {raw[exc.start]:#04x}"
    else:  # pragma: no cover - only undecodable samples are kept
        where = f"line {line}"
    guess = _guess_encoding(raw)
    posts = "post is" if count == 1 else "posts are"
    return UnreadableFileError(
        file,
        f"{count} {posts} not UTF-8 (first at {where}; it looks like {guess[0]}) and"
        f" rejected as bad_encoding. Re-encode the file as UTF-8 and load it again:"
        f" {_reencode(file, guess[1])}",
        code="SCOUT-E073",
    )


def _reencode(file: str, encoding: str) -> str:
    if file == STDIN:
        return f"pipe it through iconv -f {encoding} -t UTF-8"
    path = Path(file)
    if path.suffix == ".gz":
        fixed = path.with_name(f"{Path(path.stem).stem}.utf8{Path(path.stem).suffix}.gz")
        return f"gunzip -c {file} | iconv -f {encoding} -t UTF-8 | gzip > {fixed}"
    fixed = path.with_name(f"{path.stem}.utf8{path.suffix}")
    return f"iconv -f {encoding} -t UTF-8 {file} > {fixed}"


def _guess_encoding(raw: bytes) -> tuple[str, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        return "UTF-16", "UTF-16"
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "neither UTF-8 nor Latin-1", "<its encoding>"
    return "Latin-1 (Windows-1252)", "WINDOWS-1252"
