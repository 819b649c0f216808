"""The board's columns in Elasticsearch (``<prefix>-board-columns``), validated on create.

Columns live on the server, so a board follows its user from browser to browser. The API
has one bearer token, hence one board (``board: default``); the field leaves room for more.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError

from models.alerts import Rule
from models.board import Column, ColumnSpec
from streams.alerts.store import RuleStore
from streams.api.board_query import column_query, default_title, hides_noise
from streams.api.elastic import es_problem
from streams.api.errors import NotFoundError as ApiNotFound
from streams.errors import ConfigError, IndexUnavailableError
from streams.index.small import ensure_small_index, query_problem
from streams.settings import Settings

DEFAULT_BOARD = "default"

COLUMNS_MAPPING: dict[str, Any] = {
    "dynamic": False,
    "properties": {
        "schema_version": {"type": "integer"},
        "id": {"type": "keyword"},
        "board": {"type": "keyword"},
        "kind": {"type": "keyword"},
        "value": {"type": "keyword", "ignore_above": 2000},
        "title": {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 256}}},
        "position": {"type": "integer"},
        "created_at": {"type": "date"},
        "hide_noise": {"type": "boolean"},
    },
}


def columns_index(settings: Settings) -> str:
    return f"{settings.index_prefix}-board-columns"


class ColumnStore:
    def __init__(self, client: Elasticsearch, settings: Settings) -> None:
        self._client = client
        self._settings = settings
        self._rules = RuleStore(client, settings)
        self.index = columns_index(settings)

    # --- reads -------------------------------------------------------------------
    def columns(self, board: str = DEFAULT_BOARD) -> list[Column]:
        try:
            if not self._client.indices.exists(index=self.index):
                return []
            hits = self._client.search(
                index=self.index,
                query={"term": {"board": board}},
                size=500,
                sort=[{"position": "asc"}, {"created_at": "asc"}, {"id": "asc"}],
            )["hits"]["hits"]
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"cannot read the board's columns: {es_problem(exc)}"
            ) from exc
        return [Column.model_validate(h["_source"]) for h in hits]

    def get(self, column_id: str, board: str = DEFAULT_BOARD) -> Column:
        try:
            found = self._client.get(index=self.index, id=column_id)
        except NotFoundError as exc:
            raise ApiNotFound(f"no column {column_id!r}", code="SCOUT-E096") from exc
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"cannot read column {column_id!r}: {es_problem(exc)}"
            ) from exc
        column = Column.model_validate(found["_source"])
        if column.board != board:
            raise ApiNotFound(f"no column {column_id!r}", code="SCOUT-E096")
        return column

    def rule_of(self, column: Column | ColumnSpec) -> Rule | None:
        """The alert rule a rule column shows; None for other kinds or a deleted rule."""
        if column.kind != "rule" or not column.value:
            return None
        try:
            return self._rules.get(column.value.strip())
        except ConfigError:
            return None

    def query_of(
        self, column: Column, *, doc_ids: list[str] | None = None
    ) -> dict[str, Any] | None:
        """The column's query (None when its rule was deleted: the column shows nothing)."""
        rule = self.rule_of(column)
        if column.kind == "rule" and rule is None:
            return None
        return column_query(column, rule=rule, doc_ids=doc_ids)

    # --- writes ------------------------------------------------------------------
    def add(self, spec: ColumnSpec, board: str = DEFAULT_BOARD) -> Column:
        rule = self.rule_of(spec)
        if spec.kind == "rule" and rule is None:
            raise ConfigError(f"no alert rule {spec.value!r}", code="SCOUT-E097")
        self._validate(column_query(spec, rule=rule))
        existing = self.columns(board)
        column = Column(
            id=uuid.uuid4().hex[:12],
            board=board,
            kind=spec.kind,
            value=spec.value.strip() if spec.value else None,
            title=default_title(spec, rule),
            position=max((c.position for c in existing), default=-1) + 1,
            created_at=datetime.now(UTC),
            hide_noise=hides_noise(spec),
        )
        self._ensure()
        self._write(column)
        return column

    def set_hide_noise(
        self, column_id: str, hide_noise: bool, board: str = DEFAULT_BOARD
    ) -> Column:
        """Show or hide the column's spam and chatter posts."""
        column = self.get(column_id, board).model_copy(update={"hide_noise": hide_noise})
        self._write(column)
        return column

    def delete(self, column_id: str, board: str = DEFAULT_BOARD) -> None:
        self.get(column_id, board)
        try:
            self._client.delete(index=self.index, id=column_id, refresh="wait_for")
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"cannot delete column {column_id!r}: {es_problem(exc)}"
            ) from exc

    def reorder(self, ids: list[str], board: str = DEFAULT_BOARD) -> list[Column]:
        """Columns in the order of ``ids``; columns not named keep their order after them."""
        current = self.columns(board)
        known = {c.id: c for c in current}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise ApiNotFound(f"no column {unknown[0]!r}", code="SCOUT-E096")
        named = list(dict.fromkeys(ids))
        ordered = [known[i] for i in named] + [c for c in current if c.id not in set(named)]
        result = []
        for position, column in enumerate(ordered):
            moved = column.model_copy(update={"position": position})
            if column.position != position:
                self._write(moved)
            result.append(moved)
        return result

    # --- helpers -----------------------------------------------------------------
    def _write(self, column: Column) -> None:
        try:
            self._client.index(
                index=self.index,
                id=column.id,
                document=column.model_dump(mode="json"),
                refresh="wait_for",
            )
        except (ApiError, TransportError) as exc:
            raise IndexUnavailableError(
                f"cannot save column {column.id!r}: {es_problem(exc)}"
            ) from exc

    def _ensure(self) -> None:
        ensure_small_index(
            self._client,
            self.index,
            mappings=COLUMNS_MAPPING,
            replicas=self._settings.index_replicas,
            code="SCOUT-E098",
        )

    def _validate(self, query: dict[str, Any]) -> None:
        """Elasticsearch parses the column's query now, so a typo fails here, not later."""
        try:
            problem = query_problem(self._client, self._settings.posts_alias, query)
        except TransportError as exc:
            raise IndexUnavailableError(es_problem(exc)) from exc
        if problem is not None:
            raise ConfigError(
                f"the column's query is not valid: {problem.rstrip('.')} (check its quotes,"
                " brackets and AND/OR/NOT)",
                code="SCOUT-E095",
            )
