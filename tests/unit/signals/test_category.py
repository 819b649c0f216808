"""The category classifier on hand-written posts, one family at a time (issue 13)."""

from __future__ import annotations

import pytest

from models.enriched import Entity
from models.post import Author
from models.signals import ExecMove, MASignal, Party
from streams.signals.category import classify

SPAM = [
    # pump and penny-stock promotion
    "Our last pick ran 700% in three weeks! Next huge runner drops tomorrow, get it early: "
    "https://example.com/p $ACME $WIDG",
    "FREE penny stock alerts straight to your phone, sign up now https://example.com/a $ZZZT",
    "This little $BLIP will explode next week, don't miss the ride https://example.com/x",
    # cashtag-stuffed ticker list
    "$ACME $WIDG $FOO $BARR $QUUX $ZAPP #stocks",
    "Hot list today $ACME $WIDG $FOO $BARR $QUUX https://example.com/l",
    # market-data bot template
    "WIDG Widget Holdings Inc. Bid Size https://example.com/q  $WIDG $ACME $FOO $BARR "
    "#WIDG #stocks #finance",
    # ad / newsletter
    "Should you buy, sell or hold $ACME $WIDG $FOO? Try this https://example.com/n #newsletter",
    "Best trading newsletter around, join our room today https://example.com/j $ACME",
    # link bait
    "You won't believe what this stock will do next https://example.com/b $ACME $WIDG $FOO",
]

CHATTER = [
    # price talk
    "$ACME looking strong into the close, holding $42.50 nicely",
    "$WIDG down 6% today, ugly candle",
    # options
    "Loaded up on $ACME Jan 50 calls at 1.20",
    "Heavy put volume in $WIDG weeklys, someone expects a drop",
    # technical analysis
    "$ACME breakout above resistance at 98, next stop 105",
    "$WIDG bounced off the 200-day moving average again, bullish",
    # personal trade
    "I bought 200 shares of $ACME this morning, long and staying long",
    "Sold my $WIDG position today, took profits",
    # analyst ratings and earnings previews
    "Acme upgraded to overweight at Big Bank, price target $130 $ACME",
    "Earnings preview: will $WIDG beat estimates on Thursday?",
    # funds changing positions
    "Northwind Capital Management LLC has $3,400,000 stake in Acme Corp $ACME",
    "Acme Corp $ACME shares sold by Contoso Wealth Advisors",
]

NEWS = [
    # product launch
    "Acme unveils its first folding phone, on sale next month $ACME https://example.com/1",
    # results
    "Widget Corp reports record quarterly revenue, beats estimates on strong cloud sales $WIDG",
    # deal
    "Acme to buy Widget Corp for $4.2 billion in cash https://example.com/2 $ACME $WIDG",
    # lawsuit
    "Widget Corp sues Acme over smartphone patent infringement $WIDG $ACME",
    # executive move
    "Acme names Dana Reyes as chief executive officer, effective May 1 $ACME",
    "Widget Corp CFO Sam Ortiz steps down after nine years $WIDG",
    # regulation
    "FDA approval for Contoso Pharma's new asthma drug sends shares higher $CTSO",
    # partnership
    "Acme partners with Northwind to bring payments to its app $ACME",
    # layoffs
    "Widget Corp to cut 1,200 jobs in restructuring https://example.com/3 $WIDG",
]


@pytest.mark.parametrize("text", SPAM)
def test_promotion_ticker_lists_ads_and_link_bait_are_spam(text: str) -> None:
    assert classify(text).label == "spam"


@pytest.mark.parametrize("text", CHATTER)
def test_price_talk_options_ta_trades_ratings_and_positions_are_chatter(text: str) -> None:
    assert classify(text).label == "chatter"


@pytest.mark.parametrize("text", NEWS)
def test_company_events_are_news(text: str) -> None:
    category = classify(text)
    assert category.label == "news"
    assert category.signal >= 0.4


def test_retweet_of_news_is_news_and_names_the_source() -> None:
    text = "RT @Reuters: Acme agrees to acquire Widget Corp for $3 billion https://example.com/r"
    plain = classify(text.removeprefix("RT @Reuters: "))
    retweet = classify(text)
    assert retweet.label == plain.label == "news"
    assert retweet.signal >= plain.signal  # the newsroom adds evidence


def test_retweet_prefix_does_not_change_chatter() -> None:
    text = "bought more $ACME calls into the close"
    assert classify("RT @trader_joe: " + text).label == classify(text).label == "chatter"


def test_news_wrapped_in_promotion_is_spam() -> None:
    text = (
        "Acme to buy Widget Corp for $4.2 billion! Get our FREE stock alerts before the next "
        "deal, sign up https://example.com/s $ACME $WIDG"
    )
    assert classify(text).label == "spam"


