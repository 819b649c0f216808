"""``/rules``: list, get, create, replace (PUT), change (PATCH), delete and replay rules.

The same store and validation as ``scout rules`` (:class:`~streams.alerts.store.RuleStore`,
:class:`~models.alerts.Rule`; Elasticsearch parses every query before it is saved).
Channel secrets and webhook paths are never returned: a channel shows as ``type:host``.
Replays say what a rule *would have fired*, nothing is sent (:mod:`streams.api.replays`):
per-post groups for instant rules, spikes for spike rules, digests for digest rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from models.alerts import Channel, Conditions, DedupKey, Mode, Rule, SpikeSpec
from streams.alerts.delivery.safety import channel_label
from streams.alerts.delivery.secrets import CLEAR_SECRET
from streams.alerts.delivery.targets import BLOCKED_TARGET
from streams.alerts.query_guard import UNSAFE_QUERY
from streams.alerts.store import RuleStore, rule_to_source
from streams.api.context import ApiContext, context
from streams.api.elastic import es_errors
from streams.api.errors import ConflictError, NotFoundError, UnprocessableError
from streams.api.params import Paging, SinceParam, UntilParam, paging
from streams.api.replays import ReplayAnswer, replay
from streams.api.responses import Page
from streams.errors import ConfigError

router = APIRouter(prefix="/rules", tags=["rules"])

_NO_RULE, _DUPLICATE, _INVALID = "SCOUT-E083", "SCOUT-E082", "SCOUT-E084"
_UNPROCESSABLE = {_INVALID, UNSAFE_QUERY, CLEAR_SECRET, BLOCKED_TARGET}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Elasticsearch rejected the rule's query (SCOUT-E081)."},
    404: {"description": "No such rule (SCOUT-E083)."},
    422: {
        "description": "A malformed rule; a query DSL clause rules may not use (SCOUT-E087:"
        " scripts, lookups into other indices...); a signing secret in clear (SCOUT-E088:"
        " name an environment variable in `secret_env`); a channel URL the delivery allow"
        " list refuses (SCOUT-E089: a private or loopback address not in SCOUT_ALERT_ALLOW)."
    },
}


class ChannelOut(BaseModel):
    type: str
    target: str = Field(description="`type:host[:port]`: never the path, query or secret.")
    name: str | None = None
    signed: bool = Field(description="Whether the channel is signed.")
    secret_env: str | None = Field(
        None, description="The workers' environment variable holding the signing secret."
    )


class RuleOut(BaseModel):
    """A rule as stored, with its channels redacted."""

    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    owner: str
    enabled: bool
    mode: Mode
    dedup: DedupKey
    throttle_s: int
    query: str | None = None
    query_dsl: dict[str, Any] | None = None
    conditions: Conditions
    channels: list[ChannelOut]
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def of(cls, rule: Rule) -> RuleOut:
        body = rule.model_dump(mode="json", exclude={"channels"})
        channels = [
            ChannelOut(
                type=c.type,
                target=channel_label(c),
                name=c.name,
                signed=c.secret is not None or c.secret_env is not None,
                secret_env=c.secret_env,
            )
            for c in rule.channels
        ]
        return cls.model_validate({**body, "channels": channels})


class RulePatch(BaseModel):
    """Fields to change (JSON merge patch): absent fields stay; ``conditions`` are merged
    key by key; ``channels`` replace the list; ``null`` clears ``query`` or ``query_dsl``."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=200)
    owner: str | None = Field(None, min_length=1, max_length=200)
    enabled: bool | None = None
    query: str | None = None
    query_dsl: dict[str, Any] | None = None
    conditions: Conditions | None = None
    channels: list[Channel] | None = None
    throttle_s: int | None = Field(None, ge=0, le=7 * 86400)
    dedup: DedupKey | None = None
    mode: Mode | None = None
    spike: SpikeSpec | None = None


def _store(ctx: Annotated[ApiContext, Depends(context)]) -> RuleStore:
    return RuleStore(ctx.es, ctx.settings)


Store = Annotated[RuleStore, Depends(_store)]
Ctx = Annotated[ApiContext, Depends(context)]


@contextmanager
def _rule_errors() -> Iterator[None]:
    """The store's errors as HTTP answers (codes kept): 404, 409, 422; 400 otherwise."""
    try:
        with es_errors("rules"):
            yield
    except ConfigError as exc:
        if exc.code == _NO_RULE:
            raise NotFoundError(exc.message, code=exc.code) from exc
        if exc.code == _DUPLICATE:
            raise ConflictError(exc.message, code=exc.code) from exc
        if exc.code in _UNPROCESSABLE:
            raise UnprocessableError(exc.message, code=exc.code) from exc
        raise


