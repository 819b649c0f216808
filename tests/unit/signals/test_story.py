"""Near-duplicate story keys (issue 13)."""

from __future__ import annotations

from streams.signals.story import story_key


def test_floods_with_other_tickers_and_links_share_a_story() -> None:
    a = "Acme Corp. shares on the move today https://example.com/a $ACME $FOO $BARR #ACME"
    b = "Acme Corp. shares on the move today https://example.com/zz9 $ACME $QUUX $ZAPP #ACME"
    assert story_key(a) == story_key(b)


def test_retweets_handles_numbers_case_and_punctuation_are_set_aside() -> None:
    a = "Acme to buy Widget Corp for $4.2 billion https://example.com/1"
    b = "RT @newsdesk: ACME to buy Widget Corp for $5 billion!! via @someone"
    assert story_key(a) == story_key(b)


def test_different_texts_have_different_stories() -> None:
    assert story_key("Acme to buy Widget Corp") != story_key("Widget Corp to buy Acme")


def test_bare_ticker_lists_still_get_a_deterministic_key() -> None:
    a = story_key("$ACME $FOO $BARR")
    assert a == story_key("$ACME $FOO $BARR")
    assert a != story_key("$WIDG $QUUX $ZAPP")
    assert len(a) == 16


def test_other_languages_keep_their_words() -> None:
    assert story_key("Acme kjøper Widget for 4 milliarder") != story_key(
        "Acme selger Widget for 4 milliarder"
    )
    assert story_key("Акме покупает Виджет") != story_key("Акме продает Виджет")


def test_empty_text_has_a_key() -> None:
    assert story_key("") == story_key("   ")


def test_a_feed_bots_truncated_repeat_and_trailing_tags_are_one_story() -> None:
    bot = (
        "Northwind to Raise Payouts After Vandelay Takes Stake: Northwind to Raise Pa... "
        "http://bit.ly/x $NWND #Invest #Stocks"
    )
    desk = "$NWND - Northwind to Raise Payouts After Vandelay Takes Stake http://example.com/a"
    assert story_key(bot) == story_key(desk)


def test_a_tag_that_ends_the_sentence_is_a_word() -> None:
    assert story_key("Northwind launches #Drone") != story_key("Northwind launches")
    assert story_key("Northwind launches #Drone http://x.co $NWND") == story_key(
        "Northwind launches Drone"
    )


def test_a_repeat_that_says_something_else_is_kept() -> None:
    assert story_key("Northwind buys Initech: Northwind sells Vandelay") != story_key(
        "Northwind buys Initech"
    )
