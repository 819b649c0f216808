"""Alert rules, the alerts they produce, and delivery attempts (records only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

ALERT_SCHEMA_VERSION = 1

SignalType = Literal["ma", "move", "competitor"]
Mode = Literal["instant", "hourly", "daily"]
DedupKey = Literal["post", "story", "link"]


class Channel(BaseModel):
    """Where an alert goes. ``secret`` signs generic webhooks (HMAC-SHA256); never logged."""

    model_config = ConfigDict(frozen=True)

    type: Literal["webhook", "slack", "teams"]
    url: str = Field(min_length=8, max_length=2048)
    secret: SecretStr | None = None
    name: str | None = None

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("channel url must be http(s)://")
        return value


class Conditions(BaseModel):
    """Structured conditions ANDed with the rule's query."""

    model_config = ConfigDict(frozen=True)

    entity_ids: tuple[str, ...] = ()
    signals: tuple[SignalType, ...] = ()
    min_influence: float | None = Field(None, ge=0, le=100)
    languages: tuple[str, ...] = ()


class Rule(BaseModel):
    """An alert rule over enriched posts."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")
    name: str = Field(min_length=1, max_length=200)
    query: str | None = Field(None, description="Lucene query string over the posts index.")
    query_dsl: dict[str, Any] | None = Field(None, description="Elasticsearch query DSL.")
    conditions: Conditions = Conditions()
    channels: tuple[Channel, ...] = ()
    throttle_s: int = Field(0, ge=0, le=7 * 86400, description="Re-alert window per dedup key.")
    dedup: DedupKey = Field(
        "story", description="post: each post; story: near-identical text; link: shared URL."
    )
    mode: Mode = "instant"
    owner: str = Field(min_length=1, max_length=200)
    enabled: bool = True
    created_at: datetime | None = None
    updated_at: datetime | None = None


class AlertPost(BaseModel):
    """What an alert carries of the post that fired it."""

    model_config = ConfigDict(frozen=True)

    doc_id: str
    post_id: str
    source: str
    text: str
    url: str | None = None
    author: str | None = None
    created_at: datetime | None = None
    entity_ids: tuple[str, ...] = ()
    influence: float | None = None
    ma: dict[str, Any] | None = None


class Alert(BaseModel):
    """One alert: a rule matched a post. ``alert_id`` is deterministic (rule + dedup value),
    so a redelivered or re-matched post produces the same alert, never a second one."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = ALERT_SCHEMA_VERSION
    alert_id: str
    rule_id: str
    rule_name: str
    dedup_value: str
    post: AlertPost
    matched_at: datetime
    mode: Mode = "instant"


class DeliveryAttempt(BaseModel):
    """One try to deliver an alert to one channel (the delivery log)."""

    model_config = ConfigDict(frozen=True)

    alert_id: str
    rule_id: str
    channel: str = Field(description="Channel type and host only: never the full URL or secret.")
    attempt: int = Field(ge=1)
    outcome: Literal["delivered", "retry", "failed", "refused", "interrupted"]
    http_status: int | None = None
    error: str | None = None
    at: datetime
    duration_ms: float = 0.0
