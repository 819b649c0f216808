"""Posts go to the NER model built for their kind of text (hand-written posts)."""

import pytest

from streams.enrich.routing import is_headline, text_kind
from streams.signals.gate import SHORT_POST, SOCIAL_SOURCES

LONG_STORY = (
    "Northwind Traders Inc said on Monday it had agreed to buy the packaging unit of Contoso"
    " Group for 410 million dollars in cash, its third purchase this year. The unit, based in"
    " Rotterdam, employs about 900 people and had sales of 260 million euros last year. Chief"
    " executive Anna Lindqvist said the deal would close in the second quarter, subject to"
    " approval by regulators in the European Union. Shares of Northwind rose 3 percent in"
    " early trading in New York."
)


@pytest.mark.parametrize("source", sorted(SOCIAL_SOURCES))
def test_a_social_source_is_social_whatever_the_text(source: str) -> None:
    assert text_kind(source, LONG_STORY) == "social"
    assert text_kind(source, "Oracle agrees to acquire Cerner for $28 billion") == "social"


@pytest.mark.parametrize("source", ["rss", "news", "edgar", "reuters", "blog", "press-wire"])
def test_a_named_source_that_is_not_social_is_news(source: str) -> None:
    assert text_kind(source, "lol $NWT to the moon 🚀 @traderjoe, what a day it was") == "news"
    assert text_kind(source, LONG_STORY) == "news"


def test_an_unknown_long_post_is_news_even_with_a_hashtag() -> None:
    assert len(LONG_STORY) > SHORT_POST
    assert text_kind("unknown", LONG_STORY) == "news"
    assert text_kind("unknown", LONG_STORY + " #deals @northwind") == "news"


@pytest.mark.parametrize(
    "text",
    [
        "Contoso buying Northwind?? @satya_fan what is going on",
        "$NWT ripping after the buyout rumour, holding my calls",
        "northwind and contoso are merging, who saw that coming",
        "Oracle agrees to acquire Cerner for $28.3 billion",
        "Contoso Ltd names Maria Gonzalez chief financial officer, effective March 1.",
    ],
)
def test_an_unknown_short_post_is_social_as_the_deal_gate_reads_it(text: str) -> None:
    assert len(text) <= SHORT_POST
    assert text_kind("unknown", text) == "social"


@pytest.mark.parametrize(
    "text",
    [
        "Contoso Acquires Payments Startup Fabrikam For $40 Million",
        "NORTHWIND TO BUY CONTOSO UNIT FOR 410 MLN DLRS",
        "Fabrikam Completes Acquisition of Tailspin Toys Inc.",
        "Woodgrove Bank Names Maria Gonzalez Chief Executive | Business Wire",
    ],
)
def test_a_bare_headline_from_a_news_source_is_read_as_social_text(text: str) -> None:
    assert is_headline(text)
    assert text_kind("rss", text) == "social"


@pytest.mark.parametrize(
    "text",
    [
        "Contoso Ltd said it agreed to buy the packaging unit of Northwind Traders for 410"
        " million dollars in cash.",
        "Eastwind Capital Partners told the Securities and Exchange Commission it holds 6.1"
        " pct of Fabrikam Inc.",
        "Contoso Acquires Fabrikam\nThe deal values the payments startup at $40 million.",
        "Contoso buys Fabrikam",
    ],
)
def test_a_news_sentence_or_a_story_is_news(text: str) -> None:
    assert not is_headline(text)
    assert text_kind("rss", text) == "news"
