"""RSS 2.0 / Atom feeds and CSV files (ours, and LinkedIn's through a layout) -> Post dicts."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET  # noqa: S405 - parsing files the operator chose
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from streams.backfill.formats.html import html_to_text
from streams.errors import InvalidPostError, UnreadableFileError

_ATOM = "{http://www.w3.org/2005/Atom}"


def _rfc822(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value.strip()).isoformat()
    except (TypeError, ValueError):
        return None


def _text(title: str | None, body: str | None) -> str:
    title = html_to_text(title or "")
    body = html_to_text(body or "")
    if title and body and not body.startswith(title):
        return f"{title}. {body}"
    return title or body


def feed_posts(data: bytes) -> Iterator[dict[str, Any]]:
    """Items of an RSS 2.0 or Atom document (entities are not expanded)."""
    if b"<!ENTITY" in data:
        raise InvalidPostError("feed declares XML entities; refused", reason="unknown_shape")
    try:
        root = ET.fromstring(data)  # noqa: S314 - entity declarations refused above
    except ET.ParseError as exc:
        raise InvalidPostError(f"not well-formed XML: {exc}", reason="malformed_xml") from exc
    channel_title = root.findtext("channel/title") or root.findtext(f"{_ATOM}title")
    for item in root.iter("item"):
        link = item.findtext("link")
        yield {
            "id": item.findtext("guid") or link,
            "text": _text(item.findtext("title"), item.findtext("description")),
            "created_at": _rfc822(item.findtext("pubDate")),
            "author": {"handle": None, "name": item.findtext("author") or channel_title},
            "source": "rss",
            "url": link,
        }
    for entry in root.iter(f"{_ATOM}entry"):
        link_el = entry.find(f"{_ATOM}link")
        link = link_el.get("href") if link_el is not None else None
        author = entry.findtext(f"{_ATOM}author/{_ATOM}name") or channel_title
        yield {
            "id": entry.findtext(f"{_ATOM}id") or link,
            "text": _text(
                entry.findtext(f"{_ATOM}title"),
                entry.findtext(f"{_ATOM}summary") or entry.findtext(f"{_ATOM}content"),
            ),
            "created_at": entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated"),
            "author": {"handle": None, "name": author},
            "source": "rss",
            "url": link,
        }


_CSV_AUTHOR = {"author_handle": "handle", "author_name": "name", "followers": "followers"}


@dataclass(frozen=True)
class CsvRow:
    """A row from its first line: the post, or why it was refused; the raw bytes either way."""

    line: int
    raw: bytes
    end: int
    post: dict[str, Any] | None = None
    error: InvalidPostError | None = None


class _Lines:
    """Decoded lines for ``csv.reader``; keeps the current row's raw bytes and whether one of
    them is not UTF-8 (such a line is decoded with replacements so the row's cells still
    line up, and the row is refused as ``bad_encoding``)."""

    def __init__(self, lines: Iterator[tuple[bytes, int]]) -> None:
        self._lines = lines
        self.number = 0
        self.end = 0
        self.exhausted = False
        self._raw: list[bytes] = []
        self._bad: UnicodeDecodeError | None = None

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            raw, self.end = next(self._lines)
        except StopIteration:
            self.exhausted = True
            raise
        self.number += 1
        self._raw.append(raw)
        try:
            return raw.decode("utf-8-sig" if self.number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            self._bad = self._bad or exc
            return raw.decode("utf-8", "replace")

    def take(self) -> tuple[bytes, UnicodeDecodeError | None]:
        """The raw bytes of the lines read since the last take, and the first bad byte."""
        raw, bad = b"".join(self._raw), self._bad
        self._raw, self._bad = [], None
        return raw, bad


@dataclass(frozen=True)
class CsvLayout:
    """What a CSV file's header must have (``accepts``, ``wanted`` in words) and how a row
    becomes a Post dict (``convert``; it may raise ``InvalidPostError``)."""

    accepts: Callable[[list[str]], bool]
    wanted: str
    convert: Callable[[dict[str, str]], dict[str, Any]]


def csv_rows(
    lines: Iterator[tuple[bytes, int]], file: str, layout: CsvLayout | None = None
) -> Iterator[CsvRow]:
    """Rows of a CSV file with a header (id,text,created_at,author_handle,...), streamed;
    ``layout`` reads another header (a LinkedIn ``Shares.csv``).

    A row that breaks the CSV syntax is refused (``malformed_csv``) and reading goes on at
    the next line; a quote that is never closed swallows the rest of the file, so that
    stops the file with ``UnreadableFileError`` (SCOUT-E074) naming the line it opened on.
    """
    layout = layout or PLAIN_CSV
    source = _Lines(lines)
    reader = csv.reader(source, strict=True)
    header: list[str] | None = None
    while True:
        start = source.number + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raw, _ = source.take()
            if source.exhausted:
                raise UnreadableFileError(
                    file,
                    f"the quote opened in the row at line {start} is never closed, so lines"
                    f" {start}-{source.number} (the rest of the file) could not be read; close"
                    ' it (a quote inside a quoted cell is written "")',
                    code="SCOUT-E074",
                ) from exc
            error = InvalidPostError(
                f"CSV syntax error in the row at line {start}: {exc} (quote a cell that holds"
                ' commas, and write a quote inside a quoted cell as "")',
                reason="malformed_csv",
            )
            yield CsvRow(line=start, raw=raw, end=source.end, error=error)
            continue
        raw, bad = source.take()
        if not cells:
            continue  # a blank line
        if header is None:
            header = _header(cells, file, layout)
            continue
        yield _row(header, cells, start, raw, source.end, bad, layout)


def _header(cells: list[str], file: str, layout: CsvLayout) -> list[str]:
    if not layout.accepts(cells):
        raise UnreadableFileError(
            file,
            f"the first line must be a CSV header with at least {layout.wanted}"
            f" (got {','.join(cells)[:200]})",
            code="SCOUT-E074",
        )
    return [cell.lstrip("\ufeff").strip() for cell in cells]


def _row(
    header: list[str],
    cells: list[str],
    line: int,
    raw: bytes,
    end: int,
    bad: UnicodeDecodeError | None,
    layout: CsvLayout,
) -> CsvRow:
    if bad is not None:
        error = InvalidPostError(
            f"row is not UTF-8 (invalid byte {bad.object[bad.start]:#04x}); re-encode the file"
            " as UTF-8",
            reason="bad_encoding",
        )
        return CsvRow(line=line, raw=raw, end=end, error=error)
    if len(cells) > len(header):
        error = InvalidPostError(
            f"row has {len(cells)} cells, the header {len(header)} (an unquoted comma?)",
            reason="malformed_csv",
        )
        return CsvRow(line=line, raw=raw, end=end, error=error)
    try:
        post = layout.convert(dict(zip(header, cells, strict=False)))
    except InvalidPostError as error:
        return CsvRow(line=line, raw=raw, end=end, error=error)
    return CsvRow(line=line, raw=raw, end=end, post=post)


def _post(row: dict[str, str]) -> dict[str, Any]:
    """Blank cells are omitted; author columns become the author."""
    post: dict[str, Any] = {}
    author: dict[str, Any] = {}
    for key, value in row.items():
        if value == "":
            continue
        if key in _CSV_AUTHOR:
            author[_CSV_AUTHOR[key]] = (
                int(value) if key == "followers" and value.isdigit() else value
            )
        else:
            post[key] = value
    if author:
        post["author"] = author
    return post


PLAIN_CSV = CsvLayout(accepts=lambda cells: "text" in cells, wanted="id,text", convert=_post)
