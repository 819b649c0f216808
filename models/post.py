"""The normalized Post: what ``scout ingest`` publishes to ``posts.raw``."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

POST_SCHEMA_VERSION = 1


class Author(BaseModel):
    """Who wrote a post. Unknown extra keys are kept (``extra="allow"``)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    handle: str | None = Field(None, max_length=256)
    name: str | None = Field(None, max_length=512)
    followers: int | None = Field(None, ge=0)
    following: int | None = Field(None, ge=0)
    listed: int | None = Field(None, ge=0)
    verified: bool | None = None


class Post(BaseModel):
    """A public post in the scout's normalized shape."""

    model_config = ConfigDict(extra="allow", frozen=True)

    schema_version: int = POST_SCHEMA_VERSION
    id: str = Field(min_length=1, max_length=512)
    text: str
    created_at: datetime | None = None
    author: Author | None = None
    source: str = Field("unknown", min_length=1, max_length=128)
    url: str | None = Field(None, max_length=4096)
    lang: str | None = Field(None, max_length=16)

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        # Platforms hand out numeric ids; keep them exact as text.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("created_at needs a timezone (e.g. 2024-05-01T12:00:00Z)")
        return value
