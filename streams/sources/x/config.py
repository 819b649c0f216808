"""The ``x`` kind's parameters.

Limits default to X's **Pro** access level as documented for the v2 filtered stream
(1,000 rules of up to 1,024 characters; Free and Basic have no filtered stream). An
Enterprise project sets ``max_rules``/``max_rule_length`` higher (say 25,000 x 2,048).
"""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from streams.sources.spec import SourceConfig

__all__ = ["XConfig"]

WatchKind = Literal["companies", "people", "products"]


class XConfig(SourceConfig):
    """The X API v2 filtered stream; its rules are the watch lists' names, cashtags and
    handles. ``interval`` is how often the watch lists are checked for changes (the
    rules are synced when they changed)."""

    default_interval: ClassVar[timedelta] = timedelta(minutes=1)

    kind: Literal["x"]
    api_url: str = Field(
        "https://api.x.com", max_length=2048, description="Base URL of the X API v2."
    )
    max_rules: int = Field(
        1000, ge=1, le=250_000, description="Rules the project may hold (Pro: 1,000)."
    )
    max_rule_length: int = Field(
        1024, ge=64, le=4096, description="Longest rule, in characters (Pro: 1,024)."
    )
    watch: tuple[WatchKind, ...] = Field(
        ("companies", "people", "products"),
        min_length=1,
        description="Which watch lists make rules.",
    )
    rule_suffix: str = Field(
        "",
        max_length=200,
        description="Operators added to every rule, e.g. `-is:retweet lang:en`.",
    )
    stall_timeout: float = Field(
        20.0,
        gt=0,
        le=600,
        description="Reconnect when neither data nor a keep-alive came for this long (s).",
    )
    backfill_minutes: int | None = Field(
        None,
        ge=1,
        le=5,
        description="On reconnect, ask X for up to this many minutes missed (levels with"
        " recovery only).",
    )

    @field_validator("api_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError(f"expected an http:// or https:// URL, got {value!r}")
        return value.strip().rstrip("/")

    @field_validator("watch")
    @classmethod
    def _no_repeats(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError("a watch list is named twice")
        return value

    @property
    def tag(self) -> str:
        """The tag of every rule this source creates: the rules it may change."""
        return f"signal-scout:{self.name}"

    def scope(self) -> str:
        return f"{self.api_url}|{self.name}"

    def describe(self) -> str:
        lists = "+".join(self.watch)
        return (
            f"{self.api_url} filtered stream ({lists}; {self.max_rules} x {self.max_rule_length})"
        )
