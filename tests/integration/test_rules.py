"""Rule management against the real Elasticsearch, through the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from streams.settings import Settings
from tests.integration.support import WorkerProcess, count_docs, scout, wait_until


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
    assert shown["channels"][0]["secret_env"] == "HOOK_SECRET"
    assert shown["channels"][0]["secret"] is None  # the name is stored, never the secret

    news = scout(settings, "rules", "update", "deals", "--category", "news", "--min-signal", "0.5")
    assert news.returncode == 0, news.stderr
    conditions = json.loads(scout(settings, "rules", "show", "deals").stdout)["conditions"]
    assert conditions["categories"] == ["news"] and conditions["min_signal"] == 0.5
    assert conditions["signals"] == ["ma"]  # the conditions not given stay

    assert scout(settings, "rules", "update", "deals", "--disabled", "-q", "merger").returncode == 0
    listed = scout(settings, "rules", "list").stdout
    assert "deals\tdisabled" in listed

    bad_update = scout(
        settings, "rules", "update", "deals", "--dsl", '{"match": {"text": {"bogus": 1}}}'
    )
    assert bad_update.returncode == 2 and "rejected the query" in bad_update.stderr
    unknown = scout(settings, "rules", "update", "deals", "--dsl", '{"bogus": {}}')
    assert unknown.returncode == 2 and "SCOUT-E087" in unknown.stderr

    replay = scout(settings, "rules", "test", "deals", "--since", "30d")
    assert replay.returncode == 0 and "0 matching posts" in replay.stdout

    assert scout(settings, "rules", "delete", "deals").returncode == 0
    assert "no rule" in scout(settings, "rules", "show", "deals").stderr


def test_rules_may_not_look_into_other_indices_and_clear_secrets_migrate(
    settings: Settings, es: Elasticsearch, tmp_path: Path
) -> None:
    """Issue 12 point 7, through the CLI: a terms lookup reading the rules index, a script;
    and secrets stored in clear by earlier versions moved into variables."""
    rules_index = f"{settings.index_prefix}-rules"
    lookup = {"terms": {"text": {"index": rules_index, "id": "old", "path": "channels.secret"}}}
    for dsl, clause in (
        (lookup, "query_dsl.terms.text"),
        ({"bool": {"must": [{"script": {"script": "true"}}]}}, "query_dsl.bool.must[0].script"),
        ({"wrapper": {"query": "e30="}}, "query_dsl.wrapper"),
    ):
        refused = scout(
            settings, "rules", "add", "spy", "--name", "s", "--owner", "o", "--dsl", json.dumps(dsl)
        )
        assert refused.returncode == 2, refused.stderr
        assert "SCOUT-E087" in refused.stderr and clause in refused.stderr
    assert "no rule" in scout(settings, "rules", "show", "spy").stderr
    allowed = {
        "bool": {"must": [{"match": {"text": "acquire"}}], "filter": [{"terms": {"lang": ["en"]}}]}
    }
    ok = scout(
        settings, "rules", "add", "ok", "--name", "o", "--owner", "o", "--dsl", json.dumps(allowed)
    )
    assert ok.returncode == 0, ok.stderr

    # A rule written by an earlier version, its secret in clear.
    old = {
        "id": "old",
        "name": "Old",
        "owner": "o",
        "query": "acquire",
        "channels": [
            {"type": "webhook", "url": "https://hooks.example.com/a", "secret": "s3cr3t"},
            {"type": "slack", "url": "https://hooks.slack.com/services/T/B/X", "secret": None},
        ],
    }
    es.index(index=rules_index, id="old", document=old, refresh=True)
    env_file = tmp_path / "hooks.env"
    dry = scout(settings, "rules", "migrate-secrets", "--env-file", str(env_file))
    assert dry.returncode == 0, dry.stderr
    assert "SCOUT_HOOK_OLD_1" in dry.stderr and "--apply" in dry.stderr
    assert env_file.read_text() == "SCOUT_HOOK_OLD_1=s3cr3t\n"
    assert oct(env_file.stat().st_mode & 0o777) == "0o600"
    assert es.get(index=rules_index, id="old")["_source"]["channels"][0]["secret"] == "s3cr3t"

    applied = scout(settings, "rules", "migrate-secrets", "--env-file", str(env_file), "--apply")
    assert applied.returncode == 0, applied.stderr
    stored = es.get(index=rules_index, id="old")["_source"]
    assert "s3cr3t" not in json.dumps(stored)
    assert stored["channels"][0]["secret_env"] == "SCOUT_HOOK_OLD_1"
    assert stored["channels"][1]["type"] == "slack"
    assert env_file.read_text() == "SCOUT_HOOK_OLD_1=s3cr3t\n"
    again = scout(settings, "rules", "migrate-secrets", "--env-file", str(env_file), "--apply")
    assert again.returncode == 0 and "no rule stores a secret in clear" in again.stderr


def test_rules_test_replays_backfilled_posts_over_their_created_at_range(
    settings: Settings,
    es: Elasticsearch,
    start_worker: Callable[..., WorkerProcess],
    tmp_path: Path,
) -> None:
    """Regression (issue 11, point 4): a rule replayed over a backfilled year found 0 posts
    where `scout search` found 23 (the replay kept the live "no backfill alerts" guard)."""
    history = tmp_path / "2015.jsonl"
    companies = ["Oracle", "Cisco", "Adobe", "Intel", "Nvidia", "IBM", "Siemens", "Spotify"]
    lines = []
    for i in range(30):  # 23 about an acquisition, 7 not; all created in 2015
        a, b = companies[i % 8], companies[(i + 3) % 8]
        text = (
            f"Rumour {i}: {a} may acquire a startup from {b}'s supply chain, analysts say."
            if i < 23
            else f"Note {i}: {a} and {b} shares closed flat on day {i}."
        )
        created = f"2015-{i % 12 + 1:02d}-{i % 27 + 1:02d}T12:00:00Z"
        lines.append(
            json.dumps(
                {"id": f"h{i:02d}", "source": "history", "text": text, "created_at": created}
            )
        )
    history.write_text("\n".join(lines) + "\n")
    backfill = scout(settings, "backfill", str(history))
    assert backfill.returncode == 0, backfill.stderr
    worker = start_worker()
    wait_until(
        lambda: count_docs(es, settings) >= 30 or worker.assert_alive(),
        timeout=180,
        what="30 backfilled documents",
    )
    assert count_docs(es, settings, {"exists": {"field": "backfill.run"}}) == 30

    rule = ("acq", "--name", "Acquisitions", "--owner", "it", "-q", "acquire", "--dedup", "post")
    assert scout(settings, "rules", "add", *rule).returncode == 0
    year = ("--since", "2015-01-01T00:00:00Z", "--until", "2016-01-01T00:00:00Z")
    replay = scout(settings, "rules", "test", "acq", *year)
    assert replay.returncode == 0, replay.stderr
    text = " ".join(replay.stdout.split())  # the console may wrap long lines
    assert "23 matching posts since 2015-01-01 00:00 UTC would have fired 23 alerts" in text
    assert "23 of the posts were backfilled without --alerts" in text
    assert "scout backfill --alerts" in text

    before = scout(
        settings,
        "rules",
        "test",
        "acq",
        "--since",
        "2014-01-01T00:00:00Z",
        "--until",
        "2015-01-01T00:00:00Z",
    )
    assert before.returncode == 0 and "0 matching posts" in before.stdout
    assert "backfilled" not in before.stdout
