"""``scout sample``: the whole path on the built-in sample, with a real worker process, then
live: a local feed that `scout listen` follows (streams.cli.sample_live)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

from elasticsearch import Elasticsearch
from rich.console import Console

from streams.cli.pipeline import run_setup
from streams.cli.sample_live import run_live
from streams.errors import ScoutError
from streams.index.client import make_client
from streams.index.documents import doc_id
from streams.index.search import search_posts
from streams.ingest import publish_lines, read_lines
from streams.normalize import parse_post
from streams.settings import Settings
from streams.wording import count_of

SAMPLE_QUERIES = ("microsoft", "acquire OR takeover OR buy", "mentions:nvidia", "Stavanger")


def sample_files() -> list[Path]:
    root = resources.files("streams.sample")
    return [Path(str(root.joinpath("posts.jsonl"))), Path(str(root.joinpath("rejects.jsonl")))]


def _expected_ids(path: Path, settings: Settings) -> list[str]:
    ids = []
    for line in path.read_bytes().splitlines():
        post = parse_post(
            line,
            max_message_bytes=settings.max_message_bytes,
            max_text_chars=settings.max_text_chars,
        )
        ids.append(doc_id(post.source, post.id))
    return ids


def run_sample(settings: Settings, *, timeout_s: float, console: Console) -> None:
    posts_file, rejects_file = sample_files()
    console.rule("1. setup: topics and index")
    run_setup(settings)

    console.rule("2. ingest the built-in sample (the second file has 3 deliberately bad lines)")
    report = publish_lines(settings, read_lines([str(posts_file), str(rejects_file)]))
    console.print(f"published {report.published}, rejected {len(report.rejected)}:")
    for dead in report.rejected:
        console.print(
            f"  {Path(dead.source_file or '?').name}:{dead.line} {dead.reason}: {dead.detail}"
        )

    console.rule("3. run the worker until every sample post is searchable")
    wanted = _expected_ids(posts_file, settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    log_path = settings.data_dir / "sample-worker.log"
    console.print(f"worker log: {log_path}")
    log = log_path.open("wb")
    worker = subprocess.Popen(  # noqa: S603 - our own CLI, same interpreter
        [sys.executable, "-m", "streams", "worker"],
        env=dict(os.environ),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    client = make_client(settings)
    try:
        try:
            found = _wait_indexed(client, settings, wanted, timeout_s, worker)
        except ScoutError:
            tail = log_path.read_text(errors="replace").splitlines()[-30:]
            console.print("last lines of the worker log:\n" + "\n".join(tail), markup=False)
            raise
        console.print(f"indexed {found}/{len(wanted)} sample posts")
        console.rule("4. search")
        for query in SAMPLE_QUERIES:
            total, docs = search_posts(client, settings.posts_alias, query, size=3)
            console.print(f"[bold]scout search {query!r}[/]: {count_of(total, 'post')}")
            for doc in docs:
                ents = ", ".join(f"{e['text']} [{e['label']}]" for e in doc["entities"])
                console.print(f"   - {doc['text'][:90]}", markup=False, highlight=False)
                console.print(f"     entities: {ents or '-'}", markup=False, highlight=False)
        console.rule(
            "5. listen: a local feed publishes items one by one, `scout listen` follows it"
        )
        latencies = run_live(settings, client, console=console)
        console.print(
            f"{len(latencies)} live items indexed, {max(latencies):.1f} s at most after they"
            " appeared in the feed"
        )
    finally:
        client.close()
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
        log.close()
    console.print(
        "done. Try:\n"
        "  scout search 'mentions:microsoft'\n"
        "  scout brief --since 7d --until 2026-03-04T00:00:00Z   (the brief of the sample)\n"
        "  SCOUT_API_TOKEN=secret scout api   (then open http://127.0.0.1:8080/board)\n"
        "  SCOUT_SOURCES_FILE=deploy/sources.example.yaml scout listen   (live sources)\n"
        "Services keep running: `scout services down` stops them."
    )


def _wait_indexed(
    client: Elasticsearch,
    settings: Settings,
    ids: list[str],
    timeout_s: float,
    worker: subprocess.Popen[bytes],
) -> int:
    deadline = time.monotonic() + timeout_s
    found = 0
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise ScoutError(
                f"the worker exited with status {worker.returncode}", code="SCOUT-E050"
            )
        client.indices.refresh(index=settings.posts_alias)
        found = int(
            client.count(index=settings.posts_alias, query={"ids": {"values": ids}})["count"]
        )
        if found == len(ids):
            return found
        time.sleep(1)
    raise ScoutError(
        f"only {found}/{len(ids)} sample posts were indexed within {timeout_s:.0f}s;"
        " see the worker's log",
        code="SCOUT-E051",
    )
