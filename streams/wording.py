"""Counts written the way a person reads them: "1 post", "2 posts"."""

from __future__ import annotations


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun``, the noun in the plural unless ``n`` is 1 (``plural`` or noun + s)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
