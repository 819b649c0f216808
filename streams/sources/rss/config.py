"""The ``rss`` kind's parameters."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from streams.sources.spec import SourceConfig

__all__ = ["RssConfig"]


class RssConfig(SourceConfig):
    """An RSS 2.0, RSS 1.0 or Atom feed, polled with conditional GET."""

    default_interval: ClassVar[timedelta] = timedelta(minutes=5)

    kind: Literal["rss"]
    url: str = Field(max_length=2048, description="The feed's http(s) URL.")
    lang: str | None = Field(
        None, max_length=16, description="Language of its posts when the feed does not say."
    )

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError(f"expected an http:// or https:// URL, got {value!r}")
        return value.strip()

    def scope(self) -> str:
        return self.url

    def describe(self) -> str:
        return self.url
