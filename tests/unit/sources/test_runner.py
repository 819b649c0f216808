"""The Listener: one task per source, hot reload of the sources file, a broken source
left out while the others run, stop saving every cursor."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from streams.sources.health import health_body, metrics_text
from streams.sources.runner import Listener
from tests.feed_docs import items, rss2
from tests.unit.sources.fakes import MemoryPublisher, context


def _feeds(request: httpx.Request) -> httpx.Response:
    if request.url.host == "down.example":
        raise httpx.ConnectError("Connection refused", request=request)
    name = request.url.path.strip("/").removesuffix(".xml")
    return httpx.Response(200, content=rss2(items(name, 2)), headers={"ETag": '"1"'})


def _write(path: Path, *sources: str) -> None:
    path.write_text("sources:\n" + "".join(sources))


def _rss(name: str, host: str = "feeds.example", interval: str = "1s") -> str:
    return (
        f"- {{name: {name}, kind: rss, url: 'https://{host}/{name}.xml', interval: {interval}}}\n"
    )


async def _until(probe, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout
    while not probe():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


def test_sources_run_concurrently_reload_on_change_and_stop_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    _write(path, _rss("alpha"), _rss("broken", host="down.example"), "- {name: bad, kind: rss}\n")
    publisher = MemoryPublisher()

    async def run() -> None:
        listener = Listener(context(publisher, _feeds), path, states={})
        task = asyncio.create_task(listener.run())
        await _until(lambda: len(publisher.on("t.posts.raw")) == 2)
        assert set(listener.running) == {"alpha", "broken"}
        snapshot = listener.snapshot()
        assert snapshot["problems"][0]["source"] == "bad"
        assert snapshot["problems"][0]["field"] == "url"
        await _until(lambda: listener.running["broken"].source.status.errors >= 1)
        status, body = health_body(listener)
        assert status == 200 and body["problems"] == 1
        assert 'scout_source_published_total{source="alpha",kind="rss"} 2.0' in metrics_text(
            listener
        )

        _write(path, _rss("alpha"), _rss("beta"))  # broken removed, beta added, bad fixed
        assert await listener.reload_if_changed()
        assert set(listener.running) == {"alpha", "beta"}
        await _until(lambda: len(publisher.on("t.posts.raw")) == 4)
        assert not await listener.reload_if_changed()  # same content: nothing restarts

        _write(path, _rss("alpha", interval="2s"), _rss("beta"))  # alpha changed: restarts
        alpha = listener.running["alpha"].task
        assert await listener.reload_if_changed()
        assert alpha.done() and listener.running["alpha"].task is not alpha
        path.write_text("sources: [\n")  # unreadable: the running sources go on
        assert not await listener.reload_if_changed()
        assert set(listener.running) == {"alpha", "beta"} and listener.file_error is not None

        listener.stop()
        await asyncio.wait_for(task, 10)
        assert not listener.running

    asyncio.run(run())
    keys = [r.key for r in publisher.on("t.posts.raw")]
    assert sorted(keys) == ["urn:alpha:0", "urn:alpha:1", "urn:beta:0", "urn:beta:1"]
    last = {r.key: r.value for r in publisher.on("t.sources.cursors")}
    assert last["alpha"]["status"]["state"] == "stopped"
    assert last["broken"]["status"]["errors"] >= 1
