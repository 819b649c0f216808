"""Re-enrich documents already in Elasticsearch and write them back (same ids).

Reads with a point in time and ``search_after`` sorted on the unique ``doc_id``, so a run
that stops can resume after the last written document even under a new point in time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from elasticsearch import AsyncElasticsearch

from models.post import Post
from streams.backfill.checkpoint import Checkpoint
from streams.enrich.enricher import Enricher
from streams.index.sink import BulkSink, write_all
from streams.signals.gate import SOCIAL_SOURCES

_POST_FIELDS = ("created_at", "author", "url", "engagement", "repost_of", "backfill")


def post_from_document(source: dict[str, Any]) -> Post:
    """The Post an indexed document was made from (language only if the post gave it)."""
    data = {k: source[k] for k in _POST_FIELDS if source.get(k) is not None}
    if source.get("lang_source") == "post" or (source.get("lang") and "lang_source" not in source):
        data["lang"] = source["lang"]
    return Post.model_validate(
        {"id": source["post_id"], "text": source["text"], "source": source["source"], **data}
    )


def reprocess_query(
    query: str | None, since: datetime | None, until: datetime | None, stale: dict[str, Any] | None
) -> dict[str, Any]:
    filters: list[dict[str, Any]] = []
    if query:
        filters.append({"query_string": {"query": query, "fields": ["text", "text_match"]}})
    if since or until:
        bounds = {}
        if since:
            bounds["gte"] = since.isoformat()
        if until:
            bounds["lt"] = until.isoformat()
        filters.append({"range": {"created_at": bounds}})
    must_not = []
    if stale:
        current = [
            model_query(v) if isinstance(v, Mapping) else {"term": {f"versions.{k}": v}}
            for k, v in stale.items()
            if v is not None
        ]
        must_not.append({"bool": {"filter": current}})
    return {"bool": {"filter": filters, "must_not": must_not}}


def model_query(labels: Mapping[str, str]) -> dict[str, Any]:
    """Documents recorded with the model their kind of text takes now (``labels``: kind ->
    label, see ``streams.enrich.routing``): social sources the social label, other named
    sources the news label, and a post of unknown source either one (its kind hangs on its
    text: ``reprocess(..., current=)`` checks those one by one)."""
    social, news = labels["social"], labels["news"]
    if social == news:
        return {"term": {"versions.model": social}}
    sources = sorted(SOCIAL_SOURCES)
    return {
        "bool": {
            "should": [
                {"bool": {"filter": [{"terms": {"source": sources}}, _model(social)]}},
                {
                    "bool": {
                        "filter": [_model(news)],
                        "must_not": [{"terms": {"source": [*sources, "unknown"]}}],
                    }
                },
                {
                    "bool": {
                        "filter": [
                            {"term": {"source": "unknown"}},
                            {"terms": {"versions.model": [social, news]}},
                        ]
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def _model(label: str) -> dict[str, Any]:
    return {"term": {"versions.model": label}}


@dataclass
class ReprocessSummary:
    read: int = 0
    written: int = 0
    rejected: int = 0
    resumed: bool = False


async def reprocess(
    client: AsyncElasticsearch,
    alias: str,
    enricher: Enricher,
    *,
    query: dict[str, Any],
    checkpoint: Checkpoint,
    batch_size: int,
    retry_cap_s: float,
    on_batch: Callable[[int], None] = lambda n: None,
    current: Callable[[Post, dict[str, Any]], bool] | None = None,
) -> ReprocessSummary:
    """``current(post, versions)``: whether a read document is up to date (then it is not
    written again), for what ``query`` cannot tell."""
    state = checkpoint.load()
    summary = ReprocessSummary(resumed=bool(state.counts))
    summary.read = state.counts.get("read", 0)
    summary.written = state.counts.get("written", 0)
    after: list[Any] | None = state.arguments.get("_after")
    sink = BulkSink(client, alias)
    pit = (await client.open_point_in_time(index=alias, keep_alive="5m"))["id"]
    loop = asyncio.get_running_loop()
    try:
        while True:
            page = await client.search(
                pit={"id": pit, "keep_alive": "5m"},
                query=query,
                sort=[{"doc_id": "asc"}],
                size=batch_size,
                track_total_hits=False,
                search_after=after,
            )
            pit = page.get("pit_id", pit)
            hits = page["hits"]["hits"]
            if not hits:
                break
            posts = [post_from_document(h["_source"]) for h in hits]
            if current is not None:
                posts = [
                    p
                    for p, h in zip(posts, hits, strict=True)
                    if not current(p, h["_source"].get("versions") or {})
                ]
            docs = await loop.run_in_executor(None, enricher.enrich, posts)
            outcome = await write_all(sink, docs, cap_s=retry_cap_s)
            summary.read += len(hits)
            summary.written += outcome.indexed
            summary.rejected += len(outcome.rejected)
            after = hits[-1]["sort"]
            state.arguments["_after"] = after
            state.counts = {"read": summary.read, "written": summary.written}
            checkpoint.save(state)
            on_batch(len(hits))
    finally:
        await client.close_point_in_time(id=pit)
    state.complete = True
    checkpoint.save(state)
    return summary
