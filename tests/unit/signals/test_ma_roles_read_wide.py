"""Buyer and seller read in the wordings a random reading of flagged deals showed wrong:
priced bids, units named by their owner, talk of a takeover, fended-off bids, headers, and
a few more words that are no deal (a beach bought, a chamber's takeover, dip buying).

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
from tests.unit.signals.support import entities, roles
from tests.unit.signals.test_ma_registry import T0

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        # a bid priced before its target
        ("BREAKING: Hooli bids $12.5 billion for Initech Systems, people familiar say", "Hooli",
         "Initech Systems"),
        ("$GLBX Globex Offers $210M for Initech's Brazil Units", "Globex", "Initech's Brazil Units"),
        # a unit named by its owner, possessive written with a lone apostrophe
        ("Globex to Acquire Initech Networks' Pinnacle Business for $900 Million", "Globex",
         "Initech Networks' Pinnacle Business"),
        # the state of the company bought is no part of its name
        ("$GLBX weighs $30B deal to buy troubled $INTK after a weak quarter", "GLBX", "INTK"),
        ("Hooli Buys Struggling Initech", "Hooli", "Initech"),
        ("Hooli unlikely to buy core Initech business, people say", "Hooli", "Initech"),
        # a description of the company bought, with "and" inside it
        ("Hooli has acquired photo sharing and editing app maker Pixtory", "Hooli", "Pixtory"),
        # a source's header, then the bidder of a named bid
        ("Reuters: Hooli cleared to launch hostile Initech bid next month", "Hooli", "Initech"),
        ("FT says $HOOL likely to go public with $INTK bid", "HOOL", "INTK"),
        # the target fends the bid off
        ("Initech : Lobbied Senators To Fend Off Hooli Bid - report", "Hooli", "Initech"),
        # talk of a takeover
        ("$INTK acquisition rumors resurface as the search for a CEO drags on", None, "INTK"),
        ("Globex statement: No merger talks with Initech at this time", "Globex", "Initech"),
        ("Globex's CEO tells staff company not in merger talks with Initech Corp", "Globex",
         "Initech Corp"),
        ("Scoop: Initech open to merger talks with Globex -sources", "Globex", "Initech"),
        ("$INTK drawing takeover interest from $HOOL, people familiar say", "HOOL", "INTK"),
        # the company said to be the next buy
        ("$HOOL Initech Seems to Be Hooli's Next Major Buyout", "Hooli", "Initech"),
        # the buyer close to a deal, or thinking of raising its stake
        ("Hooli close to acquiring Initech Castings, WSJ reports", "Hooli", "Initech Castings"),
        ("Icahn thinking of upping Initech stake; Smith says sales rose", "Icahn", "Initech"),
        # a post's header: a retweet, and tickers before the name
        ("RT @desk: Globex dives into robotics with $2.5B Initech deal.", "Globex", "Initech"),
        ("$QQQ $HOOL Hooli Signs Payments Pact With Carriers, Buys Initech Wallet", "Hooli",
         "Initech Wallet"),
        # a deal its buyer's board weighs; a description before a tagged name
        ("$HOOL board recommends holders vote against $INTK deal; fee $1.2 billion", "HOOL",
         "INTK"),
        ("The Implications of #Hooli Acquiring #VidTube Channel #PixelWorks $HOOL", "Hooli",
         "PixelWorks"),
        # talks held about a deal, confirmed by the buyer
        ("$HOOL: Hooli in talks with Initech about a possible acquisition: WSJ", "Hooli",
         "Initech"),
        ("Weekly wrap: Hooli confirm Initech merger talks $HOOL", "Hooli", "Initech"),
        ("RT @desk: Initech - margins, takeover rumours and why we trimmed", None,
         "Initech"),
        # a place's possessive without its apostrophe; a bid evaluated; assets of a company
        ("Hooli to acquire Koreas Initech, strengthening its chip arm", "Hooli", "Initech"),
        ("Hooli $HOOL Is Said to Evaluate Possible Bid for Initech as shares climb", "Hooli",
         "Initech"),
        ("$HOOL: Hooli acquires the assets of Initech Robotics for ~$80 mln", "Hooli",
         "Initech Robotics"),
        # a company described in lower case is no name
        ("$HOOL Hooli agrees to buy data company in a $90M cash deal", "Hooli", None),
        # the target denies the bid; the seller's selloff before the buyer's deal
        ("Initech Shares Soar Despite Denying Hooli's Takeover Bid | Blog", "Hooli", "Initech"),
        ("RT @desk: Initech Capital Selloff Tops Goal With $30B Hooli Deal", "Hooli",
         "Initech Capital"),
        # a possessive that lost its apostrophe; a former unit
        ("$HOOL: 3 Good Signs From Hooli Inc.s Pixel Acquisition", "HOOL", "Pixel"),
        ("Hooli to Acquire Former Subsidiary Hooli Nordic in $2bn Deal", "Hooli", "Hooli Nordic"),
        # an aside in brackets before the buyer; money poured into a company; a plant
        # bought from its owner; a target leaning toward a bid
        ("$GLBX signs $9B deal to sell its snacks unit (Crunchos, Zesties etc.) to Hooli.",
         "Hooli", "GLBX"),
        ("Hooli Pours $600M Into Initech In Exchange For A 15% Stake", "Hooli", "Initech"),
        ("Hooli to buy western Texas refinery from Initech for $410 million", "Hooli",
         "Initech"),
        ("Initech Leaning Toward Hooli's $4 Billion Takeover Bid", "Hooli", "Initech"),
        # a nationality before a described company; a bid snubbed; a refusal defended
        ("$HOOL in talks to buy Dutch conglomerate Initech for $13 billion", "HOOL", "Initech"),
        ("$HOOL - Futures Flat; Initech Snubs Bid, Rises", None, "Initech"),
        ("$HOOL Initech CEO defends Hooli bid refusal at meeting", "Hooli", "Initech"),
        # a company buying a company named after it
        ("Visa to buy Visa Nordic for EUR2.5 billion", "Visa", "Visa Nordic"),
        # the target's tag read into the buyer's name
        ("#Initech Hooli agrees to acquire Initech for $200 million", "Hooli", "Initech"),
    ],
)  # fmt: skip
def test_the_parties_are_read_where_a_reader_sees_them(
    text: str, acquirer: str | None, target: str | None
) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == (acquirer, target)


@pytest.mark.parametrize(
    "text",
    [
        # a unit named "Home" is no house bought; shares "of" a company are a stake
        "Globex said it sold its Pinecrest Home and Garden division to an investor group for"
        " 2,000,000 dlrs in cash.",
        "Hooli said a court deal stops it from buying additional shares of Initech, of which"
        " it holds 15 pct.",
    ],
)
def test_the_new_non_deal_words_leave_these_deals_alone(text: str) -> None:
    assert detect_ma(NLP(text)).is_ma


def test_a_company_named_inside_the_target_is_not_the_buyer() -> None:
    text = "Visa to buy Visa Nordic for EUR2.5 billion $V"
    ents = entities(text, ("Visa", "ORG", "company:V"), ("$V", "ORG", "company:V"))
    ents.append(ents[0].model_copy(update={"start": 12, "end": 16}))  # "Visa" of Visa Nordic
    assert roles(detect_ma(NLP(text), ents)) == ("Visa", "Visa Nordic")


@pytest.mark.parametrize(
    "text",
    [
        "Globex-Initech Deal Grabs Headlines In A Short Week",
        "Hooli founder quietly buys a Maui mansion and ranch, papers show",
        "Hooli founder buys Greek island of Skorpa",
        "$HOOL $INTK Voters Set to Repeal the Tax After Senate Takeover",
        "Is Buying Emerging Market #stocks Worth It? $GLBX $INTK",
        "$GLBX lands huge $3 MILLION Per Month Deal!! Alert sent to subscribers",
        "$GLBX Globex Corp news: Buying Globex On Any Dip: Globex Corp news",
        "$GLBX pattern: buying at the open on Mondays has paid 9 of 10 times",
        "Globex director Jo Roe has sold nearly half her stake, filings show $GLBX",
        "$GLBX - Hooli Rail Acquires 30 New Globex GX9, Tier 4 Locomotives",
        "Globex says it will stay on the hunt for licence/acquisition deals this year",
        "Globex pours $2bn into new factories across Ohio",
        "$GLBX - Globex to Spin Off Its Initech Stake to Shareholders",
    ],
)
def test_other_things_bought_or_taken_are_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


def test_a_known_deal_is_recalled_as_the_one_whose_buyer_the_post_names() -> None:
    registry = DealRegistry()
    comcast = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Hooli"), target=Party(name="Initech")
    )
    charter = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Globex"), target=Party(name="Initech")
    )
    for k in range(3):  # the rival bid told by more stories
        registry.learn(comcast, f"h{k}", T0)
    for k in range(2):
        registry.learn(charter, f"g{k}", T0)
    text = "To fund it, Globex sells $2.5B of notes backing its Initech deal"
    recalled = registry.recall(text, T0 + timedelta(days=5))
    assert recalled is not None and roles(recalled) == ("Globex", "Initech")
    other = registry.recall("Traders weigh the Initech deal", T0 + timedelta(days=5))
    assert other is not None and roles(other) == ("Hooli", "Initech")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("$HOOL - Hooli Drops Its Go-Slow Strategy With Initech Bid", "announced"),
        ("Regulator drops its opposition to the Hooli merger with Initech", "announced"),
        ("Hooli drops $5bn Initech bid after due diligence", "called_off"),
    ],
)
def test_a_deal_is_called_off_only_when_the_deal_is_dropped(text: str, status: str) -> None:
    assert detect_status(text) == status


def test_chatter_telling_a_purchase_past_a_tagged_description_is_still_a_deal() -> None:
    text = "The Implications of #Hooli Acquiring #VidTube Channel #PixelWorks $HOOL"
    deal = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Hooli"), target=Party(name="PixelWorks")
    )
    chatter = Category(label="chatter", score=0.7)
    assert reported_deal(deal, chatter, text=text).is_ma
    assert not reported_deal(deal, chatter, text="#Hooli and #PixelWorks look cheap").is_ma


def test_a_recalled_deal_misread_the_other_way_round_takes_the_direction_most_stories_tell() -> (
    None
):
    registry = DealRegistry()
    right = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Hooli"), target=Party(name="Initech")
    )
    misread = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Initech"), target=Party(name="Hooli")
    )
    for k in range(4):
        registry.learn(right, f"r{k}", T0)
    for k in range(2):
        registry.learn(misread, f"m{k}", T0)
    recalled = registry.recall("Why regulators may balk at the Hooli deal", T0 + timedelta(1))
    assert recalled is not None and roles(recalled) == ("Hooli", "Initech")


def test_a_company_told_buying_more_than_bought_is_not_recalled_as_the_one_bought() -> None:
    registry = DealRegistry()
    sold = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Lenovo"), target=Party(name="Hooli")
    )
    bought = MASignal(
        is_ma=True, score=0.9, acquirer=Party(name="Hooli"), target=Party(name="Nestor")
    )
    for k in range(2):
        registry.learn(sold, f"s{k}", T0)
    for k in range(3):
        registry.learn(bought, f"b{k}", T0)
    later = T0 + timedelta(days=3)
    assert registry.recall("Hooli deal shows the risk of staff on their own devices", later) is None
    # "Hooli Acquisition Of X" is Hooli buying, never the deal where Hooli was sold from
    only_sold = DealRegistry()
    for k in range(2):
        only_sold.learn(sold, f"s{k}", T0)
    assert only_sold.recall("A Hooli Acquisition Of Tunely Would Be A Smart Move", later) is None
    assert only_sold.recall("Regulators wave through the Hooli deal", later) is not None
