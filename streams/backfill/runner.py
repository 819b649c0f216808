"""Run a backfill: files -> records -> validated posts -> ``posts.raw`` (the live path).

Publishing is confirmed (flush + acknowledgements) every ``confirm_every`` records before
the checkpoint moves, so a killed run resumes without losing or skipping anything; posts
have deterministic ids, so the records published again after a crash only overwrite.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from kafka.errors import KafkaError

from models.post import BackfillInfo, Post
from streams.backfill.checkpoint import Checkpoint, CheckpointState, FileState
from streams.backfill.formats import Record, read_records
from streams.backfill.formats.detect import READABLE_SUFFIXES
from streams.backfill.pacing import Pacer
from streams.errors import (
    BrokerUnavailableError,
    ConfigError,
    InvalidPostError,
    UnreadableFileError,
)
from streams.index.documents import doc_id
from streams.ingest.reader import EncodingTally
from streams.normalize import post_from_obj


@dataclass(frozen=True)
class BackfillOptions:
    paths: tuple[str, ...]
    fmt: str = "auto"
    since: datetime | None = None
    until: datetime | None = None
    rate: float | None = None
    dry_run: bool = False
    alerts: bool = False
    author: str | None = None  # the handle of a data export's owner (linkedin, facebook)

    def arguments(self) -> dict[str, Any]:
        """What identifies a run (rate, dry-run and alerts do not change the result set)."""
        arguments = {
            "paths": [str(Path(p).resolve()) for p in self.paths],
            "format": self.fmt,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }
        if self.author is not None:  # absent otherwise: earlier runs keep their checkpoint
            arguments["author"] = self.author
        return arguments


@dataclass
class BackfillSummary:
    read: int = 0
    published: int = 0
    skipped_time: int = 0
    duplicates: int = 0
    invalid: Counter[str] = field(default_factory=Counter)
    resumed: bool = False
    failed: dict[str, str] = field(default_factory=dict)  # file -> why it was not read fully

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "published": self.published,
            "skipped_time": self.skipped_time,
            "duplicates": self.duplicates,
        }


def expand_paths(paths: Sequence[str]) -> list[Path]:
    """Files as given, directories walked (sorted) for readable files."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(READABLE_SUFFIXES)
            )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise ConfigError(f"no such file or directory: {name}", code="SCOUT-E040")
    if not files:
        raise ConfigError(f"no readable files in {', '.join(paths)}", code="SCOUT-E071")
    return files


class RejectsWriter:
    """Invalid records with their source file, line number and reason (JSON Lines)."""

    def __init__(self, sink: IO[str]) -> None:
        self._sink = sink

    def write(self, record: Record, error: InvalidPostError) -> None:
        try:
            raw, encoding = record.raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            raw, encoding = base64.b64encode(record.raw).decode("ascii"), "base64"
        entry = {
            "file": record.file,
            "line": record.line,
            "reason": error.reason,
            "detail": error.message,
            "raw": raw,
            "raw_encoding": encoding,
        }
        self._sink.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def flush(self) -> None:
        """Make the rejects durable before the checkpoint moves past them."""
        self._sink.flush()
        fileno = getattr(self._sink, "fileno", None)
        if fileno is not None:
            with contextlib.suppress(OSError, ValueError):  # StringIO has no descriptor
                os.fsync(fileno())


class BackfillRunner:
    def __init__(
        self,
        options: BackfillOptions,
        *,
        producer: Any | None,
        topic: str,
        checkpoint: Checkpoint | None,
        rejects: RejectsWriter,
        max_text_chars: int,
        confirm_every: int = 2000,
        on_record: Callable[[Record], None] = lambda record: None,
    ) -> None:
        self.options = options
        self._producer = producer
        self._topic = topic
        self._checkpoint = checkpoint
        self._rejects = rejects
        self._max_text_chars = max_text_chars
        self._confirm_every = confirm_every
        self._on_record = on_record
        self._pacer = Pacer(options.rate)
        self._seen: set[bytes] = set()
        self._encoding = EncodingTally()
        self._futures: list[Any] = []
        self.summary = BackfillSummary()
        run = checkpoint.run if checkpoint else "dry-run"
        self._marker = BackfillInfo(run=run, alerts=options.alerts)

    def run(self, files: Iterable[Path]) -> BackfillSummary:
        state = self._checkpoint.load() if self._checkpoint else None
        if state is not None and (state.files or state.counts):
            self.summary.resumed = True
            self._restore(state)
        for path in files:
            file_state = state.files.setdefault(str(path), FileState()) if state else FileState()
            if file_state.done:
                continue
            try:
                self._run_file(path, file_state, state)
            except UnreadableFileError as exc:
                self._failed(exc)
            for problem in self._encoding.problems().values():
                self._failed(problem)
            self._encoding = EncodingTally()
            file_state.done = True
            self._commit(state)
        if state is not None:
            state.complete = True
            self._commit(state)
        return self.summary

    def _failed(self, error: UnreadableFileError) -> None:
        self.summary.failed[error.file] = str(error)

    def _restore(self, state: CheckpointState) -> None:
        for key, value in state.counts.items():
            setattr(self.summary, key, value)
        self.summary.invalid.update(state.invalid)
        self.summary.failed.update(state.failed)

    def _run_file(self, path: Path, file_state: FileState, state: CheckpointState | None) -> None:
        records = read_records(path, self.options.fmt, author=self.options.author)
        for index, record in enumerate(records):
            if index < file_state.position:
                continue  # published before the last checkpoint
            self._handle(record)
            file_state.position = index + 1
            self._on_record(record)
            if state is not None and len(self._futures) >= self._confirm_every:
                self._commit(state)

    def _handle(self, record: Record) -> None:
        self.summary.read += 1
        try:
            if record.error is not None:
                raise record.error
            post = post_from_obj(record.post, max_text_chars=self._max_text_chars)
        except InvalidPostError as exc:
            self.summary.invalid[exc.reason] += 1
            self._rejects.write(record, exc)
            if exc.reason == "bad_encoding":
                self._encoding.note(record.file, record.line, record.raw)
            return
        if not self._in_range(post):
            self.summary.skipped_time += 1
            return
        key = hashlib.blake2b(doc_id(post.source, post.id).encode(), digest_size=12).digest()
        if key in self._seen:
            self.summary.duplicates += 1
            return
        self._seen.add(key)
        self.summary.published += 1
        if self._producer is None:
            return  # dry run: validated and counted only
        self._pacer.wait()
        payload = post.model_copy(update={"backfill": self._marker})
        value = payload.model_dump_json(exclude_none=True).encode()
        self._futures.append(self._producer.send(self._topic, key=post.id.encode(), value=value))

    def _in_range(self, post: Post) -> bool:
        since, until = self.options.since, self.options.until
        if since is None and until is None:
            return True
        if post.created_at is None:
            return False
        return (since is None or post.created_at >= since) and (
            until is None or post.created_at < until
        )

    def _commit(self, state: CheckpointState | None) -> None:
        if self._producer is not None and self._futures:
            try:
                self._producer.flush(timeout=120)
                for future in self._futures:
                    future.get(timeout=120)
            except KafkaError as exc:
                raise BrokerUnavailableError(
                    f"Kafka did not acknowledge the backfill: {exc}; run the same command"
                    " again to resume from the last checkpoint"
                ) from exc
            self._futures.clear()
        self._rejects.flush()
        if state is not None and self._checkpoint is not None:
            state.counts = self.summary.counts()
            state.invalid = dict(self.summary.invalid)
            state.failed = dict(self.summary.failed)
            self._checkpoint.save(state)
