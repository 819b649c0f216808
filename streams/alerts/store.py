"""Alert rules in Elasticsearch (``<prefix>-rules``), validated when created or changed.

A rule's query DSL is checked against an allow-list (:mod:`streams.alerts.query_guard`)
before Elasticsearch parses it. Webhook secrets are not stored: a channel names the
workers' environment variable (``secret_env``, :mod:`streams.alerts.delivery.secrets`);
a secret in clear stored by an earlier version is kept until
``scout rules migrate-secrets``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError
from pydantic import ValidationError

from models.alerts import Rule
from streams.alerts.delivery.secrets import refuse_clear_secrets
from streams.alerts.delivery.targets import refuse_blocked_targets
from streams.alerts.query import SILENT_BACKFILL, rule_query
from streams.alerts.query_guard import check_query_dsl
from streams.errors import ConfigError
from streams.index.small import ensure_small_index, query_problem
from streams.settings import Settings

RULES_MAPPING: dict[str, Any] = {
    "dynamic": False,
    "properties": {
        "id": {"type": "keyword"},
        "name": {"type": "text", "analyzer": "standard", "fields": {"raw": {"type": "keyword"}}},
        "owner": {"type": "keyword"},
        "enabled": {"type": "boolean"},
        "mode": {"type": "keyword"},
        "created_at": {"type": "date"},
        "updated_at": {"type": "date"},
    },
}


def rules_index(settings: Settings) -> str:
    return f"{settings.index_prefix}-rules"


def rule_to_source(rule: Rule) -> dict[str, Any]:
    """JSON for storage. ``model_dump`` would mask a secret stored in clear by an earlier
    version: it is written back as it was (new ones are refused, SCOUT-E088)."""
    body = rule.model_dump(mode="json")
    for stored, channel in zip(body["channels"], rule.channels, strict=True):
        stored["secret"] = channel.secret.get_secret_value() if channel.secret else None
    return body


def rule_from_source(source: dict[str, Any]) -> Rule:
    return Rule.model_validate(source)


def problems(exc: ValidationError) -> str:
    """Where and what, never the input: a rule's input holds channel secrets and webhook
    URLs, which ``str(exc)`` would print."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'rule'}: {e['msg']}" for e in exc.errors())


@dataclass(frozen=True)
class History:
    """A rule's matches over a range (:meth:`RuleStore.replay`)."""

    total: int  # every matching post (Elasticsearch's count)
    silent_backfill: int  # of those, backfilled by runs without --alerts (live skips them)
    docs: list[dict[str, Any]]  # up to the limit, oldest first


