"""M&A on social posts (issue 13 point 3): deals named by the word "deal" the way posts name
them, and old newswire negatives that misfire on posts.

A deal a regulator or a rival weighs is a company deal ("Review of Globex Deal", "opposition
to the Globex-Initech deal"); two cashtags before "deal" name its parties; "deal talks with"
reports talks. "Bill" the person is no Treasury bill. A pair of names before "deal" alone is
as often a partnership, and stays no deal.

Every post is hand-written (invented companies); Docs from the blank English tokenizer.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from streams.signals.ma import detect_ma, has_ma_cue
from tests.unit.signals.support import roles

NLP = spacy.blank("en")


def _doc(text: str) -> Any:
    return NLP(text)


@pytest.mark.parametrize(
    ("text", "acquirer", "target"),
    [
        ("Regulators Set To Approve #Globex ($GLBX)-Initech Systems Deal Next Week", None, None),
        ("$GLBX Lawmakers Open A Review of Globex Deal Today", None, None),
        ("Globex Seeks Brussels Blessing for Initech Deal $GLBX", None, None),
        ("$GLBX Hooli voices opposition to Globex-Initech Systems deal", None, None),
        ("Probably because of the $GLBX $INTK deal, no? $HOOLI", "GLBX", "INTK"),
        ("$GLBX Globex Had Deal Talks With Initech Last Spring, Sources Say", None, None),
        ("$GLBX In brief: Bill Jones named chair, Globex buys Initech", "Globex", "Initech"),
    ],
)
def test_deals_as_posts_name_them(text: str, acquirer: str | None, target: str | None) -> None:
    assert has_ma_cue(text)
    signal = detect_ma(_doc(text))
    assert signal.is_ma
    found = roles(signal)
    if acquirer is not None:
        assert found == (acquirer, target)


@pytest.mark.parametrize(
    "text",
    [
        "What the Globex-Vandelay Mobile Deal Means For Initech",
        "An Engineer Explains The Hooli/Globex Deal $HOOLI",
        "Leaders resume trade deal talks with Freedonia",
        "Globex buys 3-month bills at auction",
    ],
)
def test_partnerships_and_paper_stay_no_deal(text: str) -> None:
    assert not detect_ma(_doc(text)).is_ma
