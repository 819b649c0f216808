"""deploy/kibana/signal-scout.ndjson is checked against the index mappings in the code.

There is no Kibana in the test environment, so these tests read the saved objects and
check what an import would need (well-formed objects, references that resolve, data views
named like the indices the scout writes) and what the visualizations would need at query
time: every field they name exists in the mapping of their data view's index, with a type
that supports its use (no terms aggregation on a ``text`` field, no date histogram on a
keyword, no range on a keyword...).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from streams.alerts.delivery.delivery_log import DELIVERIES_MAPPING, deliveries_index
from streams.alerts.matching.claims import STATE_MAPPING, state_index_name
from streams.index.schema import load_mapping
from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
KIBANA = ROOT / "deploy" / "kibana"
NDJSON = KIBANA / "signal-scout.ndjson"
COMPOSE = ROOT / "docker-compose.yml"

NUMERIC = {
    "long",
    "integer",
    "short",
    "byte",
    "double",
    "float",
    "half_float",
    "scaled_float",
    "unsigned_long",
}
DATES = {"date", "date_nanos"}
# Types with doc values: usable in aggregations, sorting and Lens buckets.
AGGREGATABLE = NUMERIC | DATES | {"keyword", "constant_keyword", "boolean", "ip"}
LENS_DATA_TYPE = {
    **dict.fromkeys(NUMERIC, "number"),
    **dict.fromkeys(DATES, "date"),
    "keyword": "string",
    "constant_keyword": "string",
    "boolean": "boolean",
    "ip": "ip",
}
RECORDS = "___records___"


# --- mappings ------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    type: str
    nested: bool = False  # inside a `nested` object: Lens and plain KQL cannot reach it


def flatten(properties: dict[str, Any], prefix: str = "", nested: bool = False) -> dict[str, Field]:
    """Every field path of a mapping's ``properties``, with multi-fields (``name.raw``)."""
    found: dict[str, Field] = {}
    for name, spec in properties.items():
        path = f"{prefix}{name}"
        kind = spec.get("type", "object")
        if kind in {"object", "nested"}:
            found[path] = Field(kind, nested)
            inner = nested or kind == "nested"
            found.update(flatten(spec.get("properties", {}), f"{path}.", inner))
            continue
        found[path] = Field(kind, nested)
        for sub, sub_spec in spec.get("fields", {}).items():
            found[f"{path}.{sub}"] = Field(sub_spec["type"], nested)
    return found


def index_mappings(index_prefix: str) -> dict[str, dict[str, Field]]:
    """Index (or alias) name -> its flattened mapping, named by the scout's own functions."""
    settings = Settings(index_prefix=index_prefix)
    return {
        settings.posts_alias: flatten(load_mapping()["mappings"]["properties"]),
        state_index_name(index_prefix): flatten(STATE_MAPPING["properties"]),
        deliveries_index(index_prefix): flatten(DELIVERIES_MAPPING["properties"]),
    }


DEFAULT_PREFIX = str(Settings.model_fields["index_prefix"].default)
MAPPINGS = index_mappings(DEFAULT_PREFIX)
POSTS = Settings(index_prefix=DEFAULT_PREFIX).posts_alias
DELIVERIES = deliveries_index(DEFAULT_PREFIX)


# --- field extraction ----------------------------------------------------------------

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_KQL_FIELD = re.compile(r"(?<![\w.@*-])([A-Za-z_@][\w.@-]*)\s*(:|<=|>=|<|>)")


def kql_fields(query: str) -> list[tuple[str, str]]:
    """(field, operator) for every ``field:value`` / ``field >= value`` in a KQL query.

    Quoted values are dropped first, so ``text:"ceo: out"`` names only ``text``. Nested
    syntax (``entities:{ id:x }``) yields ``entities`` and ``id``, which then fail the
    mapping check: the saved objects must not rely on it without this test learning it.
    """
    bare = _QUOTED.sub('""', query)
    return [(m.group(1), m.group(2)) for m in _KQL_FIELD.finditer(bare)]


@dataclass(frozen=True)
class Use:
    """One place a saved object names a field, and what it needs from it."""

    obj: str  # type:id of the saved object
    view: str  # id of the data view whose index the field must be in
    field: str
    how: str  # kql, kql-range, column, sort, time-field, format, lens:<operation>, ...
    data_type: str | None = None  # the Lens column's declared dataType


