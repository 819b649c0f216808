"""Families that read as news on unlabelled posts and are not (issue 13, news precision).

Hand-written posts, one family at a time (at least one post of each was news before its rule),
then guards: the same words beside a real event stay news."""

from __future__ import annotations

import pytest

from models.enriched import Entity
from streams.signals.category import classify


def _label(text: str, org: str | None = None) -> str:
    """The label with the organisation NER would find (it supports a headline)."""
    entities = []
    if org is not None and org in text:
        start = text.index(org)
        entities.append(
            Entity(text=org, label="ORG", start=start, end=start + len(org), source="ner")
        )
    return classify(text, entities=entities).label


@pytest.mark.parametrize(
    "text",
    [
        # stock-picking lists: an IPO or a deal named in them is a talking point
        "Only 7 stocks have outrun Acme since its IPO $ACME",
        "Just 4 chip names beat the index since the Acme merger closed $ACME",
    ],
)
def test_stock_picking_lists_are_chatter(text: str) -> None:
    assert _label(text, "Acme") == "chatter", text


@pytest.mark.parametrize(
    "text",
    [
        # the stock's own record or move, whatever event caused it
        "Widget Corp Keeps Climbing After Its 4-for-1 Stock Split $WIDG",
        "Acme Adds More Ground After Launching Its Folding Tablet $ACME",
    ],
)
def test_the_stocks_own_move_is_chatter(text: str) -> None:
    assert _label(text, "Widget Corp") == "chatter", text


def test_a_fund_position_written_in_the_passive_is_chatter() -> None:
    text = "12,400 Shares in Acme Corp ($ACME) Acquired by Northwind Trust Company"
    assert _label(text, "Acme Corp") == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        "In 2001, Northwind turned down an offer to acquire Contoso for $5 million. Today "
        "Contoso is worth billions $CTSO",
        "Back in 1999 Acme launched its first pager; twenty years ago nobody cared $ACME",
    ],
)
def test_old_history_told_as_trivia_is_other(text: str) -> None:
    assert _label(text, "Northwind") == "other", text


@pytest.mark.parametrize(
    "text",
    [
        "If $ACME had only waited a year before its spinoff of $WIDG, holders would have made "
        "triple",
        "The way $ACME and its bankers priced the IPO means the big funds are laughing all the "
        "way to the bank",
    ],
)
def test_what_ifs_and_takes_on_a_company_are_chatter(text: str) -> None:
    assert _label(text) == "chatter", text


@pytest.mark.parametrize(
    "text",
    [
        # a question as the headline, advice to trade on the news
        "Will Acme's Takeover of Widget Corp Win Approval? https://example.com/q $ACME",
        "Sell Acme After the Tablet Launch https://example.com/s $ACME",
        # the stock's direction as the point of the post
        "Acme's plan to sell its chip unit will lead to a higher share price $ACME",
        "Acme Slips 3% for the Week Despite Tablet Launch $ACME",
        # the poster recommending a read
        "$ACME after results. Great article to go through on the Acme launch plans "
        "https://example.com/r",
    ],
)
def test_questions_advice_and_takes_on_the_stock_are_chatter(text: str) -> None:
    assert _label(text, "Acme") == "chatter", text


def test_an_analysts_earnings_estimate_in_headline_form_is_chatter() -> None:
    text = "Acme Inc to Post Q3 Earnings of $1.10 Per Share, Big Bank Projects $ACME"
    assert _label(text, "Acme Inc") == "chatter"


def test_words_spelt_with_dollar_signs_are_not_news() -> None:
    text = "ALWAY$ KEEP YOUR HEAD UP WHEN THEY LAUNCH HATE AT YOU, MONEY OVER EVERYTHING"
    assert _label(text) in {"other", "spam"}


def test_a_traders_take_on_results_with_a_cost_basis_is_chatter() -> None:
    text = "$ACME beat by 12 cents but guided lower for Q3... cost basis around $40, not worried"
    assert _label(text) == "chatter"


@pytest.mark.parametrize(
    "text",
    [
        "Dana Reyes joins Bloomberg TV at 3pm to talk about the Acme tablet launch $ACME",
        "Acme CEO on Fox Business at 11am ET to discuss the new store openings $ACME",
    ],
)
def test_a_tv_appearance_is_other(text: str) -> None:
    assert _label(text, "Acme") == "other", text


# Guards: the same families' words around a real event stay news.
@pytest.mark.parametrize(
    "text",
    [
        "Acme to buy Widget Corp for $4.2 billion in cash https://example.com/2 $ACME $WIDG",
        "Widget Corp announces 4-for-1 stock split, raises dividend $WIDG",
        "Northwind Trust Company acquires Contoso Bank for $900 million",
        "Acme appoints Dana Reyes as chief executive, effective in May $ACME",
        "Acme recalls 40,000 heaters made since 2008 over fire risk $ACME",
        "Here is what you need to know about the biggest chip IPO ever, Widget Corp begins "
        "trading today $WIDG",
    ],
)
def test_events_beside_these_words_stay_news(text: str) -> None:
    assert _label(text, "Acme") == "news", text