def test_a_fund_adding_shares_is_not_news_even_when_flagged_as_a_deal() -> None:
    text = "Contoso Asset Management boosts stake in Acme Corp by 4% $ACME"
    flagged = MASignal(is_ma=True, score=0.7, acquirer=Party(name="Contoso"), target=None)
    assert classify(text, ma=flagged).label == "chatter"


def test_tv_appearance_of_a_ceo_is_not_news() -> None:
    text = "Acme CEO Dana Reyes joins us live on the show, coming up at 10 $ACME"
    assert classify(text).label != "news"


def test_detected_move_is_news_evidence_beside_the_organisation_named() -> None:
    text = "Dana Reyes heads to Widget Corp to run its cloud unit"
    move = ExecMove(person="Dana Reyes", organisation="Widget Corp", direction="joins", cue="x")
    org = Entity(text="Widget Corp", label="ORG", start=19, end=30, source="ner")
    assert classify(text, entities=[org]).label != "news"
    assert classify(text, entities=[org], moves=[move]).label == "news"


def test_a_newsroom_author_strengthens_the_signal() -> None:
    text = "Widget Corp recalls 40,000 heaters over fire risk"
    desk = Author(handle="Reuters", verified=True)
    assert classify(text, author=desk).signal > classify(text).signal


def test_plain_talk_without_a_company_is_other() -> None:
    category = classify("What a game last night, still can't believe that ending")
    assert category.label == "other"


def test_non_english_ticker_list_is_spam_and_plain_text_is_other() -> None:
    assert classify("Aksjer å kjøpe nå $ACME $WIDG $FOO $BARR $QUUX").label == "spam"
    other = classify("Fint vær i Bergen i dag")
    assert other.label == "other"


def test_scores_are_probabilities() -> None:
    for text in SPAM + CHATTER + NEWS:
        category = classify(text)
        assert 0.0 <= category.score <= 1.0
        assert 0.0 <= category.signal <= 1.0


def test_headline_followed_by_the_tickers_it_concerns_is_not_a_ticker_list() -> None:
    text = (
        "Why cloud spending keeps rising across the big software names this year "
        "https://example.com/c $ACME $WIDG $FOO $BARR"
    )
    assert classify(text).label != "spam"


def test_call_to_action_over_a_ticker_list_is_spam() -> None:
    assert classify("Get the latest on $ACME $WIDG Visit https://example.com/v").label == ("spam")
    assert classify("Seeking the next stock like $ACME $WIDG https://example.com/v").label == (
        "spam"
    )


def test_takeover_speculation_is_not_news_even_when_flagged_as_a_deal() -> None:
    flagged = MASignal(is_ma=True, score=0.8, acquirer=Party(name="Acme"))
    for text in (
        "Could Acme buy Widget Corp next? Would make a lot of sense $ACME $WIDG",
        "Why Acme should acquire Widget Corp https://example.com/w $ACME",
    ):
        assert classify(text, ma=flagged).label != "news", text


# Company-event language the first round missed, one family per post (issue 13 point 2).
NEWS_FAMILIES = [
    # agreements reached (hyphenated terms between the verb and the noun)
    "Northwind and Contoso reach long-term supply agreement https://example.com/4",
    # an executive taking charge, a banker returning from a rival
    "Dana Reyes takes charge of Widget Corp's struggling chip unit $WIDG",
    "Sam Ortiz returning to Contoso Bank from Northwind Capital https://example.com/5",
    # court orders sought, suits filed
    "Acme seeks order blocking US sales of two Widget tablets $ACME https://example.com/6",
    # data breaches
    "Hackers breached Acme's payment system, card numbers exposed $ACME",
    # trial read-outs and approvals
    "Contoso Pharma asthma pill shows positive topline data $CTSO https://example.com/7",
    # a deal near
    "Acme nears purchase of Widget Corp's mapping arm https://example.com/8",
    # an executive's statement in headline form
    "Widget Corp CFO: supply problems are behind us, factories back at full speed $WIDG",
    # orders and rights won
    "Northwind Air lands order for 40 jets from Contoso Aerospace https://example.com/9",
    "Acme grabs rights to stream the Widget film library $ACME",
    # alliances
    "Acme and Northwind join forces on self-driving delivery vans $ACME https://example.com/a",
]


@pytest.mark.parametrize("text", NEWS_FAMILIES)
def test_more_company_event_families_are_news(text: str) -> None:
    assert classify(text).label == "news", text


@pytest.mark.parametrize(
    "text",
    [
        "Pancakes for dinner tonight, the kids finally ate something $ACME",
        "Happy birthday to my sister, who still carries her old $WIDG flip phone",
        "Rain all weekend again, the garden is a swamp $ACME",
    ],
)
def test_a_cashtag_with_nothing_about_the_stock_is_other(text: str) -> None:
    assert classify(text).label == "other", text


