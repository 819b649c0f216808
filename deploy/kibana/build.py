"""Write the Kibana saved objects (deploy/kibana/signal-scout.ndjson) for Kibana 8.19.

    python deploy/kibana/build.py                      # default index prefix (scout)
    python deploy/kibana/build.py --index-prefix acme  # data views for SCOUT_INDEX_PREFIX=acme

The objects use the Kibana 8.x saved-object export format (one JSON object per line):
three data views (``index-pattern``), four saved searches, seven Lens visualizations
(by reference) and one dashboard. Data-view titles come from the functions the scout uses
to name its indices, so they cannot drift from the code. Edit this file, not the ndjson;
tests/unit/test_kibana.py checks that the two agree and that every field the objects use
exists in the index mappings with a type that supports how it is used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from streams.alerts.delivery.delivery_log import deliveries_index
from streams.alerts.matching.claims import state_index_name
from streams.settings import Settings

OUTPUT = Path(__file__).resolve().parent / "signal-scout.ndjson"

# Versions of the saved-object formats written here. Kibana migrates older formats on
# import; a version newer than the running Kibana knows would be refused.
CORE_MIGRATION_VERSION = "8.8.0"
TYPE_MIGRATION_VERSION = {
    "index-pattern": "8.0.0",
    "search": "8.0.0",
    "lens": "8.9.0",
    "dashboard": "8.7.0",
}
PANEL_VERSION = "8.19.0"

POSTS_VIEW = "signal-scout-posts"
ALERTS_VIEW = "signal-scout-alerts"
DELIVERIES_VIEW = "signal-scout-deliveries"

RECORDS = "___records___"  # Lens' pseudo-field for "count of documents"


def _json(value: Any) -> str:
    """Compact JSON with sorted keys, like Kibana's own exports (stable diffs)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


# --- data views ----------------------------------------------------------------------


def data_view(
    view_id: str,
    *,
    title: str,
    name: str,
    time_field: str,
    formats: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "id": view_id,
        "type": "index-pattern",
        "attributes": {
            "title": title,
            "name": name,
            "timeFieldName": time_field,
            "fieldFormatMap": _json(formats or {}),
            "fieldAttrs": "{}",
            "runtimeFieldMap": "{}",
            "sourceFilters": "[]",
            "fields": "[]",
            "typeMeta": "{}",
            "allowNoIndex": True,  # the alert indices appear only once alerts run
        },
        "references": [],
    }


def data_views(index_prefix: str) -> list[dict[str, Any]]:
    settings = Settings(index_prefix=index_prefix)
    link = {"id": "url", "params": {"type": "a", "urlTemplate": None, "labelTemplate": None}}
    return [
        data_view(
            POSTS_VIEW,
            title=settings.posts_alias,
            name="Signal Scout posts",
            time_field="created_at",
            formats={"url": link},
        ),
        data_view(
            ALERTS_VIEW,
            title=state_index_name(index_prefix),
            name="Signal Scout alerts",
            time_field="matched_at",
        ),
        data_view(
            DELIVERIES_VIEW,
            title=deliveries_index(index_prefix),
            name="Signal Scout alert deliveries",
            time_field="at",
        ),
    ]


# --- saved searches ------------------------------------------------------------------


def saved_search(
    search_id: str,
    *,
    title: str,
    description: str,
    query: str,
    columns: list[str],
    sort: list[list[str]],
) -> dict[str, Any]:
    source = {
        "query": {"query": query, "language": "kuery"},
        "filter": [],
        "highlightAll": True,
        "version": True,
        "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index",
    }
    return {
        "id": search_id,
        "type": "search",
        "attributes": {
            "title": title,
            "description": description,
            "columns": columns,
            "sort": sort,
            "grid": {},
            "hideChart": False,
            "isTextBasedQuery": False,
            "kibanaSavedObjectMeta": {"searchSourceJSON": _json(source)},
        },
        "references": [
            {
                "id": POSTS_VIEW,
                "name": "kibanaSavedObjectMeta.searchSourceJSON.index",
                "type": "index-pattern",
            }
        ],
    }


