"""`scout listen` with a mastodon source as a process, against a real local server that
speaks Mastodon's streaming (server-sent events) and timeline APIs, the real Kafka, and a
real worker and Elasticsearch: catch-up, updates, a boost, an edit, a delete, a dropped
connection (the statuses posted meanwhile caught up through ``min_id``), a stall."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from streams.index import doc_id
from streams.settings import Settings
from streams.sources import read_states
from streams.topics import POSTS_RAW
from tests.integration.mastodon_server import HOST, TOKEN, MastodonServer, mastodon_server, status
from tests.integration.support import WorkerProcess, count_docs, free_port, read_topic, wait_until
from tests.integration.test_listen import ListenProcess

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture
def server() -> Iterator[MastodonServer]:
    with mastodon_server(heartbeat_s=0.5) as running:
        yield running


def _uri(sid: int, acct: str = "alice") -> str:
    return f"https://{HOST}/users/{acct}/statuses/{sid}"


def test_mastodon_stream_with_catch_up_edit_delete_drop_and_stall(
    settings: Settings,
    es: Elasticsearch,
    start_worker: Callable[..., WorkerProcess],
    server: MastodonServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MASTO_TEST_TOKEN", TOKEN)
    config = settings.model_copy(
        update={
            "sources_file": tmp_path / "sources.yaml",
            "listen_port": free_port(),
            "sources_host_interval_s": 0.0,
        }
    )
    config.sources_file.write_text(
        "sources:\n"
        f"  - {{name: acme-tag, kind: mastodon, server: '{server.url}', tag: acme,"
        " token_env: MASTO_TEST_TOKEN, interval: 1s, stall_timeout: 2s}\n"
    )
    server.add(*(status(i, f"Acme post number {i}.") for i in (101, 102, 103)))
    worker = start_worker()
    listen = ListenProcess(config, tmp_path / "listen.log")
    try:

        def connections(n: int) -> None:
            wait_until(
                lambda: listen.proc.poll() is None and len(server.connections) >= n,
                timeout=60,
                what=f"stream connection {n}\n{listen.log_tail()}",
            )

        connections(1)  # after the catch-up of the latest page (101-103)
        server.send("update", status(104, "Acme buys Globex for $2 billion."))
        boosted = status(55, "Initech opens in Lisbon.", acct="carol@other.example")
        boosted["uri"] = "https://other.example/users/carol/statuses/55"
        boost = status(105, "", acct="bob", reblog=boosted)
        boost["uri"] = _uri(105, "bob") + "/activity"
        server.send("update", boost)
        server.send("status.update", status(102, "Acme post number 102, edited."), add=False)
        server.send("delete", "103")
        # Posted while the connection is down: only the catch-up can bring them.
        server.add(status(106, "Acme hires a CFO."), status(107, "Acme opens in Porto."))
        server.drop()

        connections(2)
        server.send("update", status(107, "Acme opens in Porto."))  # seen in the catch-up
        server.send("update", status(108, "Acme closes a plant."))
        wait_until(lambda: len(server.catch_ups) >= 2, timeout=30, what="the second catch-up")
        server.stall()

        connections(3)  # the stall detected: reconnected
        server.send("update", status(109, "Acme settles the lawsuit."))

        records = read_topic(config, POSTS_RAW.name(config), expect=11, timeout=60)
        posts = [r["id"] for r in records if "text" in r]
        deletions = [(r["op"], r["source"], r["id"]) for r in records if "op" in r]
        expected = [_uri(i) for i in (101, 102, 103, 104)] + [_uri(105, "bob") + "/activity"]
        expected += [_uri(i) for i in (102, 106, 107, 108, 109)]
        assert sorted(posts) == sorted(expected), (posts, listen.log_tail(60))  # 102: the edit
        assert deletions == [("delete", "mastodon", _uri(103))]
        assert server.catch_ups[:3] == [None, "105", "108"]
        assert server.refused == 0
        assert all(c.headers.get("Accept") == "text/event-stream" for c in server.connections)

        edited = doc_id("mastodon", _uri(102))
        boost_doc = doc_id("mastodon", _uri(105, "bob") + "/activity")

        def indexed() -> bool:
            worker.assert_alive()
            if count_docs(es, config) != 8:
                return False
            got = es.get(index=config.posts_alias, id=edited)["_source"]
            return bool(got["text"] == "Acme post number 102, edited.")

        wait_until(indexed, timeout=90, what="8 documents (103 deleted), the edit included")
        assert not es.exists(index=config.posts_alias, id=doc_id("mastodon", _uri(103)))
        doc: dict[str, Any] = es.get(index=config.posts_alias, id=boost_doc)["_source"]
        assert doc["text"] == "RT @carol@other.example: Initech opens in Lisbon."
        assert doc["repost_of"]["id"] == "https://other.example/users/carol/statuses/55"
        assert doc["author"]["handle"] == "bob@127.0.0.1"  # a local account: the server's host
        first = es.get(index=config.posts_alias, id=doc_id("mastodon", _uri(104)))["_source"]
        assert first["author"]["followers"] == 10 and first["lang"] == "en"
        assert first["engagement"] == {"likes": 3, "reposts": 2, "replies": 1, "quotes": None}
        assert "SCOUT-E751" in listen.log_path.read_text()  # the stall, named
    finally:
        assert listen.stop() == 0, listen.log_tail()
    state = read_states(config)["acme-tag"]
    assert state.cursor["last_id"] == "109"
    assert state.status.published == 10 and state.status.deleted == 1
    assert state.status.duplicates >= 1
