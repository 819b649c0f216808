"""Families missed or misread on the second development set of StockNet posts (issue 13,
``bench/signals/labels/dev2/``, drawn after the sealed set showed held-out recall low): a
named deal on its way to closing or blocked, a deal waved off, a company bought described
rather than named, the passive "bought out by", two cashtags glued by a hyphen, the handles
a reply is addressed to, and a board joined by handle.

Every post is hand-written (invented companies and people); Docs from the blank English
tokenizer.
"""

from __future__ import annotations

import pytest
import spacy

from models.signals import Category, MASignal, Party
from streams.signals.gate import reported_deal
from streams.signals.ma import detect_ma
from streams.signals.moves import detect_moves
from tests.unit.signals.support import entities, roles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$GLBX Globex CEO Roe says expects Initech deal to close http://t.co/a",
            ("Globex", "Initech"),
        ),
        (
            "Reports: Approval of Globex's $13.9B Initech deal to come today $GLBX",
            ("Globex", "Initech"),
        ),
        ("Globex's Initech deal wins EU approval", ("Globex", "Initech")),
        ("$GLBX-$INTK deal now expected to close Friday, court says", ("GLBX", "INTK")),
        ("Initech shares tumble 17% as commission blocks #Globex(PBR102) $6.8B deal", None),
        ("$GLBX waves off a $400M deal, so Initech stays independent.", None),
        ("$GLBX / $INTK = worst deal I have seen this decade", None),
    ],
)
def test_a_named_deal_closing_blocked_or_waved_off_is_a_deal(
    text: str, expected: tuple[str | None, str | None] | None
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    if expected is not None:
        assert roles(signal) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hooli TV signs a $3 bln deal to show the cup finals until 2040",
        "Contoso and Fabrikam reach deal to keep serving shops in Ruritania",
        "Globex and Initech sign supply deal to close out the year",
        "Hooli Signs $730 Million Deal For Initech Lung Drug http://t.co/a $HOOL",
        "The Globex Company (GLBX) news: Ruritania Airlines mulls $15B deal for 40 ... $GLBX",
        "Jane Roe steps down from $GLBX's board after buying @LAFalcons. More pix: http://t.co/a",
    ],
)
def test_other_deals_and_a_purchase_given_as_a_reason_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This chart shows why $GLBX bought @Initech http://t.co/a", ("GLBX", "@Initech")),
        (
            "wow #Globex $GLBX just bought a drone imaging company for $300 million",
            ("Globex", None),
        ),
        ("Initech was bought out by Globex", ("Globex", "Initech")),
        ("Initech just got bought out by $GLBX for $1bn.", ("GLBX", "Initech")),
        ("@Globex Has Bought A Company Run By Three Former Initech Designers", ("@Globex", None)),
        ("RT @wire: @Globex buys Initech", ("@Globex", "Initech")),
    ],
)
def test_a_company_bought_by_handle_described_or_in_the_passive(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected


def test_the_handles_a_reply_is_addressed_to_are_no_buyer() -> None:
    text = "@anchor @host @Network Once the Initech deal closes, Joe's call will be right."
    assert roles(detect_ma(NLP(text)))[0] is None


def test_a_trader_who_just_bought_is_still_no_deal() -> None:
    assert not detect_ma(NLP("Just bought $GLBX at the open, a company I love")).is_ma


def _chatter(text: str, signal: MASignal) -> bool:
    return reported_deal(signal, Category(label="chatter", score=0.7), text=text).is_ma


def test_chatter_about_a_named_bid_keeps_the_deal() -> None:
    text = "Will the fine slow the pace of $GLBX's bid for Initech? I'd say yes."
    deal = MASignal(
        is_ma=True, score=1.0, acquirer=Party(name="GLBX"), target=Party(name="Initech")
    )
    assert _chatter(text, deal)


def test_chatter_telling_a_purchase_in_the_passive_or_of_a_described_company_keeps_it() -> None:
    passive = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="GLBX"), target=Party(name="Initech")
    )
    assert _chatter("Initech just got bought out by $GLBX for $1bn. Who is next?", passive)
    described = MASignal(is_ma=True, score=0.85, acquirer=Party(name="Globex $GLBX"))
    assert _chatter(
        "wow #Globex $GLBX just bought a drone imaging company for $300 million", described
    )


def test_chatter_with_a_company_only_in_a_price_is_still_gated() -> None:
    signal = MASignal(is_ma=True, score=0.85, acquirer=Party(name="WhatsApp"))
    text = "If only #BBM was open sooner... #WhatsApp acquired for 4x Hooli Company Value today"
    assert not _chatter(text, signal)


def test_a_board_joined_by_handle_is_a_move_and_a_show_is_not() -> None:
    text = "Former governor @JaneRoe joins @Globex board of directors, starting today $GLBX"
    found = detect_moves(text, entities(text, ("@JaneRoe", "PERSON"), ("@Globex", "ORG")))
    assert [(m.person, m.organisation, m.role) for m in found] == [("@JaneRoe", "@Globex", "board")]
    show = "Globex CEO Jane Roe joins @SquawkShow at 2pm"
    assert detect_moves(show, entities(show, ("Jane Roe", "PERSON"), ("Globex", "ORG"))) == []


