"""Posts go to the NER model built for their kind of text (hand-written posts)."""

import pytest

from streams.enrich.routing import text_kind
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
    assert text_kind(source, "lol $NWT to the moon 🚀 @traderjoe") == "news"
    assert text_kind(source, LONG_STORY) == "news"


def test_an_unknown_long_post_is_news_even_with_a_hashtag() -> None:
    assert len(LONG_STORY) > SHORT_POST
    assert text_kind("unknown", LONG_STORY) == "news"
    assert text_kind("unknown", LONG_STORY + " #deals @northwind") == "news"


@pytest.mark.parametrize(
    "text",
    [
        "Contoso buying Northwind?? @satya_fan what is going on",
        "Big week for #fintech: Stripe and Adyen both hiring",
        "$NWT ripping after the buyout rumour, holding my calls",
        "RT Northwind confirms talks with Contoso",
        "Northwind deal is done 🎉🎉",
        "read this https://example.org/a/1 Northwind and Contoso merge",
        "northwind and contoso are merging, who saw that coming",
    ],
)
def test_an_unknown_short_post_written_like_a_social_post_is_social(text: str) -> None:
    assert text_kind("unknown", text) == "social"


@pytest.mark.parametrize(
    "text",
    [
        "Oracle agrees to acquire Cerner for $28.3 billion",
        "Contoso Ltd names Maria Gonzalez chief financial officer, effective March 1.",
        "Northwind Traders Q3 revenue rises 12% to $1.2 billion; shares up 4% (#1 in sector)",
    ],
)
def test_an_unknown_short_post_written_plainly_is_news(text: str) -> None:
    assert text_kind("unknown", text) == "news"