@pytest.mark.parametrize(
    "text",
    [
        "$ACME holding 41.5 nicely, next stop 45",
        "Get your $ACME under 100 while you can",
    ],
)
def test_talk_about_the_stock_itself_stays_chatter(text: str) -> None:
    assert classify(text).label == "chatter", text


FLAGGED = MASignal(is_ma=True, score=0.7, acquirer=Party(name="Acme"))


@pytest.mark.parametrize(
    "text",
    [
        # an attempt, not an offer
        "$ACME Police bid to find the owner of a lost tablet by asking online",
        # a survey, not a purchase
        "Acme: Drop in US Buying Intent to Turn with Next Phone, Says Survey $ACME",
        # the poster doubts the story
        "Heard the Acme takeover story again, I suspect it is false $ACME $WIDG",
    ],
)
def test_a_flagged_deal_without_a_stated_event_is_not_news(text: str) -> None:
    assert classify(text, ma=FLAGGED).label != "news", text


def test_a_strong_deal_reading_alone_is_news() -> None:
    text = "Acme lands Widget Corp in $3 billion cash tie https://example.com/b"
    strong = MASignal(is_ma=True, score=0.9, acquirer=Party(name="Acme"))
    assert classify(text, ma=strong).label == "news"


def test_layoffs_used_as_a_comparison_are_not_news_even_when_flagged_as_a_move() -> None:
    text = "current Contoso layoffs equal to two Northwinds; yearly layoffs equal to one Acme"
    move = ExecMove(person=None, organisation="Contoso", direction="leaves", cue="layoffs")
    assert classify(text, moves=[move]).label != "news"


@pytest.mark.parametrize(
    "text",
    [
        "Analyst: Buy Acme Before the Folding Phone Launches https://example.com/c $ACME",
        "Come September, Acme launches a folding tablet with a pen $ACME $WIDG",
    ],
)
def test_timing_advice_and_imagined_launches_are_not_news(text: str) -> None:
    start = text.index("Acme")
    org = Entity(text="Acme", label="ORG", start=start, end=start + 4, source="ner")
    assert classify(text, entities=[org]).label != "news", text


def test_a_guess_the_deal_reader_set_aside_is_not_news() -> None:
    # a newsroom's headline on what everyone guesses: the M&A reader found no deal in it
    text = "RT @businessinsider: Why everyone suddenly thinks Acme will acquire Widget Corp $ACME"
    author = Author(handle="businessinsider")
    start = text.index("Acme")
    orgs = [
        Entity(text="Acme", label="ORG", start=start, end=start + 4, source="tweet_ner"),
    ]
    nothing = MASignal(is_ma=False, score=0.0)
    assert classify(text, author=author, entities=orgs, ma=nothing).label != "news"
    # the same words when the reader did find a deal still weigh as one
    deal = MASignal(is_ma=True, score=0.9, acquirer=Party(name="Acme"), target=Party(name="W"))
    plain = "RT @businessinsider: Acme will acquire Widget Corp, sources say $ACME"
    assert classify(plain, author=author, ma=deal).label == "news"


def test_other_deal_words_beside_speculation_still_weigh() -> None:
    # an IPO is no M&A deal, and "could" is no guess about one
    text = (
        "RT @newissuewatch: Acme files for an IPO; the listing could value it near $4 billion $ACME"
    )
    start = text.index("Acme")
    orgs = [Entity(text="Acme", label="ORG", start=start, end=start + 4, source="tweet_ner")]
    nothing = MASignal(is_ma=False, score=0.0)
    assert classify(text, entities=orgs, ma=nothing).label == "news"


@pytest.mark.parametrize(
    "text",
    [
        "CTSO Contoso Ltd. Quotes https://example.com/q $CTSO $WIDG $BID $BID #CTSO #markets",
        "WIDG Widget Corp. Day Low https://example.com/q $WIDG $BARR $ACME #WIDG #trading",
        "ACME Acme Corp. 52Wk High https://example.com/q $ACME $WIDG $FOO #ACME #stocks",
        "ACME Acme Corp. Prev Close https://example.com/q $ACME $WIDG $FOO #ACME #invest",
    ],
)
def test_market_data_bot_fields_are_spam(text: str) -> None:
    assert classify(text).label == "spam"


@pytest.mark.parametrize(
    "text",
    [
        "Honestly the #Acme checkout outage was a nightmare for every #retailer $ACME",
        "The Acme Watch launch was a total mess $ACME",
    ],
)
def test_a_verdict_on_an_event_is_chatter(text: str) -> None:
    assert classify(text).label == "chatter", text


def test_an_outage_reported_is_still_news() -> None:
    # guard: the same event told without a verdict
    text = "Acme cloud outage hits thousands of businesses across Europe $ACME"
    start = text.index("Acme")
    org = Entity(text="Acme", label="ORG", start=start, end=start + 4, source="ner")
    assert classify(text, entities=[org]).label == "news"
