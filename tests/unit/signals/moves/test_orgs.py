"""Which company a move is at (streams.signals.moves.orgs), on hand-written posts imitating
unlabelled StockNet posts (issue 13, round five)."""

from streams.signals.moves import detect_moves
from tests.unit.signals.support import Ent, entities


def _moves(text: str, *ents: Ent) -> list[tuple[object, ...]]:
    return [
        (m.person, m.organisation, m.direction) for m in detect_moves(text, entities(text, *ents))
    ]


def test_named_to_the_board_of_a_company_is_at_that_company() -> None:
    text = "$FBK: Ex-Contoso CFO named to board of Fabrikam http://t.co/x"
    ents: tuple[Ent, ...] = (
        ("$FBK", "ORG", "company:FBK"),
        ("Contoso", "ORG"),
        ("Fabrikam", "ORG", "company:FBK"),
    )
    assert _moves(text, *ents) == [(None, "Fabrikam", "joins")]
    text = "Retired Northwind COO appointed to the board of Tailspin Toys"
    assert _moves(text, ("Northwind", "ORG"), ("Tailspin Toys", "ORG")) == [
        (None, "Tailspin Toys", "joins")
    ]


def test_a_head_word_before_of_a_is_not_the_organisation_of_a_role() -> None:
    text = "Close of a CEO chapter as Contoso's Bergstrom is about to retire. http://t.co/x $CTSO"
    ents: tuple[Ent, ...] = (
        ("Contoso", "ORG", "company:CTSO"),
        ("Bergstrom", "PERSON"),
        ("$CTSO", "ORG", "company:CTSO"),
    )
    assert _moves(text, *ents) == [("Bergstrom", "Contoso", "leaves")]


def test_a_name_between_a_ticker_and_a_role_holds_the_role() -> None:
    text = "$CTSO Fabrikam CEO's exit rattles rivals http://t.co/x"
    assert _moves(text, ("$CTSO", "ORG", "company:CTSO")) == [(None, "Fabrikam", "leaves")]
    # a unit of the company, or a cue word, is no other name
    text = "$CTSO Cloud CEO Lee Park retiring at year end"
    assert _moves(text, ("$CTSO", "ORG", "company:CTSO")) == [("Lee Park", "$CTSO", "leaves")]


def test_an_untagged_name_after_in_is_a_place_not_the_company() -> None:
    text = "Ouch: 5% of $CTSO in NWR losing jobs. RT @desk: CTSO cutting 9K jobs, 12% of staff"
    ents: tuple[Ent, ...] = (("$CTSO", "ORG", "company:CTSO"), ("NWR", "ORG"))
    assert _moves(text, *ents) == [(None, "$CTSO", "layoffs")]


def test_the_headline_subject_of_to_hire_is_the_hirer() -> None:
    text = "$NWND - Tailspin Capital to Hire Three Former Northwind Brokers http://t.co/x"
    ents: tuple[Ent, ...] = (("$NWND", "ORG", "company:NWND"), ("Northwind Brokers", "ORG"))
    assert _moves(text, *ents) == [(None, "Tailspin Capital", "hiring")]


def test_initials_in_a_company_name_do_not_end_the_headline() -> None:
    text = "$WWI: [$$] W.W. Importers Hires New Europe Head http://t.co/x"
    assert _moves(text, ("$WWI", "ORG", "company:WWI")) == [(None, "W.W. Importers", "hiring")]
    text = "$WWI: A.B. Fabrikam Appoints Chief Risk Officer"
    assert _moves(text, ("$WWI", "ORG", "company:WWI")) == [(None, "A.B. Fabrikam", "joins")]


def test_the_company_that_joins_the_layoff_parade_not_one_named_after() -> None:
    text = "RT @desk: Now Tailspin joins the layoff parade with Contoso, Fabrikam and $NWND"
    ents: tuple[Ent, ...] = (
        ("@desk", "PERSON"),
        ("Contoso", "ORG"),
        ("Fabrikam", "ORG", "company:FBK"),
        ("$NWND", "ORG", "company:NWND"),
    )
    assert _moves(text, *ents) == [(None, "Tailspin", "layoffs")]
    text = "Contoso joins the layoff wave alongside Fabrikam"
    assert _moves(text, ("Contoso", "ORG"), ("Fabrikam", "ORG")) == [(None, "Contoso", "layoffs")]


def test_an_adr_tag_is_not_the_company() -> None:
    text = "Contoso Holdings plc (ADR) To Cut 5,000 Jobs Worldwide - $CTSO"
    ents: tuple[Ent, ...] = (("Contoso Holdings plc", "ORG"), ("ADR", "ORG"))
    assert _moves(text, *ents) == [(None, "Contoso Holdings plc", "layoffs")]
