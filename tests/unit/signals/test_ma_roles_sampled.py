"""Parties read in wordings a further random reading of flagged deals showed wrong or empty:
a merger pact with its partner, a takeover talked over with a company, a holding sold with
no buyer named, a stake taken with only a link after it, "AmEx" the company, and a deal
acquired "previously" as background. And the deal registry: a deal "terminated" only in an
"if" is not forgotten, a buyer named by two capitals ("GE") is found in "GE-Alstom Deal",
and one's own "deals" in two tickers are no remark on a known deal.

Docs come from the blank English tokenizer (no model): tokens as in a real post, no parse.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import spacy

from models.signals import Category, MASignal, Party
from streams.signals.gate import reported_deal
from streams.signals.ma import detect_ma
from streams.signals.ma.cues import detect_status
from streams.signals.ma.registry import DealRegistry
from tests.unit.signals.support import roles
from tests.unit.signals.test_ma_registry import T0

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # a merger pact (agreement, accord) with the other party
        ("Hooli Shows Merger Pact with Initech, Will Pay $4B in Cash", "Hooli", "Initech"),
        ("Globex signs merger agreement with Initech", "Globex", "Initech"),
        # a takeover talked over with ("to") a company, quoted words between
        ("Hooli 'seriously talking' to Initech about takeover, a blog reports", "Hooli",
         "Initech"),
        ("Globex talked to Initech about a merger", "Globex", "Initech"),
        # a holding sold, no buyer named: the company held is the target
        ("Bidders line up as Globex nears the sale of its Polish unit Initech Bank", None,
         "Initech Bank"),
        ("Hooli completes the sale of its stake in Initech Energy, ending a decade",
         None, "Initech Energy"),
        # a stake taken with only a link after the word: in the headline's company
        ("$HOOL - Initech to Raise Payouts After Globex Takes Stake http://t.co/AbCdEf", "Globex",
         "Initech"),
        # AmEx is a company (AMEX the exchange is not)
        ("Hooli Bid For AmEx? analysts ask", "Hooli", "AmEx"),
        # a unit named for itself, bought from its owner, is what is bought
        ("Hooli Set to Acquire Initech Business Unit from Globex #Hooli", "Hooli",
         "Initech Business Unit"),
        # a unit named by its owner and its country
        ("Report: Hooli wants to acquire Globex's Japan leasing business", "Hooli",
         "Globex's Japan leasing business"),
        # a raised bid "by" a share, not by a bidder
        ("$GLBX raises bid for $INTK by ~11%", "GLBX", "INTK"),
        # how far the talks are is no name
        ("Hooli $HOOL in Advanced Talks to Acquire Initech $INTK - WSJ", "Hooli", "Initech"),
        # to combine with a company, in a deal
        ("People say Hooli is in talks to combine with Initech in $12 bln deal", "Hooli",
         "Initech"),
        # a merger between two, and merger efforts with another
        ("Hooli CEO on potential merger between $HOOL and $INTK: cannot get it done", "HOOL",
         "INTK"),
        ("Globex abandons merger efforts with Initech Systems due to their unwillingness",
         "Globex", "Initech Systems"),
        # a noun of buying written as a verb after a modal
        ("$GLBX will buyout $INTK rumor circulating.", "GLBX", "INTK"),
        # a part of a company's holdings
        ("Hooli agrees to acquire majority of Globex Capital's truck ops", "Hooli",
         "Globex Capital"),
    ],
)  # fmt: skip
def test_the_parties_are_read(text: str, acquirer: str | None, target: str | None) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == (acquirer, target)


@pytest.mark.parametrize(
    "text",
    [
        # a sale of goods, or a holding described by no company, names no target
        "Globex weighs selling a sale of stake in Peruvian copper venture soon",
        "Globex to sell its unit to a buyer, people say",
    ],
)
def test_a_holding_sold_names_no_target_unless_a_company_is_held(text: str) -> None:
    assert detect_ma(NLP(text)).target is None


def test_a_company_acquired_previously_is_background() -> None:
    text = "Hooli CEO says Hooli's confident on previously acquired HX-0301; combos ahead"
    assert not detect_ma(NLP(text)).is_ma


def test_chatter_remarking_on_a_merger_pact_named_by_both_parties_is_a_deal() -> None:
    text = '"@desk: Hooli $HOOL in merger pact with Initech" <-- seriously?????'
    deal = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Hooli"), target=Party(name="Initech")
    )
    chatter = Category(label="chatter", score=0.6)
    assert reported_deal(deal, chatter, text=text).is_ma
    assert not reported_deal(deal, chatter, text="Hooli would love a pact with Initech?").is_ma


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("If the Hooli/Initech deal is terminated, Initech will pay Hooli $150 million", None),
        ("Should Globex drop its bid for Initech, shares would fall", None),
        ("Hooli terminates Initech deal", "called_off"),
    ],
)
def test_a_deal_ended_only_in_an_if_is_not_called_off(text: str, status: str | None) -> None:
    assert detect_status(text) == status


def _known(acquirer: Party, target: Party) -> DealRegistry:
    registry = DealRegistry()
    deal = MASignal(is_ma=True, score=0.9, acquirer=acquirer, target=target)
    for story in ("one", "two"):
        registry.learn(deal, story, T0)
    return registry


def test_a_supposed_end_does_not_make_the_registry_forget_the_deal() -> None:
    registry = _known(Party(name="Hooli"), Party(name="Initech"))
    ended = detect_status("If the Hooli/Initech deal is terminated, Initech pays a fee")
    supposed = MASignal(
        is_ma=True,
        score=0.9,
        acquirer=Party(name="Hooli"),
        target=Party(name="Initech"),
        status=ended,
    )
    registry.learn(supposed, "three", T0 + timedelta(days=1))
    text = "5 Takeaways From The Hooli-Initech Deal"
    assert registry.recall_pair(text, {}, T0 + timedelta(days=2)) is not None


def test_a_buyer_named_by_two_capitals_is_found_glued_to_its_target() -> None:
    registry = _known(Party(name="GX", id="company:GX"), Party(name="Initech"))
    text = "$GX - France Lifts Hurdle to GX-Initech Deal http://t.co/AbCdEf"
    linked = {"company:GX": [(0, 3)]}  # the header's cashtag only: "GX-" is glued, unlinked
    recalled = registry.recall_pair(text, linked, T0 + timedelta(days=2))
    assert recalled is not None and roles(recalled) == ("GX", "Initech")


def test_ones_own_deals_in_two_tickers_are_no_remark_on_a_known_deal() -> None:
    registry = _known(Party(name="GLBX", id="company:GLBX"), Party(name="INTK", id="company:INTK"))
    text = "Investors lack financials again. Reminded of my $GLBX/$INTK/etc deals in 2012."
    linked = {"company:GLBX": [(48, 53)], "company:INTK": [(54, 59)]}
    assert registry.recall_pair(text, linked, T0 + timedelta(days=2)) is None


def test_a_link_read_as_the_thing_bought_from_a_company_is_no_crash() -> None:
    signal = detect_ma(NLP("Globex acquires http://t.co/AbCdEf from Initech"))
    assert signal.is_ma and signal.acquirer is not None and signal.acquirer.name == "Globex"


def test_an_analyst_upgrade_to_buy_glued_to_the_name_is_no_deal() -> None:
    text = "Globex Parcel ServiceUpgrade by TheDesk (Ranked 15th) to Buy $GLBX #GLBX"
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # a company that "just bought" another is no trader's own buying
        ("Watch Out, Hooli - Globex Just Bought Initech For $3.2 Billion", "Globex", "Initech"),
        # a described company bought, its description with a slash in it
        ("Globex buys AR/VR headset software developer Initech today", "Globex", "Initech"),
    ],
)
def test_these_purchases_are_deals(text: str, acquirer: str, target: str) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == (acquirer, target)


@pytest.mark.parametrize(
    "text",
    [
        "Report: Globex just bought Machinery for its new phone plant in Ohio",
        "I just bought GLBX this morning",
        "just bought 300 shares of Globex",
    ],
)
def test_goods_and_a_traders_buying_stay_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_a_company_described_by_its_base_is_no_country_bought() -> None:
    signal = detect_ma(NLP("Sources: Hooli has acquired a Spain-based payroll app developer"))
    assert signal.is_ma and roles(signal) == ("Hooli", None)
    assert not detect_ma(NLP("Hooli to buy Italy for $3.2 Billion")).is_ma  # still a joke


def test_a_deal_wrapped_for_a_described_company_is_a_deal() -> None:
    signal = detect_ma(NLP("Globex wraps deal for biopharma Initech, a desk reports"))
    assert signal.is_ma and roles(signal) == ("Globex", "Initech")
    assert not detect_ma(NLP("Globex wraps deal for drug rights from Initech")).is_ma


def test_a_tagged_target_of_an_owned_bid_keeps_its_bidder() -> None:
    signal = detect_ma(
        NLP("RT @desk: Hooli & Vandelux's #Initech bid may help $GLBX: http://t.co/x")
    )
    assert roles(signal) == ("Hooli & Vandelux", "Initech")


def test_a_lower_case_handle_opening_a_headline_buys() -> None:
    signal = detect_ma(NLP("JUST IN: @hooli to acquire @Initech for about $16 billion. • $HOOL"))
    assert roles(signal) == ("@hooli", "@Initech")


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        # a reply's addressee, or an account read "on", is no buyer
        ("@bobsmith bought my first Initech shares today, big step", "@bobsmith"),
        ("Read it on @thedesk to buy or sell $GLBX: http://t.co/x", "@thedesk"),
    ],
)
def test_other_lower_case_handles_buy_nothing(text: str, handle: str) -> None:
    found = detect_ma(NLP(text)).acquirer
    assert found is None or found.name != handle


def test_a_company_announcing_its_acquisition_by_another_is_the_target() -> None:
    signal = detect_ma(NLP("Initech Labs announces acquisition by Globex Corp"))
    assert roles(signal) == ("Globex Corp", "Initech Labs")


def test_whose_report_it_is_is_no_party() -> None:
    text = "Globex $GLBX, Initech $INTK busy midday on Pearson report the two held merger talks."
    signal = detect_ma(NLP(text))
    assert signal.target is None or signal.target.name != "Pearson"


def test_a_stake_in_a_company_followed_by_a_ticker_reads_the_company() -> None:
    signal = detect_ma(NLP("Globex buys stake in Initech $GLBX"))
    assert roles(signal) == ("Globex", "Initech")


@pytest.mark.parametrize(
    "text",
    [
        "Globex, Initech Announce Widget Mega-Merger http://t.co/x1 $SPY $QQQ",
        "Globex, Initech Confirm Cross-Border Merger",
    ],
)
def test_two_companies_announcing_a_described_merger_are_its_parties(text: str) -> None:
    assert roles(detect_ma(NLP(text))) == ("Globex", "Initech")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Globex Sells 9.9% Stake in Norway's Initech for $1.2 Billion", "Initech"),
        ("Globex sells 5% stake in Initech after Hooli tops it as biggest holder", "Initech"),
    ],
)
def test_a_stake_sold_with_no_buyer_named_is_in_its_company(text: str, target: str) -> None:
    assert roles(detect_ma(NLP(text))) == (None, target)


def test_a_stake_sold_in_a_field_names_no_company() -> None:
    assert detect_ma(NLP("Globex plans to sell its stake in Nevada Gas Field")).target is None