class RuleStore:
    def __init__(self, client: Elasticsearch, settings: Settings) -> None:
        self._client = client
        self._settings = settings
        self.index = rules_index(settings)

    def replay(
        self,
        rule: Rule,
        *,
        since: datetime,
        until: datetime | None = None,
        limit: int = 5000,
    ) -> History:
        """What the rule matches in indexed history from ``since`` (to ``until``) by
        ``created_at``, backfilled posts included: the totals, and up to ``limit`` posts
        oldest first (paged; nothing is sent)."""
        query = rule_query(rule, backfilled=True)
        window: dict[str, str] = {"gte": since.isoformat()}
        if until is not None:
            window["lt"] = until.isoformat()
        query["bool"]["filter"].append({"range": {"created_at": window}})
        total = silent = 0
        docs: list[dict[str, Any]] = []
        after: list[Any] | None = None
        while True:
            page = min(1000, limit - len(docs))
            response = self._client.search(
                index=self._settings.posts_alias,
                query=query,
                size=max(page, 0),
                track_total_hits=True,
                sort=[{"created_at": {"order": "asc"}}, {"doc_id": {"order": "asc"}}],
                search_after=after,
                aggs=None if after else {"silent": {"filter": SILENT_BACKFILL}},
            )
            hits = response["hits"]
            total = int(hits["total"]["value"])
            if after is None:
                silent = int(response["aggregations"]["silent"]["doc_count"])
            docs.extend(h["_source"] for h in hits["hits"])
            if page <= 0 or len(hits["hits"]) < page or len(docs) >= limit:
                return History(total=total, silent_backfill=silent, docs=docs)
            after = hits["hits"][-1]["sort"]

    def ensure(self) -> None:
        ensure_small_index(
            self._client,
            self.index,
            mappings=RULES_MAPPING,
            replicas=self._settings.index_replicas,
            code="SCOUT-E080",
        )

    def validate(self, rule: Rule) -> None:
        """Check the rule's query DSL against the allow-list (SCOUT-E087), then ask
        Elasticsearch to parse the query; a rejection names the problem."""
        check_query_dsl(rule.id, rule.query_dsl)
        problem = query_problem(self._client, self._settings.posts_alias, rule_query(rule))
        if problem is not None:
            raise ConfigError(
                f"rule {rule.id!r}: Elasticsearch rejected the query: {problem}",
                code="SCOUT-E081",
            )

    def add(self, rule: Rule) -> Rule:
        now = datetime.now(UTC)
        rule = rule.model_copy(update={"created_at": now, "updated_at": now})
        refuse_clear_secrets(rule)
        refuse_blocked_targets(rule, self._settings.alert_allow_list)
        self.validate(rule)
        try:
            self._client.index(
                index=self.index,
                id=rule.id,
                document=rule_to_source(rule),
                op_type="create",
                refresh=True,
            )
        except ApiError as exc:
            if exc.meta.status == 409:
                raise ConfigError(
                    f"rule {rule.id!r} already exists (use update)", code="SCOUT-E082"
                ) from exc
            raise
        return rule

    def get(self, rule_id: str) -> Rule:
        try:
            found = self._client.get(index=self.index, id=rule_id)
        except NotFoundError as exc:
            raise ConfigError(f"no rule {rule_id!r}", code="SCOUT-E083") from exc
        return rule_from_source(found["_source"])

    def list(self) -> list[Rule]:
        if not self._client.indices.exists(index=self.index):
            return []
        hits = self._client.search(index=self.index, size=10_000, sort=["id"])["hits"]["hits"]
        return [rule_from_source(h["_source"]) for h in hits]

    def update(self, rule_id: str, changes: dict[str, Any]) -> Rule:
        current = self.get(rule_id)
        merged = {**rule_to_source(current), **changes, "id": rule_id}
        merged["updated_at"] = datetime.now(UTC).isoformat()
        try:
            rule = Rule.model_validate(merged)
        except ValidationError as exc:
            raise ConfigError(f"rule {rule_id!r}: {problems(exc)}", code="SCOUT-E084") from exc
        refuse_clear_secrets(rule, already_stored=current.channels)
        refuse_blocked_targets(
            rule, self._settings.alert_allow_list, already_stored=current.channels
        )
        self.validate(rule)
        self._client.index(
            index=self.index, id=rule_id, document=rule_to_source(rule), refresh=True
        )
        return rule

    def replace(self, rule: Rule) -> Rule:
        """Replace the stored rule ``rule.id`` as a whole (``created_at`` kept): validated
        like :meth:`add`; SCOUT-E083 when there is no such rule."""
        current = self.get(rule.id)
        rule = rule.model_copy(
            update={"created_at": current.created_at, "updated_at": datetime.now(UTC)}
        )
        refuse_clear_secrets(rule, already_stored=current.channels)
        refuse_blocked_targets(
            rule, self._settings.alert_allow_list, already_stored=current.channels
        )
        self.validate(rule)
        self._client.index(
            index=self.index, id=rule.id, document=rule_to_source(rule), refresh=True
        )
        return rule

    def delete(self, rule_id: str) -> None:
        try:
            self._client.delete(index=self.index, id=rule_id, refresh=True)
        except NotFoundError as exc:
            raise ConfigError(f"no rule {rule_id!r}", code="SCOUT-E083") from exc
