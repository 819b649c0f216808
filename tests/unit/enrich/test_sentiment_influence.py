import pytest

from models.post import Author, Engagement, Post, RepostOf
from streams.enrich.influence import influence_of, post_influence, repost_author
from streams.enrich.sentiment import SentimentScorer


def test_sentiment_labels_social_and_market_text() -> None:
    scorer = SentimentScorer()
    assert scorer.score("Great quarter for Costco :)").label == "positive"
    assert scorer.score("Shares plunged after the outage").label == "negative"
    assert scorer.score("The meeting is on Tuesday").label == "neutral"
    assert -1.0 <= scorer.score("worst. launch. ever.").score < 0


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Globex crushed earnings again as cloud sales climbed", "positive"),
        ("Initech misses estimates, shares tank after hours", "negative"),
        ("Shares of Hooli fell 8% on weak guidance", "negative"),
        ("Hooli shares rose 5% after the launch", "positive"),
        ("Globex recalls 2 million cars", "negative"),
        ("Initech fined $5m by the regulator", "negative"),
        ("Very bearish on $HOOL, shorting here", "negative"),
        ("Globex raises interest in its credit unit", "neutral"),
    ],
)
def test_market_words_and_phrases(text: str, label: str) -> None:
    assert SentimentScorer().score(text).label == label


def test_influence_grows_with_reach_authority_and_engagement() -> None:
    small = influence_of(Author(followers=20), None).score
    big = influence_of(Author(followers=200_000), None).score
    listed = influence_of(Author(followers=200_000, listed=5_000), None).score
    verified = influence_of(Author(followers=200_000, listed=5_000, verified=True), None).score
    engaged = influence_of(
        Author(followers=200_000, listed=5_000, verified=True), Engagement(likes=900, reposts=300)
    ).score
    assert 0 <= small < big < listed < verified < engaged <= 100
    assert influence_of(None, None).score == 0


def test_a_repost_credits_engagement_to_the_original_author() -> None:
    original = Author(handle="orig", followers=50_000)
    post = Post(
        id="1",
        text="RT something",
        author=Author(handle="fan", followers=10),
        engagement=Engagement(reposts=500),
        repost_of=RepostOf(id="0", author=original, engagement=Engagement(reposts=500)),
    )
    assert post_influence(post).engagement == 0
    credited = repost_author(post)
    assert credited is not None
    assert credited[0].handle == "orig" and credited[1].engagement == 500
