"""Channel URLs the delivery allow list refuses are refused when a rule is saved, over
HTTP and by the CLI (issue 12 point 3: all 21 loopback forms were accepted at creation and
failed only at send)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from streams.api.app import create_api
from streams.settings import Settings
from tests.integration.api.conftest import TOKEN
from tests.integration.api.data_support import drop_alert_indices
from tests.integration.support import scout

pytestmark = pytest.mark.integration

LOOPBACK = [
    "http://127.0.0.1:9/in",
    "http://[::1]/in",
    "http://localhost:8080/in",
    "http://0x7f000001/in",
]


def _rule(rule_id: str, url: str) -> dict[str, object]:
    return {
        "id": rule_id,
        "name": rule_id,
        "owner": "ops",
        "query": "acquire",
        "channels": [{"type": "webhook", "url": url}],
    }


@pytest.fixture
def allowing(settings: Settings) -> Iterator[TestClient]:
    """An API whose allow list takes 127.0.0.1 (as SCOUT_ALERT_ALLOW=127.0.0.1 would)."""
    allowed = settings.model_copy(
        update={"api_token": SecretStr(TOKEN), "alert_allow": "127.0.0.1"}
    )
    with TestClient(create_api(allowed), headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c
    drop_alert_indices(settings)


def test_post_put_and_patch_refuse_a_loopback_url_naming_the_allow_list(
    api: TestClient, allowing: TestClient
) -> None:
    for n, url in enumerate(LOOPBACK):
        refused = api.post("/rules", json=_rule(f"r{n}", url))
        assert refused.status_code == 422, (url, refused.text)
        assert refused.json()["code"] == "SCOUT-E089"
        assert "SCOUT_ALERT_ALLOW" in refused.json()["detail"]
        assert "/in" not in refused.text  # the path (a secret for Slack/Teams) is not echoed
        assert api.get(f"/rules/r{n}").status_code == 404
    public = api.post("/rules", json=_rule("ok", "https://hooks.example.com/in"))
    assert public.status_code == 201, public.text
    patch = api.patch("/rules/ok", json={"channels": [{"type": "webhook", "url": LOOPBACK[1]}]})
    assert patch.status_code == 422 and patch.json()["code"] == "SCOUT-E089"
    put = api.put("/rules/ok", json=_rule("ok", LOOPBACK[0]))
    assert put.status_code == 422 and put.json()["code"] == "SCOUT-E089"
    # An allow-listed receiver is accepted.
    assert allowing.post("/rules", json=_rule("local", LOOPBACK[0])).status_code == 201


def test_rules_add_refuses_a_loopback_url_unless_allow_listed(settings: Settings) -> None:
    args = ["rules", "add", "local", "--name", "L", "--owner", "o", "-q", "acquire"]
    refused = scout(settings, *args, "--channel", "webhook=http://127.0.0.1:8080/in")
    assert refused.returncode == 2, refused.stderr
    assert "SCOUT-E089" in refused.stderr and "SCOUT_ALERT_ALLOW" in refused.stderr
    assert "/in" not in refused.stderr
    allowed = settings.model_copy(update={"alert_allow": "127.0.0.1"})
    added = scout(allowed, *args, "--channel", "webhook=http://127.0.0.1:8080/in")
    assert added.returncode == 0, added.stderr
