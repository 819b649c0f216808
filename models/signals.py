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
