"""Which query DSL a rule may carry (pure): an allow-list walked clause by clause.

A rule's ``query_dsl`` runs with the scout's Elasticsearch credentials, so it may only
search the posts it is matched against: no scripts, no lookups into other indices (a
``terms`` lookup read ``channels.secret`` from the rules index), no ``percolate``,
``more_like_this``, ``geo_shape`` with an indexed shape, ``wrapper`` (a base64 query that
would hide any of these) or ``inner_hits``. Anything not listed is refused, naming the
clause's path (``query_dsl.bool.must[0].terms``), so new Elasticsearch query types stay
out until they are reviewed. ``query_string`` is allowed: Lucene syntax only reaches the
fields of the index searched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from streams.errors import ConfigError

__all__ = ["UNSAFE_QUERY", "ALLOWED_QUERIES", "check_query_dsl", "query_dsl_problem"]

UNSAFE_QUERY = "SCOUT-E087"
MAX_DEPTH = 20
MAX_CLAUSES = 1000

_COMMON = frozenset({"boost", "_name"})
# compound query -> (its sub-query keys, its other parameters)
_COMPOUND: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "bool": (
        frozenset({"must", "should", "filter", "must_not"}),
        frozenset({"minimum_should_match", "adjust_pure_negative"}),
    ),
    "constant_score": (frozenset({"filter"}), frozenset()),
    "dis_max": (frozenset({"queries"}), frozenset({"tie_breaker"})),
    "boosting": (frozenset({"positive", "negative"}), frozenset({"negative_boost"})),
    "nested": (frozenset({"query"}), frozenset({"path", "score_mode", "ignore_unmapped"})),
}
_LEAVES = frozenset(
    {
        "match",
        "match_phrase",
        "match_phrase_prefix",
        "match_bool_prefix",
        "multi_match",
        "combined_fields",
        "query_string",
        "simple_query_string",
        "term",
        "terms",
        "range",
        "exists",
        "prefix",
        "wildcard",
        "regexp",
        "fuzzy",
        "ids",
        "match_all",
        "match_none",
    }
)
ALLOWED_QUERIES = tuple(sorted(_LEAVES | set(_COMPOUND)))
# Keys that never belong in a rule's leaf query, wherever they appear inside it.
_FORBIDDEN_KEYS = frozenset({"script", "inner_hits", "_index", "index", "indexed_shape"})


class _Refused(Exception):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}")


class _Walk:
    def __init__(self) -> None:
        self.clauses = 0

    def query(self, node: Any, path: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise _Refused(path, f"nested deeper than {MAX_DEPTH} clauses")
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            raise _Refused(path, f"more than {MAX_CLAUSES} clauses")
        if not isinstance(node, Mapping) or len(node) != 1:
            raise _Refused(path, "a query is an object with exactly one query type")
        ((kind, body),) = node.items()
        where = f"{path}.{kind}"
        if kind in _COMPOUND:
            self.compound(kind, body, where, depth)
        elif kind in _LEAVES:
            self.leaf(kind, body, where)
        else:
            raise _Refused(
                where,
                f"`{kind}` queries are not allowed in rules (allowed: {', '.join(ALLOWED_QUERIES)})",
            )

    def compound(self, kind: str, body: Any, where: str, depth: int) -> None:
        if not isinstance(body, Mapping):
            raise _Refused(where, "expected an object")
        subs, params = _COMPOUND[kind]
        for key, value in body.items():
            if key in subs:
                items = value if isinstance(value, list) else [value]
                for i, sub in enumerate(items):
                    at = f"{where}.{key}[{i}]" if isinstance(value, list) else f"{where}.{key}"
                    self.query(sub, at, depth + 1)
            elif key not in params and key not in _COMMON:
                raise _Refused(f"{where}.{key}", f"not a parameter rules may set on `{kind}`")
            else:
                self.plain(value, f"{where}.{key}")

    def leaf(self, kind: str, body: Any, where: str) -> None:
        if kind == "terms" and isinstance(body, Mapping):
            for field, values in body.items():
                if field not in _COMMON and not isinstance(values, list):
                    raise _Refused(
                        f"{where}.{field}",
                        "a terms lookup (values read from another document or index) is not"
                        " allowed: list the values",
                    )
        self.plain(body, where)

    def plain(self, value: Any, where: str, depth: int = 0) -> None:
        """Parameters: no forbidden key at any depth, and no nesting without end."""
        if depth > MAX_DEPTH:
            raise _Refused(where, f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, Mapping):
            for key, inner in value.items():
                if key in _FORBIDDEN_KEYS:
                    raise _Refused(f"{where}.{key}", f"`{key}` is not allowed in rules")
                self.plain(inner, f"{where}.{key}", depth + 1)
        elif isinstance(value, list):
            for i, inner in enumerate(value):
                self.plain(inner, f"{where}[{i}]", depth + 1)


def query_dsl_problem(dsl: Any, *, path: str = "query_dsl") -> str | None:
    """None when ``dsl`` only uses the allowed query types; else the offending clause's
    path and why."""
    try:
        _Walk().query(dsl, path, 0)
    except _Refused as exc:
        return str(exc)
    return None


def check_query_dsl(rule_id: str, dsl: Any) -> None:
    """Raise ``ConfigError`` (SCOUT-E087) naming the first clause a rule may not use."""
    if dsl is None:
        return
    problem = query_dsl_problem(dsl)
    if problem is not None:
        raise ConfigError(
            f"rule {rule_id!r}: {problem}. Rules may only search the posts they match;"
            " rewrite the clause with the allowed query types",
            code=UNSAFE_QUERY,
        )
