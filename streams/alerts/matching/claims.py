"""Exactly-one alerts and throttling, with the state in Elasticsearch (survives restarts).

Design: an alert is *claimed* by creating a document in ``<prefix>-alert-state`` with
``op_type=create`` and ``_id = alert_id``. Creation is atomic per id, so of any number of
workers, redeliveries or re-matches producing one alert id exactly one gets 201; the
others get 409 and drop the alert. No scripts, no read-modify-write.

Throttle: the alert id covers (rule id, dedup value, throttle window number) where the
window is ``floor(t / throttle_s)`` and ``t`` is the post's ``created_at`` (the match time
when the post has none). That gives at most one alert per rule, dedup value and fixed
window; two alerts of one key can be closer than ``throttle_s`` across a window boundary.
Event time rather than match time keeps a redelivered post on the same id (the
``Alert`` contract). ``throttle_s = 0`` means no window: once per key, ever.

Stories: claim documents keep the post's content words; :meth:`AlertClaims.canonical_stories`
searches them (one ``_msearch``) to map a variant onto the dedup value of the story
already alerted. Near-duplicates of a brand-new story handled by two workers in the same
instant can both alert (the search cannot see a claim not yet made): at most one alert per
worker for that story.

Delivery: a claimed alert must be handed on (produced) by the caller, which then marks
the claim ``sent``. The claim document stores the alert itself (``alert``, not indexed)
and ``outbox: true``: a worker that dies between the claim and the hand-off leaves a
pending claim that still holds its alert, and the outbox sweep (:mod:`.outbox`, a timer on
every worker) publishes it once the claim is ``PENDING_GRACE_S`` old, whatever produced
it (post, spike or digest). Whoever meets a pending claim again (a redelivered batch, the
next spike or digest check) also emits the alert again past ``PENDING_GRACE_S``. With
``wait_pending`` (the post matcher: a redelivered batch is met once, and its offsets are
committed after it) a younger pending claim is polled until it is marked sent or its grace
period ends, instead of being dropped; the timers leave it to their next check or the
sweep. An alert emitted twice (the first worker had produced but not yet marked it, or the
sweep and a redelivery both met it) is delivered once: the delivery queue holds one item
per (alert, channel), created once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, TransportError

from models.alerts import Alert
from streams.alerts.matching.dedup import story_tokens
from streams.alerts.matching.errors import (
    STATE_SETUP_FAILED,
    STATE_UNAVAILABLE,
    ConfigError,
    IndexUnavailableError,
)
from streams.alerts.matching.stories import (
    StoryCandidate,
    cluster,
    jaccard,
    min_shared_terms,
    same_story,
    story_terms,
)

log = logging.getLogger(__name__)

_RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})

STATE_MAPPING: dict[str, Any] = {
    "dynamic": False,
    # 2: ``alert`` (the claimed alert's JSON, kept in _source only) and ``outbox``.
    "_meta": {"managed_by": "signal-scout", "alert_state_version": 2},
    "properties": {
        "alert_id": {"type": "keyword"},
        "rule_id": {"type": "keyword"},
        "dedup_value": {"type": "keyword"},
        "kind": {"type": "keyword"},
        "doc_id": {"type": "keyword"},
        "story_terms": {"type": "keyword"},
        "matched_at": {"type": "date"},
        "claimed_at": {"type": "date"},
        "sent": {"type": "boolean"},
        "outbox": {"type": "boolean"},
        "alert": {"type": "object", "enabled": False},
    },
}

# A claim not marked sent this long after it was made is taken as lost (the worker died
# between claiming and publishing): its alert is emitted again on redelivery and by the
# outbox sweep.
PENDING_GRACE_S = 30.0


def state_index_name(index_prefix: str) -> str:
    return f"{index_prefix}-alert-state"


class AlertClaims:
    """Claims alerts in the alert-state index; see the module docstring."""

    def __init__(
        self,
        client: AsyncElasticsearch,
        index: str,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        retry_delay_s: float = 0.5,
        max_attempts: int = 20,
        wait_pending: bool = False,
        pending_poll_s: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._client = client
        self.index = index
        self._clock = clock
        self._retry_delay_s = retry_delay_s
        self._max_attempts = max_attempts
        self._wait_pending = wait_pending
        self._pending_poll_s = pending_poll_s
        self._sleep = sleep

    async def ensure(self) -> None:
        """Create the state index if missing (idempotent, safe to race)."""
        try:
            if await self._client.indices.exists(index=self.index):
                # additive: new fields only (an index made before keeps working)
                await self._client.indices.put_mapping(
                    index=self.index,
                    properties=STATE_MAPPING["properties"],
                    meta=STATE_MAPPING["_meta"],
                )
                return
            await self._client.indices.create(
                index=self.index,
                settings={"index": {"number_of_shards": 1, "auto_expand_replicas": "0-1"}},
                mappings=STATE_MAPPING,
            )
        except ApiError as exc:
            if exc.meta.status == 400 and "resource_already_exists" in str(exc):
                return
            raise ConfigError(
                f"cannot create the alert-state index {self.index!r}: {exc}",
                code=STATE_SETUP_FAILED,
            ) from exc
        except TransportError as exc:
            raise IndexUnavailableError(
                f"cannot reach Elasticsearch for {self.index!r}: {exc}", code=STATE_UNAVAILABLE
            ) from exc

    async def claim(self, alerts: Sequence[Alert]) -> list[Alert]:
        """Create one state document per alert (one bulk call); return those newly claimed."""
        unique: dict[str, Alert] = {}
        for alert in alerts:
            unique.setdefault(alert.alert_id, alert)
        pending = list(unique.values())
        claimed: list[Alert] = []
        attempt = 0
        while pending:
            attempt += 1
            retry = await self._create(pending, claimed)
            if not retry:
                break
            if attempt >= self._max_attempts:
                # The ones claimed so far are returned; these are lost, loudly.
                log.error(
                    "alert-state refused %d claims %d times; dropped: %s",
                    len(retry),
                    attempt,
                    ", ".join(a.alert_id for a in retry),
                )
                break
            await asyncio.sleep(self._retry_delay_s * min(attempt, 10))
            pending = retry
        return claimed

    async def _create(self, alerts: Sequence[Alert], claimed: list[Alert]) -> list[Alert]:
        now = self._clock().isoformat()
        operations: list[dict[str, Any]] = []
        for alert in alerts:
            operations.append({"create": {"_index": self.index, "_id": alert.alert_id}})
            operations.append(
                {
                    "alert_id": alert.alert_id,
                    "rule_id": alert.rule_id,
                    "dedup_value": alert.dedup_value,
                    "kind": alert.kind,
                    "doc_id": alert.post.doc_id if alert.post else None,
                    "story_terms": (
                        sorted(story_terms(story_tokens(alert.post.text))) if alert.post else []
                    ),
                    "matched_at": alert.matched_at.isoformat(),
                    "claimed_at": now,
                    "sent": False,
                    # the outbox: what the sweep publishes if this claim is never sent
                    "outbox": True,
                    "alert": alert.model_dump(mode="json"),
                }
            )
        try:
            # refresh: the next batch's story lookup must see these claims.
            response = await self._client.bulk(operations=operations, refresh=True)
        except (ApiError, TransportError) as exc:
            if isinstance(exc, ApiError) and exc.meta.status not in _RETRYABLE_STATUS:
                raise IndexUnavailableError(
                    f"alert-state bulk refused ({exc.meta.status}): {exc}."
                    " Did AlertClaims.ensure() run?",
                    code=STATE_UNAVAILABLE,
                ) from exc
            log.warning("alert-state bulk failed, retrying: %s", exc)
            return list(alerts)
        retry: list[Alert] = []
        conflicts: list[Alert] = []
        for alert, item in zip(alerts, response.body.get("items", []), strict=True):
            result = item.get("create", {})
            status = int(result.get("status", 500))
            if status < 300:
                claimed.append(alert)
            elif status == 409:
                conflicts.append(alert)  # already fired (dedup/throttle), or lost: see below
            elif status in _RETRYABLE_STATUS:
                retry.append(alert)
            else:
                log.error(
                    "alert %s of rule %s not claimed (%s): %s",
                    alert.alert_id,
                    alert.rule_id,
                    status,
                    result.get("error"),
                )
        try:
            claimed.extend(await self._lost(conflicts))
        except IndexUnavailableError as exc:
            # Keep what this bulk claimed; the conflicts are looked at again next attempt.
            log.warning("%s; retrying %d conflicting claims", exc, len(conflicts))
            retry.extend(conflicts)
        return retry

    async def _lost(self, conflicts: Sequence[Alert]) -> list[Alert]:
        """Conflicting claims still pending after the grace period: emit them again.

        A younger pending claim is dropped, or with ``wait_pending`` polled until it is
        marked sent (dropped) or reaches the grace period (emitted)."""
        lost: list[Alert] = []
        pending = list(conflicts)
        while pending:
            docs = await self._read(pending)
            now = self._clock()
            waiting: list[Alert] = []
            wait_s = PENDING_GRACE_S
            for alert, doc in zip(pending, docs, strict=True):
                source = doc.get("_source") or {}
                if source.get("sent", True):
                    continue
                claimed_at = datetime.fromisoformat(str(source.get("claimed_at")))
                age = (now - claimed_at).total_seconds()
                if age >= PENDING_GRACE_S:
                    log.warning(
                        "alert %s was claimed but never sent; emitting it again", alert.alert_id
                    )
                    lost.append(alert)
                else:
                    waiting.append(alert)
                    wait_s = min(wait_s, PENDING_GRACE_S - age)
            if not waiting or not self._wait_pending:
                break
            # Claimed by a worker that is about to publish it, or that died first.
            await self._sleep(max(0.0, min(self._pending_poll_s, wait_s)))
            pending = waiting
        return lost

    async def _read(self, alerts: Sequence[Alert]) -> list[dict[str, Any]]:
        try:
            found = await self._client.mget(index=self.index, ids=[a.alert_id for a in alerts])
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"cannot read conflicting claims in {self.index!r}: {exc}", code=STATE_UNAVAILABLE
            ) from exc
        return list(found.body["docs"])

    async def mark_sent(self, alert_ids: Sequence[str]) -> None:
        """Record that these alerts reached the alerts topic."""
        if not alert_ids:
            return
        operations: list[dict[str, Any]] = []
        for alert_id in alert_ids:
            operations.append({"update": {"_index": self.index, "_id": alert_id}})
            operations.append({"doc": {"sent": True}})
        try:
            await self._client.bulk(operations=operations)
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"cannot mark {len(alert_ids)} claims sent in {self.index!r}: {exc}",
                code=STATE_UNAVAILABLE,
            ) from exc

    async def canonical_stories(self, items: Sequence[StoryCandidate]) -> list[str]:
        """For each candidate, the dedup value of its story: an alerted story's value when
        a claimed post of the same rule is a near-duplicate, else its batch head's value."""
        heads = cluster(items)
        head_ids = sorted(set(heads))
        searches: list[dict[str, Any]] = []
        for h in head_ids:
            searches.append({"index": self.index})
            searches.append(_story_search(items[h]))
        values = {h: items[h].value for h in head_ids}
        if searches:
            try:
                response = await self._client.msearch(searches=searches)
            except (ApiError, TransportError) as exc:
                raise IndexUnavailableError(
                    f"story lookup in {self.index!r} failed: {exc}", code=STATE_UNAVAILABLE
                ) from exc
            for h, result in zip(head_ids, response.body["responses"], strict=True):
                if "error" in result:
                    raise IndexUnavailableError(
                        f"story lookup in {self.index!r} failed: {result['error']}",
                        code=STATE_UNAVAILABLE,
                    )
                values[h] = _best_story(items[h], result["hits"]["hits"])
        return [values[h] for h in heads]


def _story_search(item: StoryCandidate) -> dict[str, Any]:
    """Claimed posts of the rule with the same value or enough shared content words."""
    should: list[dict[str, Any]] = [{"term": {"dedup_value": item.value}}]
    if item.terms:
        should.append(
            {
                "bool": {
                    "should": [{"term": {"story_terms": t}} for t in sorted(item.terms)],
                    "minimum_should_match": min_shared_terms(item.terms),
                }
            }
        )
    return {
        "size": 50,
        "_source": ["dedup_value", "story_terms"],
        "query": {
            "bool": {
                "filter": [{"term": {"rule_id": item.rule_id}}],
                "should": should,
                "minimum_should_match": 1,
            }
        },
        "sort": [{"claimed_at": "asc"}],
    }


def _best_story(item: StoryCandidate, hits: list[dict[str, Any]]) -> str:
    best: tuple[float, str] | None = None
    for hit in hits:
        source = hit["_source"]
        value = str(source["dedup_value"])
        if value == item.value:
            return value
        terms = frozenset(source.get("story_terms") or ())
        if same_story(item.terms, terms):
            score = jaccard(item.terms, terms)
            if best is None or score > best[0]:
                best = (score, value)
    return best[1] if best else item.value
