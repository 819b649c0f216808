"""`scout brief` against the real Elasticsearch, on posts indexed by the enricher and sink."""

from __future__ import annotations

import json

from elasticsearch import Elasticsearch

from models.signals import MASignal, Party
from streams.settings import Settings
from tests.integration.api.data_support import index_docs
from tests.integration.brief_fixture import UNTIL, index_brief_fixture
from tests.integration.support import scout
from tests.unit.brief.records import SPAM, post

DAY = ("--since", "24h", "--until", UNTIL)
AAPL, GOOGL = "company:AAPL", "company:GOOGL"


def test_scout_brief_reports_the_day_cited_and_deduplicated(
    settings: Settings, es: Elasticsearch
) -> None:
    docs = index_brief_fixture(settings, es)
    urls = {d.post_id: d.url for d in docs}

    as_json = scout(settings, "brief", *DAY, "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    brief = json.loads(as_json.stdout)
    assert brief["schema_version"] == 2
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


WORDS = [
    "chip",
    "supplier",
    "margin",
    "outlook",
    "store",
    "launch",
    "lawsuit",
    "campus",
    "music",
    "cloud",
]


def _note(company: str, i: int) -> str:
    """Distinct short texts, so the sample holds many stories rather than one."""
    picked = [WORDS[i % 10], WORDS[(i // 10) % 10], WORDS[(i // 100) % 10]]
    return f"{company} {' '.join(picked)} update {i}"


def test_scout_brief_counts_every_post_not_only_those_it_read(
    settings: Settings, es: Elasticsearch
) -> None:
    """Regression (issue 11, point 4): over a window with 20,811 Apple posts the brief said
    "1000 about watched companies" and "Apple Inc.: 999 posts", the size of the sample it
    reads (the 1,000 most influential posts) instead of the window's counts."""
    apple = [
        post(f"aapl-{i}", _note("Apple", i), companies=[AAPL], influence=10 + i % 7, hours_ago=1)
        for i in range(1200)
    ]
    google = [  # 50 influential enough for the sample, 100 that are not
        post(f"googl-{i}", _note("Alphabet", i), companies=[GOOGL], influence=90 if i < 50 else 1)
        for i in range(150)
    ]
    deal = post(  # about Alphabet only as the target of a deal
        "deal",
        "Acme to buy Alphabet's mapping unit",
        ma=MASignal(
            is_ma=True,
            score=0.9,
            acquirer=Party(name="Acme"),
            target=Party(name="Alphabet", id=GOOGL),
        ),
        influence=95,
    )
    not_a_deal = post(  # a party on a post that is not M&A does not make it about Alphabet
        "no-deal",
        "Alphabet buys more servers",
        ma=MASignal(is_ma=False, score=0.1, target=Party(name="Alphabet", id=GOOGL)),
        influence=99,
    )
    other = [post(f"other-{i}", f"Weather report {i}") for i in range(20)]
    older = post("old", "Apple old news", companies=[AAPL], hours_ago=72)
    # Issue 13 point 5: influential spam and posts enriched before categories existed are
    # counted, never read into the items.
    spam = [
        post(f"spam-{i}", f"$AAPL runner alert {i}", companies=[AAPL], influence=99, category=SPAM)
        for i in range(30)
    ]
    unclassified = [
        post(f"unc-{i}", f"Apple thread {i}", companies=[AAPL], influence=98, category=None)
        for i in range(10)
    ]
    index_docs(settings, [*apple, *google, deal, not_a_deal, *other, older, *spam, *unclassified])

    run = scout(settings, "brief", *DAY, "--format", "json")
    assert run.returncode == 0, run.stderr
    brief = json.loads(run.stdout)
    assert brief["posts_in_window"] == 1200 + 150 + 2 + 20 + 40
    assert brief["posts_about"] == 1200 + 150 + 1 + 40
    assert (brief["posts_news"], brief["posts_unclassified"]) == (1351, 10)
    assert brief["posts_by_category"] == {"news": 1351, "spam": 30}
    assert brief["posts_considered"] == 1000
    assert brief["considered"] == "1000 of 1351 considered"
    sections = {s["company_id"]: s for s in brief["companies"]}
    assert sections[AAPL]["name"] == "Apple Inc."
    assert (sections[AAPL]["posts"], sections[AAPL]["news"]) == (1240, 1200)
    assert sections[AAPL]["posts_considered"] == 949
    assert "spam-" not in run.stdout and "unc-" not in run.stdout
    assert (sections[GOOGL]["posts"], sections[GOOGL]["posts_considered"]) == (151, 51)
    assert sections[GOOGL]["considered"] == "51 of 151 considered"

    markdown = scout(settings, "brief", *DAY)
    assert markdown.returncode == 0, markdown.stderr
    assert "1412 posts in the window, 1391 about watched companies" in markdown.stdout
    assert "1351 of them news" in markdown.stdout and "30 spam, 10 not classified" in (
        markdown.stdout
    )
    assert "(1000 of 1351 considered)" in markdown.stdout
    assert "### Apple Inc. (company:AAPL): 1240 posts, 1200 news (949 of 1200 considered)" in (
        markdown.stdout
    )
    page = scout(settings, "brief", *DAY, "--format", "html")
    assert "Alphabet Inc." in page.stdout and "151 posts (51 of 151 considered)" in page.stdout

    only = scout(settings, "brief", *DAY, "--company", GOOGL, "--format", "json")
    assert only.returncode == 0, only.stderr
    filtered = json.loads(only.stdout)
    assert (filtered["posts_about"], filtered["posts_considered"]) == (151, 151)
    assert [(s["company_id"], s["posts"]) for s in filtered["companies"]] == [(GOOGL, 151)]
