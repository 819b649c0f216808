"""The fault suite's accounting: every record indexed, dead-lettered or lost, and repeats."""

from __future__ import annotations

from collections import Counter

from bench.faults.records import FaultRecord
from bench.faults.rig import account
from bench.faults.services import Receipt, tally


def _rec(tag: str, family: str = "valid", expect: str = "indexed") -> FaultRecord:
    return FaultRecord(tag, family, expect, b"{}")  # type: ignore[arg-type]


def test_records_are_indexed_dead_lettered_or_lost_and_repeats_are_counted() -> None:
    records = [
        _rec("a"),
        _rec("b"),
        _rec("c", "random_bytes", "dead"),
        _rec("d", "random_bytes", "dead"),
        _rec("e", "big_int", "either"),
    ]
    docs = Counter({"a": 2, "d": 1})
    dead = Counter({"c": 2, "d": 1, "x": 1})
    result = account(records, docs, dead)
    assert (result.input, result.indexed, result.dead, result.lost) == (5, 2, 1, 2)
    assert (result.dup_docs, result.dup_dead, result.both) == (1, 1, 1)
    assert result.lost_by_family == {"valid": 1, "big_int": 1}
    assert result.lost_valid == 1
    assert result.wrong == {"random_bytes indexed": 1}


def test_a_valid_post_dead_lettered_is_an_unexpected_outcome() -> None:
    result = account([_rec("a")], Counter(), Counter({"a": 1}))
    assert (result.dead, result.lost) == (1, 0)
    assert result.wrong == {"valid dead-lettered": 1}


def test_alerts_resent_under_the_same_key_are_not_duplicates_but_another_key_is() -> None:
    receipts = [
        Receipt(0.0, "k1", "r", "p1"),
        Receipt(1.0, "k1", "r", "p1"),
        Receipt(2.0, "k2", "r", "p2"),
        Receipt(3.0, "k3", "r", "p2"),
        Receipt(4.0, "k4", "other", "p2"),
    ]
    assert tally(receipts).__dict__ == {"received": 3, "resent_same_key": 1, "duplicated": 1}
