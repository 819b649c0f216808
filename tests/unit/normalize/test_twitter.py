import json

import pytest

from streams.errors import InvalidPostError
from streams.normalize import parse_post

LIMITS = {"max_message_bytes": 100_000, "max_text_chars": 5_000}


def _status(**over: object) -> dict[str, object]:
    status: dict[str, object] = {
        "id": 1200000000000000001,
        "id_str": "1200000000000000001",
        "created_at": "Tue Mar 03 09:15:00 +0000 2026",
        "text": "RT @chipdesk: Nvidia shares up after the keynote",
        "lang": "en",
        "retweet_count": 0,
        "favorite_count": 0,
        "user": {
            "screen_name": "quantquinn",
            "name": "Quinn",
            "followers_count": 2100,
            "friends_count": 300,
            "listed_count": 4,
            "verified": False,
        },
        "retweeted_status": {
            "id_str": "1199999999999999999",
            "retweet_count": 120,
            "favorite_count": 45,
            "user": {"screen_name": "chipdesk", "followers_count": 77000, "listed_count": 900},
        },
    }
    status.update(over)
    return status


def test_raw_twitter_v1_status_becomes_a_post() -> None:
    post = parse_post(json.dumps(_status()).encode(), **LIMITS)
    assert post.id == "1200000000000000001" and post.source == "twitter"
    assert (
        post.created_at is not None and post.created_at.isoformat() == "2026-03-03T09:15:00+00:00"
    )
    assert post.author is not None and post.author.handle == "quantquinn"
    assert post.author.followers == 2100 and post.author.listed == 4
    assert post.url == "https://twitter.com/quantquinn/status/1200000000000000001"
    assert post.lang == "en"
    assert post.repost_of is not None and post.repost_of.id == "1199999999999999999"
    assert post.repost_of.author is not None and post.repost_of.author.handle == "chipdesk"
    assert post.repost_of.engagement is not None and post.repost_of.engagement.reposts == 120


def test_extended_tweet_full_text_is_preferred() -> None:
    status = _status(extended_tweet={"full_text": "the whole long text"}, lang="und")
    post = parse_post(json.dumps(status).encode(), **LIMITS)
    assert post.text == "the whole long text"
    assert post.lang is None


def test_html_entities_are_decoded_so_offsets_refer_to_the_real_text() -> None:
    status = _status(text="AT&amp;T &lt;3 Verizon &gt; T-Mobile, &amp;amp; stays escaped once")
    del status["retweeted_status"]
    post = parse_post(json.dumps(status).encode(), **LIMITS)
    assert post.text == "AT&T <3 Verizon > T-Mobile, &amp; stays escaped once"


def test_retweet_is_enriched_on_the_originals_whole_text() -> None:
    status = _status(
        text="RT @chipdesk: Nvidia agrees to buy Arm for $40 billion in a deal th\u2026"
    )
    status["retweeted_status"]["text"] = (  # type: ignore[index]
        "Nvidia agrees to buy Arm for $40 billion in a deal that reshapes chips &amp; phones"
    )
    post = parse_post(json.dumps(status).encode(), **LIMITS)
    assert post.text == (
        "RT @chipdesk: Nvidia agrees to buy Arm for $40 billion in a deal that reshapes"
        " chips & phones"
    )


def test_retweet_of_an_extended_tweet_uses_the_originals_full_text() -> None:
    status = _status()
    status["retweeted_status"]["extended_tweet"] = {  # type: ignore[index]
        "full_text": "Nvidia shares up after the keynote, and more that did not fit"
    }
    post = parse_post(json.dumps(status).encode(), **LIMITS)
    assert post.text.endswith("and more that did not fit")


def test_retweet_carries_no_engagement_of_its_own() -> None:
    # v1.1 copies the original's counts onto the retweet; they belong to the original.
    post = parse_post(json.dumps(_status(retweet_count=120)).encode(), **LIMITS)
    assert post.engagement is None
    assert post.repost_of is not None and post.repost_of.engagement is not None
    assert post.repost_of.engagement.reposts == 120