SEARCHES = [
    saved_search(
        "signal-scout-search-competitor-mentions",
        title="Signal Scout: competitor mentions",
        description="Posts naming a watched competitor, with the sentiment towards it.",
        query="competitors.id:*",
        columns=[
            "competitors.name",
            "competitors.sentiment.label",
            "author.handle",
            "text",
            "url",
        ],
        sort=[["created_at", "desc"]],
    ),
    saved_search(
        "signal-scout-search-ma-signals",
        title="Signal Scout: M&A signals",
        description="Posts reporting a merger or acquisition: who buys whom, for how much, "
        "how far along; the url is the evidence.",
        query="ma.is_ma:true",
        columns=[
            "ma.acquirer.name",
            "ma.target.name",
            "ma.amount",
            "ma.status",
            "ma.score",
            "url",
            "text",
        ],
        sort=[["created_at", "desc"]],
    ),
    saved_search(
        "signal-scout-search-company-news",
        title="Signal Scout: company news",
        description="Posts that report a company event (category news: results, product, "
        "deal, lawsuit, executive move, regulation, partnership), spam and market chatter "
        "left out; signal is how strongly the post reports the event.",
        query="category.label:news",
        columns=["category.signal", "author.handle", "text", "story", "url"],
        sort=[["created_at", "desc"]],
    ),
    saved_search(
        "signal-scout-search-thought-leaders",
        title="Signal Scout: thought leaders",
        description="Posts about watched entities by high-influence authors (influence "
        ">= 50 of 100), most influential first. `scout leaders` ranks the authors.",
        query="influence.score >= 50 and entity_ids:*",
        columns=[
            "author.handle",
            "influence.score",
            "influence.engagement",
            "author.followers",
            "entity_ids",
            "text",
            "url",
        ],
        sort=[["influence.score", "desc"], ["created_at", "desc"]],
    ),
]


# --- Lens columns --------------------------------------------------------------------


def date_histogram(field: str) -> dict[str, Any]:
    return {
        "label": field,
        "dataType": "date",
        "operationType": "date_histogram",
        "sourceField": field,
        "isBucketed": True,
        "scale": "interval",
        "params": {"interval": "auto", "includeEmptyRows": True, "dropPartials": False},
    }


def terms(
    field: str, label: str, *, size: int, order_by: str, other: bool = False, missing: bool = False
) -> dict[str, Any]:
    return {
        "label": label,
        "customLabel": True,
        "dataType": "string",
        "operationType": "terms",
        "sourceField": field,
        "isBucketed": True,
        "scale": "ordinal",
        "params": {
            "size": size,
            "orderBy": {"type": "column", "columnId": order_by},
            "orderDirection": "desc",
            "otherBucket": other,
            "missingBucket": missing,
            "parentFormat": {"id": "terms"},
        },
    }


def count(label: str, *, kql: str | None = None) -> dict[str, Any]:
    column: dict[str, Any] = {
        "label": label,
        "customLabel": True,
        "dataType": "number",
        "operationType": "count",
        "sourceField": RECORDS,
        "isBucketed": False,
        "scale": "ratio",
        "params": {"emptyAsNull": False},
    }
    if kql:
        column["filter"] = {"query": kql, "language": "kuery"}
    return column


def metric(operation: str, field: str, label: str, *, kql: str | None = None) -> dict[str, Any]:
    column: dict[str, Any] = {
        "label": label,
        "customLabel": True,
        "dataType": "number",
        "operationType": operation,  # max, sum, unique_count...
        "sourceField": field,
        "isBucketed": False,
        "scale": "ratio",
        "params": {"emptyAsNull": True},
    }
    if kql:
        column["filter"] = {"query": kql, "language": "kuery"}
    return column


def last_value(field: str, label: str, *, sort_field: str) -> dict[str, Any]:
    return {
        "label": label,
        "customLabel": True,
        "dataType": "string",
        "operationType": "last_value",
        "sourceField": field,
        "isBucketed": False,
        "scale": "ordinal",
        "params": {"sortField": sort_field, "showArrayValues": False},
    }


# --- Lens visualizations -------------------------------------------------------------


def lens(
    lens_id: str,
    *,
    title: str,
    description: str,
    view: str,
    columns: dict[str, dict[str, Any]],
    visualization: dict[str, Any],
    visualization_type: str,
    query: str = "",
) -> dict[str, Any]:
    layer = "layer1"
    visualization = {**visualization}
    if visualization_type == "lnsDatatable":
        visualization.update(layerId=layer, layerType="data")
    else:
        visualization["layers"] = [
            {**entry, "layerId": layer, "layerType": "data"} for entry in visualization["layers"]
        ]
    return {
        "id": lens_id,
        "type": "lens",
        "attributes": {
            "title": title,
            "description": description,
            "visualizationType": visualization_type,
            "state": {
                "datasourceStates": {
                    "formBased": {
                        "layers": {
                            layer: {
                                "columns": columns,
                                "columnOrder": list(columns),
                                "incompleteColumns": {},
                            }
                        }
                    }
                },
                "visualization": visualization,
                "query": {"query": query, "language": "kuery"},
                "filters": [],
                "internalReferences": [],
                "adHocDataViews": {},
            },
        },
        "references": [
            {"id": view, "name": f"indexpattern-datasource-layer-{layer}", "type": "index-pattern"}
        ],
    }


