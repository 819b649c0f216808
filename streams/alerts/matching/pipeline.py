"""Rules -> one msearch -> alerts -> claims: the alerts a micro-batch should send."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from elasticsearch import AsyncElasticsearch

from models.alerts import Alert, AlertPost, Rule
from streams.alerts.matching.claims import AlertClaims
from streams.alerts.matching.dedup import alert_id, dedup_value, story_tokens, throttle_bucket
from streams.alerts.matching.errors import RejectedRule
from streams.alerts.matching.search import match_batch
from streams.alerts.matching.stories import StoryCandidate, story_terms


@dataclass(frozen=True)
class BatchAlerts:
    """``alerts``: newly claimed, to send. ``matched``: (rule, post) pairs before dedup."""

    alerts: list[Alert] = field(default_factory=list)
    rejected: list[RejectedRule] = field(default_factory=list)
    matched: int = 0


def alert_post(source: Mapping[str, Any]) -> AlertPost:
    """What an alert carries of an indexed post (its ``_source``)."""
    author = source.get("author") or {}
    influence = source.get("influence") or {}
    ma = source.get("ma") or {}
    return AlertPost(
        doc_id=str(source["doc_id"]),
        post_id=str(source.get("post_id", "")),
        source=str(source.get("source", "")),
        text=str(source.get("text") or ""),
        url=source.get("url"),
        author=author.get("handle"),
        created_at=source.get("created_at"),
        entity_ids=tuple(source.get("entity_ids") or ()),
        influence=influence.get("score"),
        ma=dict(ma) if ma.get("is_ma") else None,
    )


def _event_time(post: AlertPost, matched_at: datetime) -> datetime:
    return post.created_at if post.created_at and post.created_at.tzinfo else matched_at


async def alerts_for_batch(
    client: AsyncElasticsearch,
    *,
    alias: str,
    rules: Sequence[Rule],
    claims: AlertClaims,
    doc_ids: Sequence[str],
    now: datetime | None = None,
    refresh: bool = True,
) -> BatchAlerts:
    """Match the batch's documents, build the alerts, claim them; return the new ones."""
    matches = await match_batch(client, alias, rules, doc_ids, refresh=refresh)
    if not matches:
        return BatchAlerts(rejected=matches.rejected)
    matched_at = now or datetime.now(UTC)
    posts = [alert_post(source) for _, source in matches]
    values = [dedup_value(rule, source) for rule, source in matches]
    story_at = [i for i, (rule, _) in enumerate(matches) if rule.dedup == "story"]
    if story_at:
        candidates = [
            StoryCandidate(
                rule_id=matches[i][0].id,
                value=values[i],
                terms=story_terms(story_tokens(posts[i].text)),
            )
            for i in story_at
        ]
        for i, value in zip(story_at, await claims.canonical_stories(candidates), strict=True):
            values[i] = value
    alerts = []
    for (rule, _), post, value in zip(matches, posts, values, strict=True):
        bucket = throttle_bucket(rule.throttle_s, _event_time(post, matched_at))
        alerts.append(
            Alert(
                alert_id=alert_id(rule.id, value, bucket),
                rule_id=rule.id,
                rule_name=rule.name,
                dedup_value=value,
                post=post,
                matched_at=matched_at,
                mode=rule.mode,
            )
        )
    new = await claims.claim(alerts)
    return BatchAlerts(alerts=new, rejected=matches.rejected, matched=len(matches))