@router.get("", summary="List rules", response_model=Page[RuleOut])
def list_rules(
    store: Store,
    pages: Annotated[Paging, Depends(paging)],
    owner: Annotated[str | None, Query(description="Only this owner's rules.")] = None,
    enabled: Annotated[bool | None, Query(description="Only enabled (or disabled) rules.")] = None,
) -> Page[RuleOut]:
    """Rules by id, `page`/`size` paging."""
    with _rule_errors():
        rules = store.list()
    rules = [
        r
        for r in rules
        if (owner is None or r.owner == owner) and (enabled is None or r.enabled == enabled)
    ]
    chosen = rules[pages.offset : pages.offset + pages.size]
    return Page[RuleOut](
        total=len(rules),
        page=pages.page,
        size=pages.size,
        next_page=pages.next_page(len(rules)),
        items=[RuleOut.of(r) for r in chosen],
    )


@router.post(
    "",
    summary="Create a rule",
    status_code=status.HTTP_201_CREATED,
    responses={**_ERRORS, 409: {"description": "A rule with this id exists (SCOUT-E082)."}},
)
def create_rule(rule: Rule, store: Store, response: Response) -> RuleOut:
    """Validated like `scout rules add` (422 for a malformed rule, 400 when Elasticsearch
    rejects its query). `created_at`/`updated_at` are set by the server."""
    with _rule_errors():
        store.ensure()
        created = store.add(rule)
    response.headers["Location"] = f"/rules/{created.id}"
    return RuleOut.of(created)


@router.get("/{rule_id}", summary="One rule", responses=_ERRORS)
def get_rule(rule_id: str, store: Store) -> RuleOut:
    with _rule_errors():
        return RuleOut.of(store.get(rule_id))


@router.patch(
    "/{rule_id}",
    summary="Change a rule",
    responses={**_ERRORS, 422: {"description": "The changed rule is invalid."}},
)
def update_rule(rule_id: str, patch: RulePatch, store: Store) -> RuleOut:
    """Validated again as a whole, like `scout rules update`."""
    changes = patch.model_dump(mode="json", exclude_unset=True, exclude={"channels"})
    with _rule_errors():
        if patch.conditions is not None:
            current = store.get(rule_id).conditions.model_dump(mode="json")
            changes["conditions"] = {
                **current,
                **patch.conditions.model_dump(mode="json", exclude_unset=True),
            }
        if patch.channels is not None:
            # rule_to_source keeps the secrets (model_dump would mask them).
            holder = Rule(id="x", name="x", owner="x", channels=tuple(patch.channels))
            changes["channels"] = rule_to_source(holder)["channels"]
        return RuleOut.of(store.update(rule_id, changes))


@router.put(
    "/{rule_id}",
    summary="Replace a rule",
    responses={**_ERRORS, 422: {"description": "Malformed rule, or its id is not the path's."}},
)
def replace_rule(rule_id: str, rule: Rule, store: Store) -> RuleOut:
    """The whole rule, validated like `POST /rules` (absent fields take their defaults;
    channels, with their secrets, are replaced too). `created_at` is kept."""
    if rule.id != rule_id:
        raise UnprocessableError(
            f"the body's id {rule.id!r} is not the path's {rule_id!r}", code=_INVALID
        )
    with _rule_errors():
        return RuleOut.of(store.replace(rule))


@router.delete(
    "/{rule_id}",
    summary="Delete a rule",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses={404: _ERRORS[404]},
)
def delete_rule(rule_id: str, store: Store) -> None:
    with _rule_errors():
        store.delete(rule_id)


ReplayLimit = Annotated[
    int, Query(ge=1, le=100_000, description="Most posts to group (oldest first).")
]


@router.post(
    "/test",
    summary="Replay an unsaved rule",
    response_model=ReplayAnswer,
    responses={400: _ERRORS[400], 422: _ERRORS[422]},
)
def replay_draft(
    rule: Rule,
    store: Store,
    ctx: Ctx,
    pages: Annotated[Paging, Depends(paging)],
    since: SinceParam = None,
    until: UntilParam = None,
    limit: ReplayLimit = 5000,
) -> Any:
    """Like `POST /rules/{rule_id}/test` for a rule in the body, not saved (its query is
    validated by Elasticsearch first)."""
    with _rule_errors():
        store.validate(rule)
    return replay(ctx, store, rule, since=since, until=until, limit=limit, pages=pages)


@router.post(
    "/{rule_id}/test",
    summary="Replay a rule over history",
    response_model=ReplayAnswer,
    responses=_ERRORS,
)
def replay_rule(
    rule_id: str,
    store: Store,
    ctx: Ctx,
    pages: Annotated[Paging, Depends(paging)],
    since: SinceParam = None,
    until: UntilParam = None,
    limit: ReplayLimit = 5000,
) -> Any:
    """What the rule would have fired over indexed posts from `since` (default `7d`) to
    `until`; nothing is sent and no alert state is written. The answer's `kind` says its
    shape: `post` (instant rules): matches grouped by the live matcher's dedup key (post,
    story: near-identical texts, link) and throttle window, one group per alert, with a
    sample post and a count; `spike`: each spike (entity, run) that would have fired once,
    with its peak; `digest` (hourly/daily rules): each period's digest, as sent."""
    with _rule_errors():
        rule = store.get(rule_id)
    return replay(ctx, store, rule, since=since, until=until, limit=limit, pages=pages)
