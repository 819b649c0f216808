"""Signal records attached to enriched posts (additive to EnrichedPost)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Sentiment(BaseModel):
    """VADER compound score in [-1, 1] and its label (±0.05 thresholds)."""

    model_config = ConfigDict(frozen=True)

    label: Literal["positive", "negative", "neutral"]
    score: float = Field(ge=-1.0, le=1.0)


class CompetitorMention(BaseModel):
    """A watched competitor named in the post, with the post's sentiment."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    sentiment: Sentiment | None = None


class Influence(BaseModel):
    """Per-post influence of the author: 0..100 from reach, authority and engagement."""

    model_config = ConfigDict(frozen=True)

    score: float = Field(ge=0.0, le=100.0)
    followers: int | None = None
    listed: int | None = None
    verified: bool | None = None
    engagement: int = Field(0, ge=0, description="Likes + reposts + replies + quotes received.")


CategoryLabel = Literal["spam", "chatter", "news", "other"]


class Category(BaseModel):
    """What kind of post this is, for a reader who wants company events only.

    ``spam``: promotion, ads, cashtag-stuffed ticker lists, link bait; ``chatter``: price talk,
    technical analysis, options, personal trades, opinions without a company event; ``news``: a
    concrete company event (results, product, deal, lawsuit, executive move, regulation,
    partnership); ``other``: the rest.
    """

    model_config = ConfigDict(frozen=True)

    label: CategoryLabel
    score: float = Field(ge=0.0, le=1.0, description="Confidence in the label.")
    signal: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="How strongly the post reports a company event (rules: minimum signal).",
    )


MAStatus = Literal["rumour", "announced", "completed", "denied", "called_off"]


class Party(BaseModel):
    """One side of a deal: the name as written, and the watch-list id when linked."""

    model_config = ConfigDict(frozen=True)

    name: str
    id: str | None = Field(None, description="Canonical id when linked, e.g. company:MSFT.")


class MASignal(BaseModel):
    """Whether a post reports a merger or acquisition, and who buys whom.

    For a merger of equals ("X and Y to merge") the first-named party is the ``acquirer``
    and the second the ``target``.
    """

    model_config = ConfigDict(frozen=True)

    is_ma: bool
    score: float = Field(ge=0.0, le=1.0)
    acquirer: Party | None = None
    target: Party | None = None
    amount: str | None = Field(None, description='The deal value as written: "$5bn".')
    status: MAStatus | None = None


NOT_MA = MASignal(is_ma=False, score=0.0)


class ExecMove(BaseModel):
    """An executive move or hiring signal read from a post."""

    model_config = ConfigDict(frozen=True)

    person: str | None
    person_id: str | None = None
    organisation: str | None = None
    organisation_id: str | None = None
    role: str | None = None
    direction: Literal[
        "joins", "leaves", "promoted", "hiring", "layoffs", "reshuffle", "succession"
    ]
    cue: str = Field(description="The words that signalled the move.")
