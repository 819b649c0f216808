"""The board's saved columns (records only): each column is a saved query over the posts."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

BOARD_SCHEMA_VERSION = 1  # ``hide_noise`` is additive: columns saved before read as the default

# Categories a column can hide (issue 13): promotion and market talk, not company events.
NOISE = ("spam", "chatter")

ColumnKind = Literal["keyword", "company", "person", "ma", "rule"]

_ID_PREFIX = {"company": "company:", "person": "person:"}


class ColumnSpec(BaseModel):
    """What a user asks for: the kind of column and its value.

    ``keyword``: a Lucene query string; ``company`` / ``person``: an entity id
    (``company:MSFT``, ``person:satya-nadella``); ``ma``: M&A signals, optionally narrowed by
    a query string; ``rule``: an alert rule id (the rule's own query and conditions).
    """

    model_config = ConfigDict(frozen=True)

    kind: ColumnKind
    value: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=200)
    hide_noise: bool | None = Field(
        None,
        description="Hide spam and chatter posts; default: on for company columns, off for"
        " the others.",
    )

    @model_validator(mode="after")
    def _value_fits_kind(self) -> ColumnSpec:
        value = (self.value or "").strip()
        if self.kind != "ma" and not value:
            raise ValueError(f"a {self.kind} column needs a value")
        prefix = _ID_PREFIX.get(self.kind)
        if prefix and not value.startswith(prefix):
            raise ValueError(f"a {self.kind} column needs an id like {prefix}...")
        return self


class Column(BaseModel):
    """A saved column of one board, in display order (``position`` ascending)."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = BOARD_SCHEMA_VERSION
    id: str = Field(pattern=r"^[a-z0-9]{1,32}$")
    board: str = Field("default", description="The board it belongs to (one per deployment).")
    kind: ColumnKind
    value: str | None = None
    title: str
    position: int = Field(0, ge=0)
    created_at: datetime | None = None
    hide_noise: bool = Field(False, description="Spam and chatter posts are hidden.")

    @model_validator(mode="before")
    @classmethod
    def _default_hide_noise(cls, data: Any) -> Any:
        """A column saved without the choice (or before it existed) takes its kind's default."""
        if isinstance(data, dict) and data.get("hide_noise") is None:
            return {**data, "hide_noise": hides_noise_by_default(data.get("kind"))}
        return data


def hides_noise_by_default(kind: object) -> bool:
    """Company columns hide spam and chatter unless asked not to."""
    return kind == "company"