def xy(series: str, *, x: str, y: list[str], split: str | None = None) -> dict[str, Any]:
    layer: dict[str, Any] = {"seriesType": series, "xAccessor": x, "accessors": y}
    if split:
        layer["splitAccessor"] = split
        layer["palette"] = {"type": "palette", "name": "default"}
    return {
        "preferredSeriesType": series,
        "legend": {"isVisible": True, "position": "right", "legendSize": "auto"},
        "valueLabels": "hide",
        "fittingFunction": "None",
        "axisTitlesVisibilitySettings": {"x": False, "yLeft": True, "yRight": True},
        "layers": [layer],
    }


def table(*column_ids: str) -> dict[str, Any]:
    return {
        "columns": [{"columnId": c, "isTransposed": False} for c in column_ids],
        "rowHeight": "single",
        "rowHeightLines": 1,
    }


LAST_DAY = 'created_at >= "now-24h"'
PREVIOUS_WEEK = 'created_at >= "now-8d" and created_at < "now-24h"'

LENSES = [
    lens(
        "signal-scout-lens-share-of-voice",
        title="Share of voice per competitor",
        description="Share of the posts naming a watched competitor, per competitor over "
        "time (a post naming two competitors counts for both).",
        view=POSTS_VIEW,
        query="competitors.id:*",
        columns={
            "competitor": terms(
                "competitors.name", "Competitor", size=10, order_by="posts", other=True
            ),
            "time": date_histogram("created_at"),
            "posts": count("Posts"),
        },
        visualization=xy("area_percentage_stacked", x="time", y=["posts"], split="competitor"),
        visualization_type="lnsXY",
    ),
    lens(
        "signal-scout-lens-ma-deals",
        title="M&A deals",
        description="One row per acquirer and target: latest status and amount reported, "
        "the latest post as evidence, and how many posts report the deal.",
        view=POSTS_VIEW,
        query="ma.is_ma:true",
        columns={
            "acquirer": terms(
                "ma.acquirer.name.raw", "Acquirer", size=25, order_by="posts", missing=True
            ),
            "target": terms("ma.target.name.raw", "Target", size=5, order_by="posts", missing=True),
            "amount": last_value("ma.amount", "Amount (latest)", sort_field="created_at"),
            "status": last_value("ma.status", "Status (latest)", sort_field="created_at"),
            "evidence": last_value("url", "Evidence (latest post)", sort_field="created_at"),
            "posts": count("Posts"),
        },
        visualization=table("acquirer", "target", "amount", "status", "evidence", "posts"),
        visualization_type="lnsDatatable",
    ),
    lens(
        "signal-scout-lens-top-voices",
        title="Top voices",
        description="Authors by their best per-post influence, with their posts, posts about "
        "watched entities and engagement received: the inputs of `scout leaders`' top "
        "voices, not its combined score.",
        view=POSTS_VIEW,
        columns={
            "author": terms("author.handle", "Author", size=20, order_by="influence"),
            "influence": metric("max", "influence.score", "Max influence"),
            "posts": count("Posts"),
            "relevant": count("Posts about watched entities", kql="entity_ids:*"),
            "engagement": metric("sum", "influence.engagement", "Engagement received"),
        },
        visualization=table("author", "influence", "posts", "relevant", "engagement"),
        visualization_type="lnsDatatable",
    ),
    lens(
        "signal-scout-lens-rising-voices",
        title="Rising voices (last 24 h vs the 7 days before)",
        description="Authors most active in the last 24 hours next to their activity in the "
        "seven days before (needs a dashboard time range of at least 8 days). A plain "
        "comparison: `scout leaders` also weighs engagement and @mentions into a growth score.",
        view=POSTS_VIEW,
        columns={
            "author": terms("author.handle", "Author", size=20, order_by="recent"),
            "recent": count("Posts, last 24 h", kql=LAST_DAY),
            "baseline": count("Posts, 7 days before", kql=PREVIOUS_WEEK),
            "engagement": metric(
                "sum", "influence.engagement", "Engagement, last 24 h", kql=LAST_DAY
            ),
            "influence": metric("max", "influence.score", "Max influence"),
        },
        visualization=table("author", "recent", "baseline", "engagement", "influence"),
        visualization_type="lnsDatatable",
    ),
    lens(
        "signal-scout-lens-alerts-by-rule",
        title="Alerts by rule",
        description="Alerts raised (claimed, after dedup and throttling) over time, per rule.",
        view=ALERTS_VIEW,
        columns={
            "rule": terms("rule_id", "Rule", size=10, order_by="alerts", other=True),
            "time": date_histogram("matched_at"),
            "alerts": count("Alerts"),
        },
        visualization=xy("bar_stacked", x="time", y=["alerts"], split="rule"),
        visualization_type="lnsXY",
    ),
    lens(
        "signal-scout-lens-deliveries-by-outcome",
        title="Alert deliveries by outcome",
        description="Delivery attempts over time: delivered, retry, failed, refused, interrupted.",
        view=DELIVERIES_VIEW,
        columns={
            "outcome": terms("outcome", "Outcome", size=5, order_by="attempts"),
            "time": date_histogram("at"),
            "attempts": count("Attempts"),
        },
        visualization=xy("bar_stacked", x="time", y=["attempts"], split="outcome"),
        visualization_type="lnsXY",
    ),
    lens(
        "signal-scout-lens-deliveries-per-rule",
        title="Alert deliveries per rule and outcome",
        description="Per rule and outcome: attempts, distinct alerts and the slowest attempt.",
        view=DELIVERIES_VIEW,
        columns={
            "rule": terms("rule_id", "Rule", size=20, order_by="attempts"),
            "outcome": terms("outcome", "Outcome", size=5, order_by="attempts"),
            "attempts": count("Attempts"),
            "alerts": metric("unique_count", "alert_id", "Alerts"),
            "slowest": metric("max", "duration_ms", "Slowest attempt (ms)"),
        },
        visualization=table("rule", "outcome", "attempts", "alerts", "slowest"),
        visualization_type="lnsDatatable",
    ),
]


