"""Query the posts alias (used by ``scout search``)."""

from __future__ import annotations

from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError

from streams.errors import ConfigError, IndexUnavailableError
from streams.index.queries import SEARCH_FIELDS


def search_posts(
    client: Elasticsearch, alias: str, query: str, *, size: int = 10
) -> tuple[int, list[dict[str, Any]]]:
    """Lucene query-string search over text, mentions and author; newest first."""
    body: dict[str, Any] = {
        "query_string": {
            "query": query,
            "fields": list(SEARCH_FIELDS),
            "default_operator": "AND",
        }
    }
    try:
        response = client.search(
            index=alias,
            query=body,
            size=size,
            sort=[{"created_at": {"order": "desc", "missing": "_last"}}, "_score"],
            track_total_hits=True,
        )
    except ApiError as exc:
        if exc.meta.status == 404:
            raise ConfigError(
                f"no posts index {alias!r}: run `scout setup` first", code="SCOUT-E021"
            ) from exc
        if exc.meta.status == 400:
            raise ConfigError(
                f"Elasticsearch rejected the query: {exc}", code="SCOUT-E022"
            ) from exc
        raise IndexUnavailableError(f"search failed: {exc}") from exc
    except TransportError as exc:
        raise IndexUnavailableError(f"cannot reach Elasticsearch: {exc}") from exc
    hits = response.body["hits"]
    return int(hits["total"]["value"]), [hit["_source"] for hit in hits["hits"]]
