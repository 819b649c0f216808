"""Moves told without a title or a name (issue 13, session 16): people poached, executives
leaving told as a noun, a new boss met or being got, the "#NewCEO" tag; and what a reader
must never see: a title as the company, a company's name as the person.

Hand-written posts with invented names.
"""

import pytest

from tests.unit.signals.support import read_moves


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Contoso poaches one of Fabrikam Corp's top engineers http://x.co/a", "Fabrikam Corp"),
        ("Contoso poached more than 100 of $FBKM's engineers last year", "$FBKM"),
        ("Why Contoso is poaching the best chip designers in Europe http://x.co/b", "Europe"),
        ("Contoso poaches battery expert from Fabrikam http://x.co/c", "Fabrikam"),
    ],
)
def test_people_poached_without_a_title_is_the_poacher_hiring(text: str, other: str) -> None:
    found = read_moves(text, ("Contoso", "ORG"), (other, "ORG"))
    assert found == [(None, "Contoso", None, "hiring")]


def test_a_customer_poached_is_no_hire() -> None:
    text = "Contoso Poaches Northwind From Fabrikam's Cloud $CTSO"
    assert read_moves(text, ("Contoso", "ORG"), ("Northwind", "ORG"), ("Fabrikam", "ORG")) == []


def test_staff_poached_from_a_company_named_after_are_not_its_hiring() -> None:
    # the poacher is not named: the company after "from"/"of" lost them, it did not hire
    text = "Poaches one of Fabrikam Corp's top engineers http://x.co/d"
    assert read_moves(text, ("Fabrikam Corp", "ORG")) == []


def test_a_title_poached_by_a_company_lost_in_a_link_leaves_the_one_it_came_from() -> None:
    text = "http://x.co/e, Inc. Poaches Top Exec From Fabrikam Corporation $FBKM"
    found = read_moves(text, ("Fabrikam Corporation", "ORG"), ("$FBKM", "ORG"))
    assert found == [(None, "Fabrikam Corporation", "Exec", "leaves")]


@pytest.mark.parametrize(
    "text",
    [
        "Contoso faces another executive departure before the holidays $CTSO",
        "Contoso shares rise after Asia Pacific executive ousters http://x.co/f",
        "$CTSO: Contoso clients stick around even after executive exits",
    ],
)
def test_executives_leaving_told_as_a_noun_leave_the_company(text: str) -> None:
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "executive", "leaves")]


def test_a_news_source_telling_of_executive_exits_is_not_the_company() -> None:
    text = "$CTSO: clients stick around even after executive exits, Newswire says"
    assert read_moves(text, ("Newswire", "ORG")) == []


def test_guessed_executive_exits_are_no_move() -> None:
    text = "Contoso could see more executive departures if the vote fails $CTSO"
    assert read_moves(text, ("Contoso", "ORG")) == []


def test_meeting_a_company_s_new_cfo_is_a_join_without_a_name() -> None:
    text = "Meet Contoso's new CFO: she ran two hedge funds http://x.co/g"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "CFO", "joins")]


def test_a_company_getting_a_new_cfo_is_a_join_and_its_unit_is_no_person() -> None:
    text = "Contoso getting a new CFO; she was head of Contoso Asset Management http://x.co/h"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "CFO", "joins")]


def test_the_new_ceo_hashtag_is_the_title() -> None:
    text = "Contoso Board of Directors names @leepark #NewCEO of $CTSO http://x.co/i"
    found = read_moves(text, ("Contoso", "ORG"), ("@leepark", "PERSON"))
    assert found == [("@leepark", "Contoso", "CEO", "joins")]


def test_a_company_parting_ways_with_a_titled_person_is_a_departure() -> None:
    text = "Contoso parts ways with its chief merchant Okafor after a weak season $CTSO"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "chief merchant", "leaves")]


def test_companies_parting_ways_over_a_contract_is_no_move() -> None:
    text = "Contoso and Fabrikam part ways over a map licence $CTSO"
    assert read_moves(text, ("Contoso", "ORG"), ("Fabrikam", "ORG")) == []


def test_a_wire_s_company_appoints_when_the_cue_opens_its_clause() -> None:
    text = "Contoso Labs : Opens Plant In Ohio; Appoints CTO http://x.co/k $CTSO"
    assert read_moves(text) == [(None, "Contoso Labs", "CTO", "joins")]


def test_a_wire_s_company_is_not_the_one_its_headline_names() -> None:
    text = "Contoso Corp : Fabrikam Names New CFO http://x.co/l"
    assert read_moves(text, ("Fabrikam", "ORG")) == [(None, "Fabrikam", "CFO", "joins")]


@pytest.mark.parametrize(
    "text",
    [
        "Longtime interface designer Lee Park is leaving Contoso ... $CTSO",
        "$CTSO - Lee Park Leaves Contoso to Join Fabrikam - Tech Daily http://x.co/m",
        "Lee Park left Contoso after nine years http://x.co/n",
    ],
)
def test_a_named_person_leaving_a_company_needs_no_title(text: str) -> None:
    found = read_moves(text, ("Lee Park", "PERSON"), ("Contoso", "ORG"))
    assert found == [("Lee Park", "Contoso", None, "leaves")]


@pytest.mark.parametrize(
    "text",
    [
        "Lee Park leaves Contoso shares to his children",  # not a departure
        "What Lee Park leaving Contoso means for the rest of us",  # no departure told
    ],
)
def test_leaving_a_company_said_otherwise_is_no_move(text: str) -> None:
    assert read_moves(text, ("Lee Park", "PERSON"), ("Contoso", "ORG")) == []


def test_firing_thousands_written_with_a_k_is_a_layoff() -> None:
    text = "Contoso to fire 2K workers in its Ohio plants $CTSO"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", None, "layoffs")]


def test_the_board_hashtag_is_a_board_seat() -> None:
    text = "Contoso appoints Lee Park to #BoardOfDirectors http://x.co/o $CTSO"
    found = read_moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON"))
    assert found == [("Lee Park", "Contoso", "Board", "joins")]


def test_an_investor_exiting_a_cashtag_sells_a_position() -> None:
    text = "Fund manager Lee Park exits $CTSO, buys more $FBKM, his 13F shows"
    assert read_moves(text, ("Lee Park", "PERSON"), ("$CTSO", "ORG"), ("$FBKM", "ORG")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Contoso has stepped up recruitment for its new Ohio plant $CTSO",
        "Contoso launches a recruitment drive in Spain http://x.co/p",
        "Contoso to add 900 new sales professionals next year $CTSO",
    ],
)
def test_recruitment_stepped_up_is_hiring(text: str) -> None:
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", None, "hiring")]
