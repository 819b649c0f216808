"""Detect a file's format and read it as records (one per post, with a line number)."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streams.backfill.formats.exports import (
    LINKEDIN_COLUMNS,
    export_author,
    facebook_post,
    is_facebook_post,
    is_linkedin_header,
    linkedin_post,
)
from streams.backfill.formats.feeds import CsvLayout, csv_rows, feed_posts
from streams.backfill.formats.social import mastodon_post, twitter_v2_posts
from streams.errors import ConfigError, InvalidPostError, UnreadableFileError
from streams.ingest.reader import raw_lines, read_file
from streams.normalize import decode_json

FORMATS = (
    "auto",
    "post",
    "twitter-v1",
    "twitter-v2",
    "mastodon",
    "rss",
    "csv",
    "linkedin",
    "facebook",
)
EXPORTS = ("linkedin", "facebook")  # data exports: the author comes from --author/the archive
_JSON_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")
READABLE_SUFFIXES = (*_JSON_SUFFIXES, ".csv", ".xml", ".rss", ".atom")


@dataclass(frozen=True)
class Record:
    """One source record: a Post-shaped dict, or the error that stopped it.

    ``end``: bytes of the file as stored (compressed, for .gz) read up to this record, for
    a progress bar that has a total and an ETA.
    """

    file: str
    line: int
    raw: bytes
    post: dict[str, Any] | None = None
    error: InvalidPostError | None = None
    end: int = 0


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
        return gzip.decompress(data) if path.suffix == ".gz" else data
    except (OSError, EOFError) as exc:
        raise UnreadableFileError(str(path), f"cannot be read: {exc}", code="SCOUT-E041") from exc


def _shape(obj: Any) -> str:
    if not isinstance(obj, dict):
        return "post"
    if is_facebook_post(obj):  # before twitter-v2: it has a "data" list too
        return "facebook"
    if "data" in obj and ("includes" in obj or isinstance(obj["data"], list | dict)):
        return "twitter-v2"
    if "id_str" in obj and isinstance(obj.get("user"), dict):
        return "twitter-v1"
    if "edit_history_tweet_ids" in obj or ("author_id" in obj and "public_metrics" in obj):
        return "twitter-v2"
    if "account" in obj and "content" in obj:
        return "mastodon"
    return "post"


def detect_format(path: Path) -> str:
    """From the name, then from the first post of a JSON file that parses (bytes that are
    not UTF-8 are replaced for this look only: those posts are refused when read)."""
    name = path.name.lower()
    if name.endswith((".xml", ".rss", ".atom")):
        return "rss"
    if name.endswith(".csv"):
        return "linkedin" if _csv_header_is_linkedin(path) else "csv"
    if not name.endswith(_JSON_SUFFIXES):
        raise ConfigError(
            f"{path}: unknown file type (readable: {', '.join(READABLE_SUFFIXES)})",
            code="SCOUT-E070",
        )
    for item in read_file(path):
        try:
            return _shape(json.loads(item.raw.decode("utf-8-sig", "replace")))
        except json.JSONDecodeError:
            continue  # malformed posts are reported one by one
    return "post"


def _csv_header_is_linkedin(path: Path) -> bool:
    """Whether the first line names LinkedIn's columns (``Shares.csv`` by any name)."""
    for line, _ in raw_lines(path):
        text = line.decode("utf-8-sig", "replace")
        return is_linkedin_header(next(csv.reader([text]), []))
    return False


def _convert(fmt: str, obj: Any, author: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not isinstance(obj, dict):
        raise InvalidPostError(
            f"expected a JSON object, got {type(obj).__name__}", reason="unknown_shape"
        )
    if fmt == "twitter-v2":
        return twitter_v2_posts(obj)
    if fmt == "mastodon":
        return [mastodon_post(obj)]
    if fmt == "facebook":
        return [facebook_post(obj, author)]
    return [obj]  # post and twitter-v1: the normalizer reads both


def _json_records(path: Path, fmt: str, author: dict[str, Any] | None) -> Iterator[Record]:
    """The posts ``scout ingest`` would read from the file, converted from ``fmt``."""
    for item in read_file(path):
        try:
            obj = decode_json(item.raw)
            posts = _convert(fmt, obj, author)
        except InvalidPostError as exc:
            yield Record(file=item.file, line=item.line, raw=item.raw, error=exc, end=item.end)
            continue
        for post in posts:
            yield Record(file=item.file, line=item.line, raw=item.raw, post=post, end=item.end)


def _csv_records(path: Path, layout: CsvLayout | None = None) -> Iterator[Record]:
    for row in csv_rows(raw_lines(path), str(path), layout):
        yield Record(
            file=str(path), line=row.line, raw=row.raw, post=row.post, error=row.error, end=row.end
        )


def read_records(path: Path, fmt: str = "auto", *, author: str | None = None) -> Iterator[Record]:
    """Records of one file in order; unreadable records carry their error, and a file that
    cannot be read (further) raises ``UnreadableFileError``. ``author`` is the handle of a
    data export's owner (``linkedin``, ``facebook``)."""
    if fmt == "auto":
        fmt = detect_format(path)
    owner = export_author(path, fmt, author) if fmt in EXPORTS else None
    if fmt == "rss":
        data = _read_bytes(path)
        size = path.stat().st_size
        try:
            for index, post in enumerate(feed_posts(data), start=1):
                yield Record(file=str(path), line=index, raw=b"", post=post, end=size)
        except InvalidPostError as exc:
            raise UnreadableFileError(str(path), exc.message, code="SCOUT-E076") from exc
        return
    if fmt == "csv":
        yield from _csv_records(path)
        return
    if fmt == "linkedin":
        layout = CsvLayout(
            accepts=is_linkedin_header,
            wanted=",".join(LINKEDIN_COLUMNS) + " (LinkedIn's Shares.csv)",
            convert=lambda row: linkedin_post(row, owner),
        )
        yield from _csv_records(path, layout)
        return
    yield from _json_records(path, fmt, owner)
