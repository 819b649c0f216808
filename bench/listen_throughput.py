"""`scout listen` reading a Jetstream-shaped firehose, against a bare websocket reader
measured in the same run.

    python -m bench.listen_throughput                    # 20000 posts, ~5% naming a company
    python bench/listen_throughput.py --posts 50000 --watched 0.05

1. A local Jetstream-shaped server (aiohttp, its own process) holds N synthetic
   ``app.bsky.feed.post`` create commits (team-written word salad; every 20th names a
   company of the bundled watch list) and replays them as fast as the reader takes them
   once the bench says go.
2. Baseline: a bare aiohttp websocket client in this process reads the N messages and
   ``json.loads`` each: the ceiling of any Python reader on this machine.
3. `scout listen` (a subprocess, fresh topics) with one bluesky source, ``filter:
   watchlist`` (the default), then again with ``filter: all``: posts/s from go until the
   source's status (its /sources endpoint) accounts for all N (published, acknowledged by
   Kafka, or dropped), and the process's CPU seconds (/proc) over that window per 1,000.

Goal (issue 15 point 10): >= 2,000 posts/s through the watch-list filter on one core.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ingest_throughput import cleanup, isolated  # noqa: E402
from streams.cli.pipeline import run_setup  # noqa: E402
from streams.settings import Settings, load_settings  # noqa: E402

RESULTS = ROOT / "bench" / "results"
T0 = 1_796_000_000_000_000
DID = "did:plc:benchbenchbenchbenchbenc"
COMPANIES = ["Oracle", "Siemens", "Cisco", "Nvidia", "Intel", "Adobe Inc.", "Accenture"]
WORDS = """the a of and to in is it you that was for on are with as his they be at one have
    this from or had by word but what some we can out other were all there when up use your how
    said an each she which do their time if will way about many then them write would like so
    these her long make thing see him two has look more day could go come did number sound no
    most people my over know water than call first who may down side been now find coffee
    morning train weather garden music friends weekend photo dog cat walk""".split()  # noqa: SIM905


def synthetic_events(n: int, watched: float, seed: int = 15) -> list[str]:
    """``n`` Jetstream create commits as JSON; a ``watched`` share names a company."""
    rng = random.Random(seed)  # noqa: S311 - test data, not cryptography
    every = max(1, round(1 / watched)) if watched > 0 else 0
    events = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 45))]
        if every and i % every == 0:
            words.insert(rng.randint(0, len(words)), rng.choice(COMPANIES))
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        record = {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": "2026-12-06T00:30:00.000Z",
            "langs": ["en"],
        }
        commit = {
            "rev": f"3lb{i:09d}",
            "operation": "create",
            "collection": "app.bsky.feed.post",
            "rkey": f"3lb{i:09d}",
            "record": record,
            "cid": f"bafyreibench{i:012d}",
        }
        events.append(
            json.dumps(
                {"did": DID, "time_us": T0 + i * 500, "kind": "commit", "commit": commit},
                separators=(",", ":"),
            )
        )
    return events


# --- the server (its own process) --------------------------------------------------------


def serve(port: int, n: int, watched: float, ready: Any) -> None:
    asyncio.run(_serve(port, n, watched, ready))


async def _serve(port: int, n: int, watched: float, ready: Any) -> None:
    from aiohttp import web

    events = synthetic_events(n, watched)
    go = asyncio.Event()
    waiting: list[int] = []

    async def subscribe(request: web.Request) -> web.StreamResponse:
        cursor = int(request.query.get("cursor", "0"))
        start = next((i for i in range(n) if T0 + i * 500 >= cursor), n) if cursor else 0
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        waiting.append(1)
        await go.wait()
        for message in events[start:]:
            await ws.send_str(message)
        async for _ in ws:  # idle until the reader leaves
            pass
        return ws

    async def release(request: web.Request) -> web.Response:
        go.set()
        return web.Response(text="go\n")

    async def reset(request: web.Request) -> web.Response:
        go.clear()
        waiting.clear()
        return web.Response(text="reset\n")

    async def connected(request: web.Request) -> web.Response:
        return web.Response(text=str(len(waiting)))

    app = web.Application()
    app.router.add_get("/subscribe", subscribe)
    app.router.add_get("/go", release)
    app.router.add_get("/reset", reset)
    app.router.add_get("/connected", connected)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    ready.set()
    await asyncio.Event().wait()


def _get(url: str, timeout: float = 5) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 - loopback
        return bytes(answer.read())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(probe: Any, timeout: float, what: str, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")


# --- the baseline: a bare reader --------------------------------------------------------


async def _bare_read(url: str, n: int, go: str) -> tuple[float, float]:
    import aiohttp

    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await asyncio.to_thread(
            _wait, lambda: _get(go.replace("/go", "/connected")) != b"0", 10, ""
        )
        cpu, started = time.process_time(), time.perf_counter()
        await asyncio.to_thread(_get, go)
        for _ in range(n):
            message = await ws.receive()
            json.loads(message.data)
        return time.perf_counter() - started, time.process_time() - cpu


# --- scout listen -------------------------------------------------------------------------


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _accounted(port: int) -> int:
    try:
        body = json.loads(_get(f"http://127.0.0.1:{port}/sources", timeout=2))
    except OSError:
        return -1
    status = (body["sources"] or [{}])[0].get("status") or {}
    return int(status.get("published", 0)) + int(status.get("dropped", 0))


def _env(settings: Settings) -> dict[str, str]:
    return dict(
        os.environ,
        SCOUT_TOPIC_PREFIX=settings.topic_prefix,
        SCOUT_APP_ID=settings.app_id,
        SCOUT_KAFKA_BOOTSTRAP=settings.kafka_bootstrap,
        SCOUT_SOURCES_FILE=str(settings.sources_file),
        SCOUT_LISTEN_PORT=str(settings.listen_port),
        SCOUT_SOURCES_CHECK_S=str(settings.sources_check_s),
        SCOUT_LOG_LEVEL="warn",
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    )


def run_listen(
    settings: Settings, server: str, n: int, filter_: str, log_path: Path, timeout: float
) -> dict[str, float]:
    """One `scout listen` over the N posts: seconds, CPU seconds, published and dropped."""
    name = f"bench-{filter_}"
    settings.sources_file.write_text(
        f"sources:\n  - {{name: {name}, kind: bluesky, url: '{server}/subscribe',"
        f" filter: {filter_}}}\n"
    )
    http = server.replace("ws://", "http://")
    _get(f"{http}/reset")
    with log_path.open("ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streams", "listen"],
            env=_env(settings),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait(lambda: _get(f"{http}/connected") != b"0", 90, "scout listen connected")
        port = settings.listen_port
        assert port is not None
        cpu, started = _cpu_s(proc.pid), time.perf_counter()
        _get(f"{http}/go")
        _wait(lambda: _accounted(port) >= n, timeout, f"{n} posts accounted for", 0.02)
        seconds, cpu_s = time.perf_counter() - started, _cpu_s(proc.pid) - cpu
        body = json.loads(_get(f"http://127.0.0.1:{port}/sources"))
        status = body["sources"][0]["status"]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    return {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "published": status["published"],
        "dropped": status["dropped"],
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="scout listen on a local Jetstream firehose.")
    parser.add_argument("--posts", type=int, default=20000, help="Posts the server replays.")
    parser.add_argument("--watched", type=float, default=0.05, help="Share naming a company.")
    parser.add_argument("--timeout", type=float, default=600, help="Deadline of a run (s).")
    args = parser.parse_args(argv)
    n = args.posts

    from streams.sources.filters import make_filter
    from streams.watchlist import WatchlistStore, default_watchlist_dir

    post_filter = make_filter("watchlist", WatchlistStore(default_watchlist_dir(), 60))
    from models.post import Post

    expected_kept = sum(
        post_filter.keeps(Post(id="x", text=json.loads(e)["commit"]["record"]["text"]))
        for e in synthetic_events(n, args.watched)
    )

    base = load_settings()
    stamp = datetime.now(UTC).strftime("%Y%m%dt%H%M%S")
    name = f"scout-bench-{stamp}"
    data_dir = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    settings = isolated(
        base,
        name,
        data_dir,
        sources_file=data_dir / "sources.yaml",
        listen_port=_free_port(),
        sources_check_s=60.0,
        log_level="warn",
    )
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load {load:.2f}")
    print(f"kafka {settings.kafka_bootstrap}, prefix {name}; {n} posts, {expected_kept} watched")

    port = _free_port()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(port, n, args.watched, ready), daemon=True)
    server.start()
    ready.wait(timeout=120)
    url = f"ws://127.0.0.1:{port}"
    results: dict[str, dict[str, float]] = {}
    try:
        bare_s, bare_cpu = asyncio.run(
            _bare_read(f"{url}/subscribe", n, f"http://127.0.0.1:{port}/go")
        )
        results["bare"] = {"seconds": bare_s, "cpu_s": bare_cpu}
        run_setup(settings)
        for filter_ in ("watchlist", "all"):
            results[filter_] = run_listen(
                settings, url, n, filter_, data_dir / f"listen-{filter_}.log", args.timeout
            )
    finally:
        server.terminate()
        cleanup(settings)

    print(f"\n{'run':<44}  {'posts':>6}  {'s':>6}  {'posts/s':>8}  {'CPU s/1k':>8}  {'kept':>6}")
    labels = {
        "bare": "bare websocket read + json.loads",
        "watchlist": "scout listen, filter watchlist (default)",
        "all": "scout listen, filter all (every post to Kafka)",
    }
    for key, label in labels.items():
        run = results[key]
        kept = run.get("published", n)
        print(
            f"{label:<44}  {n:>6}  {run['seconds']:>6.2f}  {n / run['seconds']:>8.0f}"
            f"  {run['cpu_s'] / n * 1000:>8.3f}  {kept:>6.0f}"
        )
    ratios = {
        "watchlist_vs_bare": results["bare"]["seconds"] / results["watchlist"]["seconds"],
        "all_vs_bare": results["bare"]["seconds"] / results["all"]["seconds"],
    }
    print(f"\nratio listen (watchlist) / bare: {ratios['watchlist_vs_bare']:.2f}")
    print(f"ratio listen (all) / bare:       {ratios['all_vs_bare']:.2f}")
    rate = n / results["watchlist"]["seconds"]
    print(f"goal >= 2000 posts/s through the filter: {'met' if rate >= 2000 else 'NOT met'}")
    if results["watchlist"]["published"] != expected_kept:
        print(f"warning: {results['watchlist']['published']} kept, expected {expected_kept}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"listen_throughput-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "timestamp": stamp,
                "machine": {
                    "cpu_count": os.cpu_count(),
                    "python": platform.python_version(),
                    "platform": platform.platform(),
                    "load_average_1m": load,
                },
                "posts": n,
                "watched_share": args.watched,
                "expected_kept": expected_kept,
                "runs": results,
                "ratios": ratios,
            },
            indent=2,
        )
    )
    print(f"figures written to {out}")


if __name__ == "__main__":
    main()