def _kql_uses(obj: str, view: str, query: dict[str, Any] | None) -> Iterator[Use]:
    if not query or not query.get("query"):
        return
    assert query.get("language") == "kuery", f"{obj}: queries are KQL"
    for name, op in kql_fields(query["query"]):
        yield Use(obj, view, name, "kql" if op == ":" else "kql-range")


def _filter_uses(obj: str, view: str, filters: list[dict[str, Any]]) -> Iterator[Use]:
    for flt in filters:
        meta = flt.get("meta", {})
        if meta.get("key"):
            yield Use(obj, view, meta["key"], "filter")
        query = flt.get("query", {})
        if "language" in query:  # a query filter; DSL filters name fields through meta.key
            yield from _kql_uses(obj, view, query)


def _ref(obj: dict[str, Any], name: str) -> str:
    matches = [str(r["id"]) for r in obj["references"] if r["name"] == name]
    assert len(matches) == 1, f"{obj['type']}:{obj['id']} has no single reference named {name!r}"
    return matches[0]


def field_uses(obj: dict[str, Any]) -> Iterator[Use]:
    """Every field a saved object names: KQL queries, filters, columns, sort, Lens layers,
    data-view time field and field formats."""
    key = f"{obj['type']}:{obj['id']}"
    attrs = obj["attributes"]
    if obj["type"] == "index-pattern":
        yield Use(key, obj["id"], attrs["timeFieldName"], "time-field")
        for name in json.loads(attrs.get("fieldFormatMap") or "{}"):
            yield Use(key, obj["id"], name, "format")
        for name in json.loads(attrs.get("fieldAttrs") or "{}"):
            yield Use(key, obj["id"], name, "format")
        for spec in json.loads(attrs.get("fields") or "[]"):
            yield Use(key, obj["id"], spec["name"], "format")
    elif obj["type"] == "search":
        source = json.loads(attrs["kibanaSavedObjectMeta"]["searchSourceJSON"])
        view = _ref(obj, source["indexRefName"])
        yield from _kql_uses(key, view, source.get("query"))
        yield from _filter_uses(key, view, source.get("filter", []))
        for column in attrs.get("columns", []):
            yield Use(key, view, column, "column")
        for name, _direction in attrs.get("sort", []):
            yield Use(key, view, name, "sort")
    elif obj["type"] == "lens":
        state = attrs["state"]
        for layer_id, layer in state["datasourceStates"]["formBased"]["layers"].items():
            view = _ref(obj, f"indexpattern-datasource-layer-{layer_id}")
            yield from _kql_uses(key, view, state.get("query"))
            yield from _filter_uses(key, view, state.get("filters", []))
            for column in layer["columns"].values():
                op = column["operationType"]
                if column.get("sourceField") and column["sourceField"] != RECORDS:
                    yield Use(key, view, column["sourceField"], f"lens:{op}", column["dataType"])
                elif op != "count":
                    raise AssertionError(f"{key}: a {op} column without a sourceField")
                if op == "last_value":
                    yield Use(key, view, column["params"]["sortField"], "sort")
                yield from _kql_uses(key, view, column.get("filter"))
    elif obj["type"] == "dashboard":
        source = json.loads(attrs["kibanaSavedObjectMeta"]["searchSourceJSON"])
        for view in {r["id"] for r in obj["references"] if r["type"] == "index-pattern"}:
            yield from _kql_uses(key, view, source.get("query"))
            yield from _filter_uses(key, view, source.get("filter", []))


def use_problem(use: Use, fields: dict[str, Field]) -> str | None:
    """Why ``use`` would fail against an index with these fields, or None."""
    where = f"{use.obj}: {use.field!r} ({use.how})"
    field = fields.get(use.field)
    if field is None:
        return f"{where} is not in the index mapping"
    if field.nested:
        return f"{where} is inside a nested object (needs nested syntax; Lens cannot use it)"
    if field.type in {"object", "nested"} and use.how != "kql":
        return f"{where} is an object, not a field"
    if use.how == "kql" and field.type in {"object", "nested"}:
        return f"{where} is an object: query one of its fields"
    op = use.how.removeprefix("lens:")
    if use.how in {"time-field"} or op == "date_histogram":
        if field.type not in DATES:
            return f"{where} needs a date field, is {field.type}"
    elif use.how == "kql-range":
        if field.type not in NUMERIC | DATES:
            return f"{where}: a range needs a numeric or date field, is {field.type}"
    elif use.how == "sort" or op in {"terms", "last_value", "unique_count"}:
        if field.type not in AGGREGATABLE:
            return f"{where} is not aggregatable ({field.type}); use a keyword sub-field"
    elif op in {"max", "min", "sum", "average", "median", "percentile", "standard_deviation"}:
        if field.type not in NUMERIC:
            return f"{where} needs a numeric field, is {field.type}"
    elif use.how.startswith("lens:"):
        return f"{where}: operation {op} is not checked by this test; teach it"
    if use.data_type is not None:
        expected = "number" if op in {"unique_count", "count"} else LENS_DATA_TYPE.get(field.type)
        if use.data_type != expected:
            return f"{where}: Lens dataType {use.data_type!r}, the field gives {expected!r}"
    return None


