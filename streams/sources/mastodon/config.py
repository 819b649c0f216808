"""The ``mastodon`` kind's parameters."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator

from streams.sources.spec import SourceConfig, read_interval

__all__ = ["MastodonConfig"]


class MastodonConfig(SourceConfig):
    """A hashtag, the federated or the local timeline of one Mastodon server, streamed.

    ``interval`` is the first wait before reconnecting after a failure (doubling up to
    ``SCOUT_SOURCES_BACKOFF_CAP_S``); a stream that closed after working reconnects after
    it too. Public timelines are firehoses: their filter defaults to ``watchlist``."""

    default_interval: ClassVar[timedelta] = timedelta(seconds=2)

    kind: Literal["mastodon"]
    server: str = Field(max_length=512, description="The server's https URL.")
    timeline: Literal["hashtag", "public", "local"] = Field(
        "hashtag", description="hashtag (needs tag), public (federated) or local."
    )
    tag: str | None = Field(None, max_length=100, description="The hashtag, without '#'.")
    token_env: str = Field(
        pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,127}$",
        description="Name of the environment variable holding a user access token"
        " (required since Mastodon 4.2); never the token itself.",
    )
    stall_timeout: timedelta = Field(
        timedelta(seconds=60),
        description="Reconnect when neither an event nor a heartbeat came for this long.",
    )

    @model_validator(mode="before")
    @classmethod
    def _firehose_filter(cls, data: Any) -> Any:
        if (
            isinstance(data, dict)
            and "filter" not in data
            and data.get("timeline")
            in {
                "public",
                "local",
            }
        ):
            return {**data, "filter": "watchlist"}
        return data

    @field_validator("server")
    @classmethod
    def _https_url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError(f"expected the server's https:// URL, got {value!r}")
        return f"{parts.scheme}://{parts.netloc}"

    @field_validator("tag")
    @classmethod
    def _bare_tag(cls, value: str | None) -> str | None:
        if value is None:
            return None
        tag = value.strip().removeprefix("#")
        if not tag or not all(c.isalnum() or c == "_" for c in tag):
            raise ValueError(f"a hashtag is letters, digits and '_', got {value!r}")
        return tag

    @field_validator("stall_timeout", mode="before")
    @classmethod
    def _stall(cls, value: Any) -> Any:
        return read_interval(value)

    @model_validator(mode="after")
    def _tag_for_hashtag(self) -> MastodonConfig:
        if self.timeline == "hashtag" and self.tag is None:
            raise ValueError("tag is required for timeline: hashtag")
        if self.timeline != "hashtag" and self.tag is not None:
            raise ValueError(f"tag is only for timeline: hashtag, not {self.timeline}")
        return self

    @property
    def host(self) -> str:
        return urlsplit(self.server).hostname or self.server

    def scope(self) -> str:
        return f"{self.server}/{self.timeline}" + (f"/{self.tag.lower()}" if self.tag else "")

    def describe(self) -> str:
        what = f"#{self.tag}" if self.tag else f"{self.timeline} timeline"
        return f"{self.server} {what}"
