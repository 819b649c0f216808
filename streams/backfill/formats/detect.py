"""Detect a file's format and read it as records (one per post, with a line number)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streams.backfill.formats.feeds import csv_rows, feed_posts
from streams.backfill.formats.social import mastodon_post, twitter_v2_posts
from streams.errors import ConfigError, InvalidPostError, UnreadableFileError
from streams.ingest.reader import raw_lines, read_file
from streams.normalize import decode_json

FORMATS = ("auto", "post", "twitter-v1", "twitter-v2", "mastodon", "rss", "csv")
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
        return "csv"
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


def _convert(fmt: str, obj: Any) -> list[dict[str, Any]]:
    if not isinstance(obj, dict):
        raise InvalidPostError(
            f"expected a JSON object, got {type(obj).__name__}", reason="unknown_shape"
        )
    if fmt == "twitter-v2":
        return twitter_v2_posts(obj)
    if fmt == "mastodon":
        return [mastodon_post(obj)]
    return [obj]  # post and twitter-v1: the normalizer reads both


def _json_records(path: Path, fmt: str) -> Iterator[Record]:
    """The posts ``scout ingest`` would read from the file, converted from ``fmt``."""
    for item in read_file(path):
        try:
            obj = decode_json(item.raw)
            posts = _convert(fmt, obj)
        except InvalidPostError as exc:
            yield Record(file=item.file, line=item.line, raw=item.raw, error=exc, end=item.end)
            continue
        for post in posts:
            yield Record(file=item.file, line=item.line, raw=item.raw, post=post, end=item.end)


def _csv_records(path: Path) -> Iterator[Record]:
    for row in csv_rows(raw_lines(path), str(path)):
        yield Record(
            file=str(path), line=row.line, raw=row.raw, post=row.post, error=row.error, end=row.end
        )


def read_records(path: Path, fmt: str = "auto") -> Iterator[Record]:
    """Records of one file in order; unreadable records carry their error, and a file that
    cannot be read (further) raises ``UnreadableFileError``."""
    if fmt == "auto":
        fmt = detect_format(path)
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
    yield from _json_records(path, fmt)
