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
