"""`scout brief` against the real Elasticsearch, on posts indexed by the enricher and sink."""

from __future__ import annotations

import json

from elasticsearch import Elasticsearch

from streams.settings import Settings
from tests.integration.brief_fixture import UNTIL, index_brief_fixture
from tests.integration.support import scout

DAY = ("--since", "24h", "--until", UNTIL)


def test_scout_brief_reports_the_day_cited_and_deduplicated(
    settings: Settings, es: Elasticsearch
) -> None:
    docs = index_brief_fixture(settings, es)
    urls = {d.post_id: d.url for d in docs}

    as_json = scout(settings, "brief", *DAY, "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    brief = json.loads(as_json.stdout)
    assert brief["schema_version"] == 1
    assert brief["posts_in_window"] == 6  # br-07 is three days older

    # Microsoft: the rumour, its retweet and its "Wow!" copy are one development.
    msft = next(s for s in brief["companies"] if s["company_id"] == "company:MSFT")
    assert msft["name"] == "Microsoft"
    top = msft["developments"][0]
    assert top["copies"] == 3
    assert top["headline"].startswith("Microsoft is reportedly in talks to acquire Fabrikam")
    assert [c["post_id"] for c in top["citations"]][0] == "br-01"
    assert {c["post_id"] for c in top["citations"]} == {"br-01", "br-02", "br-03"}
    cited = [c["post_id"] for d in msft["developments"] for c in d["citations"]]
    assert sorted(cited) == ["br-01", "br-02", "br-03", "br-05", "br-06"]
    assert "br-07" not in as_json.stdout

    (deal,) = brief["deals"]
    assert deal["acquirer"] == {"name": "Microsoft", "id": "company:MSFT"}
    assert deal["target"]["name"] == "Fabrikam"
    assert (deal["amount"], deal["status"], deal["copies"]) == ("$2 billion", "rumour", 3)
    assert deal["citations"][0]["url"] == urls["br-01"] == "https://example.org/p/br-01"
    assert deal["citations"][0]["author"] == "deal_desk"

    (move,) = brief["moves"]
    assert (move["person"], move["organisation"], move["direction"]) == (
        "Jane Doe",
        "Intel",
        "joins",
    )
    assert move["role"] == "chief financial officer"
    assert [c["post_id"] for c in move["citations"]] == ["br-04"]

    voices = {v["handle"]: v for v in brief["rising_voices"]}
    assert "cloud_carl" in voices
    assert {c["post_id"] for c in voices["cloud_carl"]["citations"]} == {"br-05", "br-06"}

    markdown = scout(settings, "brief", *DAY)
    assert markdown.returncode == 0, markdown.stderr
    text = markdown.stdout
    assert text.startswith("# Boardroom brief: 2026-05-01 00:00 UTC to 2026-05-02 00:00 UTC")
    assert "### Microsoft (company:MSFT): 5 posts" in text
    assert "[fixture:br-01](https://example.org/p/br-01) by @deal\\_desk" in text
    assert "Microsoft (company:MSFT) → Fabrikam, $2 billion, rumour" in text
    assert "Jane Doe joins Intel as chief financial officer" in text
    assert "\\<script\\>alert(1)\\</script\\>" in text and "<script>" not in text
    assert "javascript:" not in text  # br-06's URL is not a link
    assert "fixture:br-06 by @cloud\\_carl" in text

    only = scout(settings, "brief", *DAY, "--company", "company:AAPL", "-f", "json")
    assert only.returncode == 0, only.stderr
    filtered = json.loads(only.stdout)
    assert filtered["companies"] == [] and filtered["deals"] == []


def test_scout_brief_on_an_empty_window_and_bad_input(settings: Settings) -> None:
    empty = scout(settings, "brief", "--since", "24h", "--until", "2020-01-02T00:00:00Z")
    assert empty.returncode == 0, empty.stderr
    assert "Nothing in this window: no posts were indexed" in empty.stdout

    bad = scout(settings, "brief", "--since", "yesterday")
    assert bad.returncode == 2
    assert "SCOUT-E600" in bad.stderr and "24h" in bad.stderr
    assert bad.stdout == ""

    bad_format = scout(settings, "brief", "--format", "pdf")
    assert bad_format.returncode == 2
    assert "SCOUT-E604" in bad_format.stderr
