"""A post after extraction: what is indexed in Elasticsearch."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from models.post import Author

ENRICHED_SCHEMA_VERSION = 1


class Entity(BaseModel):
    """A span of the post's text with a label (spaCy names: ORG, PERSON, GPE, MONEY...)."""

    model_config = ConfigDict(frozen=True)

    text: str
    label: str
    start: int = Field(ge=0, description="Character offset in the normalized text.")
    end: int = Field(ge=0)
    id: str | None = Field(None, description="Canonical id when linked, e.g. company:MSFT.")
    source: str = Field("ner", description="What found it: ner, watchlist, cashtag...")
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class EnrichedPost(BaseModel):
    """The indexed document (``_id`` is ``doc_id``)."""

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
    model: str = Field(description="Name and version of the NLP model used.")
