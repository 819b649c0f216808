"""The ``hackernews`` kind's parameters."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from streams.sources.spec import SourceConfig

__all__ = ["HN_BASE_URL", "HackerNewsConfig"]

HN_BASE_URL = "https://hacker-news.firebaseio.com"


class HackerNewsConfig(SourceConfig):
    """New Hacker News stories (``/v0/newstories.json``, then ``/v0/item/<id>.json``)."""

    default_interval: ClassVar[timedelta] = timedelta(minutes=1)

    kind: Literal["hackernews"]
    base_url: str = Field(
        HN_BASE_URL, max_length=2048, description="The API's address (a test server's in tests)."
    )
    concurrency: int = Field(8, ge=1, le=32, description="Item requests in flight at once.")
    max_items: int = Field(
        100, ge=1, le=500, description="Stories read a poll (the oldest new ones first)."
    )

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError(f"expected an http:// or https:// URL, got {value!r}")
        return value.strip().rstrip("/")

    @property
    def new_stories_url(self) -> str:
        return f"{self.base_url}/v0/newstories.json"

    def item_url(self, item_id: int) -> str:
        return f"{self.base_url}/v0/item/{item_id}.json"

    def scope(self) -> str:
        return self.base_url

    def describe(self) -> str:
        return f"{self.base_url} new stories"
