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


def test_the_organisation_a_cue_governs_wins_over_a_nearer_one() -> None:
    text = "Jane Doe joins Tesla as CFO, leaving Ford"
    ents = (("Jane Doe", "PERSON"), ("Tesla", "ORG"), ("CFO", "ORG"), ("Ford", "ORG"))
    assert _moves(text, *ents) == [
        ("Jane Doe", "Tesla", "CFO", "joins"),
        ("Jane Doe", "Ford", "CFO", "leaves"),
    ]


def test_a_role_title_tagged_as_an_organisation_is_not_the_organisation() -> None:
    text = "Ana Lind named CFO of Northwind"
    assert _moves(text, ("Ana Lind", "PERSON"), ("CFO", "ORG"), ("Northwind", "ORG")) == [
        ("Ana Lind", "Northwind", "CFO", "joins")
    ]


def test_the_person_closest_to_the_cue_span_to_span_is_the_one_who_moves() -> None:
    text = "Intel CEO Pat Gelsinger retires; David Zinsner named interim CEO"
    ents = (("Intel", "ORG"), ("Pat Gelsinger", "PERSON"), ("David Zinsner", "PERSON"))
    assert _moves(text, *ents) == [
        ("Pat Gelsinger", "Intel", "CEO", "leaves"),
        ("David Zinsner", "Intel", "CEO", "joins"),
    ]


def test_a_name_after_a_role_title_is_the_person_when_ner_missed_it() -> None:
    assert _moves("Contoso CFO Lee Park Steps Down", ("Contoso", "ORG")) == [
        ("Lee Park", "Contoso", "CFO", "leaves")
    ]
    assert _moves("Contoso CFO steps down", ("Contoso", "ORG")) == []


def test_hiring_in_bulk_is_hiring_even_with_a_name_nearby() -> None:
    text = "Fabrikam is hiring 500 engineers in Austin"
    assert _moves(text, ("Fabrikam", "ORG"), ("Austin", "PERSON")) == [
        (None, "Fabrikam", None, "hiring")
    ]
