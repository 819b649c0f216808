"""A filing's form and 8-K items as M&A evidence (streams.signals.ma.filings)."""

from __future__ import annotations

import pytest

from models.post import Filing
from models.signals import NOT_MA, MASignal, Party
from streams.signals.ma.filings import filing_signal, with_filing
from tests.unit.signals.support import roles


def _filing(form: str, items: tuple[str, ...] = (), subject: str | None = None) -> Filing:
    return Filing(
        form=form,
        items=items,
        accession="0000123456-26-000001",
        company="ACME CORP",
        cik="0000123456",
        subject=subject,
        subject_cik="0000999999" if subject else None,
    )


def test_an_8k_with_item_2_01_is_a_completed_deal_by_the_filer() -> None:
    signal = filing_signal(_filing("8-K", ("2.01", "9.01")))
    assert signal is not None and signal.is_ma and signal.status == "completed"
    assert roles(signal) == ("ACME CORP", None)


@pytest.mark.parametrize("items", [("5.02",), ("1.01", "9.01"), ()])
def test_an_8k_without_item_2_01_carries_no_deal(items: tuple[str, ...]) -> None:
    assert filing_signal(_filing("8-K", items)) is None


def test_an_amended_8k_reads_as_an_8k() -> None:
    signal = filing_signal(_filing("8-K/A", ("2.01",)))
    assert signal is not None and signal.status == "completed"


def test_a_tender_offer_is_announced_the_filer_buys_the_subject() -> None:
    signal = filing_signal(_filing("SC TO-T", subject="TARGET INC"))
    assert signal is not None and signal.is_ma and signal.status == "announced"
    assert roles(signal) == ("ACME CORP", "TARGET INC")


def test_the_targets_response_names_the_target() -> None:
    assert roles(filing_signal(_filing("SC 14D9", subject="TARGET INC")) or NOT_MA) == (
        None,
        "TARGET INC",
    )
    alone = filing_signal(_filing("SC 14D9"))
    assert alone is not None and roles(alone) == (None, "ACME CORP")


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("DEFM14A", (None, "ACME CORP")),
        ("PREM14A", (None, "ACME CORP")),
        ("S-4", ("ACME CORP", None)),
        ("425", ("ACME CORP", None)),
    ],
)
def test_merger_communications_are_announced_deals(
    form: str, expected: tuple[str | None, str | None]
) -> None:
    signal = filing_signal(_filing(form))
    assert signal is not None and signal.is_ma and signal.status == "announced"
    assert roles(signal) == expected


def test_other_forms_carry_nothing() -> None:
    assert filing_signal(_filing("10-Q")) is None


def test_the_filing_decides_status_and_parties_and_the_text_gives_the_amount() -> None:
    text = MASignal(
        is_ma=False, score=0.3, acquirer=Party(name="Acme"), target=Party(name="Initech")
    ).model_copy(update={"amount": "$2bn"})
    merged = with_filing(text, _filing("8-K", ("2.01",)))
    assert merged.is_ma and merged.status == "completed" and merged.amount == "$2bn"
    assert roles(merged) == ("ACME CORP", None)
    assert with_filing(text, _filing("8-K", ("5.02",))) == text
    assert with_filing(text, None) == text
