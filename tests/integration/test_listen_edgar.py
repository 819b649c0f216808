"""`scout listen` with edgar sources against a real EDGAR-shaped server on 127.0.0.1 and
the real Kafka: filings published once (accession ids, the filing record), the SEC's
User-Agent and ETags sent, a 429's Retry-After honoured, at most 10 requests/s across
several edgar sources, and no start without SCOUT_SEC_USER_AGENT."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from streams.settings import Settings
from streams.topics import POSTS_RAW
from tests.edgar_docs import FakeFiling
from tests.integration.poll_server import PollServer, poll_server
from tests.integration.support import free_port, read_topic, scout, wait_until
from tests.integration.test_listen import ListenProcess

pytestmark = [pytest.mark.integration, pytest.mark.slow]

UA = "Signal Scout tests ops@scout.example"


def _filing(n: int, form: str = "8-K", items: tuple[str, ...] = ("2.01",)) -> FakeFiling:
    cik = f"{100000 + n:010d}"
    return FakeFiling(
        form, f"FILER {n} CORP", cik, f"{cik}-26-{n:06d}",
        f"2026-12-04T16:{n % 60:02d}:00-05:00", items=items if form == "8-K" else (),
        subject=("TARGET CO", "0000999999") if form == "SC TO-T" else None,
    )  # fmt: skip


@pytest.fixture
def edgar() -> Iterator[PollServer]:
    with poll_server() as server:
        yield server


@pytest.fixture
def listen_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={
            "sources_file": tmp_path / "sources.yaml",
            "listen_port": free_port(),
            "sources_check_s": 1.0,
            "sources_host_interval_s": 0.0,
            "sources_fail_after": 2,
            "sources_contact": "ops@scout.example",
            "sec_user_agent": UA,
        }
    )


@pytest.fixture
def start_listen(tmp_path: Path) -> Iterator[Any]:
    started: list[ListenProcess] = []

    def start(settings: Settings) -> ListenProcess:
        process = ListenProcess(settings, tmp_path / f"listen-{len(started)}.log")
        started.append(process)
        return process

    yield start
    for process in started:
        if process.proc.poll() is None:
            process.stop()


def _edgar(name: str, url: str, forms: list[str], interval: str = "1s") -> str:
    listed = ", ".join(f"'{f}'" for f in forms)
    return (
        f"  - {{name: {name}, kind: edgar, base_url: '{url}', forms: [{listed}],"
        f" interval: {interval}, max_interval: {interval}}}\n"
    )


def test_listen_publishes_each_filing_once_with_the_secs_user_agent_and_honours_retry_after(
    listen_settings: Settings, edgar: PollServer, start_listen: Any
) -> None:
    settings = listen_settings
    edgar.filings = {
        "8-K": [_filing(1), _filing(2, items=("5.02",))],
        "SC TO-T": [_filing(3, "SC TO-T")],
    }
    edgar.script["edgar"] = [(429, {"Retry-After": "2"})]
    settings.sources_file.write_text("sources:\n" + _edgar("sec", edgar.url, ["8-K", "SC TO-T"]))
    listen = start_listen(settings)
    topic = POSTS_RAW.name(settings)
    posts = read_topic(settings, topic, expect=3, timeout=40)
    assert sorted(p["id"] for p in posts) == sorted(_filing(n).accession for n in (1, 2, 3))
    by_id = {p["id"]: p for p in posts}
    completed = by_id[_filing(1).accession]
    assert completed["source"] == "edgar" and completed["filing"]["items"] == ["2.01"]
    assert completed["text"] == (
        "8-K filed by FILER 1 CORP (CIK 0000100001): Item 2.01 Completion of Acquisition"
        " or Disposition of Assets"
    )
    tender = by_id[_filing(3).accession]["filing"]
    assert (tender["form"], tender["subject"]) == ("SC TO-T", "TARGET CO")
    requests = edgar.requests("edgar")
    assert requests[0].status == 429
    assert requests[1].at - requests[0].at >= 1.9  # Retry-After: 2
    assert {r.headers.get("user-agent") for r in requests} == {UA}
    # Conditional GET: the ETags come back and the answer is 304.
    wait_until(
        lambda: [r for r in edgar.requests("edgar") if r.status == 304],
        timeout=20,
        what="a 304 to a conditional GET",
    )
    edgar.filings["8-K"].append(_filing(4))
    posts = read_topic(settings, topic, expect=5, timeout=20)
    assert sorted(p["id"] for p in posts) == sorted(_filing(n).accession for n in (1, 2, 3, 4))
    assert listen.stop() == 0


def test_several_edgar_sources_stay_under_10_requests_a_second_together(
    listen_settings: Settings, edgar: PollServer, start_listen: Any
) -> None:
    settings = listen_settings
    forms = ["8-K", "SC TO-T", "SC 14D9", "DEFM14A", "PREM14A", "S-4", "425"]
    settings.sources_file.write_text(
        "sources:\n" + "".join(_edgar(f"sec-{i}", edgar.url, forms) for i in range(4))
    )
    listen = start_listen(settings)
    wait_until(lambda: len(edgar.requests("edgar")) >= 60, timeout=60, what="60 requests")
    assert listen.stop() == 0
    times = sorted(r.at for r in edgar.requests("edgar"))
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    rate = (len(times) - 1) / (times[-1] - times[0])
    print(f"edgar: {len(times)} requests, busiest second {busiest}, mean {rate:.2f}/s")
    assert busiest <= 10
    assert rate > 7.0  # 4 sources x 7 forms every second ask for 28/s: the limiter binds


def test_without_sec_user_agent_edgar_refuses_to_start_and_the_others_run(
    listen_settings: Settings, edgar: PollServer, start_listen: Any
) -> None:
    settings = listen_settings.model_copy(update={"sec_user_agent": ""})
    edgar.filings = {"8-K": [_filing(1)]}
    edgar.items = {7: {"id": 7, "type": "story", "title": "Acme ships", "by": "a", "time": 1}}
    settings.sources_file.write_text(
        "sources:\n"
        + _edgar("sec", edgar.url, ["8-K"])
        + f"  - {{name: hn, kind: hackernews, base_url: '{edgar.url}', interval: 1s}}\n"
    )
    tested = scout(settings, "sources", "test", "sec")
    assert tested.returncode == 2
    assert "SCOUT-E720" in tested.stderr and "SCOUT_SEC_USER_AGENT" in tested.stderr
    listen = start_listen(settings)
    posts = read_topic(settings, POSTS_RAW.name(settings), expect=1, timeout=30)
    assert [p["id"] for p in posts] == ["hn-7"]

    def sec_status() -> dict[str, Any] | None:
        code, body = listen.get("/sources")
        if code != 200:
            return None
        row = next((s for s in body["sources"] if s["name"] == "sec"), None)
        status = (row or {}).get("status") or {}
        return status if status.get("state") == "failing" else None

    status = wait_until(sec_status, timeout=20, what="sec reported failing")
    assert "SCOUT-E720" in status["last_error"] and "SCOUT_SEC_USER_AGENT" in status["last_error"]
    assert edgar.requests("edgar") == []
    assert listen.stop() == 0


def test_filings_reach_the_index_with_the_ma_signal_of_their_form(
    listen_settings: Settings,
    edgar: PollServer,
    start_listen: Any,
    start_worker: Any,
    es: Elasticsearch,
) -> None:
    """End to end through the real worker: an 8-K with Item 2.01 is indexed as a completed
    deal by its filer, a tender offer as announced with both parties, an 8-K with only
    Item 5.02 as no deal."""
    settings = listen_settings
    edgar.filings = {
        "8-K": [_filing(11), _filing(12, items=("5.02",))],
        "SC TO-T": [_filing(13, "SC TO-T")],
    }
    settings.sources_file.write_text("sources:\n" + _edgar("sec", edgar.url, ["8-K", "SC TO-T"]))
    start_worker()
    listen = start_listen(settings)

    def indexed() -> dict[str, Any] | None:
        es.indices.refresh(index=settings.posts_alias)
        found = es.search(index=settings.posts_alias, size=10, source=["post_id", "ma"])
        docs = {h["_source"]["post_id"]: h["_source"]["ma"] for h in found["hits"]["hits"]}
        return docs if len(docs) == 3 else None

    ma = wait_until(indexed, timeout=180, what=f"3 filings indexed\n{listen.log_tail()}")
    completed, officer, tender = (ma[_filing(n).accession] for n in (11, 12, 13))
    assert completed["is_ma"] is True and completed["status"] == "completed"
    assert completed["acquirer"]["name"] == "FILER 11 CORP"
    assert officer["is_ma"] is False
    assert tender["is_ma"] is True and tender["status"] == "announced"
    assert (tender["acquirer"]["name"], tender["target"]["name"]) == ("FILER 13 CORP", "TARGET CO")
    assert listen.stop() == 0


def test_sources_test_prints_the_filings_and_publishes_nothing(
    listen_settings: Settings, edgar: PollServer
) -> None:
    settings = listen_settings
    edgar.filings = {"8-K": [_filing(21), _filing(22, items=("1.01", "9.01"))]}
    settings.sources_file.write_text("sources:\n" + _edgar("sec", edgar.url, ["8-K"]))
    result = scout(settings, "sources", "test", "sec")
    assert result.returncode == 0, result.stderr
    posts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [p["id"] for p in posts] == [_filing(21).accession, _filing(22).accession]
    assert posts[1]["filing"]["items"] == ["1.01", "9.01"]
    assert {r.headers.get("user-agent") for r in edgar.requests("edgar")} == {UA}
    assert read_topic(settings, POSTS_RAW.name(settings), expect=1, timeout=3) == []
