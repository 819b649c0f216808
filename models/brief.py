"""The boardroom brief: what happened in a time window, every claim cited to its posts.

Built by ``streams.brief`` from the posts index; rendered as Markdown, HTML or JSON by
``scout brief`` and ``GET /brief``. Every item (development, deal, move, voice) carries at
least one :class:`Citation`: the record cannot hold an uncited claim.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from models.signals import MAStatus, Party

BRIEF_SCHEMA_VERSION = 1


class Citation(BaseModel):
    """One post that supports a claim."""

    model_config = ConfigDict(frozen=True)

    post_id: str
    doc_id: str
    source: str
    url: str | None = None
    author: str | None = Field(None, description="The author's handle, without @.")
    created_at: datetime | None = None


class Development(BaseModel):
    """One story about a company: near-duplicate reposts collapsed into ``copies``."""

    model_config = ConfigDict(frozen=True)

    headline: str = Field(description="The text of the story's representative post.")
    copies: int = Field(ge=1, description="Posts in the story (the original and its reposts).")
    engagement: int = Field(0, ge=0, description="Engagement received, summed over the copies.")
    influence: float = Field(0.0, ge=0.0, description="The highest author influence (0..100).")
    sentiment: str | None = None
    tags: tuple[str, ...] = Field((), description="Signals in the story: ma, move.")
    citations: tuple[Citation, ...] = Field(min_length=1)


class CompanySection(BaseModel):
    """The main developments about one watched company."""

    model_config = ConfigDict(frozen=True)

    company_id: str
    name: str
    posts: int = Field(ge=0, description="Posts in the window that mention the company.")
    developments: tuple[Development, ...]


class Deal(BaseModel):
    """An M&A rumour or announcement, with the posts that report it."""

    model_config = ConfigDict(frozen=True)

    acquirer: Party | None = None
    target: Party | None = None
    amount: str | None = None
    status: MAStatus | None = Field(None, description="As of the latest post reporting it.")
    statuses: tuple[MAStatus, ...] = Field((), description="Every status seen, oldest first.")
    headline: str
    copies: int = Field(ge=1)
    citations: tuple[Citation, ...] = Field(min_length=1)


class Move(BaseModel):
    """An executive move or hiring signal."""

    model_config = ConfigDict(frozen=True)

    person: str | None = None
    organisation: str | None = None
    organisation_id: str | None = None
    role: str | None = None
    direction: str
    headline: str
    copies: int = Field(ge=1)
    citations: tuple[Citation, ...] = Field(min_length=1)


class RisingVoice(BaseModel):
    """An author whose activity in the window outgrew their own baseline."""

    model_config = ConfigDict(frozen=True)

    handle: str
    recent_posts: int = Field(ge=0)
    baseline_posts: float = Field(ge=0.0, description="Posts per window before this one.")
    growth: float
    score: float
    citations: tuple[Citation, ...] = Field(min_length=1)


class Brief(BaseModel):
    """A brief over ``[since, until)``. Empty sections mean nothing of that kind happened."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = BRIEF_SCHEMA_VERSION
    since: datetime
    until: datetime
    generated_at: datetime
    posts_in_window: int = Field(ge=0, description="Every post indexed for the window.")
    posts_considered: int = Field(ge=0, description="Posts read to build the brief.")
    companies_filter: tuple[str, ...] = ()
    companies: tuple[CompanySection, ...] = ()
    deals: tuple[Deal, ...] = ()
    moves: tuple[Move, ...] = ()
    rising_voices: tuple[RisingVoice, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing to report: no company news, deal, move or rising voice."""
        return not (self.companies or self.deals or self.moves or self.rising_voices)
