"""A post after extraction: what is indexed in Elasticsearch and what `scout enrich` prints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.post import Author, BackfillInfo, Engagement, RepostOf
from models.signals import (
    NOT_MA,
    Category,
    CompetitorMention,
    ExecMove,
    Influence,
    MASignal,
    Sentiment,
)

ENRICHED_SCHEMA_VERSION = 2
# Bump when extraction changes in a way that makes re-enrichment worthwhile.
# 2: topics, retweets, M&A and moves; 3: matching on folded text; 4: category and story;
# 5: `text` is the post's text as given (no longer cleaned) and entity offsets index it;
#    the folded copy also unifies line ends and squeezes blanks (issue 14)
ENRICHMENT_VERSION = 5


class Entity(BaseModel):
    """A span of the post's text with a label (spaCy names: ORG, PERSON, GPE, MONEY...)."""

    model_config = ConfigDict(frozen=True)

    text: str
    label: str
    start: int = Field(
        ge=0,
        description="Character offset in the stored `text` (the post's text as given):"
        " `text[start:end]` is this entity's `text`.",
    )
    end: int = Field(ge=0)
    id: str | None = Field(None, description="Canonical id when linked, e.g. company:MSFT.")
    source: str = Field("ner", description="What found it: ner, tweet_ner, alias, cashtag...")
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class Versions(BaseModel):
    """What an enriched post was made with (re-enrichment compares these)."""

    model_config = ConfigDict(frozen=True)

    enrichment: int = ENRICHMENT_VERSION
    model: str = ""
    watchlist: str | None = None


class EnrichedPost(BaseModel):
    """The indexed document (``_id`` is ``doc_id``). Fields are added, never changed."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = ENRICHED_SCHEMA_VERSION
    doc_id: str
    post_id: str
    source: str
    text: str
    created_at: datetime | None
    author: Author | None
    url: str | None
    lang: str | None
    entities: tuple[Entity, ...]
    model: str = Field(description="Name and version of the NLP model(s) used.")
    # --- schema 2 (intelligence) -----------------------------------------------------
    lang_source: Literal["post", "detected"] | None = None
    engagement: Engagement | None = None
    repost_of: RepostOf | None = None
    ma: MASignal = NOT_MA
    competitors: tuple[CompetitorMention, ...] = ()
    moves: tuple[ExecMove, ...] = ()
    sentiment: Sentiment | None = None
    influence: Influence | None = None
    versions: Versions = Versions()
    backfill: BackfillInfo | None = None
    handles_mentioned: tuple[str, ...] = Field(
        (), description="@handles the post mentions (lower case, without @)."
    )
    topics: tuple[str, ...] = Field(
        (), description="Ids of the watched topics whose keywords the post names (topic:...)."
    )
    category: Category | None = Field(
        None, description="spam, chatter, news or other, with a score (None: not classified)."
    )
    story: str | None = Field(
        None,
        description=(
            "Near-duplicate key: posts with the same text once tickers, links, handles and "
            "numbers are set aside share it (one story, however many copies)."
        ),
    )
    text_match: str | None = Field(
        None,
        description=(
            "The folded copy of `text` that NER, linking and rules read (line ends unified, "
            "invisible characters removed, NFKC, blanks squeezed, stripped), present only "
            "when it differs from `text`."
        ),
    )