def test_a_new_chief_named_or_congratulated_is_a_join_and_a_question_is_not() -> None:
    def moves(text: str) -> list[tuple[object, ...]]:
        ents = entities(text, ("Lee Park", "PERSON"), ("Contoso", "ORG"))
        return [(m.person, m.organisation, m.role) for m in detect_moves(text, ents)]

    assert moves("Lee Park is the new Contoso CFO, the board says") == [
        ("Lee Park", "Contoso", "CFO")
    ]
    assert moves("'grats to the new Contoso CEO, Lee Park! big shoes") == [
        ("Lee Park", "Contoso", "CEO")
    ]
    guard = "Who is the new Contoso CEO going to be? Lee Park maybe"
    assert moves(guard) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Regulator set to clear Globex's $49B acquisition of Initech, wire says",
            ("Globex", "Initech"),
        ),
        ("$GLBX Globex Said to Plan Raising Initech Bid Once More", ("Globex", "Initech")),
        ("Comcastic $CMCX to be bought by Globex $GLBX, sources say", ("Globex", "Comcastic")),
    ],
)
def test_an_owner_before_a_price_a_raised_bid_and_a_name_without_its_ticker(
    text: str, expected: tuple[str, str]
) -> None:
    assert roles(detect_ma(NLP(text))) == expected


def test_chatter_naming_the_pair_each_with_its_ticker_keeps_the_deal() -> None:
    text = "RT @wire: Globex $GLBX Initech $INTK Merger May Cost 9,000 Jobs, Analyst Thinks"
    deal = MASignal(
        is_ma=True, score=1.0, acquirer=Party(name="Globex"), target=Party(name="Initech")
    )
    assert _chatter(text, deal)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "$CTSO - Contoso Pay Loses Another Top Executive -> http://t.co/a #stock",
            (("Contoso Pay", "ORG"),),
            (None, "Contoso Pay", "Executive", "leaves"),
        ),
        (
            "Good call by $CTSO adding Lee Park as a Director of @ContosoCorp, they needed her",
            (("Lee Park", "PERSON"), ("$CTSO", "ORG")),
            ("Lee Park", "$CTSO", "Director", "joins"),
        ),
        (
            "#FabrikamPartners Hires Lee Park as Financial Officer. More: https://t.co/a",
            (("Lee Park", "PERSON"), ("#FabrikamPartners", "ORG")),
            ("Lee Park", "FabrikamPartners", "Financial Officer", "joins"),
        ),
        (
            "Contoso to cut 2,000 more jobs than planned in its card unit, an executive says",
            (("Contoso", "ORG"),),
            (None, "Contoso", None, "layoffs"),
        ),
    ],
)
def test_a_loss_a_director_added_a_financial_officer_and_more_job_cuts_are_moves(
    text: str, ents: tuple[tuple[str, str], ...], expected: tuple[object, ...]
) -> None:
    found = detect_moves(text, entities(text, *ents))
    assert [(m.person, m.organisation, m.role, m.direction) for m in found] == [expected]


def test_a_service_that_lets_you_hire_someone_is_no_hiring() -> None:
    text = "Fun: Contoso Services now allows you to hire a dog walker!"
    assert detect_moves(text, entities(text, ("Contoso Services", "ORG"))) == []


def test_a_hashtag_opening_a_hiring_headline_is_the_hirer() -> None:
    text = "#FabrikamPartners Hires Lee Park as Finance Chief. More: https://t.co/a $CTSO"
    found = detect_moves(text, entities(text, ("Lee Park", "PERSON"), ("$CTSO", "ORG")))
    assert [(m.person, m.organisation) for m in found] == [("Lee Park", "FabrikamPartners")]


@pytest.mark.parametrize(
    "text",
    [
        "Prediction: Initech $INTK is acquired by $GLBX http://t.co/a @predictsite",
        "RT @forecasts: Globex $GLBX to acquire Initech $INTK for $9B within 6 months http://t.co/a",
    ],
)
def test_a_forecast_on_a_prediction_site_is_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_a_deal_closing_within_months_is_still_a_deal() -> None:
    assert detect_ma(
        NLP("Globex to acquire Initech; deal expected to close within 9 months.")
    ).is_ma


def test_a_company_to_close_a_named_deal_is_a_deal() -> None:
    signal = detect_ma(NLP("$GLBX: Globex to close Initech deal on Monday http://t.co/a"))
    assert signal.is_ma and roles(signal)[1] == "Initech"


@pytest.mark.parametrize(
    "text",
    [
        "VR startup Initech faces a third lawsuit since $GLBX acquisition, accused of theft",
        "$INTK $HOOL Initech jumps after a fund suggests Hooli consider takeover: Story",
        "Blog: Initech Buyout Odds Are At Their Highest Right Now $GLBX $INTK",
    ],
)
def test_a_lawsuit_after_a_deal_advice_to_consider_one_and_odds_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma
