"""Pure pieces of the board: a column's Elasticsearch query and a post's card (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.alerts import Rule
from models.board import NOISE, Column, ColumnSpec, hides_noise_by_default
from streams.alerts.query import rule_query

# The same fields as `scout search`.
KEYWORD_FIELDS = ["text", "mentions", "author.handle", "author.name"]

# What a card needs of an indexed post.
CARD_FIELDS = [
    "doc_id",
    "post_id",
    "source",
    "text",
    "url",
    "lang",
    "created_at",
    "indexed_at",
    "author",
    "influence",
    "entities",
    "ma",
    "moves",
    "competitors",
    "sentiment",
    "category",
]

# Posts a column hiding noise leaves out; a post not classified yet is kept.
HIDE_NOISE: dict[str, Any] = {"bool": {"must_not": [{"terms": {"category.label": list(NOISE)}}]}}


def hides_noise(column: Column | ColumnSpec) -> bool:
    if column.hide_noise is None:
        return hides_noise_by_default(column.kind)
    return column.hide_noise


NEWEST_FIRST: list[Any] = [
    {"created_at": {"order": "desc", "missing": "_last"}},
    {"indexed_at": {"order": "desc", "missing": "_last"}},
    {"doc_id": "asc"},
]


def _keyword(query: str) -> dict[str, Any]:
    return {"query_string": {"query": query, "fields": KEYWORD_FIELDS, "default_operator": "AND"}}


def default_title(spec: ColumnSpec, rule: Rule | None = None) -> str:
    if spec.title and spec.title.strip():
        return spec.title.strip()
    if spec.kind == "ma":
        return "M&A" + (f": {spec.value.strip()}" if spec.value and spec.value.strip() else "")
    if spec.kind == "rule" and rule is not None:
        return f"Rule: {rule.name}"
    return (spec.value or spec.kind).strip()


def column_query(
    column: Column | ColumnSpec,
    *,
    rule: Rule | None = None,
    doc_ids: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The column's query, optionally restricted to ``doc_ids`` (the newly indexed posts).

    A rule column needs its ``rule`` (see ``streams.alerts.query.rule_query``). A column
    that hides noise leaves spam and chatter out (:data:`HIDE_NOISE`).
    """
    value = (column.value or "").strip()
    if column.kind == "rule":
        if rule is None:
            raise ValueError("a rule column needs its rule")
        query = rule_query(rule, doc_ids=doc_ids)
        if hides_noise(column):
            query["bool"]["filter"].append(HIDE_NOISE)
        return query
    must: list[dict[str, Any]] = []
    filters: list[dict[str, Any]] = [HIDE_NOISE] if hides_noise(column) else []
    if column.kind == "keyword":
        must.append(_keyword(value))
    elif column.kind in ("company", "person"):
        filters.append({"term": {"entity_ids": value}})
    elif column.kind == "ma":
        filters.append({"term": {"ma.is_ma": True}})
        if value:
            must.append(_keyword(value))
    if doc_ids is not None:
        filters.append({"ids": {"values": list(doc_ids)}})
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filters}}


def _utf16(text: str, index: int) -> int:
    """Python offsets count code points; the browser's strings count UTF-16 units."""
    return len(text[:index].encode("utf-16-le")) // 2


def highlight_spans(text: str, entities: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Non-overlapping entity spans in UTF-16 offsets, left to right (longest wins a tie)."""
    valid = [
        e
        for e in entities
        if isinstance(e.get("start"), int)
        and isinstance(e.get("end"), int)
        and 0 <= e["start"] < e["end"] <= len(text)
    ]
    valid.sort(key=lambda e: (e["start"], -(e["end"] - e["start"])))
    spans: list[dict[str, Any]] = []
    taken_until = -1
    for entity in valid:
        if entity["start"] < taken_until:
            continue
        taken_until = entity["end"]
        spans.append(
            {
                "start": _utf16(text, entity["start"]),
                "end": _utf16(text, entity["end"]),
                "label": entity.get("label"),
                "id": entity.get("id"),
                "text": text[entity["start"] : entity["end"]],
            }
        )
    return spans


def to_card(source: dict[str, Any]) -> dict[str, Any]:
    """An indexed post as the board shows it: author, influence, highlighted spans, signals."""
    text = str(source.get("text") or "")
    author = source.get("author") or {}
    influence = source.get("influence") or {}
    ma = source.get("ma") or {}
    return {
        "doc_id": source.get("doc_id"),
        "post_id": source.get("post_id"),
        "source": source.get("source"),
        "url": source.get("url"),
        "lang": source.get("lang"),
        "created_at": source.get("created_at"),
        "indexed_at": source.get("indexed_at"),
        "text": text,
        "author": {
            "handle": author.get("handle"),
            "name": author.get("name"),
            "followers": author.get("followers"),
            "verified": author.get("verified"),
        },
        "influence": influence.get("score"),
        "spans": highlight_spans(text, source.get("entities") or []),
        "ma": ma if ma.get("is_ma") else None,
        "moves": source.get("moves") or [],
        "competitors": source.get("competitors") or [],
        "sentiment": source.get("sentiment"),
        "category": source.get("category"),
    }
