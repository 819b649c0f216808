"""Hacker News API items for tests (team-written, in the shape of /v0/item/<id>.json)."""

from __future__ import annotations

from typing import Any

BASE_TIME = 1_796_400_000  # 2026-12-04T16:00:00Z


def story(item_id: int, **fields: Any) -> dict[str, Any]:
    """A story as the API returns it (``fields`` override or add keys)."""
    item: dict[str, Any] = {
        "by": f"user{item_id % 7}",
        "descendants": item_id % 5,
        "id": item_id,
        "kids": [item_id * 10 + 1],
        "score": item_id % 50 + 1,
        "time": BASE_TIME + item_id,
        "title": f"Show HN: Acme launches widget {item_id}",
        "type": "story",
        "url": f"https://acme.example/widgets/{item_id}",
    }
    item.update(fields)
    return {k: v for k, v in item.items() if v is not None}


def deleted(item_id: int) -> dict[str, Any]:
    return {"deleted": True, "id": item_id, "time": BASE_TIME + item_id, "type": "story"}


def dead(item_id: int) -> dict[str, Any]:
    return story(item_id, dead=True)
