"""Regex cues on plain text: pre-filter, status, amount, old deals (no parser)."""

from __future__ import annotations

import pytest

from streams.signals.ma import has_ma_cue
from streams.signals.ma.cues import cue_strength, detect_status, find_amount, is_passing_mention


@pytest.mark.parametrize(
    "text",
    [
        "Globex to acquire Initech for $3bn",
        "Initech agrees to merger with Globex",
        "Hooli launches tender offer for Pied Piper",
        "Vandelay buys 12 pct stake in Kramerica",
        "Wonka Industries snaps up tiny candy startup",
    ],
)
def test_has_ma_cue_true_for_deal_wording(text: str) -> None:
    assert has_ma_cue(text)


@pytest.mark.parametrize(
    "text",
    [
        "Globex reports record quarterly revenue",
        "Great keynote from the Initech CEO this morning",
        "",
    ],
)
def test_has_ma_cue_false_without_deal_wording(text: str) -> None:
    assert not has_ma_cue(text)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Globex reportedly in talks to buy Initech", "rumour"),
        ("Sources say Hooli is weighing an offer for Pied Piper", "rumour"),
        ("Globex agrees to buy Initech", "announced"),
        ("Globex completes acquisition of Initech", "completed"),
        ("Globex denies talks to buy Initech", "denied"),
        ("Globex drops its bid for Initech", "called_off"),
        ("Hooli abandons takeover of Pied Piper", "called_off"),
        ("Initech is to be acquired by rival Globex", "announced"),
    ],
)
def test_detect_status(text: str, status: str) -> None:
    assert detect_status(text) == status


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Globex to buy Initech for $5bn in cash", "$5bn"),
        ("Kramerica sold for 2.1 billion dlrs", "2.1 billion dlrs"),
        ("Hooli offers $12 a share, or $1.4 billion, for Pied Piper", "$1.4 billion"),
        ("Globex to buy Initech", None),
        ("Globex buys Initech for EUR 2.1bn", "EUR 2.1bn"),
        ("Equinor buys Initech for NOK 5bn", "NOK 5bn"),
        ("Globex buys Initech for 5 billion kroner", "5 billion kroner"),
        ("Globex kjøper Initech for 5 mrd kroner", "5 mrd kroner"),
        ("Globex buys Initech for Rs 500 crore", "Rs 500 crore"),
        ("Globex to acquire Initech for US$300M", "US$300M"),
    ],
)
def test_find_amount_skips_per_share_prices(text: str, amount: str | None) -> None:
    assert find_amount(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        "Globex, since its 2015 acquisition of Initech, has doubled its staff.",
        "Hooli, which bought Pied Piper in 2019, opened an office in Austin.",
        "The unit was acquired in 2011 and renamed.",
    ],
)
def test_old_deals_are_passing_mentions(text: str) -> None:
    assert is_passing_mention(text)


def test_fresh_deal_is_not_a_passing_mention() -> None:
    assert not is_passing_mention("Globex agrees to acquire Initech for $3bn")


def test_commodity_purchase_scores_low() -> None:
    assert cue_strength("Ruritania buys 200,000 tonnes of wheat") < 0.5
    assert cue_strength("Globex agrees to acquire Initech") >= 0.9


def test_results_story_mentioning_a_deal_scores_low() -> None:
    text = "GLOBEX 4TH QTR NET\nShr 40 cts vs 31 cts; net includes gain on sale of a unit."
    assert cue_strength(text) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        # A unit sale under a weak headline, confirmed by the body.
        "GLOBEX COMPLETES UNIT SALE.\n\nGlobex Corp said it completed the sale of its Initech"
        " software unit to Hooli Inc.",
        "GLOBEX TO RECEIVE 40 MLN DLRS FOR INITECH",
        "HOOLI OFFERS 30 DLRS/SHR FOR PIED PIPER",
        "Hooli says rival bid for Pied Piper undervalues the company",
        "Vandelay Industries seeks a buyer for its latex division",
        "Kramerica now holds 12.5 pct of Vandelay after buying 300,000 shares",
        # A headline about the deal's process; the body names the deal.
        "INITECH SETS SPECIAL MEETING.\n\nInitech Corp said holders will vote on its proposed"
        " merger with Globex Corp on June 3.",
        # A commodity word inside a company name is no commodity trade.
        "Acme Sugar Co agrees to be acquired by Globex",
    ],
)
def test_deal_news_scores_high(text: str) -> None:
    assert has_ma_cue(text)
    assert cue_strength(text) >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        "Globex sells 200 mln dlrs of convertible notes due 2030",
        "Ruritania central bank buys dollars to support the currency",
        "Wonka Air takes option to buy six more aircraft from Planemaker",
        "Globex to have gain on sale of its Initech unit",
        "Globex sells two mln new common shares in public offering",
        "Top rate at weekly Treasury bill tender rises to 4.1 pct",
        "Globex sees higher 2025 earnings, helped by the Initech acquisition",
        "Globex to buy back 2 mln of its own shares",
    ],
)
def test_non_deal_news_scores_low(text: str) -> None:
    assert cue_strength(text) < 0.5


def test_newly_acquired_is_a_passing_mention() -> None:
    assert is_passing_mention("Globex tested its newly acquired fleet of delivery robots")


def test_body_only_deal_counts_less_than_a_headline_deal() -> None:
    body_only = "GLOBEX OPENS NEW OFFICE.\n\nThe office follows its merger with Initech Corp."
    headline = "GLOBEX TO MERGE WITH INITECH.\n\nThe two firms signed a merger agreement."
    assert cue_strength(body_only) < cue_strength(headline)
