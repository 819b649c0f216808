"""The configuration of one source: fields every kind has, and how a kind adds its own.

A kind subclasses :class:`SourceConfig` with ``kind: Literal["..."]``, its parameters,
``default_interval`` and :meth:`SourceConfig.scope` (what its cursor belongs to: a cursor
saved for another scope, say another URL, is not used).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from streams.durations import parse_interval
from streams.errors import ConfigError

__all__ = ["KeywordFilter", "SourceConfig", "SourceFilter", "read_interval"]

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


def read_interval(value: Any) -> Any:
    """A duration field's input as a ``timedelta``: ``30s``, ``5m``, ``1h`` or a number of
    seconds (a pydantic ``mode="before"`` validator body; other values pass through)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = f"{int(value)}s"
    if isinstance(value, str):
        try:
            return parse_interval(value)
        except ConfigError as exc:
            raise ValueError(exc.message) from exc
    return value


class KeywordFilter(BaseModel):
    """Keep a post when its text holds one of ``keywords`` (case-insensitive)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    keywords: tuple[str, ...] = Field(min_length=1)

    @field_validator("keywords")
    @classmethod
    def _not_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not k.strip() for k in value):
            raise ValueError("a keyword is blank")
        return value


SourceFilter = Literal["all", "watchlist"] | KeywordFilter


class SourceConfig(BaseModel):
    """Fields of every source. ``interval``/``max_interval`` read ``30s``, ``5m``, ``1h``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default_interval: ClassVar[timedelta] = timedelta(minutes=5)
    max_interval_factor: ClassVar[int] = 10

    name: str = Field(pattern=NAME_PATTERN)
    kind: str
    interval: timedelta | None = None
    max_interval: timedelta | None = None
    filter: SourceFilter = "all"

    @field_validator("interval", "max_interval", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        return read_interval(value)

    @model_validator(mode="after")
    def _cap_not_below_interval(self) -> SourceConfig:
        if self.max_interval is not None and self.max_interval < self.poll_interval:
            raise ValueError("max_interval is shorter than interval")
        return self

    @property
    def poll_interval(self) -> timedelta:
        """The configured interval, else the kind's default."""
        return self.interval or self.default_interval

    @property
    def poll_cap(self) -> timedelta:
        """Longest wait between polls of a quiet source (``max_interval``, else 10x)."""
        return self.max_interval or self.poll_interval * self.max_interval_factor

    def scope(self) -> str:
        """What the cursor belongs to; a kind names what identifies its stream."""
        return self.kind

    def describe(self) -> str:
        """One short line of the source's parameters (for `scout sources list`)."""
        return ""
