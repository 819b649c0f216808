"""Jetstream messages for the bluesky kind's tests, in the shape Jetstream sends them
(``kind: commit`` on ``app.bsky.feed.post``; identity and account events too)."""

from __future__ import annotations

import json
from typing import Any

T0 = 1_796_000_000_000_000  # time_us of the first event: 2026-11-30T00:53:20Z
DID = "did:plc:acme4k3wq2m7ffxz6yqv5lb3"


def commit(
    rkey: str,
    text: str,
    *,
    time_us: int,
    operation: str = "create",
    did: str = DID,
    rev: str | None = None,
    record: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A post commit; ``record`` adds fields to the post record (reply, embed, langs)."""
    body: dict[str, Any] = {
        "rev": rev or f"rev{time_us}",
        "operation": operation,
        "collection": "app.bsky.feed.post",
        "rkey": rkey,
    }
    if operation != "delete":
        body["cid"] = f"bafyrei{rkey}{time_us}"
        body["record"] = {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": "2026-12-06T00:10:00.000Z",
            "langs": ["en"],
            **(record or {}),
        }
    return {"did": did, "time_us": time_us, "kind": "commit", "commit": body}


def identity(time_us: int, did: str = DID) -> dict[str, Any]:
    return {
        "did": did,
        "time_us": time_us,
        "kind": "identity",
        "identity": {
            "did": did,
            "handle": "acme.example",
            "seq": 1,
            "time": "2026-12-06T00:00:00Z",
        },
    }


def encode(event: dict[str, Any]) -> str:
    return json.dumps(event, separators=(",", ":"))
