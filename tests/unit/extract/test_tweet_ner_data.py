"""CoNLL -> post text and gold offsets, and the span merge (hand-written tweets only)."""

from pathlib import Path

from models.ner_tweets.conll import BTC_LABELS, WNUT17_LABELS, read_conll, tweet_from_tokens
from models.ner_tweets.merge import merge_spans


def _entities(text: str, spans: tuple[tuple[int, int, str], ...]) -> list[tuple[str, str]]:
    return [(text[start:end], label) for start, end, label in spans]


def test_lone_at_is_glued_and_a_labelled_handle_is_one_entity() -> None:
    tokens = [
        ("thanks", "O"),
        ("@", "B-ORG"),
        ("AcmeWidgets", "B-ORG"),
        ("and", "O"),
        ("@", "O"),
        ("jane_roe", "B-PER"),
        ("#", "O"),
        ("launch", "O"),
    ]
    tweet = tweet_from_tokens("t1", tokens, BTC_LABELS)
    assert tweet.text == "thanks @AcmeWidgets and @jane_roe #launch"
    assert _entities(tweet.text, tweet.spans) == [("@AcmeWidgets", "ORG"), ("@jane_roe", "PERSON")]


def test_multi_token_entities_and_wnut_groups_count_as_org() -> None:
    tokens = [
        ("Mary", "B-person"),
        ("Ann", "I-person"),
        ("saw", "O"),
        ("The", "B-group"),
        ("Quiet", "I-group"),
        ("Owls", "I-group"),
        ("on", "O"),
        ("her", "O"),
        ("Zphone", "B-product"),
    ]
    tweet = tweet_from_tokens("t2", tokens, WNUT17_LABELS)
    assert _entities(tweet.text, tweet.spans) == [("Mary Ann", "PERSON"), ("The Quiet Owls", "ORG")]


def test_read_conll_splits_tweets_on_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conll"
    path.write_text("hi\tO\nBob\tB-PER\n\n@\tO\nfoo\tO\n", encoding="utf-8")
    tweets = list(read_conll(path, BTC_LABELS))
    assert [t.text for t in tweets] == ["hi Bob", "@foo"]
    assert tweets[0].spans == ((3, 6, "PERSON"),)
    assert tweets[1].handles == ((0, 4),)


def test_tweet_model_wins_org_person_and_other_labels_are_kept() -> None:
    base = [(0, 4, "ORG"), (10, 15, "GPE"), (20, 25, "PERSON"), (30, 35, "MONEY")]
    tweet = [(0, 6, "PERSON"), (30, 35, "ORG"), (40, 44, "LOC")]
    assert merge_spans(base, tweet) == [(0, 6, "PERSON"), (10, 15, "GPE"), (30, 35, "ORG")]
    assert (20, 25, "PERSON") in merge_spans(base, tweet, fill=True)
