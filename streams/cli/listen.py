"""``scout listen`` and ``scout sources list | status | test NAME``."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from streams.cli.context import settings_of
from streams.wording import count_of

console = Console(stderr=True)
out = Console(soft_wrap=True)

app = typer.Typer(no_args_is_help=True, add_completion=False)


def listen(ctx: typer.Context) -> None:
    """Run every source of the sources file (SCOUT_SOURCES_FILE) and publish their posts to
    posts.raw; the file is re-read when it changes. Stops cleanly on SIGTERM/SIGINT."""
    from streams.sources.service import listen as run

    settings = settings_of(ctx)
    logging.basicConfig(
        level={"warn": "WARNING"}.get(settings.log_level, settings.log_level.upper()),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("kafka").setLevel(logging.WARNING)  # its INFO is one line per connection
    asyncio.run(run(settings))


@app.command("list")
def list_sources(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per source.")] = False,
) -> None:
    """The sources of the sources file, and the ones left out with their error."""
    from streams.sources import load_sources, source_rows

    settings = settings_of(ctx)
    loaded = load_sources(settings.sources_file)
    rows = source_rows(loaded, {})
    if as_json:
        for row in rows:
            out.print(json.dumps(_without_state(row)), highlight=False, markup=False)
        _exit_on_problems(loaded.problems)
        return
    table = Table(title=f"{settings.sources_file} (version {loaded.version})")
    for column in ("name", "kind", "interval", "filter", "target or error"):
        table.add_column(column)
    for row in rows:
        if row["valid"]:
            table.add_row(
                row["name"], row["kind"], f"{row['interval_s']:g}s", row["filter"], row["target"]
            )
        else:
            error = row["error"]
            table.add_row(row["name"], "-", "-", "-", f"[red]{error['code']} {error['message']}[/]")
    out.print(table)
    _exit_on_problems(loaded.problems)


@app.command()
def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per source.")] = False,
) -> None:
    """Per source: state, posts published, dropped by the filter, dead letters, errors, last
    success, last error and cursor age, as `scout listen` last saved them (cursor topic)."""
    from streams.errors import ConfigError
    from streams.sources import load_sources, read_states, source_rows

    settings = settings_of(ctx)
    try:
        loaded = load_sources(settings.sources_file)
    except ConfigError as exc:
        console.print(f"[yellow]{exc}[/] (showing saved states only)")
        loaded = None
    rows = source_rows(loaded, read_states(settings))
    if as_json:
        for row in rows:
            out.print(json.dumps(row), highlight=False, markup=False)
        return
    _status_table(rows)


def _status_table(rows: list[dict[str, Any]]) -> None:
    table = Table()
    table.add_column("name")
    table.add_column("kind")
    table.add_column("state")
    for column in ("published", "dropped", "dlq", "errors", "cursor age"):
        table.add_column(column, justify="right")
    notes: list[str] = []
    for row in rows:
        st = row.get("status") or {}
        state = st.get("state", "never ran") if row["valid"] else "invalid"
        if not row["configured"]:
            state = f"{state} (not configured)"
        age = row.get("cursor_age_s")
        table.add_row(
            row["name"],
            row["kind"] or "-",
            state,
            str(st.get("published", 0)),
            str(st.get("dropped", 0)),
            str(st.get("dead_lettered", 0)),
            str(st.get("errors", 0)),
            f"{age:.0f}s" if age is not None else "-",
        )
        if not row["valid"]:
            notes.append(f"{row['name']}: {row['error']['code']} {row['error']['message']}")
        elif st.get("last_error") and st.get("state") != "ok":
            notes.append(f"{row['name']}: last error {st.get('last_error_at')}: {st['last_error']}")
        if st.get("last_success"):
            notes.append(f"{row['name']}: last success {st['last_success']}")
    out.print(table)
    for note in notes:
        out.print(note, highlight=False, markup=False)


@app.command()
def test(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The source's name in the sources file.")],
) -> None:
    """Fetch source NAME once and print its posts, normalized, as JSON Lines; nothing is
    published and no cursor is read or saved. Refused items go to stderr."""
    from streams.errors import InvalidPostError
    from streams.normalize import post_from_obj
    from streams.sources.service import test_source

    settings = settings_of(ctx)
    items = asyncio.run(test_source(settings, name))
    good = 0
    for obj in items:
        try:
            post = post_from_obj(obj, max_text_chars=settings.max_text_chars)
        except InvalidPostError as exc:
            console.print(f"refused {obj.get('id')!r}: {exc.reason}: {exc.message}")
            continue
        good += 1
        out.print(post.model_dump_json(exclude_none=True), highlight=False, markup=False)
    console.print(
        f"{name}: {count_of(good, 'post')}, {len(items) - good} refused (nothing published)"
    )


def _without_state(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in {"status", "cursor_age_s", "updated_age_s"}}


def _exit_on_problems(problems: Any) -> None:
    if problems:
        for problem in problems:
            console.print(f"[red]error:[/] {problem}")
        raise typer.Exit(2)


def register(root: typer.Typer) -> None:
    root.command()(listen)
    root.add_typer(app, name="sources", help="Live sources: list, status, test one.")
