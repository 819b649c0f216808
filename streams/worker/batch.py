"""Pure batch logic of the stream: split a consumed batch into posts and dead letters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.dead_letter import DeadLetter
from models.post import Post
from streams.errors import InvalidPostError
from streams.normalize import dead_letter_for, parse_post


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
    posts: list[Post] = field(default_factory=list)
    dead: list[DeadLetter] = field(default_factory=list)


def plan_batch(
    messages: Sequence[RawMessage], *, max_message_bytes: int, max_text_chars: int
) -> BatchPlan:
    """Split a batch into valid posts and dead letters (with the reason)."""
    plan = BatchPlan()
    for msg in messages:
        try:
            plan.posts.append(
                parse_post(
                    msg.value, max_message_bytes=max_message_bytes, max_text_chars=max_text_chars
                )
            )
        except InvalidPostError as exc:
            plan.dead.append(
                dead_letter_for(
                    msg.value,
                    exc,
                    stage="normalize",
                    source_topic=msg.topic,
                    partition=msg.partition,
                    offset=msg.offset,
                    post_id=msg.key.decode("utf-8", "replace") if msg.key else None,
                )
            )
    return plan
