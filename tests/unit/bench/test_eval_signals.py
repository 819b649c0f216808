"""The signal evaluation's arithmetic and the labelled set's shape (no texts, ever)."""

import json
from pathlib import Path

import pytest

from bench.eval_signals import LABELS, Tally, load_labels, same_party, ticker_ids
from models.signals import Party

KEYS = {"id", "category", "ma", "acquirer", "target", "move", "companies"}


def test_weighted_precision_and_recall() -> None:
    tally = Tally()
    tally.add(True, True, 10.0)  # a hit in a big stratum
    tally.add(True, False, 1.0)
    tally.add(False, True, 10.0)
    assert tally.precision == pytest.approx(10 / 11)
    assert tally.recall == pytest.approx(0.5)
    assert tally.raw == {"tp": 1, "fp": 1, "fn": 1}


def test_parties_match_leniently_by_name_ticker_or_linked_id() -> None:
    by_ticker, names = ticker_ids()
    assert same_party("$PFE", Party(name="Pfizer Inc.", id="company:PFE"), by_ticker, names)
    assert same_party("Pfizer", Party(name="pfizer"), by_ticker, names)
    assert same_party(None, None, by_ticker, names)
    assert not same_party("Pfizer", Party(name="AstraZeneca"), by_ticker, names)
    assert not same_party(None, Party(name="Want"), by_ticker, names)


def _write(directory: Path, name: str, rows: list[dict[str, object]]) -> None:
    (directory / name).write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_weights_and_judged_links_come_from_the_strata(tmp_path: Path) -> None:
    _write(
        tmp_path, "sample.jsonl", [{"id": "1", "stratum": "rest"}, {"id": "2", "stratum": "rest"}]
    )
    (tmp_path / "strata.json").write_text(json.dumps({"strata": {"rest": 100}}))
    _write(tmp_path, "candidates.jsonl", [{"id": "1", "candidates": ["AAPL", "ON"]}])
    label = {"category": "news", "ma": False, "acquirer": None, "target": None, "move": False}
    _write(tmp_path, "posts-1.jsonl", [{"id": "1", **label, "companies": ["AAPL"]}])
    rows, weights = load_labels(tmp_path)
    assert weights == {"rest": 100.0}  # one of two labelled: it stands for the whole stratum
    assert rows[0]["rejected"] == ["ON"]


def test_a_post_labelled_twice_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "sample.jsonl", [{"id": "1", "stratum": "rest"}])
    (tmp_path / "strata.json").write_text(json.dumps({"strata": {"rest": 1}}))
    label = {"id": "1", "category": "news", "ma": False, "move": False, "companies": []}
    _write(tmp_path, "posts-1.jsonl", [label])
    _write(tmp_path, "posts-2.jsonl", [label])
    with pytest.raises(SystemExit, match="labelled twice"):
        load_labels(tmp_path)


SETS = [
    LABELS,
    *(LABELS / name for name in ("test", "final", "sealed") if (LABELS / name).exists()),
]


@pytest.mark.parametrize("directory", SETS, ids=lambda d: d.name)
def test_each_labelled_set_holds_ids_and_labels_only(directory: Path) -> None:
    sample = {json.loads(line)["id"] for line in (directory / "sample.jsonl").open()}
    rows = [
        json.loads(line)
        for path in sorted(directory.glob("posts-*.jsonl"))
        for line in path.open()
        if line.strip()
    ]
    assert len(rows) >= (800 if directory == LABELS else 700)
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(row) == KEYS, row["id"]
        assert row["id"] in sample
        assert row["category"] in {"spam", "chatter", "news", "other"}
        assert isinstance(row["ma"], bool) and isinstance(row["move"], bool)
        for party in (row["acquirer"], row["target"]):
            assert party is None or (row["ma"] and len(party) <= 60)
        assert all(t.isupper() and len(t) <= 6 for t in row["companies"])


def test_no_post_is_in_two_sets() -> None:
    seen: set[str] = set()
    for directory in SETS:
        ids = {json.loads(line)["id"] for line in (directory / "sample.jsonl").open()}
        assert not ids & seen, directory.name
        seen |= ids