def field_problems(
    objects: list[dict[str, Any]], mappings: dict[str, dict[str, Field]]
) -> list[str]:
    """Every field use in ``objects`` that the mappings (index name -> fields) do not allow."""
    titles = {o["id"]: o["attributes"]["title"] for o in objects if o["type"] == "index-pattern"}
    problems = []
    for obj in objects:
        for use in field_uses(obj):
            title = titles.get(use.view)
            if title not in mappings:
                problems.append(f"{use.obj}: data view {use.view!r} ({title}) has no known index")
                continue
            problem = use_problem(use, mappings[title])
            if problem:
                problems.append(problem)
    return problems


# --- fixtures ------------------------------------------------------------------------


def load_objects(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def objects() -> list[dict[str, Any]]:
    assert NDJSON.is_file(), f"{NDJSON.relative_to(ROOT)} is missing"
    return load_objects(NDJSON.read_text(encoding="utf-8"))


def _by_type(objects: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [o for o in objects if o["type"] == kind]


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kibana_build", KIBANA / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the saved objects ---------------------------------------------------------------


def test_ndjson_is_what_build_py_writes() -> None:
    assert NDJSON.read_text(encoding="utf-8") == _build_module().render(), (
        "deploy/kibana/signal-scout.ndjson is stale: run `python deploy/kibana/build.py`"
    )


def test_objects_are_well_formed_with_unique_ids(objects: list[dict[str, Any]]) -> None:
    assert objects
    for obj in objects:
        assert {"id", "type", "attributes", "references"} <= set(obj), obj.get("id")
        assert obj["attributes"].get("title"), f"{obj['id']} has no title"
        assert obj["type"] in {"index-pattern", "search", "lens", "dashboard"}
    ids = [o["id"] for o in objects]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_every_reference_resolves_to_an_object_in_the_file(objects: list[dict[str, Any]]) -> None:
    known = {(o["type"], o["id"]) for o in objects}
    for obj in objects:
        names = [r["name"] for r in obj["references"]]
        assert len(names) == len(set(names)), f"{obj['id']}: duplicate reference names"
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in known, f"{obj['id']} -> {ref} is not in the file"


def test_migration_versions_are_not_newer_than_compose_kibana(
    objects: list[dict[str, Any]],
) -> None:
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    kibana = tuple(
        int(p) for p in compose["services"]["kibana"]["image"].rsplit(":", 1)[1].split(".")
    )
    for obj in objects:
        core = tuple(int(p) for p in obj["coreMigrationVersion"].split("."))
        assert core <= kibana, f"{obj['id']}: Kibana {kibana} would refuse core version {core}"
        assert re.fullmatch(r"\d+\.\d+\.\d+", obj["typeMigrationVersion"])


def test_data_views_are_the_indices_the_scout_writes(objects: list[dict[str, Any]]) -> None:
    titles = {o["attributes"]["title"] for o in _by_type(objects, "index-pattern")}
    assert titles == set(index_mappings(DEFAULT_PREFIX)), titles
    settings = Settings(index_prefix=DEFAULT_PREFIX)
    assert settings.posts_alias in titles  # the alias, not the versioned index


def test_build_names_data_views_after_another_prefix() -> None:
    objects = _build_module().saved_objects("acme")
    titles = {o["attributes"]["title"] for o in _by_type(objects, "index-pattern")}
    assert titles == set(index_mappings("acme"))
    assert field_problems(objects, index_mappings("acme")) == []


def test_every_field_exists_in_the_mappings_with_a_usable_type(
    objects: list[dict[str, Any]],
) -> None:
    assert field_problems(objects, MAPPINGS) == []


def test_saved_searches_cover_competitors_ma_and_thought_leaders(
    objects: list[dict[str, Any]],
) -> None:
    queries = {}
    for search in _by_type(objects, "search"):
        source = json.loads(search["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        queries[search["attributes"]["title"]] = {
            f for f, _ in kql_fields(source["query"]["query"])
        }
    by_topic = {topic: fields for title, fields in queries.items() for topic in [title.lower()]}
    assert any("competitor" in t and "competitors.id" in f for t, f in by_topic.items())
    assert any("m&a" in t and "ma.is_ma" in f for t, f in by_topic.items())
    assert any("thought leader" in t and "influence.score" in f for t, f in by_topic.items())
    assert any("news" in t and "category.label" in f for t, f in by_topic.items())


def test_lens_layers_are_consistent(objects: list[dict[str, Any]]) -> None:
    for obj in _by_type(objects, "lens"):
        state = obj["attributes"]["state"]
        layers = state["datasourceStates"]["formBased"]["layers"]
        for layer in layers.values():
            order = layer["columnOrder"]
            assert sorted(order) == sorted(layer["columns"]), obj["id"]
            buckets = [c for c in order if layer["columns"][c]["isBucketed"]]
            assert order[: len(buckets)] == buckets, f"{obj['id']}: buckets before metrics"
            for column in layer["columns"].values():
                order = column.get("params", {}).get("orderBy", {})
                if order.get("type") == "column":
                    assert order["columnId"] in layer["columns"], obj["id"]
        vis = state["visualization"]
        if obj["attributes"]["visualizationType"] == "lnsDatatable":
            vis_layers = [(vis["layerId"], [c["columnId"] for c in vis["columns"]])]
        else:
            vis_layers = [
                (
                    entry["layerId"],
                    [entry["xAccessor"], *entry["accessors"], entry.get("splitAccessor")],
                )
                for entry in vis["layers"]
            ]
        for layer_id, accessors in vis_layers:
            columns = layers[layer_id]["columns"]
            shown = [a for a in accessors if a]
            assert set(shown) <= set(columns), f"{obj['id']}: unknown accessors"
            assert set(columns) <= set(shown), f"{obj['id']}: columns never shown"


def _panels(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    panels: list[dict[str, Any]] = json.loads(dashboard["attributes"]["panelsJSON"])
    return panels


def test_dashboard_panels_reference_saved_objects_and_do_not_overlap(
    objects: list[dict[str, Any]],
) -> None:
    (dashboard,) = _by_type(objects, "dashboard")
    refs = {r["name"]: r for r in dashboard["references"]}
    cells: set[tuple[int, int]] = set()
    for panel in _panels(dashboard):
        ref = refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]
        assert ref["type"] == panel["type"]
        grid = panel["gridData"]
        assert grid["i"] == panel["panelIndex"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= 48, panel["panelIndex"]
        mine = {
            (x, y)
            for x in range(grid["x"], grid["x"] + grid["w"])
            for y in range(grid["y"], grid["y"] + grid["h"])
        }
        assert not cells & mine, f"panel {panel['panelIndex']} overlaps another"
        cells |= mine


def test_dashboard_shows_what_the_issue_asks_for(objects: list[dict[str, Any]]) -> None:
    (dashboard,) = _by_type(objects, "dashboard")
    by_id = {o["id"]: o for o in objects}
    shown = [by_id[r["id"]] for r in dashboard["references"]]
    uses = [use for obj in shown for use in field_uses(obj)]

    def used(field: str, how: str) -> bool:
        return any(u.field == field and u.how == how for u in uses)

    # Share of voice over time per competitor: a percentage-stacked date histogram.
    sov = [
        o
        for o in shown
        if o["type"] == "lens"
        and any(
            "percentage" in layer["seriesType"]
            for layer in o["attributes"]["state"]["visualization"].get("layers", [])
        )
    ]
    assert sov and any(
        u.field == "competitors.name" and u.how == "lens:terms" for u in field_uses(sov[0])
    )
    assert any(u.how == "lens:date_histogram" for u in field_uses(sov[0]))
    # M&A table: acquirer, target, amount, status, evidence link.
    for field in ("ma.acquirer.name.raw", "ma.target.name.raw"):
        assert used(field, "lens:terms"), field
    for field in ("ma.amount", "ma.status", "url"):
        assert used(field, "lens:last_value"), field
    # Top and rising voices, alert activity by rule and outcome.
    assert used("author.handle", "lens:terms") and used("influence.score", "lens:max")
    assert used("rule_id", "lens:terms") and used("outcome", "lens:terms")
    assert used("matched_at", "lens:date_histogram") and used("at", "lens:date_histogram")


# --- the checker itself can fail -----------------------------------------------------


def test_kql_fields_finds_fields_and_skips_quoted_values() -> None:
    assert kql_fields('ma.is_ma:true and text:"ceo: out" or influence.score >= 50') == [
        ("ma.is_ma", ":"),
        ("text", ":"),
        ("influence.score", ">="),
    ]
    assert kql_fields('created_at >= "now-8d" and created_at < "now-24h"') == [
        ("created_at", ">="),
        ("created_at", "<"),
    ]
    assert kql_fields("not bogus.field:*") == [("bogus.field", ":")]


def _first(objects: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    return copy.deepcopy(_by_type(objects, kind)[0])


def _lens_column(obj: dict[str, Any], operation: str) -> dict[str, Any]:
    layers = obj["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
    return next(
        c
        for layer in layers.values()
        for c in layer["columns"].values()
        if c["operationType"] == operation
    )


def _problems_with(objects: list[dict[str, Any]], changed: dict[str, Any]) -> list[str]:
    others = [o for o in objects if o["id"] != changed["id"]]
    return field_problems([*others, changed], MAPPINGS)


def test_a_bogus_field_in_a_kql_query_is_reported(objects: list[dict[str, Any]]) -> None:
    search = _first(objects, "search")
    meta = search["attributes"]["kibanaSavedObjectMeta"]
    source = json.loads(meta["searchSourceJSON"])
    source["query"]["query"] = "bogus.field:1 and ma.status:rumour"
    meta["searchSourceJSON"] = json.dumps(source)
    problems = _problems_with(objects, search)
    assert len(problems) == 1 and "'bogus.field'" in problems[0], problems


def test_a_bogus_lens_field_and_a_terms_on_text_are_reported(
    objects: list[dict[str, Any]],
) -> None:
    lens = next(o for o in objects if o["id"] == "signal-scout-lens-top-voices")
    changed = copy.deepcopy(lens)
    _lens_column(changed, "terms")["sourceField"] = "author.nmae"
    assert any("'author.nmae'" in p and "not in" in p for p in _problems_with(objects, changed))
    _lens_column(changed, "terms")["sourceField"] = "author.name"  # text: not aggregatable
    assert any("not aggregatable (text)" in p for p in _problems_with(objects, changed))
    _lens_column(changed, "terms")["sourceField"] = "author.name.raw"  # its keyword sub-field
    assert _problems_with(objects, changed) == []


def test_wrong_types_for_histograms_ranges_and_columns_are_reported(
    objects: list[dict[str, Any]],
) -> None:
    lens = next(o for o in objects if o["id"] == "signal-scout-lens-share-of-voice")
    changed = copy.deepcopy(lens)
    _lens_column(changed, "date_histogram")["sourceField"] = "source"
    assert any("needs a date field" in p for p in _problems_with(objects, changed))
    assert use_problem(Use("x", "v", "ma.status", "kql-range"), MAPPINGS[POSTS])
    assert use_problem(Use("x", "v", "entities.id", "kql"), MAPPINGS[POSTS])
    assert use_problem(Use("x", "v", "ma.acquirer", "column"), MAPPINGS[POSTS])
    assert use_problem(Use("x", "v", "ma.acquirer.name", "column"), MAPPINGS[POSTS]) is None


def test_a_data_view_for_an_unknown_index_is_reported(objects: list[dict[str, Any]]) -> None:
    view = _first(objects, "index-pattern")
    view["attributes"]["title"] = f"{POSTS}-typo"
    problems = _problems_with(objects, view)
    assert problems and all("has no known index" in p for p in problems)


def test_flatten_reads_multi_fields_and_nested_objects() -> None:
    fields = MAPPINGS[POSTS]
    assert fields["ma.acquirer.name"].type == "text"
    assert fields["ma.acquirer.name.raw"].type == "keyword"
    assert fields["entities"].type == "nested" and fields["entities.id"].nested
    assert not fields["competitors.name"].nested
    assert MAPPINGS[DELIVERIES]["error.keyword"].type == "keyword"
