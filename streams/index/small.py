"""Small helper indices (rules, board columns) and query validation, shared by their stores.

Pure wrappers over the synchronous client; callers turn outcomes into their own coded errors.
"""

from __future__ import annotations

import re
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError

from streams.errors import ConfigError, IndexUnavailableError

__all__ = ["ensure_small_index", "query_problem", "short_reason"]


# "[posts-v1/Cou6EKabSbOHFZUXmeyk0w] " before an explanation of validate_query.
_INDEX_UUID = re.compile(r"^\s*\[[^\]/\s]+/[A-Za-z0-9_-]{20,24}\]\s*")
# "org.apache.lucene.queryparser.classic.ParseException: " and the like (Java class names).
_JAVA_CLASS = re.compile(r"(?:^|;\s*)(?:[a-z_][a-z0-9_]*\.)+[A-Z]\w*(?:Exception|Error)\s*:\s*")


def short_reason(reason: str) -> str:
    """What a person needs of an Elasticsearch reason: the innermost cause without the Java
    exception names or the index and its UUID, and without Lucene's long 'Was expecting one
    of' list."""
    text = _INDEX_UUID.sub("", reason.split("\nWas expecting", 1)[0])
    causes = [c.strip() for c in _JAVA_CLASS.split(text)]
    return next((c for c in reversed(causes) if c), text.strip()).rstrip(";").strip()


def ensure_small_index(
    client: Elasticsearch, index: str, *, mappings: dict[str, Any], replicas: int, code: str
) -> None:
    """Create a one-shard index if missing (safe to race); ``code`` for a refused creation."""
    try:
        if not client.indices.exists(index=index):
            client.indices.create(
                index=index,
                mappings=mappings,
                settings={"number_of_shards": 1, "number_of_replicas": replicas},
            )
    except ApiError as exc:
        if "resource_already_exists" not in str(exc):
            raise ConfigError(f"cannot create {index}: {exc}", code=code) from exc
    except TransportError as exc:
        raise IndexUnavailableError(f"cannot reach Elasticsearch: {exc}") from exc


def query_problem(client: Elasticsearch, index: str, query: dict[str, Any]) -> str | None:
    """None when Elasticsearch parses ``query`` over ``index``; else why it refused it."""
    try:
        result = client.indices.validate_query(index=index, query=query, explain=True)
    except ApiError as exc:
        return short_reason(str(exc.message))
    if result.get("valid", False):
        return None
    reasons = [e.get("error", "") for e in result.get("explanations", []) if not e.get("valid")]
    detail = result.get("error") or "; ".join(r for r in reasons if r) or "invalid query"
    return short_reason(str(detail))
