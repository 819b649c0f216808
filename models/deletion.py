"""A deletion on ``posts.raw``: "the post ``id`` of ``source`` was deleted at its origin".

Live sources publish it when a platform says a post is gone (a Mastodon ``delete`` event,
a Bluesky ``delete`` commit); the worker deletes the document ``doc_id(source, id)``.
On the topic it is one JSON object, keyed like the post itself (the post id):

    {"schema_version": 1, "op": "delete", "source": "mastodon", "id": "1123",
     "deleted_at": "2026-12-06T00:20:00+00:00"}

It is told apart from a Post by its ``op`` field and by having no ``text`` (every Post
has ``text``): the parser reads an object with ``op`` and without ``text`` as an
operation and never as a post. An edit needs no record of its own: the new version is
published as a Post with the same id and its deterministic document id overwrites.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

DELETION_SCHEMA_VERSION = 1


class PostDeletion(BaseModel):
    """Remove the post ``id`` of ``source`` from the index (idempotent)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = DELETION_SCHEMA_VERSION
    op: Literal["delete"] = "delete"
    source: str = Field(min_length=1, max_length=128)
    id: str = Field(min_length=1, max_length=512)
    deleted_at: datetime | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("deleted_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("deleted_at needs a timezone (e.g. 2024-05-01T12:00:00Z)")
        return value


def is_operation(obj: object) -> bool:
    """True for a JSON object that is an operation record (``op``, no ``text``), not a post."""
    return isinstance(obj, dict) and "op" in obj and "text" not in obj
