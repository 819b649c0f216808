"""Moves of a company told in its own shapes (issue 13, session 15): a unit of it getting a
new head, a hire spoken of as a noun, hiring stepped up, a ticker header over market words.

Hand-written posts with invented names.
"""

from tests.unit.signals.support import read_moves


def test_a_unit_getting_a_new_head_is_its_company_s_join() -> None:
    text = "Contoso Corp.'s plastics unit will get a new president next spring $CTSO"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "president", "joins")]


def test_a_unit_of_the_company_hiring_is_the_company_hiring() -> None:
    text = "Contoso's retail bank has hired a new CFO from a rival"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "CFO", "joins")]


def test_a_company_s_latest_hire_is_hiring() -> None:
    text = "Fabrikam's latest hire - the woman who ran fraud checks at a bank $FBKM"
    assert read_moves(text, ("Fabrikam", "ORG")) == [(None, "Fabrikam", None, "hiring")]


def test_a_hire_date_is_no_hire() -> None:
    text = "Fabrikam's new hire date rules confuse staff $FBKM"
    assert read_moves(text, ("Fabrikam", "ORG")) == []


def test_a_guessed_hire_is_no_hire() -> None:
    text = "Maybe Fabrikam's next big hire will be a designer"
    assert read_moves(text, ("Fabrikam", "ORG")) == []


def test_ramping_up_hiring_is_hiring() -> None:
    text = "#Northwind ( $NWND) opened three stores while ramping up hiring for its app team"
    assert read_moves(text, ("$NWND", "ORG")) == [(None, "$NWND", None, "hiring")]


def test_a_hiring_spree_is_hiring() -> None:
    text = "Contoso goes on a hiring spree in Dublin"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", None, "hiring")]


def test_a_ticker_header_over_market_words_is_the_company() -> None:
    text = "$FBKM up 6% after hours, tops Q3 EPS view; Appoints new CFO"
    assert read_moves(text, ("EPS", "ORG")) == [(None, "$FBKM", "CFO", "joins")]


def test_a_ticker_header_over_another_company_is_not_it() -> None:
    text = "$FBKM +6% after Northwind beats; Appoints new CFO..."
    assert all(move[1] != "$FBKM" for move in read_moves(text, ("Northwind", "ORG")))


def test_a_title_leaving_as_its_company_s_shares_move_is_that_company_s_move() -> None:
    text = "Northwind stock jumps 6% after CEO steps down, ending a ten-year run"
    assert read_moves(text, ("Northwind", "ORG")) == [(None, "Northwind", "CEO", "leaves")]
    text = "Contoso shares slide as its CFO resigns $CTSO"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "CFO", "leaves")]


def test_an_executive_announcing_retirement_leaves() -> None:
    text = "Contoso Chief Financial Officer Lee Park Announces Retirement http://t.co/AbCdEf"
    found = read_moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON"))
    assert [(m[0], m[1], m[3]) for m in found] == [("Lee Park", "Contoso", "leaves")]


def test_a_company_announcing_retirement_plans_is_no_move() -> None:
    text = "Contoso announces retirement plan changes for its staff"
    assert read_moves(text, ("Contoso", "ORG")) == []


def test_a_title_of_a_department_is_held_at_the_company_after_it() -> None:
    text = "Lee Park tapped as R&D chief at Contoso"  # NER tagged no organisation
    found = read_moves(text, ("Lee Park", "PERSON"))
    assert [(m[1], m[3]) for m in found] == [("Contoso", "joins")]


def test_a_departure_not_surprising_the_poster_is_a_departure() -> None:
    text = "Not surprised by Lee Park's departure from Contoso e-commerce. See (6/2013)"
    found = read_moves(text, ("Lee Park", "PERSON"), ("Contoso", "ORG"))
    assert found == [("Lee Park", "Contoso", None, "leaves")]
    denied = "Contoso says Lee Park is not leaving the company"
    assert read_moves(denied, ("Lee Park", "PERSON"), ("Contoso", "ORG")) == []


def test_a_new_chief_announced_at_a_company_joins_it() -> None:
    text = "Report: new CFO appointed at Contoso after a long search"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "CFO", "joins")]
