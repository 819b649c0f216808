import json

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
