"""bench.eval_ner scoring: per data set, micro, non-handle spans and the issue-14 targets."""

from bench.eval_ner import Counts, non_handle, summary, tally, target
from models.ner_tweets.conll import Tweet


def _tweet(text: str, *spans: tuple[str, str]) -> Tweet:
    return Tweet(
        id=text,
        text=text,
        spans=tuple((text.index(s), text.index(s) + len(s), label) for s, label in spans),
    )


SETS = {
    "btc.dev": [
        _tweet("thanks @AcmeCorp and Jane Roe", ("@AcmeCorp", "ORG"), ("Jane Roe", "PERSON"))
    ],
    "wnut17.dev": [_tweet("Globex rocks", ("Globex", "ORG"))],
}


def test_tally_counts_each_data_set_and_micro() -> None:
    pred = [[(7, 16, "PERSON"), (21, 29, "PERSON")], [(0, 6, "ORG")]]
    results = tally({"sys": pred}, SETS)["sys"]
    assert (results["btc.dev"]["ORG"].tp, results["btc.dev"]["ORG"].fn) == (0, 1)
    assert (results["btc.dev"]["PERSON"].tp, results["btc.dev"]["PERSON"].fp) == (1, 1)
    assert results["wnut17.dev"]["ORG"].f1 == 1.0
    assert (results["micro"]["ORG"].tp, results["micro"]["ORG"].fn) == (1, 1)


def test_non_handle_scores_leave_handles_out_of_gold_and_predictions() -> None:
    pred = [[(7, 16, "PERSON"), (21, 29, "PERSON")], []]
    words = tally({"sys": pred}, SETS, handles=False)["sys"]["btc.dev"]
    assert (words["ORG"].tp, words["ORG"].fn) == (0, 0)
    assert (words["PERSON"].tp, words["PERSON"].fp) == (1, 0)
    assert non_handle([(0, 4, "ORG"), (5, 14, "ORG")], "Acme @AcmeCorp") == [(0, 4, "ORG")]


def test_targets_are_per_dev_set() -> None:
    assert (target("btc.dev", "ORG"), target("btc.dev", "PERSON")) == (0.50, 0.80)
    assert (target("wnut17.dev", "ORG"), target("wnut17.dev", "PERSON")) == (0.30, 0.55)
    assert target("micro", "ORG") is None
    assert target("btc.heldout", "ORG") is None


def test_summary_has_a_row_per_system_and_the_targets() -> None:
    one = {"ORG": Counts(tp=1), "PERSON": Counts(fn=1)}
    table = summary({"a": {"btc.dev": one, "micro": one}, "b": {"btc.dev": one, "micro": one}})
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["F1", "btc.dev", "ORG"]
    assert [line.split()[0] for line in lines[1:]] == ["a", "b", "target"]
    assert lines[1].split()[1:] == ["1.000", "0.000", "1.000", "0.000"]
