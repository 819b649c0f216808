"""The news NER evaluation's scoring and set reading, on hand-written sentences (no data)."""

import gzip
import json
from pathlib import Path

import pytest

from bench.eval_news_ner import Counts, load_labelled, score, tabulate, trim
from bench.news_ner.corpus import clean, digest, split_spans

TEXT = "Acme Widgets Inc said it agreed to buy Bolt Labs from Jane Doe in Ohio."
ACME = (0, 16, "ORG")
BOLT = (39, 48, "ORG")
JANE = (54, 62, "PERSON")
OHIO = (66, 70, "GPE")


def test_spans_point_at_the_names() -> None:
    assert [TEXT[s:e] for s, e, _ in (ACME, BOLT, JANE, OHIO)] == [
        "Acme Widgets Inc",
        "Bolt Labs",
        "Jane Doe",
        "Ohio",
    ]


def test_exact_match_counts_per_label_and_micro() -> None:
    gold = [[ACME, BOLT, JANE, OHIO]]
    pred = [
        [
            ACME,  # right
            (39, 48, "PERSON"),  # right span, wrong label: a PERSON fp and an ORG fn
            (54, 58, "PERSON"),  # "Jane" alone: a boundary error is a fp and a fn
            OHIO,
            (71, 72, "DATE"),  # other labels are ignored
        ]
    ]
    counts = score(gold, pred)
    assert (counts["ORG"].tp, counts["ORG"].fp, counts["ORG"].fn) == (1, 0, 1)
    assert (counts["PERSON"].tp, counts["PERSON"].fp, counts["PERSON"].fn) == (0, 2, 1)
    assert (counts["GPE"].tp, counts["GPE"].fp, counts["GPE"].fn) == (1, 0, 0)
    micro = counts["micro"]
    assert (micro.tp, micro.fp, micro.fn) == (2, 2, 2)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(0.5)
    assert micro.f1 == pytest.approx(0.5)


def test_a_duplicate_prediction_counts_once() -> None:
    # The enricher may report one span from NER and from the watch list.
    counts = score([[ACME]], [[ACME, ACME]])
    assert (counts["ORG"].tp, counts["ORG"].fp) == (1, 0)


def test_empty_sets_score_zero_not_an_error() -> None:
    counts = score([[]], [[]])
    assert counts["micro"].f1 == 0.0
    assert Counts(tp=0, fp=3).precision == 0.0


def test_trim_forgives_the_article_possessive_and_ticker_brackets() -> None:
    text = "The Federal Reserve's view, said <Acme Corp>, and the Fed."
    fed = (0, 21, "ORG")  # "The Federal Reserve's"
    acme = (33, 44, "ORG")  # "<Acme Corp>"
    assert text[slice(*trim(text, fed)[:2])] == "Federal Reserve"
    assert text[slice(*trim(text, acme)[:2])] == "Acme Corp"
    the = (50, 53, "ORG")  # a span that would vanish is kept
    assert trim(text, the) == the


def test_tabulate_splits_by_source_and_trims_both_sides() -> None:
    from bench.news_ner.corpus import Sentence

    a = Sentence("d1@0", "reuters", "d1", 0, 30, "the Bank of Nowhere raised rates")
    b = Sentence("c1@0", "crunchbase", "c1", 0, 20, "Acme buys Bolt Labs")
    labelled = [(a, [(4, 19, "ORG")]), (b, [(0, 4, "ORG"), (10, 19, "ORG")])]
    runs = {"sys": [[(0, 19, "ORG")], [(0, 4, "ORG")]]}
    exact, trimmed = tabulate(labelled, runs)
    assert exact["sys"]["reuters"]["ORG"].tp == 0
    assert trimmed["sys"]["reuters"]["ORG"].tp == 1
    assert exact["sys"]["crunchbase"]["ORG"].tp == 1
    assert exact["sys"]["crunchbase"]["ORG"].fn == 1
    assert exact["sys"]["all"]["micro"].tp == 1


def test_split_spans_skips_the_headline_and_keeps_company_stops() -> None:
    doc = (
        "ACME BUYS BOLT\n\nAcme Corp said it bought Bolt Labs Inc. from\nthe U.S. unit of"
        " Zed Ltd. The price was not\ndisclosed.\n    Mr. Smith said so.\n Reuter"
    )
    sentences = [clean(doc[s:e]) for s, e in split_spans(doc)]
    assert sentences[:3] == [
        "Acme Corp said it bought Bolt Labs Inc. from the U.S. unit of Zed Ltd.",
        "The price was not disclosed.",
        "Mr. Smith said so.",
    ]


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)


def test_load_labelled_reads_texts_and_rejects_a_changed_one(tmp_path: Path) -> None:
    data, folder = tmp_path / "data", tmp_path / "set"
    (data / "reuters21578").mkdir(parents=True)
    (data / "crunchbase_acquisitions").mkdir()
    folder.mkdir()
    doc = "HEAD\n\nAcme Corp said it\nbought Bolt Labs."
    _write(data / "reuters21578/modapte_train.jsonl.gz", [{"id": "r-1", "text": doc}])
    _write(data / "crunchbase_acquisitions/dev.jsonl", [{"id": "c-1", "text": "Acme buys Bolt"}])
    sentence = clean(doc[6:])
    candidates = [
        {"id": "r-1@6", "source": "reuters", "doc": "r-1", "start": 6, "end": len(doc)},
        {"id": "c-1@0", "source": "crunchbase", "doc": "c-1", "start": 0, "end": 14},
    ]
    candidates[0]["sha1"] = digest(sentence)
    candidates[1]["sha1"] = digest("Acme buys Bolt")
    _write(folder / "candidates-a.jsonl", candidates)
    _write(folder / "labels-a.jsonl", [{"id": "r-1@6", "entities": [[0, 9, "ORG"]]}])
    labelled = load_labelled(folder, data)
    assert [(s.id, s.text, g) for s, g in labelled] == [
        ("r-1@6", "Acme Corp said it bought Bolt Labs.", [(0, 9, "ORG")])
    ]
    candidates[0]["sha1"] = "000000000000"
    _write(folder / "candidates-a.jsonl", candidates)
    with pytest.raises(ValueError, match="changed"):
        load_labelled(folder, data)


def test_a_label_of_no_candidate_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    _write(folder / "candidates-a.jsonl", [])
    _write(folder / "labels-a.jsonl", [{"id": "r-9@0", "entities": []}])
    with pytest.raises(ValueError, match="not in candidates"):
        load_labelled(folder, tmp_path)
