"""Pure batch logic of the stream: split a consumed batch into posts and dead letters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.dead_letter import DeadLetter
from models.post import Post
from streams.errors import InvalidPostError, PermanentError, UnprocessableError
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
    """Valid posts, each with the message it came from (``origins[i]`` for ``posts[i]``),
    and dead letters for the rest."""

    posts: list[Post] = field(default_factory=list)
    origins: list[RawMessage] = field(default_factory=list)
    dead: list[DeadLetter] = field(default_factory=list)


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
    """Split a batch into valid posts and dead letters (with the reason). Nothing a message
    holds makes this raise: an error the parser did not expect is ``unprocessable``."""
    plan = BatchPlan()
    for msg in messages:
        try:
            post = parse_post(
                msg.value, max_message_bytes=max_message_bytes, max_text_chars=max_text_chars
            )
        except InvalidPostError as exc:
            plan.dead.append(letter_for(msg, exc, stage="normalize"))
        except Exception as exc:  # noqa: BLE001 - whatever one record causes stays with it
            error = UnprocessableError.of(exc, stage="normalize")
            plan.dead.append(letter_for(msg, error, stage="normalize"))
        else:
            plan.posts.append(post)
            plan.origins.append(msg)
    return plan
