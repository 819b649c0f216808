"""What a source has seen: bounded sets of short hashes, kept in its cursor (pure)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["SeenSet", "content_key", "key_hash", "normalize_link"]

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def key_hash(value: str) -> str:
    """16 hex digits of SHA-256: small enough to keep thousands in a cursor."""
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def normalize_link(link: str) -> str:
    """One spelling of a link: lower-case scheme and host, no default port, no fragment,
    no trailing slash, no tracking parameters (utm_*, fbclid...), sorted query."""
    try:
        parts = urlsplit(link.strip())
        port = parts.port
    except ValueError:
        return link.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def content_key(*texts: str | None) -> str:
    """The words of ``texts``, lower-cased, whitespace collapsed: equal for a republished
    item whose markup or spacing changed."""
    return " ".join(" ".join(t.split()).lower() for t in texts if t)


class SeenSet:
    """Insertion-ordered hashes; past ``capacity`` the oldest are forgotten."""

    def __init__(self, hashes: Iterable[str] = (), capacity: int = 2000) -> None:
        self.capacity = capacity
        self._order: dict[str, None] = dict.fromkeys(hashes)
        self._trim()

    def __contains__(self, value: object) -> bool:
        return value in self._order

    def __len__(self) -> int:
        return len(self._order)

    def add(self, value: str) -> None:
        self._order.pop(value, None)
        self._order[value] = None
        self._trim()

    def to_list(self) -> list[str]:
        return list(self._order)

    def _trim(self) -> None:
        while len(self._order) > self.capacity:
            del self._order[next(iter(self._order))]
