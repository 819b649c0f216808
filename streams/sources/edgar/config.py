"""The ``edgar`` kind's parameters."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar, Literal
from urllib.parse import urlencode, urlsplit

from pydantic import Field, field_validator

from streams.sources.spec import SourceConfig

__all__ = ["DEFAULT_FORMS", "EdgarConfig", "SEC_BASE_URL"]

SEC_BASE_URL = "https://www.sec.gov"

DEFAULT_FORMS = ("8-K", "SC TO-T", "SC 14D9", "DEFM14A", "PREM14A", "S-4", "425")
"""Current reports (8-K: Item 2.01 is a completed deal), tender offers and the target's
answer, merger proxies, registrations for a deal and merger communications."""


class EdgarConfig(SourceConfig):
    """SEC EDGAR's latest filings of some form types (one Atom request per form a poll)."""

    default_interval: ClassVar[timedelta] = timedelta(minutes=2)

    kind: Literal["edgar"]
    forms: tuple[str, ...] = Field(
        DEFAULT_FORMS, min_length=1, max_length=20, description="Form types to follow."
    )
    base_url: str = Field(
        SEC_BASE_URL, max_length=2048, description="EDGAR's address (a test server's in tests)."
    )

    @field_validator("forms")
    @classmethod
    def _forms(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        forms = tuple(dict.fromkeys(" ".join(f.upper().split()) for f in value))
        for form in forms:
            if not form or len(form) > 20 or not all(c.isalnum() or c in " -/" for c in form):
                raise ValueError(f"bad form type {form!r} (e.g. 8-K, SC TO-T, 425)")
        return forms

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError(f"expected an http:// or https:// URL, got {value!r}")
        return value.strip().rstrip("/")

    def feed_url(self, form: str) -> str:
        """The current-filings Atom of one form type (the 100 latest)."""
        query = urlencode(
            {"action": "getcurrent", "type": form, "owner": "include", "count": 100}
            | {"output": "atom"}
        )
        return f"{self.base_url}/cgi-bin/browse-edgar?{query}"

    def scope(self) -> str:
        return self.base_url

    def describe(self) -> str:
        return f"{self.base_url} forms {', '.join(self.forms)}"