def test_tco_links_are_replaced_by_their_expanded_urls() -> None:
    status = _status(
        text="Keynote recap https://t.co/AbC123 and https://t.co/AbC123",
        entities={
            "urls": [
                {
                    "url": "https://t.co/AbC123",
                    "expanded_url": "https://news.example.com/keynote?a=1&b=2",
                    "indices": [14, 33],
                }
            ]
        },
    )
    del status["retweeted_status"]
    post = parse_post(json.dumps(status).encode(), **LIMITS)
    expanded = "https://news.example.com/keynote?a=1&b=2"
    assert post.text == f"Keynote recap {expanded} and {expanded}"


def test_extended_tweet_links_are_expanded_from_its_own_entities() -> None:
    status = _status(
        text="cut https://t.co/short",
        extended_tweet={
            "full_text": "whole text https://t.co/long",
            "entities": {"urls": [{"url": "https://t.co/long", "expanded_url": "https://a.io/x"}]},
        },
    )
    del status["retweeted_status"]
    assert parse_post(json.dumps(status).encode(), **LIMITS).text == "whole text https://a.io/x"


def test_iso_created_at_is_accepted_in_a_twitter_object() -> None:
    post = parse_post(
        json.dumps(_status(created_at="2026-03-03T10:15:00+01:00")).encode(), **LIMITS
    )
    assert post.created_at is not None
    assert post.created_at.isoformat() == "2026-03-03T09:15:00+00:00"


def test_unreadable_twitter_created_at_is_refused_by_name() -> None:
    with pytest.raises(InvalidPostError) as info:
        parse_post(json.dumps(_status(created_at="2026-03-03T09:15:00")).encode(), **LIMITS)
    assert info.value.reason == "unknown_shape" and "created_at" in info.value.message


def test_a_negative_count_is_unknown_not_a_refused_post() -> None:
    # Real v1.1 data has "friends_count": -2; the post is kept, the count unknown.
    user = {"screen_name": "quantquinn", "followers_count": 10, "friends_count": -2}
    post = parse_post(json.dumps(_status(user=user)).encode(), **LIMITS)
    assert post.author is not None
    assert post.author.following is None
    assert post.author.followers == 10


def test_mentioned_accounts_keep_their_display_names() -> None:
    status = _status(
        text="RT @chipdesk: thanks @Northwind_Inc and @MariaF",
        entities={"user_mentions": [{"screen_name": "chipdesk", "name": "Chip Desk"}]},
    )
    status["retweeted_status"]["entities"] = {  # type: ignore[index]
        "user_mentions": [
            {"screen_name": "Northwind_Inc", "name": "Northwind Traders Inc."},
            {"screen_name": "MariaF", "name": "Maria Fernandez"},
            {"screen_name": "noname"},
        ]
    }
    post = parse_post(json.dumps(status).encode(), **LIMITS)
    assert [(a.handle, a.name) for a in post.mentioned_accounts] == [
        ("chipdesk", "Chip Desk"),
        ("Northwind_Inc", "Northwind Traders Inc."),
        ("MariaF", "Maria Fernandez"),
    ]


def test_a_status_without_mentions_has_none() -> None:
    status = _status()
    del status["retweeted_status"]
    assert parse_post(json.dumps(status).encode(), **LIMITS).mentioned_accounts == ()


def test_an_authors_bio_is_kept_and_an_empty_one_is_none() -> None:
    status = _status()
    status["user"]["description"] = "Chip analyst. Views are my own."  # type: ignore[index]
    post = parse_post(json.dumps(status).encode(), **LIMITS)
    assert post.author is not None and post.author.description == "Chip analyst. Views are my own."
    assert post.repost_of is not None and post.repost_of.author is not None
    assert post.repost_of.author.description is None


def test_a_bio_that_is_not_text_is_no_bio_and_the_post_is_kept() -> None:
    status = _status()
    status["user"]["description"] = 42  # type: ignore[index]
    post = parse_post(json.dumps(status).encode(), **LIMITS)
    assert post.author is not None and post.author.description is None
