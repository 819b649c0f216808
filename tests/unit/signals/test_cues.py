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
        ("Initech to be acquired by Globex", "announced"),
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
