from models.enriched import Entity
from streams.signals.moves import detect_moves


def _e(text: str, label: str, source: str) -> Entity:
    start = source.index(text)
    return Entity(text=text, label=label, start=start, end=start + len(text))


def _moves(text: str, *ents: tuple[str, str]) -> list[tuple[object, ...]]:
    entities = [_e(t, label, text) for t, label in ents]
    return [(m.person, m.organisation, m.role, m.direction) for m in detect_moves(text, entities)]


def test_appointment_is_a_join_with_role_and_organisation() -> None:
    text = "Northwind appoints Maria Berg as chief technology officer"
    assert _moves(text, ("Northwind", "ORG"), ("Maria Berg", "PERSON")) == [
        ("Maria Berg", "Northwind", "chief technology officer", "joins")
    ]


def test_stepping_down_is_a_departure() -> None:
    text = "Contoso CFO Lee Park steps down after a tough year"
    assert _moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")) == [
        ("Lee Park", "Contoso", "CFO", "leaves")
    ]


def test_bulk_hiring_without_a_person_is_a_hiring_signal() -> None:
    text = "Fabrikam is hiring 400 engineers in Oslo"
    assert _moves(text, ("Fabrikam", "ORG")) == [(None, "Fabrikam", None, "hiring")]


def test_cue_without_role_or_person_is_not_a_move() -> None:
    assert (
        _moves(
            "Shares left behind as markets rally",
        )
        == []
    )
    assert _moves("Tailspin named best employer", ("Tailspin", "ORG")) == []
