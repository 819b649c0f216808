"""Rule management against the real Elasticsearch, through the CLI."""

from __future__ import annotations

import json

import pytest

from streams.settings import Settings
from tests.integration.support import scout


def test_rules_lifecycle_and_validation(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOOK_SECRET", "s3cr3t")
    added = scout(
        settings,
        "rules",
        "add",
        "deals",
        "--name",
        "Deals",
        "--owner",
        "strategy",
        "-q",
        "acquire OR buy",
        "--signal",
        "ma",
        "--channel",
        "webhook=https://hooks.example.com/x",
        "--secret-env",
        "HOOK_SECRET",
        "--throttle",
        "30m",
    )
    assert added.returncode == 0, added.stderr

    rejected = scout(
        settings, "rules", "add", "bad", "--name", "b", "--owner", "o", "-q", "text:(oops"
    )
    assert rejected.returncode == 2  # a configuration error
    assert "SCOUT-E081" in rejected.stderr and "Cannot parse" in rejected.stderr
    assert "Was expecting" not in rejected.stderr

    dup = scout(settings, "rules", "add", "deals", "--name", "again", "--owner", "o")
    assert dup.returncode == 2 and "already exists" in dup.stderr

    shown = json.loads(scout(settings, "rules", "show", "deals").stdout)
    assert shown["throttle_s"] == 1800 and shown["conditions"]["signals"] == ["ma"]
    assert shown["channels"][0]["secret"] == "**********"

    assert scout(settings, "rules", "update", "deals", "--disabled", "-q", "merger").returncode == 0
    listed = scout(settings, "rules", "list").stdout
    assert "deals\tdisabled" in listed

    bad_update = scout(settings, "rules", "update", "deals", "--dsl", '{"bogus": {}}')
    assert bad_update.returncode == 2 and "rejected the query" in bad_update.stderr

    replay = scout(settings, "rules", "test", "deals", "--since", "30d")
    assert replay.returncode == 0 and "0 matching posts" in replay.stdout

    assert scout(settings, "rules", "delete", "deals").returncode == 0
    assert "no rule" in scout(settings, "rules", "show", "deals").stderr
