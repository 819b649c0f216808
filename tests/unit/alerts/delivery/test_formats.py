from __future__ import annotations

import json
from typing import Any

from models.alerts import Channel
from streams.alerts.delivery import render, to_slack, to_teams
from streams.alerts.delivery.content import excerpt
from tests.unit.alerts.delivery.support import SLACK_URL, TEAMS_URL, make_alert


def _texts(blocks: list[dict[str, Any]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def test_slack_message_has_fallback_text_and_blocks() -> None:
    message = to_slack(make_alert())
    assert message["text"].startswith("M&A: watched competitors: Microsoft to acquire")
    blocks = message["blocks"]
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "M&A: watched competitors"},
    }
    assert {b["type"] for b in blocks} == {"header", "section", "context", "actions"}
    text = _texts(blocks)
    assert "@dealwatcher" in text
    assert "company:MSFT, company:ATVI" in text
    assert "Microsoft → Activision Blizzard (announced, $68.7bn)" in text
    button = blocks[-1]["elements"][0]
    assert button["type"] == "button"
    assert button["url"] == "https://twitter.com/acme/status/123"


def test_slack_escapes_mrkdwn_and_omits_empty_parts() -> None:
    message = to_slack(make_alert(text="<!channel> a & b", url=None, entity_ids=(), ma=None))
    blocks = message["blocks"]
    assert blocks[1]["text"]["text"] == "> &lt;!channel&gt; a &amp; b"
    assert {b["type"] for b in blocks} == {"header", "section", "context"}
    assert "M&amp;A" not in _texts(blocks)


def test_slack_header_respects_the_150_char_limit() -> None:
    alert = make_alert().model_copy(update={"rule_name": "x" * 400})
    assert len(to_slack(alert)["blocks"][0]["text"]["text"]) == 150


def test_teams_message_carries_an_adaptive_card() -> None:
    message = to_teams(make_alert())
    assert message["type"] == "message"
    (attachment,) = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.4"
    assert card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    kinds = [element["type"] for element in card["body"]]
    assert kinds == ["TextBlock", "TextBlock", "FactSet"]
    assert card["body"][0]["text"] == "M&A: watched competitors"
    facts = {f["title"]: f["value"] for f in card["body"][2]["facts"]}
    assert facts["Entities"] == "company:MSFT, company:ATVI"
    assert facts["M&A"] == "Microsoft → Activision Blizzard (announced, $68.7bn)"
    assert "@dealwatcher" in facts["Author"]
    assert card["actions"] == [
        {
            "type": "Action.OpenUrl",
            "title": "Open post",
            "url": "https://twitter.com/acme/status/123",
        }
    ]


def test_teams_card_without_link_or_deal() -> None:
    card = to_teams(make_alert(url=None, ma={"is_ma": False, "score": 0.1}))["attachments"][0][
        "content"
    ]
    assert "actions" not in card
    assert [f["title"] for f in card["body"][2]["facts"]] == ["Author", "Entities"]


def test_excerpt_cuts_long_text_at_a_word() -> None:
    cut = excerpt("word " * 300, 50)
    assert len(cut) <= 50
    assert cut.endswith("word…")


def test_render_picks_the_format_of_the_channel() -> None:
    alert = make_alert()
    body, headers = render(alert, Channel(type="slack", url=SLACK_URL), timestamp=1)
    assert json.loads(body) == to_slack(alert)
    assert headers == {"Content-Type": "application/json; charset=utf-8"}
    body, _ = render(alert, Channel(type="teams", url=TEAMS_URL), timestamp=1)
    assert json.loads(body) == to_teams(alert)
