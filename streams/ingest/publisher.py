"""Validate lines with the worker's own parser and publish them; report refusals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from kafka.errors import KafkaError

from models.dead_letter import DeadLetter
from models.post import Post
from streams.errors import BrokerUnavailableError, InvalidPostError
from streams.ingest.reader import EncodingTally, SourceLine
from streams.normalize import dead_letter_for, parse_post
from streams.settings import Settings
from streams.topics import POSTS_DLQ, POSTS_RAW


@dataclass
class IngestReport:
    read: int = 0
    published: int = 0
    rejected: list[DeadLetter] = field(default_factory=list)
    encoding: EncodingTally = field(default_factory=EncodingTally)  # files with non-UTF-8 posts

    @property
    def reasons(self) -> Counter[str]:
        return Counter(d.reason for d in self.rejected)


def ingest_lines(
    lines: Iterable[SourceLine],
    producer: Any,
    *,
    topic: str,
    dlq_topic: str,
    max_message_bytes: int,
    max_text_chars: int,
    on_line: Callable[[SourceLine], None] = lambda line: None,
    on_outcome: Callable[[SourceLine, Post | DeadLetter], None] = lambda line, outcome: None,
    confirm_every: int = 5000,
    confirm_timeout_s: float = 60.0,
    stage: str = "ingest",
    origin: str | None = None,
) -> IngestReport:
    """Publish valid posts keyed by id; send refusals to the dead-letter topic too.

    Every ``confirm_every`` lines the producer is flushed and each send confirmed, so a
    large file needs bounded memory and a broker failure surfaces near where it happened.
    ``on_outcome`` gets each line's post or dead letter, in order; they are acknowledged by
    Kafka only when this returns (else :class:`BrokerUnavailableError`). ``stage`` names
    the origin in the dead letters (``ingest``, ``api``).
    """
    report = IngestReport()
    futures: list[Any] = []
    for item in lines:
        report.read += 1
        try:
            post = parse_post(
                item.raw, max_message_bytes=max_message_bytes, max_text_chars=max_text_chars
            )
        except InvalidPostError as exc:
            dead = dead_letter_for(
                item.raw,  # dead_letter_for keeps a bounded prefix, its size and hash
                exc,
                stage=stage,
                source_file=item.file,
                line=item.line,
                origin=origin,
            )
            report.rejected.append(dead)
            if exc.reason == "bad_encoding":
                report.encoding.note(item.file, item.line, item.raw)
            key = f"{item.file}:{item.line}".encode()
            futures.append(_send(producer, dlq_topic, key, dead.model_dump_json().encode()))
            on_outcome(item, dead)
        else:
            futures.append(_send(producer, topic, post.id.encode(), item.raw))
            report.published += 1
            on_outcome(item, post)
        on_line(item)
        if len(futures) >= confirm_every:
            _confirm(producer, futures, confirm_timeout_s)
    _confirm(producer, futures, confirm_timeout_s)
    return report


def _send(producer: Any, topic: str, key: bytes, value: bytes) -> Any:
    """``producer.send``; a send that cannot even start (no metadata from the broker within
    the producer's ``max_block_ms``) is Kafka unavailable too."""
    try:
        return producer.send(topic, key=key, value=value)
    except KafkaError as exc:
        raise BrokerUnavailableError(f"Kafka did not take the posts: {exc}") from exc


def _confirm(producer: Any, futures: list[Any], timeout_s: float) -> None:
    try:
        producer.flush(timeout=timeout_s)
        for future in futures:
            future.get(timeout=timeout_s)
    except KafkaError as exc:
        raise BrokerUnavailableError(f"Kafka did not acknowledge the posts: {exc}") from exc
    futures.clear()


def publish_lines(
    settings: Settings,
    lines: Iterable[SourceLine],
    *,
    on_line: Callable[[SourceLine], None] = lambda line: None,
) -> IngestReport:
    """``ingest_lines`` to this deployment's posts topic with a producer made and closed here."""
    from streams.kafka.producer import make_producer

    producer = make_producer(settings)
    try:
        return ingest_lines(
            lines,
            producer,
            topic=POSTS_RAW.name(settings),
            dlq_topic=POSTS_DLQ.name(settings),
            max_message_bytes=settings.max_message_bytes,
            max_text_chars=settings.max_text_chars,
            on_line=on_line,
        )
    finally:
        producer.close(timeout=10)
