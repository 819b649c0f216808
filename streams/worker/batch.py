"""Pure batch logic of the stream: split a consumed batch into posts, deletions and dead
letters.

Ordering of a post and its deletion: live sources send both keyed by the post id
(``Source.produce`` / ``Source.produce_delete``), so they share a partition and reach the
worker in the order they were produced; batches of a partition are processed one after
another. Within one batch a record followed by one of the other kind for the same
document is superseded: a post followed by its deletion is not indexed (the deletion still
runs, for a copy indexed earlier), a deletion followed by the post again is dropped. Two
versions of a post (an edit) are both sent in order and the later overwrites. Deleting a document that does not exist is harmless. No tombstone is
kept: a post sent again later under the same id by another path (a backfill of an old
export) is indexed again, as any re-ingest is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.dead_letter import DeadLetter
from models.deletion import PostDeletion
from models.post import Post
from streams.errors import InvalidPostError, PermanentError, UnprocessableError
from streams.index.documents import doc_id
from streams.normalize import dead_letter_for, parse_record


@dataclass(frozen=True)
class RawMessage:
    """One consumed message; topic/partition/offset end up in dead letters."""

    value: bytes
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: bytes | None = None


@dataclass
class BatchPlan:
    """Valid posts, each with the message it came from (``origins[i]`` for ``posts[i]``),
    the documents to delete, and dead letters for the rest."""

    posts: list[Post] = field(default_factory=list)
    origins: list[RawMessage] = field(default_factory=list)
    dead: list[DeadLetter] = field(default_factory=list)
    deletions: list[PostDeletion] = field(default_factory=list)
    deletion_origins: list[RawMessage] = field(default_factory=list)
    superseded: int = 0  # records a later record of the same document replaced


def letter_for(
    msg: RawMessage, error: PermanentError, *, stage: str, post_id: str | None = None
) -> DeadLetter:
    """The dead letter of a consumed message: its bytes (bounded), where it was, and why."""
    if post_id is None and msg.key:
        post_id = msg.key[:1024].decode("utf-8", "replace")
    return dead_letter_for(
        msg.value,
        error,
        stage=stage,
        source_topic=msg.topic,
        partition=msg.partition,
        offset=msg.offset,
        post_id=post_id,
    )


def plan_batch(
    messages: Sequence[RawMessage], *, max_message_bytes: int, max_text_chars: int
) -> BatchPlan:
    """Split a batch into valid posts, deletions and dead letters (with the reason); a post
    and a deletion of one document: the later wins (see the module). Nothing a message holds makes
    this raise: an error the parser did not expect is ``unprocessable``."""
    plan = BatchPlan()
    records: list[tuple[Post | PostDeletion, RawMessage]] = []
    for msg in messages:
        try:
            record = parse_record(
                msg.value, max_message_bytes=max_message_bytes, max_text_chars=max_text_chars
            )
        except InvalidPostError as exc:
            plan.dead.append(letter_for(msg, exc, stage="normalize"))
        except Exception as exc:  # noqa: BLE001 - whatever one record causes stays with it
            error = UnprocessableError.of(exc, stage="normalize")
            plan.dead.append(letter_for(msg, error, stage="normalize"))
        else:
            records.append((record, msg))
    # The last post and the last deletion of each document: a record followed by one of
    # the other kind is superseded by it.
    last = {(type(r), doc_id(r.source, r.id)): i for i, (r, _) in enumerate(records)}
    for i, (record, msg) in enumerate(records):
        other = Post if isinstance(record, PostDeletion) else PostDeletion
        if last.get((other, doc_id(record.source, record.id)), -1) > i:
            plan.superseded += 1
        elif isinstance(record, PostDeletion):
            plan.deletions.append(record)
            plan.deletion_origins.append(msg)
        else:
            plan.posts.append(record)
            plan.origins.append(msg)
    return plan
