"""Detect a file's format and read it as records (one per post, with a line number)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streams.backfill.formats.feeds import csv_posts, feed_posts
from streams.backfill.formats.social import mastodon_post, twitter_v2_posts
from streams.errors import ConfigError, InvalidPostError

FORMATS = ("auto", "post", "twitter-v1", "twitter-v2", "mastodon", "rss", "csv")
_JSON_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")
READABLE_SUFFIXES = (*_JSON_SUFFIXES, ".csv", ".xml", ".rss", ".atom")


@dataclass(frozen=True)
class Record:
    """One source record: a Post-shaped dict, or the error that stopped it."""

    file: str
    line: int
    raw: bytes
    post: dict[str, Any] | None = None
    error: InvalidPostError | None = None


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


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
    for line in _read_bytes(path).splitlines():
        if line.strip():
            try:
                first = json.loads(line)
            except json.JSONDecodeError:
                break  # a whole-file JSON document, or bad lines: decide below
            return _shape(first[0] if isinstance(first, list) and first else first)
    try:
        whole = json.loads(_read_bytes(path))
    except json.JSONDecodeError:
        return "post"  # malformed lines are reported one by one
    return _shape(whole[0] if isinstance(whole, list) and whole else whole)


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
    data = _read_bytes(path)
    stripped = data.lstrip()
    if stripped.startswith(b"[") or (
        stripped.startswith(b"{") and path.name.endswith((".json", ".json.gz"))
    ):
        try:
            doc = json.loads(data)
        except json.JSONDecodeError:
            doc = None
        if doc is not None:
            items = doc if isinstance(doc, list) else [doc]
            for index, item in enumerate(items, start=1):
                yield from _records(str(path), index, json.dumps(item).encode(), fmt, item)
            return
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            error = InvalidPostError(f"malformed JSON: {exc.msg}", reason="malformed_json")
            yield Record(file=str(path), line=number, raw=line, error=error)
            continue
        except UnicodeDecodeError as exc:
            error = InvalidPostError(f"not UTF-8: {exc}", reason="bad_encoding")
            yield Record(file=str(path), line=number, raw=line, error=error)
            continue
        yield from _records(str(path), number, line, fmt, obj)


def _records(file: str, line: int, raw: bytes, fmt: str, obj: Any) -> Iterator[Record]:
    try:
        posts = _convert(fmt, obj)
    except InvalidPostError as exc:
        yield Record(file=file, line=line, raw=raw, error=exc)
        return
    for post in posts:
        yield Record(file=file, line=line, raw=raw, post=post)


def read_records(path: Path, fmt: str = "auto") -> Iterator[Record]:
    """Records of one file in order; unreadable records carry their error."""
    if fmt == "auto":
        fmt = detect_format(path)
    if fmt == "rss":
        data = _read_bytes(path)
        try:
            for index, post in enumerate(feed_posts(data), start=1):
                yield Record(file=str(path), line=index, raw=b"", post=post)
        except InvalidPostError as exc:
            yield Record(file=str(path), line=0, raw=data[:2048], error=exc)
        return
    if fmt == "csv":
        try:
            text = _read_bytes(path).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            error = InvalidPostError(f"CSV is not UTF-8: {exc}", reason="bad_encoding")
            yield Record(file=str(path), line=0, raw=b"", error=error)
            return
        try:
            for number, post in csv_posts(text):
                yield Record(file=str(path), line=number, raw=json.dumps(post).encode(), post=post)
        except InvalidPostError as exc:
            yield Record(file=str(path), line=1, raw=b"", error=exc)
        return
    yield from _json_records(path, fmt)
