"""Edgar filings through the Enricher: the form and items make the M&A signal."""

from __future__ import annotations

import spacy

from models.post import Author, Filing, Post
from streams.enrich.enricher import Enricher, NlpModels
from streams.enrich.sentiment import SentimentScorer
from streams.signals.ma import detect_ma, has_ma_cue


def _filing_post(accession: str, items: dict[str, str]) -> Post:
    listed = "; ".join(f"Item {n} {t}" for n, t in items.items())
    return Post(
        id=accession,
        source="edgar",
        text=f"8-K filed by ACME CORP (CIK 0000123456): {listed}",
        author=Author(name="ACME CORP", handle="0000123456"),
        filing=Filing(
            form="8-K",
            items=tuple(items),
            accession=accession,
            company="ACME CORP",
            cik="0000123456",
        ),
    )


def test_an_8k_item_2_01_is_a_completed_deal_and_an_8k_item_5_02_is_not() -> None:
    blank = spacy.blank("en")
    enricher = Enricher(
        NlpModels(ner=blank, parser=blank, label="blank"),
        SentimentScorer(),
        ma=(has_ma_cue, detect_ma),
    )
    completed, officer = enricher.enrich(
        [
            _filing_post(
                "0000123456-26-000001",
                {"2.01": "Completion of Acquisition or Disposition of Assets"},
            ),
            _filing_post(
                "0000123456-26-000002",
                {"5.02": "Departure of Directors or Certain Officers; Election of Directors"},
            ),
        ]
    )
    assert completed.ma.is_ma and completed.ma.status == "completed"
    assert completed.ma.acquirer is not None and completed.ma.acquirer.name == "ACME CORP"
    assert completed.ma.target is None  # the text alone read "Completion" as the target
    assert not officer.ma.is_ma and officer.ma.status is None