# --- dashboard -----------------------------------------------------------------------

# (panel index, saved object, x, y, w, h) on Kibana's 48-column grid.
LAYOUT: list[tuple[str, dict[str, Any], int, int, int, int]] = [
    ("share-of-voice", LENSES[0], 0, 0, 48, 14),
    ("ma-deals", LENSES[1], 0, 14, 24, 16),
    ("ma-signals", SEARCHES[1], 24, 14, 24, 16),
    ("top-voices", LENSES[2], 0, 30, 24, 15),
    ("rising-voices", LENSES[3], 24, 30, 24, 15),
    ("alerts-by-rule", LENSES[4], 0, 45, 24, 12),
    ("deliveries-by-outcome", LENSES[5], 24, 45, 24, 12),
    ("deliveries-per-rule", LENSES[6], 0, 57, 48, 12),
]


def dashboard() -> dict[str, Any]:
    panels = []
    references = []
    for index, target, x, y, w, h in LAYOUT:
        panels.append(
            {
                "version": PANEL_VERSION,
                "type": target["type"],
                "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
                "panelIndex": index,
                "embeddableConfig": {"enhancements": {}},
                "panelRefName": f"panel_{index}",
            }
        )
        references.append(
            {"name": f"{index}:panel_{index}", "type": target["type"], "id": target["id"]}
        )
    return {
        "id": "signal-scout-overview",
        "type": "dashboard",
        "attributes": {
            "title": "Signal Scout overview",
            "description": "Share of voice, M&A, top and rising voices, alert activity.",
            "panelsJSON": _json(panels),
            "optionsJSON": _json(
                {
                    "useMargins": True,
                    "syncColors": False,
                    "syncCursor": True,
                    "syncTooltips": False,
                    "hidePanelTitles": False,
                }
            ),
            "timeRestore": True,
            "timeFrom": "now-30d",
            "timeTo": "now",
            "refreshInterval": {"pause": True, "value": 60000},
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": _json(
                    {"query": {"query": "", "language": "kuery"}, "filter": []}
                )
            },
        },
        "references": references,
    }


# --- output --------------------------------------------------------------------------


def saved_objects(index_prefix: str | None = None) -> list[dict[str, Any]]:
    prefix = index_prefix or str(Settings.model_fields["index_prefix"].default)
    objects = [*data_views(prefix), *SEARCHES, *LENSES, dashboard()]
    for obj in objects:
        obj["coreMigrationVersion"] = CORE_MIGRATION_VERSION
        obj["typeMigrationVersion"] = TYPE_MIGRATION_VERSION[obj["type"]]
        obj["managed"] = False
    return objects


def render(index_prefix: str | None = None) -> str:
    return "".join(_json(obj) + "\n" for obj in saved_objects(index_prefix))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--index-prefix",
        help="SCOUT_INDEX_PREFIX the data views are for (default: the settings' default, scout)",
    )
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="'-' for stdout")
    args = parser.parse_args(argv)
    text = render(args.index_prefix)
    if str(args.output) == "-":
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
