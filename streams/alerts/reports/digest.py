"""Digest search and assembly (pure: no I/O).

A digest of a rule and period (:mod:`.periods`) holds: the total and late posts, the top
posts with reposts folded in (the rule's dedup key: ``story`` near-identical texts,
``link`` shared URL, ``post`` none), the most mentioned entities, signals (M&A and
executive moves, one line each, repeated reports folded) with their counts, and the most
shared links. Counts of entities and signals are over every post of the period
(aggregations); top posts, signal lines and links over the ``SAMPLE`` most influential.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from models.alerts import Count, DigestItem, DigestSignal, DigestSummary, Rule
from streams.alerts.delivery.content import ma_summary
from streams.alerts.matching.dedup import dedup_value, first_url, normalize_url, story_tokens
from streams.alerts.matching.pipeline import alert_post
from streams.alerts.matching.stories import StoryCandidate, cluster, story_terms
from streams.alerts.query import rule_query
from streams.alerts.reports.periods import Period, digest_filter, late_filter
from streams.normalize.text import clean_text

__all__ = ["SAMPLE", "TOP", "build_digest", "digest_search", "move_summary"]

SAMPLE = 500
TOP = 10
# The same signals as rule conditions (streams.alerts.query).
_SIGNALS: dict[str, dict[str, Any]] = {
    "ma": {"term": {"ma.is_ma": True}},
    "move": {"exists": {"field": "moves.direction"}},
    "competitor": {"exists": {"field": "competitors.id"}},
}


def digest_search(
    rule: Rule,
    period: Period,
    *,
    delay_s: float,
    late_s: float,
    sample: int = SAMPLE,
    backfilled: bool = False,
) -> dict[str, Any]:
    """The search of ``period``'s digest. ``backfilled`` (a preview over history): posts
    of backfills belong to the period of their ``created_at`` whenever they were indexed
    (live, a backfill indexed long after its posts were written lands in no digest)."""
    query = rule_query(rule, backfilled=backfilled)
    period_filter = digest_filter(period, delay_s=delay_s, late_s=late_s)
    if backfilled:
        in_period = {"gte": period.start.isoformat(), "lt": period.end.isoformat()}
        period_filter = {
            "bool": {
                "should": [
                    period_filter,
                    {
                        "bool": {
                            "filter": [
                                {"exists": {"field": "backfill.run"}},
                                {"range": {"created_at": in_period}},
                            ]
                        }
                    },
                ],
                "minimum_should_match": 1,
            }
        }
    query["bool"]["filter"].append(period_filter)
    return {
        "query": query,
        "size": sample,
        "track_total_hits": True,
        "sort": [
            {"influence.score": {"order": "desc", "missing": "_last"}},
            {"created_at": {"order": "asc", "missing": "_last"}},
            {"doc_id": {"order": "asc"}},
        ],
        "aggs": {
            "entities": {"terms": {"field": "entity_ids", "size": TOP}},
            "signals": {"filters": {"filters": _SIGNALS}},
            "late": {"filter": late_filter(period)},
        },
    }


def move_summary(move: Mapping[str, Any]) -> str:
    """``"Jane Doe joins Contoso as CFO"``, ``"Contoso hiring data engineers"``..."""
    person = move.get("person") or "someone"
    org = move.get("organisation")
    role = move.get("role")
    direction = str(move.get("direction") or "moves")
    if direction == "hiring":
        return f"{org or 'someone'} hiring" + (f" {role}" if role else "")
    if direction == "layoffs":
        return f"{org or 'someone'} cutting jobs"
    if direction == "reshuffle":
        return f"{org or 'someone'} reshuffling management"
    if direction == "succession":
        return f"{org or 'someone'} choosing a {role or 'new leader'}"
    if direction == "promoted":
        text = f"{person} promoted" + (f" to {role}" if role else "")
        return text + (f" at {org}" if org else "")
    text = f"{person} {direction}" + (f" {org}" if org else "")
    return text + (f" as {role}" if role and direction == "joins" else "")


def _groups(rule: Rule, hits: Sequence[Mapping[str, Any]]) -> list[list[int]]:
    """Indexes of ``hits`` per story/link/post, in order of first appearance."""
    values = [dedup_value(rule, h) for h in hits]
    if rule.dedup == "story":
        heads = cluster(
            [
                StoryCandidate(rule.id, v, story_terms(story_tokens(str(h.get("text") or ""))))
                for v, h in zip(values, hits, strict=True)
            ]
        )
        keys: list[Any] = list(heads)
    else:
        keys = list(values)
    groups: dict[Any, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    return list(groups.values())


def _signals(hits: Sequence[Mapping[str, Any]]) -> list[DigestSignal]:
    seen: set[str] = set()
    out: list[DigestSignal] = []
    for hit in hits:
        post = alert_post(hit)
        lines: list[tuple[Literal["ma", "move"], str]] = []
        deal = ma_summary(post)
        if deal:
            lines.append(("ma", deal))
        lines += [("move", move_summary(m)) for m in hit.get("moves") or () if m.get("direction")]
        for kind, line in lines:
            if line.casefold() in seen:
                continue
            seen.add(line.casefold())
            out.append(DigestSignal(type=kind, summary=line, post=post))
    return out[:TOP]


def _links(hits: Sequence[Mapping[str, Any]]) -> list[Count]:
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for hit in hits:
        url = first_url(clean_text(str(hit.get("text") or "")))
        if url:
            key = normalize_url(url)
            counts[key] += 1
            shown.setdefault(key, url)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Count(key=shown[k], count=n) for k, n in ranked[:TOP]]


def build_digest(
    rule: Rule,
    period: Period,
    hits: Sequence[Mapping[str, Any]],
    aggregations: Mapping[str, Any],
    total: int,
) -> DigestSummary:
    """``hits``: ``_source`` of the sampled posts, most influential first."""
    groups = _groups(rule, hits)
    # Biggest stories first; then the most influential (hits come sorted by influence).
    groups.sort(key=lambda g: (-len(g), g[0]))
    top = [DigestItem(post=alert_post(hits[g[0]]), similar=len(g) - 1) for g in groups[:TOP]]
    entities = [
        Count(key=str(b["key"]), count=int(b["doc_count"]))
        for b in aggregations.get("entities", {}).get("buckets", [])
    ]
    buckets = aggregations.get("signals", {}).get("buckets", {})
    signal_counts = [
        Count(key=name, count=int(buckets[name]["doc_count"]))
        for name in _SIGNALS
        if name in buckets and buckets[name]["doc_count"]
    ]
    return DigestSummary(
        period=period.mode,
        start=period.start,
        end=period.end,
        total=total,
        late=int(aggregations.get("late", {}).get("doc_count", 0)),
        top_posts=tuple(top),
        entities=tuple(entities),
        signals=tuple(_signals(hits)),
        signal_counts=tuple(signal_counts),
        links=tuple(_links(hits)),
    )
