"""GET /sources: the configured sources (broken ones with their error) joined with the
status `scout listen` saved in the real cursor topic; bearer token required."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaProducer
from pydantic import SecretStr

from models.sources import SourceState, SourceStatus
from streams.api import create_api
from streams.settings import Settings
from streams.topics import SOURCE_CURSORS
from tests.integration.api.conftest import TOKEN

pytestmark = pytest.mark.integration


@pytest.fixture
def sources_api(settings: Settings, tmp_path: Path) -> Iterator[tuple[TestClient, Settings]]:
    configured = settings.model_copy(
        update={"api_token": SecretStr(TOKEN), "sources_file": tmp_path / "sources.yaml"}
    )
    with TestClient(create_api(configured)) as client:
        yield client, configured


def test_get_sources_joins_the_file_and_the_saved_status(
    sources_api: tuple[TestClient, Settings],
) -> None:
    client, settings = sources_api
    settings.sources_file.write_text(
        "sources:\n"
        "  - {name: news, kind: rss, url: 'https://news.example.org/feed.xml', interval: 30s}\n"
        "  - {name: wire, kind: rss, url: 'ftp://wire.example.org/feed.xml'}\n"
    )
    saved = datetime.now(UTC) - timedelta(minutes=2)
    state = SourceState(
        source="news",
        kind="rss",
        scope="https://news.example.org/feed.xml",
        cursor={"etag": '"v1"'},
        status=SourceStatus(state="ok", published=12, dropped=3, cursor_saved_at=saved),
        updated_at=datetime.now(UTC),
    )
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","))
    producer.send(
        SOURCE_CURSORS.name(settings), key=b"news", value=state.model_dump_json().encode()
    ).get(timeout=30)
    producer.close()

    assert client.get("/sources").status_code == 401
    answer = client.get("/sources", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    rows = {row["name"]: row for row in body["sources"]}
    assert rows["news"]["status"]["published"] == 12
    assert rows["news"]["status"]["dropped"] == 3
    assert rows["news"]["interval_s"] == 30
    assert 110 <= rows["news"]["cursor_age_s"] <= 200
    assert rows["wire"]["valid"] is False
    assert rows["wire"]["error"]["field"] == "url"
    assert rows["wire"]["error"]["code"] == "SCOUT-E704"


def test_get_sources_without_a_file_says_so(sources_api: tuple[TestClient, Settings]) -> None:
    client, _ = sources_api
    answer = client.get("/sources", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    assert answer.json()["file_error"]["code"] == "SCOUT-E700"
    assert answer.json()["sources"] == []
