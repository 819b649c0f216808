"""M&A on social posts, last round (issue 13 point 3): deal wordings the rules missed and
negatives that hid a deal.

A purchase under way ("is buying", "is purchasing"), one cashtag buying another, the terms of
a deal ("all-stock deal", "breakup fee", "tax inversion deal"), a company exploring its own
sale are deals; a maker described by its product ("app testing tool
maker"), shares moving on merger news, a hashtag naming a commodity no longer hide one. A
deal that only happens "unless" is imagined; a poster who doesn't think a bid is coming, a
penalty paid "for role in" a fraud, purchase commitments and day traders' buying are no deal.

Every post is hand-written (invented or generic companies); tokens-only Docs, no model.
"""

from __future__ import annotations

import pytest
import spacy

from streams.signals.ma import detect_ma, has_ma_cue

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    "text",
    [
        "Globex is purchasing Initech, a startup that helps shops price their shelves",
        "RT @newsdesk: Globex is purchasing Vandelay Labs, says its CEO",
        "Hooli is buying chat service Pied Piper, backed by two former founders",
        "Deals today: $GLBX buys $INTK and $HOOL buys $PIPR, all in software",
        "Globex to buy mobile app testing tool maker http://example.com/x",
        "$GLBX $INTK in the last stretch of their all-stock deal",
        "BREAKING: Hooli proposes cash & stock deal at $80/sh; Initech holders get $40 in cash",
        "$GLBX board tells holders to vote against $INTK deal; breakup fee $1.2 billion",
        "Analyst on the Globex-Initech tax inversion deal, in our daily video",
        "Vandelay Industries hires bankers to explore a sale, sources say",
        "Globex, Initech shares gain on merger rumour http://example.com/y",
        "Hooli buys #WestfieldRefinery in bid for a national footprint #crude",
    ],
)
def test_deal_wordings_are_deals(text: str) -> None:
    assert has_ma_cue(text)
    assert detect_ma(NLP(text)).is_ma


@pytest.mark.parametrize(
    "text",
    [
        "Unless $GLBX buys $INTK, I am off for the weekend. Enough news.",
        # the poster doubting, a penalty, purchase commitments, day traders' buying
        "Somehow I don't think Jane Doe is weighing a bid for Globex, as she did for Initech",
        "$GLBX Globex to pay $1.1 bn for role in the Vandelay accounting fraud",
        "Globex's $12.5B Purchase Commitments Hint at a Record Phone Launch $GLBX",
        "REAL #DAYTRADERS Are Buying $INTK For #Profits $GLBX",
        "Globex sees a gain on the sale of its old headquarters",
        "Globex is buying back shares again this quarter",
    ],
)
def test_no_deal(text: str) -> None:
    assert not detect_ma(NLP(text)).is_ma
