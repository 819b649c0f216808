"""What a reader is told about a move is whole and right (issue 13, session 15): the watched
company that owns a title, never a person's name read as the company, a title without the
link after it.

Hand-written posts with invented names.
"""

from tests.unit.signals.support import read_moves


def test_a_watched_company_s_title_is_its_own() -> None:
    text = "$CTSO Contoso's Longtime Investor Relations VP Retires http://t.co/x1"
    found = read_moves(
        text,
        ("Contoso", "ORG", "company:CTSO"),
        ("Longtime Investor Relations", "ORG"),
    )
    assert found == [(None, "Contoso", "VP", "leaves")]


def test_the_person_appointed_is_not_the_company() -> None:
    text = "$NWND - The Northwind Group Appoints Dana Ruiz Executive Vice President, Global Sales"
    found = read_moves(text, ("Dana Ruiz", "PERSON"), ("Global Sales", "ORG"))
    assert len(found) == 1
    person, organisation, role, direction = found[0]
    assert (person, role, direction) == ("Dana Ruiz", "Executive Vice President", "joins")
    assert organisation is None or "Dana Ruiz" not in str(organisation)


def test_a_title_ends_before_a_link() -> None:
    text = "$FBKM: Fabrikam Asset Management hires regional head of Asia http://t.co/x2"
    found = read_moves(text, ("Fabrikam Asset Management", "ORG"))
    assert found == [(None, "Fabrikam Asset Management", "head of Asia", "joins")]
