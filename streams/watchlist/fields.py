"""Field readers and validators of watch-list rows: text, lists, booleans, tickers,
handles, domains and derived ids (``ConfigError`` naming the row's file and line)."""

from __future__ import annotations

import re
from typing import Any

from streams.errors import ConfigError
from streams.watchlist.files import Row
from streams.watchlist.text import slug

__all__ = [
    "COMPANY_ID",
    "E_STRUCTURE",
    "E_VALUE",
    "SLUG_ID",
    "bool_field",
    "checked",
    "derived_id",
    "domain",
    "handle",
    "list_field",
    "text_field",
    "ticker",
]

E_STRUCTURE = "SCOUT-E062"
E_VALUE = "SCOUT-E063"

COMPANY_ID = re.compile(r"company:[A-Za-z0-9][A-Za-z0-9._&-]*")
SLUG_ID = {
    "person": re.compile(r"person:[a-z0-9][a-z0-9-]*"),
    "topic": re.compile(r"topic:[a-z0-9][a-z0-9-]*"),
}
TICKER_RE = re.compile(r"[A-Z][A-Z0-9]{0,6}(?:\.[A-Z0-9]{1,3})?")
HANDLE_RE = re.compile(r"[A-Za-z0-9_]{1,50}")
DOMAIN_RE = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}")


def text_field(row: Row, name: str, *, required: bool = False) -> str | None:
    value = row.fields.get(name)
    if value is None or value == "":
        if required:
            raise ConfigError(f"{row.where}: missing required field {name!r}", code=E_STRUCTURE)
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ConfigError(f"{row.where}: {name!r} must be text", code=E_STRUCTURE)
    return str(value).strip()


def list_field(row: Row, name: str) -> list[str]:
    """A list field: a YAML list of strings, or ``|``-separated text (CSV)."""
    value: Any = row.fields.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    raise ConfigError(
        f"{row.where}: {name!r} must be a list of strings (or text separated by |)",
        code=E_STRUCTURE,
    )


def bool_field(row: Row, name: str) -> bool:
    value = row.fields.get(name)
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "y"):
        return True
    if text in ("false", "no", "0", "n", ""):
        return False
    raise ConfigError(f"{row.where}: {name!r} must be true or false, got {value!r}", code=E_VALUE)


def checked(row: Row, name: str, value: str, pattern: re.Pattern[str], hint: str) -> str:
    if not pattern.fullmatch(value):
        raise ConfigError(f"{row.where}: bad {name} {value!r}: {hint}", code=E_VALUE)
    return value


def ticker(row: Row, value: str) -> str:
    ticker = value.lstrip("$").upper().replace("-", ".").replace("/", ".")
    return checked(row, "ticker", ticker, TICKER_RE, "expected letters/digits like MSFT or BRK.B")


def handle(row: Row, value: str) -> str:
    return checked(
        row, "handle", value.lstrip("@"), HANDLE_RE, "expected @name (letters, digits, _)"
    )


def domain(row: Row, value: str) -> str:
    domain = re.sub(r"^(?:https?://)?(?:www\.)?", "", value.strip().lower()).rstrip("/")
    return checked(row, "domain", domain, DOMAIN_RE, "expected a host name like example.com")


def derived_id(row: Row, kind: str, name: str) -> str:
    """``person:<slug of name>``; a name without Latin letters needs an explicit id."""
    name_slug = slug(name)
    if not name_slug:
        raise ConfigError(
            f"{row.where}: cannot derive an id from the name {name!r} (no Latin letters or"
            f" digits); give one, e.g. id: {kind}:<name in Latin letters>",
            code=E_VALUE,
        )
    return f"{kind}:{name_slug}"
