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
    description: str | None = Field(
        None, description="The account's self-description (bio), as given."
    )


class Engagement(BaseModel):
    """Reactions a post had received when captured (None: unknown)."""

    model_config = ConfigDict(frozen=True)

    likes: int | None = Field(None, ge=0)
    reposts: int | None = Field(None, ge=0)
    replies: int | None = Field(None, ge=0)
    quotes: int | None = Field(None, ge=0)


class RepostOf(BaseModel):
    """The original of a repost (retweet/boost), with its author and engagement."""

    model_config = ConfigDict(frozen=True)

    id: str
    author: Author | None = None
    engagement: Engagement | None = None


class BackfillInfo(BaseModel):
    """Set on posts loaded by `scout backfill`: which run, and whether alerts may fire."""

    model_config = ConfigDict(frozen=True)

    run: str
    alerts: bool = False


class Filing(BaseModel):
    """A regulatory filing a post reports (the ``edgar`` source): what the M&A signal reads.

    ``form`` as filed (``8-K``, ``SC TO-T``, ``425``, an amendment ``8-K/A``...), the 8-K
    ``items`` (``2.01``...), the ``accession`` number, the filer (``company``, ``cik``)
    and, for filings about another company (tender offers, 425s), the ``subject``."""

    model_config = ConfigDict(frozen=True)

    form: str = Field(min_length=1, max_length=32)
    items: tuple[str, ...] = ()
    accession: str | None = Field(None, max_length=32)
    company: str | None = Field(None, max_length=256)
    cik: str | None = Field(None, max_length=16)
    subject: str | None = Field(None, max_length=256)
    subject_cik: str | None = Field(None, max_length=16)


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
    engagement: Engagement | None = None
    repost_of: RepostOf | None = None
    backfill: BackfillInfo | None = None
    filing: Filing | None = None
    mentioned_accounts: tuple[Author, ...] = Field(
        (),
        max_length=200,  # MAX_MENTIONED of streams.normalize.twitter
        description=(
            "Accounts the text mentions as the platform describes them (handle and display"
            " name: a Twitter status's entities.user_mentions); they tell the @handle typing"
            " a person's account from an organisation's."
        ),
    )

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
