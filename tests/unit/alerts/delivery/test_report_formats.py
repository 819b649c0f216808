"""Spike and digest alerts as webhook JSON, Slack and Teams messages; the Alert record."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from models.alerts import (
    Alert,
    AlertPost,
    Count,
    DigestItem,
    DigestSignal,
    DigestSummary,
    Rule,
    SpikeInfo,
    SpikeSpec,
)
from streams.alerts.delivery import to_slack, to_teams, to_webhook
from streams.alerts.delivery.dead_letter import dead_letter_record
from streams.alerts.delivery.reports import duration, report
from tests.unit.alerts.delivery.support import make_alert

AT = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
POST = AlertPost(
    doc_id="d1",
    post_id="1",
    source="twitter",
    text="Microsoft <b>surges</b> & more",
    url="https://x.example/1",
    author="desk",
)


def spike_alert() -> Alert:
    return Alert(
        alert_id="a" * 32,
        rule_id="msft-spike",
        rule_name="MSFT chatter",
        dedup_value="spike:company:MSFT:2026-03-02T12:00:00+00:00",
        kind="spike",
        spike=SpikeInfo(
            entity_id="company:MSFT",
            entity_name="Microsoft",
            window_s=3600,
            window_start=datetime(2026, 3, 2, 11, tzinfo=UTC),
            window_end=AT,
            count=42,
            baseline=6.0,
            baseline_windows=12,
            ratio=7.0,
            run_start=AT,
            top_posts=(POST,),
        ),
        matched_at=AT,
    )


def digest_alert() -> Alert:
    return Alert(
        alert_id="b" * 32,
        rule_id="deals",
        rule_name="Deals",
        dedup_value="digest:hourly:2026-03-02T11:00:00+00:00",
        kind="digest",
        mode="hourly",
        digest=DigestSummary(
            period="hourly",
            start=datetime(2026, 3, 2, 11, tzinfo=UTC),
            end=AT,
            total=17,
            late=2,
            top_posts=(DigestItem(post=POST, similar=4),),
            entities=(Count(key="company:MSFT", count=9),),
            signals=(DigestSignal(type="ma", summary="Microsoft → Contoso (rumour)", post=POST),),
            signal_counts=(Count(key="ma", count=3),),
            links=(Count(key="https://news.example/a", count=5),),
        ),
        matched_at=AT,
    )


def test_alert_kind_needs_its_payload() -> None:
    with pytest.raises(ValidationError, match="needs its 'spike' payload"):
        Alert(
            alert_id="x", rule_id="r", rule_name="r", dedup_value="v", kind="spike", matched_at=AT
        )
    with pytest.raises(ValidationError, match="needs its 'post' payload"):
        Alert(alert_id="x", rule_id="r", rule_name="r", dedup_value="v", matched_at=AT)


def test_schema_1_post_alerts_are_still_read() -> None:
    old = make_alert().model_dump(mode="json")
    old["schema_version"] = 1
    for key in ("kind", "spike", "digest"):
        old.pop(key)
    back = Alert.model_validate_json(json.dumps(old))
    assert back.kind == "post" and back.post is not None and back.schema_version == 1


def test_spike_rules_are_instant() -> None:
    with pytest.raises(ValidationError, match="mode is instant"):
        Rule(id="s", name="s", owner="o", mode="hourly", spike=SpikeSpec())


def test_webhook_event_names_the_kind() -> None:
    body, headers = to_webhook(spike_alert(), timestamp=1, secret="k")
    data = json.loads(body)
    assert data["event"] == "scout.spike" and data["post"] is None
    assert data["spike"]["count"] == 42 and headers["Idempotency-Key"] == "a" * 32
    data = json.loads(to_webhook(digest_alert(), timestamp=1)[0])
    assert data["event"] == "scout.digest" and data["digest"]["top_posts"][0]["similar"] == 4
    assert json.loads(to_webhook(make_alert(), timestamp=1)[0])["event"] == "scout.alert"


def test_spike_report_says_how_much_against_what() -> None:
    r = report(spike_alert())
    assert r.title == "MSFT chatter: spike in Microsoft (company:MSFT)"
    assert "42 posts in the 1h to 2026-03-02 12:00 UTC (11:00–12:00)" in r.summary
    assert "7× the usual 6 per 1h over the previous 12" in r.summary
    assert r.url == "https://x.example/1"
    with pytest.raises(ValueError):
        report(make_alert())


def test_slack_spike_and_digest_messages_escape_and_link() -> None:
    message = to_slack(spike_alert())
    assert message["blocks"][0]["text"]["text"].startswith("MSFT chatter: spike in Microsoft")
    text = json.dumps(message["blocks"], ensure_ascii=False)
    assert "&lt;b&gt;surges&lt;/b&gt; &amp; more" in text and "<b>" not in text
    assert "<https://x.example/1|" in text
    digest = json.dumps(to_slack(digest_alert()), ensure_ascii=False)
    for part in (
        "*Top posts*",
        "(+4 similar)",
        "company:MSFT (9)",
        "M&amp;A: 3",
        "news.example/a (5)",
    ):
        assert part in digest, part
    assert "17 posts, 2026-03-02 11:00–12:00 UTC, 2 of them arrived late." in digest


def test_teams_cards_for_spike_and_digest() -> None:
    card = to_teams(digest_alert())["attachments"][0]["content"]
    texts = [b["text"] for b in card["body"]]
    assert texts[0] == "Deals: hourly digest"
    assert "Signals" in texts and any("M&A: Microsoft → Contoso (rumour)" in t for t in texts)
    assert "actions" not in card
    spike = to_teams(spike_alert())["attachments"][0]["content"]
    assert spike["actions"][0]["url"] == "https://x.example/1"
    assert any(
        "[Microsoft <b>surges</b> & more — desk](https://x.example/1)" in b["text"]
        for b in spike["body"]
    )


def test_dead_letters_of_reports_have_no_post_id() -> None:
    from models.alerts import Channel

    letter = dead_letter_record(
        digest_alert(), Channel(type="webhook", url="https://h.example/x"), []
    )
    assert letter.post_id is None and "deals" in letter.detail


def test_durations_are_short() -> None:
    assert [duration(s) for s in (3600, 5400, 86400, 90)] == ["1h", "90m", "1d", "90s"]
