"""The board's source-status strip in a real headless Chromium, read from GET /sources over
a real sources file and the statuses saved in the real cursor topic (issue 15 point 6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaProducer
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from models.sources import SourceState, SourceStatus
from streams.api import create_api
from streams.settings import Settings
from streams.topics import SOURCE_CURSORS
from tests.integration.api.board_support import drop_columns, serve
from tests.integration.api.test_board_browser import ARTIFACTS, _open_board, browser

pytestmark = pytest.mark.integration
__all__ = ["browser"]  # the fixture, shared with the board's other browser tests

REFRESH_S = 15  # sources.js REFRESH_MS


def _save(settings: Settings, *states: SourceState) -> None:
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap.split(","))
    try:
        for state in states:
            producer.send(
                SOURCE_CURSORS.name(settings),
                key=state.source.encode(),
                value=state.model_dump_json().encode(),
            ).get(timeout=30)
    finally:
        producer.close()


def _state(name: str, url: str, status: SourceStatus) -> SourceState:
    return SourceState(
        source=name, kind="rss", scope=url, status=status, updated_at=datetime.now(UTC)
    )


_SNAPSHOT_JS = """
const fields = ['kind', 'state', 'published', 'dropped', 'errors', 'success', 'cursor'];
return Array.from(document.querySelectorAll('#sources-strip .source')).map((chip) => {
  const out = {name: chip.dataset.name, title: chip.title, data: {...chip.dataset}};
  for (const f of fields) {
    const el = chip.querySelector('.source-' + f);
    out[f] = el === null ? null : el.textContent;
  }
  return out;
});
"""


def _chips(driver: WebDriver) -> dict[str, dict[str, Any]]:
    """Every chip of the strip read in one script, so a periodic refresh that re-renders the
    strip between reads cannot leave the test holding a stale element."""
    found = driver.execute_script(_SNAPSHOT_JS)
    return {str(chip["name"]): chip for chip in found}


def test_the_board_strip_shows_each_source_and_its_status_and_refreshes(
    api_settings: Settings, es: Elasticsearch, browser: WebDriver, tmp_path: Path
) -> None:
    sources_file = tmp_path / "sources.yaml"
    settings = api_settings.model_copy(update={"sources_file": sources_file})
    strip_css = "#sources-strip"
    try:
        with serve(create_api(settings)) as url:
            # No sources file: the strip stays hidden (and the board works).
            _open_board(browser, url)
            strip = browser.find_element(By.CSS_SELECTOR, strip_css)
            WebDriverWait(browser, 15).until(lambda d: strip.get_attribute("data-loaded"))
            assert not strip.is_displayed()

            news_url = "https://news.example.org/feed.xml"
            now = datetime.now(UTC)
            # Statuses first, the file last: a refresh that sees the file (read before the
            # statuses) then sees them all, whenever it falls.
            _save(
                settings,
                _state(
                    "news",
                    news_url,
                    SourceStatus(
                        state="ok",
                        published=12,
                        dropped=3,
                        last_success=now - timedelta(minutes=10),
                        cursor_saved_at=now - timedelta(minutes=2),
                    ),
                ),
                _state(
                    "wire",
                    "https://wire.example.org/rss",
                    SourceStatus(
                        state="failing",
                        published=5,
                        errors=7,
                        last_error="wire.example.org answered 503 Service Unavailable",
                        last_error_at=now - timedelta(minutes=1),
                    ),
                ),
                _state("gone", "https://gone.example.org/rss", SourceStatus(state="stopped")),
            )
            draft = tmp_path / "sources.yaml.draft"  # renamed in whole: never read half-written
            draft.write_text(
                "sources:\n"
                f"  - {{name: news, kind: rss, url: '{news_url}', interval: 30s}}\n"
                "  - {name: wire, kind: rss, url: 'https://wire.example.org/rss'}\n"
                "  - {name: fresh, kind: rss, url: 'https://fresh.example.org/rss'}\n"
                "  - {name: broken, kind: rss, url: 'ftp://wire.example.org/feed.xml'}\n"
            )
            draft.replace(sources_file)
            # The next periodic refresh shows it, without a reload.
            WebDriverWait(browser, REFRESH_S + 15).until(lambda d: strip.is_displayed())
            chips = _chips(browser)
            assert list(chips) == [
                "news",
                "wire",
                "fresh",
                "broken",
            ]  # a source no longer configured: not shown
            news, wire, broken = chips["news"], chips["wire"], chips["broken"]
            assert news["data"]["state"] == "ok"
            assert news["kind"] == "rss"
            assert news["published"] == "12 published"
            assert news["dropped"] == "3 dropped"
            assert news["success"] == "last ok 10 min ago"
            assert news["cursor"] == "cursor 2 min"
            assert news_url in news["title"]
            assert wire["data"]["state"] == "failing"
            assert wire["state"] == "failing"
            assert wire["errors"] == "7 errors"
            assert wire["success"] == "never ok"
            assert "last error (1 min ago): wire.example.org answered 503" in wire["title"]
            fresh = chips["fresh"]  # configured, no status saved: no listener ran it yet
            assert fresh["data"]["state"] == "idle"
            assert fresh["state"] == "not started"
            assert "is `scout listen` running?" in fresh["title"]
            assert broken["data"]["state"] == "invalid"
            assert "SCOUT-E704" in broken["title"]
            # Compact: one line at this width (the chips fit on the strip's first row).
            assert strip.size["height"] < 40, strip.size

            # A new status saved by the listener shows at the next refresh.
            _save(
                settings,
                _state(
                    "news",
                    news_url,
                    SourceStatus(state="ok", published=15, last_success=datetime.now(UTC)),
                ),
            )
            WebDriverWait(browser, REFRESH_S + 15).until(
                lambda d: _chips(d)["news"]["data"].get("published") == "15"
            )
            ARTIFACTS.mkdir(exist_ok=True)
            assert browser.save_screenshot(str(ARTIFACTS / "board-sources.png"))

            # Narrow window: the strip wraps instead of overflowing.
            browser.set_window_size(420, 900)
            WebDriverWait(browser, 5).until(lambda d: strip.size["height"] > 40)
            scroll = browser.execute_script(
                "const s = document.getElementById('sources-strip');"
                " return [s.scrollWidth, s.clientWidth];"
            )
            assert scroll[0] <= scroll[1] + 1, scroll

            errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
            assert errors == [], errors
            browser.get("about:blank")
    finally:
        drop_columns(es, api_settings)
