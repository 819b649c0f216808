"""Webhook secrets are named, never stored in clear (issue 12 point 7)."""

from __future__ import annotations

import asyncio
import random
import stat
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from models.alerts import Channel, Rule
from streams.alerts.delivery import Deliverer, verify_signature
from streams.alerts.delivery.payloads import render
from streams.alerts.delivery.secrets import (
    SecretUnsetError,
    channel_secret,
    merge_env_file,
    migration_plan,
    refuse_clear_secrets,
)
from streams.alerts.delivery.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER
from streams.alerts.store import rule_to_source
from streams.errors import ConfigError
from tests.unit.alerts.delivery.support import NOW, PUBLIC_IP, make_alert, resolver

URL = "https://hooks.example.com/in"
NAMED = Channel(type="webhook", url=URL, secret_env="HOOK_SECRET")
LEGACY = Channel(type="webhook", url=URL, secret="in-clear")


def _rule(*channels: Channel, rule_id: str = "deals") -> Rule:
    return Rule(id=rule_id, name="Deals", owner="o", channels=channels)


def test_a_named_secret_is_read_from_the_environment_when_signing() -> None:
    body, headers = render(make_alert(), NAMED, timestamp=1, environ={"HOOK_SECRET": "k3y"})
    stamp, signature = headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER]
    assert verify_signature("k3y", stamp, body, signature, now=1)
    assert not verify_signature("other", stamp, body, signature, now=1)
    stored = rule_to_source(_rule(NAMED))["channels"][0]
    assert stored["secret_env"] == "HOOK_SECRET" and stored["secret"] is None


def test_an_unset_variable_is_a_named_error_not_an_unsigned_webhook() -> None:
    for environ in ({}, {"HOOK_SECRET": ""}):
        with pytest.raises(SecretUnsetError) as info:
            channel_secret(NAMED, environ)
        assert info.value.code == "SCOUT-E223" and info.value.reason == "secret_unset"
        assert "HOOK_SECRET" in info.value.message and "/in" not in info.value.message


def test_the_deliverer_refuses_a_webhook_whose_secret_is_unset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HOOK_SECRET", raising=False)
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200)

    async def run() -> list[str | None]:
        async with Deliverer(
            httpx.MockTransport(handler),
            max_attempts=3,
            base_delay_s=0.01,
            cap_s=0.01,
            clock=lambda: NOW,
            rng=random.Random(1),
            resolve=resolver(PUBLIC_IP),
        ) as deliverer:
            attempts = await deliverer.deliver(make_alert(), NAMED)
        return [f"{a.outcome} {a.error}" for a in attempts]

    outcomes = asyncio.run(run())
    assert len(outcomes) == 1 and outcomes[0] is not None
    assert outcomes[0].startswith("refused SCOUT-E223") and "HOOK_SECRET" in outcomes[0]
    assert requests == []  # never sent unsigned


def test_a_legacy_secret_in_clear_still_signs() -> None:
    assert channel_secret(LEGACY, {}) == "in-clear"


def test_new_secrets_in_clear_are_refused_legacy_ones_kept() -> None:
    with pytest.raises(ConfigError) as info:
        refuse_clear_secrets(_rule(LEGACY))
    assert info.value.code == "SCOUT-E088"
    assert "in-clear" not in str(info.value) and "secret_env" in str(info.value)
    refuse_clear_secrets(_rule(NAMED))
    refuse_clear_secrets(_rule(LEGACY), already_stored=[LEGACY])  # an unrelated change
    other = Channel(type="webhook", url=URL, secret="another")
    with pytest.raises(ConfigError):
        refuse_clear_secrets(_rule(other), already_stored=[LEGACY])


def test_only_webhooks_name_a_secret() -> None:
    with pytest.raises(ValidationError, match="only webhook channels are signed"):
        Channel(type="slack", url="https://hooks.slack.com/x", secret_env="S")
    with pytest.raises(ValidationError):
        Channel(type="webhook", url=URL, secret_env="NOT-A-NAME")


def test_migration_moves_clear_secrets_into_variables(tmp_path: Path) -> None:
    slack = Channel(type="slack", url="https://hooks.slack.com/services/T/B/X")
    plan = migration_plan(_rule(LEGACY, slack, NAMED, rule_id="m-and-a"))
    assert plan is not None
    assert plan.assignments == {"SCOUT_HOOK_M_AND_A_1": "in-clear"}
    assert plan.channels[0] == {
        "type": "webhook",
        "url": URL,
        "secret_env": "SCOUT_HOOK_M_AND_A_1",
        "name": None,
    }
    assert plan.channels[1]["type"] == "slack" and "secret_env" in plan.channels[2]
    assert migration_plan(_rule(NAMED)) is None

    env = tmp_path / "hooks.env"
    env.write_text("KEPT=1\n")
    assert merge_env_file(env, plan.assignments) == 2
    assert merge_env_file(env, plan.assignments) == 2  # idempotent
    assert env.read_text() == "KEPT=1\nSCOUT_HOOK_M_AND_A_1=in-clear\n"
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
    with pytest.raises(ConfigError, match="line break"):
        merge_env_file(env, {"X": "a\nb"})
