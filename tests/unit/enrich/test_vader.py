import random
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from streams.enrich.sentiment import FINANCE_LEXICON, MAX_WORDS, SentimentScorer
from streams.enrich.vader import linear_vader

WORDS = [
    "good",
    "bad",
    "great",
    "not",
    "never",
    "so",
    "this",
    "without",
    "doubt",
    "kind",
    "of",
    "sort",
    "the",
    "stock",
    "but",
    "BUT",
    "no",
    "nor",
    "or",
    "least",
    "at",
    "very",
    "really",
    "GREAT",
    "terrible",
    "love",
    "hate",
    ":)",
    ":(",
    "!",
    "?",
    "😀",
    "😡",
    "🚀",
    "sad",
    "face",
    "happy",
    "yeah",
    "the",
    "bomb",
    "cut",
    "the",
    "mustard",
    "kiss",
    "of",
    "death",
    "hand",
    "to",
    "mouth",
    "barely",
]


def test_linear_vader_scores_exactly_like_the_stock_one() -> None:
    rng = random.Random(12)
    stock, linear = SentimentIntensityAnalyzer(), linear_vader()
    for _ in range(400):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 60)))
        assert linear.polarity_scores(text) == stock.polarity_scores(text), text


def test_ten_thousand_emoji_are_scored_in_linear_time() -> None:
    # issue 12: the stock analyzer took 42 s on one post of 10,010 emoji
    scorer = SentimentScorer()
    started = time.monotonic()
    for text in ("😀" * 10_010, "but " + "😀" * 10_010, "sad face not good " * 1_100):
        scorer.score(text)
    assert time.monotonic() - started < 5.0


def test_the_scorer_reads_emoji_like_vader_and_cuts_only_past_max_words() -> None:
    rng = random.Random(7)
    stock = SentimentIntensityAnalyzer()
    stock.lexicon.update(FINANCE_LEXICON)
    scorer = SentimentScorer()
    for _ in range(200):
        text = "".join(rng.choice([*WORDS, " ", " ", "x"]) for _ in range(rng.randint(0, 80)))
        expected = round(float(stock.polarity_scores(text)["compound"]), 4)
        assert scorer.score(text).score == expected, text
    # past MAX_WORDS the tail is not read: sad words there change nothing
    long_text = "great " * MAX_WORDS + "terrible awful " * 500
    assert scorer.score(long_text) == scorer.score("great " * MAX_WORDS)
