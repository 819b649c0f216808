"""The board end to end in a real headless Chromium: Kafka -> worker -> ES -> SSE -> page.

Needs Debian's ``chromium`` and ``chromedriver`` (``.ci/run`` installs them). Without them
the test is skipped locally and fails where services are required (CI).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from streams.api import create_api
from streams.ingest import SourceLine, publish_lines
from streams.settings import Settings
from tests.conftest import services_required
from tests.integration.api.board_support import drop_columns, serve
from tests.integration.api.conftest import TOKEN
from tests.integration.support import REPO, WorkerProcess, count_docs, wait_until

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = REPO / "test-artifacts"
StartWorker = Callable[..., WorkerProcess]


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        message = f"the board's browser test needs {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if services_required():
            pytest.fail(message)
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1500,950",
        f"--user-data-dir={tmp_path / 'chromium'}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _post(post_id: str, text: str, handle: str, followers: int, minutes_ago: int) -> SourceLine:
    created = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    body = {
        "id": post_id,
        "text": text,
        "source": "news",
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "author": {
            "handle": handle,
            "name": handle.replace("_", " ").title(),
            "followers": followers,
        },
    }
    return SourceLine(file="board-test", line=1, raw=json.dumps(body).encode())


def _column(driver: WebDriver, title: str) -> WebElement:
    for section in driver.find_elements(By.CSS_SELECTOR, "section.column"):
        if section.find_element(By.CSS_SELECTOR, ".column-head h2").text == title:
            return section
    raise AssertionError(f"no column {title!r}")


def _titles(driver: WebDriver) -> list[str]:
    return [h.text for h in driver.find_elements(By.CSS_SELECTOR, "section.column .column-head h2")]


def _add_column(driver: WebDriver, kind: str, value: str, title: str) -> None:
    Select(driver.find_element(By.ID, "column-kind")).select_by_value(kind)
    driver.find_element(By.ID, "column-value").send_keys(value)
    driver.find_element(By.ID, "column-title").send_keys(title)
    driver.find_element(By.ID, "column-add").click()
    WebDriverWait(driver, 10).until(lambda d: title in _titles(d))


def _post_ids(column: WebElement) -> list[str]:
    return [
        c.get_attribute("data-post-id") or ""
        for c in column.find_elements(By.CSS_SELECTOR, ".card")
    ]


def _wait_live(driver: WebDriver) -> None:
    WebDriverWait(driver, 15).until(
        lambda d: d.find_element(By.ID, "live-status").get_attribute("data-state") == "live"
    )


def test_a_post_published_to_kafka_appears_live_in_the_right_column(
    api_settings: Settings,
    settings: Settings,
    es: Elasticsearch,
    start_worker: StartWorker,
    browser: WebDriver,
) -> None:
    worker = start_worker()
    seeds = [
        _post(
            "seed-oracle",
            "Oracle opens two cloud regions in Europe this spring.",
            "cloud_watch",
            52000,
            40,
        ),
        _post(
            "seed-msft",
            "Microsoft ships a new Surface laptop for business users.",
            "gadget_desk",
            8000,
            30,
        ),
    ]
    assert publish_lines(settings, seeds).published == 2

    def indexed() -> bool:
        worker.assert_alive()
        return count_docs(es, settings) >= 2

    wait_until(indexed, timeout=120, what="the seed posts to be indexed")

    app = create_api(api_settings.model_copy(update={"board_poll_s": 0.5}))
    try:
        with serve(app) as url:
            browser.get(f"{url}/board")
            # The token is asked once and kept in localStorage.
            WebDriverWait(browser, 10).until(
                lambda d: d.find_element(By.ID, "token-input").is_displayed()
            )
            browser.find_element(By.ID, "token-input").send_keys(TOKEN)
            browser.find_element(By.ID, "token-save").click()
            WebDriverWait(browser, 10).until(
                lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"
            )

            _add_column(browser, "keyword", "oracle", "Oracle")
            _add_column(browser, "company", "company:MSFT", "Microsoft")
            WebDriverWait(browser, 10).until(
                lambda d: _post_ids(_column(d, "Microsoft")) == ["seed-msft"]
            )
            assert _post_ids(_column(browser, "Oracle")) == ["seed-oracle"]

            # Reordered and remembered across a reload (the columns live on the server).
            _column(browser, "Oracle").find_element(By.CSS_SELECTOR, "button.column-right").click()
            WebDriverWait(browser, 10).until(lambda d: _titles(d) == ["Microsoft", "Oracle"])
            browser.refresh()
            WebDriverWait(browser, 10).until(
                lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"
            )
            assert _titles(browser) == ["Microsoft", "Oracle"]
            _wait_live(browser)

            # A new post through Kafka shows up at the top of the Microsoft column only.
            text = "Microsoft agrees to acquire Contoso Robotics for $2bn, Satya Nadella said on Tuesday."
            published = time.monotonic()
            live = publish_lines(settings, [_post("live-deal", text, "deal_desk", 310000, 0)])
            assert live.published == 1
            WebDriverWait(browser, 30, poll_frequency=0.2).until(
                lambda d: _post_ids(_column(d, "Microsoft"))[:1] == ["live-deal"]
            )
            latency = time.monotonic() - published
            print(f"published -> on the board in {latency:.1f}s")
            assert latency < 20
            assert _post_ids(_column(browser, "Microsoft")) == ["live-deal", "seed-msft"]
            assert _post_ids(_column(browser, "Oracle")) == ["seed-oracle"]

            card = _column(browser, "Microsoft").find_element(
                By.CSS_SELECTOR, '.card[data-post-id="live-deal"]'
            )
            assert card.find_element(By.CSS_SELECTOR, ".author-name").text == "Deal Desk"
            assert card.find_element(By.CSS_SELECTOR, ".influence").text.startswith("influence ")
            assert card.find_element(By.CSS_SELECTOR, ".card-text").text == text
            entity = card.find_element(By.CSS_SELECTOR, '.entity[data-entity-id="company:MSFT"]')
            assert entity.text == "Microsoft"
            labels = {
                e.get_attribute("data-label")
                for e in card.find_elements(By.CSS_SELECTOR, ".entity")
            }
            assert {"ORG", "MONEY"} <= labels
            signals = card.find_element(By.CSS_SELECTOR, ".signals").text
            assert "M&A" in signals and "$2bn" in signals

            # Clicking an entity opens its timeline.
            entity.click()
            WebDriverWait(browser, 10).until(
                lambda d: d.find_element(By.ID, "timeline").get_attribute("data-ready") == "true"
            )
            summary = browser.find_element(By.ID, "timeline-summary")
            assert summary.get_attribute("data-total") == "2"
            assert browser.find_elements(By.CSS_SELECTOR, "#timeline-chart rect.bar:not(.empty)")
            time.sleep(2.6)  # let the new card's highlight fade before the screenshot
            ARTIFACTS.mkdir(exist_ok=True)
            assert browser.save_screenshot(str(ARTIFACTS / "board.png"))
            errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
            assert errors == [], errors
            browser.get("about:blank")  # the page's stream ends before the server stops
            counter = app.state.board_streams
            print("streams before", counter)
            wait_until(lambda: counter.open == 0, timeout=10, what=f"no stream ({counter})")
    finally:
        drop_columns(es, settings)
