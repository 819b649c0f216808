"""Alert rules, the alerts they produce, and delivery attempts (records only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from models.signals import CategoryLabel

# 2: ``kind`` ("post", "spike", "digest"); ``post`` optional; ``spike`` and ``digest``.
# Version 1 records (always a post) are still read as ``kind="post"``.
ALERT_SCHEMA_VERSION = 2

SignalType = Literal["ma", "move", "competitor"]
Mode = Literal["instant", "hourly", "daily"]
DedupKey = Literal["post", "story", "link"]
AlertKind = Literal["post", "spike", "digest"]


class Channel(BaseModel):
    """Where an alert goes. A generic webhook is signed (HMAC-SHA256) with the secret in the
    worker's environment variable ``secret_env``; the secret itself is never stored."""

    model_config = ConfigDict(frozen=True)

    type: Literal["webhook", "slack", "teams"]
    url: str = Field(min_length=8, max_length=2048)
    secret_env: str | None = Field(
        None,
        pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,127}$",
        description="Name of the workers' environment variable holding the signing secret.",
    )
    secret: SecretStr | None = Field(
        None,
        description="A signing secret stored in clear by earlier versions: still read, never"
        " accepted for new channels (`scout rules migrate-secrets` moves it to secret_env).",
    )
    name: str | None = None

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("channel url must be http(s)://")
        return value

    @model_validator(mode="after")
    def _only_webhooks_are_signed(self) -> Channel:
        if self.type != "webhook" and self.secret_env:
            raise ValueError("only webhook channels are signed: Slack and Teams take no secret")
        return self


class Conditions(BaseModel):
    """Structured conditions ANDed with the rule's query."""

    model_config = ConfigDict(frozen=True)

    entity_ids: tuple[str, ...] = ()
    signals: tuple[SignalType, ...] = ()
    min_influence: float | None = Field(None, ge=0, le=100)
    languages: tuple[str, ...] = ()
    categories: tuple[CategoryLabel, ...] = Field(
        (),
        description="Post categories to match (spam, chatter, news, other); empty: any. A post"
        " not classified yet has no category and matches none.",
    )
    min_signal: float | None = Field(
        None,
        ge=0,
        le=1,
        description="Lowest category signal (how strongly the post reports a company event).",
    )


class SpikeSpec(BaseModel):
    """A spike rule: mention volume of an entity in the last ``window_s`` against the mean
    of the ``baseline_windows`` windows before it. Fires when the window holds at least
    ``min_count`` posts and at least ``ratio`` times the baseline mean."""

    model_config = ConfigDict(frozen=True)

    entity_ids: tuple[str, ...] = Field(
        (), description="Entities to watch; empty: every watched entity in matching posts."
    )
    window_s: int = Field(3600, ge=300, le=7 * 86400, description="The window (s).")
    baseline_windows: int = Field(12, ge=1, le=168, description="Windows in the baseline.")
    min_count: int = Field(10, ge=1, description="Fewest posts in the window to fire.")
    ratio: float = Field(3.0, gt=1.0, le=1000.0, description="Window / baseline mean to fire.")


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
    spike: SpikeSpec | None = Field(
        None, description="Set: a spike rule (volume per entity), not matched per post."
    )

    @model_validator(mode="after")
    def _spikes_are_instant(self) -> Rule:
        if self.spike is not None and self.mode != "instant":
            raise ValueError("a spike rule is sent when the spike is seen: its mode is instant")
        return self


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


class SpikeInfo(BaseModel):
    """A mention spike of one entity: ``count`` posts in [window_start, window_end) against
    ``baseline`` posts per window before it. ``run_start``: when this spike began."""

    model_config = ConfigDict(frozen=True)

    entity_id: str
    entity_name: str | None = None
    window_s: int
    window_start: datetime
    window_end: datetime
    count: int
    baseline: float = Field(description="Mean posts per window over the baseline windows.")
    baseline_windows: int
    ratio: float | None = Field(None, description="count / baseline; None when baseline is 0.")
    run_start: datetime
    top_posts: tuple[AlertPost, ...] = ()


class Count(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    count: int


class DigestItem(BaseModel):
    """A post of a digest and how many more posts told the same story (or shared the link)."""

    model_config = ConfigDict(frozen=True)

    post: AlertPost
    similar: int = 0


class DigestSignal(BaseModel):
    """An M&A or executive-move signal of a digest, summarized in one line."""

    model_config = ConfigDict(frozen=True)

    type: Literal["ma", "move"]
    summary: str
    post: AlertPost


class DigestSummary(BaseModel):
    """Hourly or daily summary of a rule's posts in [start, end) (see the README)."""

    model_config = ConfigDict(frozen=True)

    period: Literal["hourly", "daily"]
    start: datetime
    end: datetime
    total: int
    late: int = Field(0, description="Posts of earlier periods that arrived in this one.")
    top_posts: tuple[DigestItem, ...] = ()
    entities: tuple[Count, ...] = ()
    signals: tuple[DigestSignal, ...] = ()
    signal_counts: tuple[Count, ...] = ()
    links: tuple[Count, ...] = ()


class Alert(BaseModel):
    """One alert. ``kind`` says what fired: a rule matched a ``post``, an entity's volume
    spiked (``spike``), or a period ended (``digest``). ``alert_id`` is deterministic (rule
    + dedup value: the post's story/link, the spike's entity and start, the digest's
    period), so a redelivered post or a repeated evaluation gives the same alert, never a
    second one."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = ALERT_SCHEMA_VERSION
    alert_id: str
    rule_id: str
    rule_name: str
    dedup_value: str
    kind: AlertKind = "post"
    post: AlertPost | None = None
    spike: SpikeInfo | None = None
    digest: DigestSummary | None = None
    matched_at: datetime
    mode: Mode = "instant"

    @model_validator(mode="after")
    def _payload_of_kind(self) -> Alert:
        payload = {"post": self.post, "spike": self.spike, "digest": self.digest}[self.kind]
        if payload is None:
            raise ValueError(f"an alert of kind {self.kind!r} needs its {self.kind!r} payload")
        return self


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
