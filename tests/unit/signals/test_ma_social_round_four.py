"""M&A on social posts, fourth round (issue 13 point 3): buybacks and stock bought as a
stake or a trade, promotions and goods sold, a sale banned by a court, deals as a topic, a
dream or a strategy, penalties and denials are not deals; a partnership beside a purchase,
or the poster's "BUY" after a reported deal, no longer hides the deal.

Every post is hand-written (invented or generic companies); tokens-only Docs, no model.
"""

from __future__ import annotations

import pytest
import spacy

from streams.signals.ma import detect_ma
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text",
    [
        # a position bot whose company name holds a period
        "12,345 Shares in Globex Co. $GLBX Acquired by Elm Street Pension Trustee",
        # a sale in a legal sense
        "Globex asks judge for injunction blocking sale of certain Initech handsets",
        "Globex wins ban on sale of Initech tablets in Freedonia",
        # buybacks, investors' stock, stakes and trades
        "Globex board is allowed to buy as much as $1bn in own stock this year",
        "Jane Doe scooped up $300 million more in Globex stock during the dip",
        "Hooli's Globex stake nears 10% level requiring a review $GLBX",
        "who is selling $GLBX to buy $INTK?? strange tape",
        "HEAVY BUYING EARLY IN $GLBX $INTK today",
        "dumb trade: punt your $GLBX at lows to buy $INTK at highs",
        "$GLBX Buy Initech Now For Dividends And Steady Expansion",
        # promotions and goods sold
        "Globex's Buy One Get One Free promo now covers the Zorbex tablet $GLBX",
        "Freedonia approves $500 mln sale of cargo helicopters to Sylvania $GLBX",
        # deals as a topic, a dream, a strategy, a wave, a fund
        "my dream merger would be $GLBX buys $INTK at par",
        "Globex and its long record of failed acquisitions $GLBX",
        "Analyst calls the Hooli purchase of Initech one of the smartest deals ever $GLBX",
        "Didn't $HOOLI try the growth-by-acquisition strategy? $GLBX buys company 'abc' again",
        "Stocks rise as merger activity picks up; $GLBX leads",
        "Globex skips the latest patent acquisition fund round $GLBX",
        "Initech Shipping Acquisition Corp. stock watch http://t.co/x $INTK",
        # the poster's view, a judgement, a denial, a CV
        "We Think Initech Will Be Acquired $INTK",
        "Globex buying Initech for $30bn would make a lot of sense, says a strategist $GLBX",
        "Globex doesn't acquire a mapping startup to build cars $GLBX",
        "Initech names new chief who has overseen buyout deals worth $5B at Hooli $INTK",
        # penalties, a market or a contract taken over, other verbs
        "Initech will pay $3M for consumer-protection violations, says regulator $INTK",
        "Globex Q4: Zorbex Taking over EU from older vials $GLBX $INTK",
        "Globex takes over Initech's league sponsorship contract $GLBX",
        "Can Globex's card business pick up again next quarter? $GLBX",
        "Globex drug grabs second FDA breakthrough tag $GLBX",
        # domain names, products merged, intentions, sprees, a fund's new stake
        "Globex Grabs A Handful Of '.Shop' Domain Names On Day One $GLBX",
        "Report: Globex plans to merge its phone and desktop systems into a single OS $GLBX",
        "Globex CEO: looking to make acquisitions in security but prices are too high $GLBX",
        "$GLBX Globex: Acquisition Spree Builds A Moat http://t.co/x",
        "Acme Partners takes new Globex stake, boosts Initech holding $GLBX",
        # buybacks, ratings, consumers, history, idioms, growth by acquisitions
        "Globex Is Buying Back Stock Like Crazy $GLBX",
        "Globex Beats Q3 Estimates, Buys Back Shares $GLBX",
        "Acme Research Lowers Globex to Buy $GLBX",
        "Who Will Buy The New Globex Headset? $GLBX",
        "Back in 1999, Globex was in talks to buy Initech but walked away $GLBX",
        "Court Ruling + New Launch = Millions at Stake for Globex $GLBX",
        "Globex Betting On Acquisitions To Grow Its Cloud Arm $GLBX",
        "Globex Keeps Growing Through Investments And Acquisitions $GLBX",
        "Birch Capital lifts its $GLBX stake from 40k shares, now holds 75k",
        "Globex chief unsure whether the firm will bid for spectrum $GLBX",
        "Initech - A Cheap Options Strategy For A Possible Takeover $INTK $GLBX",
        "Sylvania to Buy Freedonian Missiles, Foreign Helicopters $GLBX",
        "Nobody Who Bought Globex Stock Really Owns Globex $GLBX",
        "Analysts: Globex can merge its modem unit with Initech $GLBX $INTK",
        "@user im sure he can arrange an all-cash buyout of $INTK with his fund",
        # spending, marketing costs, advice, M&A as a topic, sector bids, issuer tenders,
        # a person's stake, naming rights, goods deals, history after a retweet
        "RT @TriviaBot: In 1998, Globex turned down an offer to buy Initech for $2 million. Look now $INTK",
        "Globex spent $9.1 billion on chips in 2015, a filing shows $GLBX",
        '$GLBX "Reports traffic acquisition costs rose to $1.2B vs $1.0B a year ago"',
        "Globex Director Pat Roe Sells 20% of His Stake https://t.co/x $GLBX",
        "Ouch. $GLBX drop cut the value of the founder's stake by $1 billion in a day",
        "Fund to divest oil company stakes, names $GLBX",
        "Initech Acquires Naming Rights For New City Stadium $INTK",
        "$GLBX 4 Cheap Index Funds to Buy for Under $50",
        'Commented on: "A Simple Way For Savers To Buy And Hold Globex" $GLBX',
        "Globex Raises Prices, Avoids Buying New Content $GLBX",
        "What Reddit Says to Buy Initech, Read This $INTK",
        "Thinking about tech M&A, via Globex and its approach to acquisitions $GLBX",
        "M&A Watch: Zinc miners - Acquisitions signal a turn for the sector $GLBX",
        "Solid bid in the airline sector led by $GLBX. Even $INTK is green",
        "$INTK - Revised Tender Offer Statement by Issuer filed today",
        "Initech Inks $40 Billion Helicopter Deal With Sylvania $INTK",
        "Globex quietly launches a clothing brand as it tries to take over fashion retail $GLBX",
        # a case for buying, a lone takeover candidate, debt tenders, shopping days, openness
        # to deals in general, an old purchase now valued higher
        "Five Reasons: The Case For Buying Globex Now $GLBX",
        "$INTK Takeover Candidate http://t.co/x @columnist $GLBX",
        "BRIEF-Initech has no view on debt tender offer by Globex Holdings $GLBX",
        "Shoppers Go Wild As Online Buying Day Tops Last Year $GLBX $INTK",
        "Globex chief: we remain open to further acquisitions in Asia $GLBX",
        "Initech, bought by $GLBX for $2 bil, now valued at $20 bil. Doubters were wrong",
    ],
)
def test_chatter_with_deal_words_is_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partnership beside a purchase
        (
            "Globex Signs Payments Deal With Two Banks, Buys Paylane Labs",
            ("Globex", "Paylane Labs"),
        ),
        # the poster's call after a reported deal
        (
            "Initech jumps as it agrees to acquire Vandelay Cable for $3.2B. BUY $INTK now",
            ("Initech", "Vandelay Cable"),
        ),
    ],
)
def test_deal_beside_other_words_stays_a_deal(text: str, expected: tuple[str, str]) -> None:
    signal = detect_ma(NLP(text))
    assert signal.is_ma
    assert roles(signal) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Regulators block sale of Globex unit to Initech",
        "Globex completes sale of its frozen foods unit to Initech for $2bn",
        "Globex to buy Initech for $2 billion $GLBX",
        "$GLBX Buys Initech For $2 Billion",
        "Globex and Initech agree to merge into a single company worth $40bn",
        "Globex moves to buy Initech for $3bn",
        "Globex to buy Initech's helicopters unit for $1bn",
        "Globex to sell its power unit to Initech for $1bn",
        "Globex agrees gas deal with Initech, buys Vandelay Energy for $2bn",
        # an activist's stake is a strategic stake, not a trade
        "Activist Jane Roe buys into Initech, raises her stake in Globex",
        # a raised offer is no analyst rating
        "Globex raises offer to buy Initech to $5 billion $GLBX",
        "Globex launches tender offer for Initech shares at $20 each",
    ],
)
def test_deals_stay_deals(text: str) -> None:
    assert detect_ma(NLP(text)).is_ma
