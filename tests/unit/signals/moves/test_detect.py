from tests.unit.signals.support import read_moves


def test_appointment_is_a_join_with_role_and_organisation() -> None:
    text = "Northwind appoints Maria Berg as chief technology officer"
    assert read_moves(text, ("Northwind", "ORG"), ("Maria Berg", "PERSON")) == [
        ("Maria Berg", "Northwind", "chief technology officer", "joins")
    ]


def test_stepping_down_is_a_departure() -> None:
    text = "Contoso CFO Lee Park steps down after a tough year"
    assert read_moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")) == [
        ("Lee Park", "Contoso", "CFO", "leaves")
    ]


def test_bulk_hiring_without_a_person_is_a_hiring_signal() -> None:
    text = "Fabrikam is hiring 400 engineers in Oslo"
    assert read_moves(text, ("Fabrikam", "ORG")) == [(None, "Fabrikam", None, "hiring")]


def test_cue_without_role_or_person_is_not_a_move() -> None:
    assert (
        read_moves(
            "Shares left behind as markets rally",
        )
        == []
    )
    assert read_moves("Tailspin named best employer", ("Tailspin", "ORG")) == []


def test_the_organisation_a_cue_governs_wins_over_a_nearer_one() -> None:
    text = "Jane Doe joins Tesla as CFO, leaving Ford"
    ents = (("Jane Doe", "PERSON"), ("Tesla", "ORG"), ("CFO", "ORG"), ("Ford", "ORG"))
    assert read_moves(text, *ents) == [
        ("Jane Doe", "Tesla", "CFO", "joins"),
        ("Jane Doe", "Ford", "CFO", "leaves"),
    ]


def test_a_role_title_tagged_as_an_organisation_is_not_the_organisation() -> None:
    text = "Ana Lind named CFO of Northwind"
    assert read_moves(text, ("Ana Lind", "PERSON"), ("CFO", "ORG"), ("Northwind", "ORG")) == [
        ("Ana Lind", "Northwind", "CFO", "joins")
    ]


def test_the_person_closest_to_the_cue_span_to_span_is_the_one_whomoves() -> None:
    text = "Intel CEO Pat Gelsinger retires; David Zinsner named interim CEO"
    ents = (("Intel", "ORG"), ("Pat Gelsinger", "PERSON"), ("David Zinsner", "PERSON"))
    assert read_moves(text, *ents) == [
        ("Pat Gelsinger", "Intel", "CEO", "leaves"),
        ("David Zinsner", "Intel", "CEO", "joins"),
    ]


def test_a_name_after_a_role_title_is_the_person_when_ner_missed_it() -> None:
    assert read_moves("Contoso CFO Lee Park Steps Down", ("Contoso", "ORG")) == [
        ("Lee Park", "Contoso", "CFO", "leaves")
    ]
    assert read_moves("Contoso shares drop as a CFO steps down", ("Contoso", "ORG")) == []


def test_hiring_in_bulk_is_hiring_even_with_a_name_nearby() -> None:
    text = "Fabrikam is hiring 500 engineers in Austin"
    assert read_moves(text, ("Fabrikam", "ORG"), ("Austin", "PERSON")) == [
        (None, "Fabrikam", None, "hiring")
    ]


# --- issue 13: what only looks like a move --------------------------------------------------


def test_an_executive_joining_a_tv_show_or_an_event_is_not_a_move() -> None:
    assert (
        read_moves(
            "$CTSO CEO Ana Lind joins us on @MorningMarkets at 9am",
            ("$CTSO", "ORG"),
            ("Ana Lind", "PERSON"),
        )
        == []
    )
    assert (
        read_moves(
            "Northwind CEO Bo Berg joins @FastMoneyShow live",
            ("Northwind", "ORG"),
            ("Bo Berg", "PERSON"),
        )
        == []
    )
    assert (
        read_moves(
            "Contoso CEO Lee Park joins 3,000 employees at the charity run",
            ("Contoso", "ORG"),
            ("Lee Park", "PERSON"),
        )
        == []
    )
    assert (
        read_moves(
            "Fabrikam president Kim Roe joins the panel to discuss rates",
            ("Fabrikam", "ORG"),
            ("Kim Roe", "PERSON"),
        )
        == []
    )


def test_the_fire_product_and_figures_of_speech_are_not_firings() -> None:
    assert (
        read_moves(
            "Amazon CEO Jeff Bezos shows the new Fire Phone",
            ("Amazon", "ORG"),
            ("Jeff Bezos", "PERSON"),
        )
        == []
    )
    assert (
        read_moves(
            "Contoso CEO Lee Park under fire over the Fire TV recall",
            ("Contoso", "ORG"),
            ("Lee Park", "PERSON"),
        )
        == []
    )


def test_a_denied_or_hypothetical_departure_is_not_a_move() -> None:
    ents = (("Contoso", "ORG"), ("Lee Park", "PERSON"))
    assert read_moves("Contoso denies CEO Lee Park will step down", *ents) == []
    assert read_moves("Contoso CEO Lee Park won't leave for a rival", *ents) == []
    assert read_moves("Contoso CEO Lee Park may quit, an analyst says", *ents) == []


def test_an_award_or_a_list_is_not_an_appointment() -> None:
    ents = (("Contoso", "ORG"), ("Lee Park", "PERSON"))
    assert read_moves("Contoso CEO Lee Park named best CEO in retail", *ents) == []
    assert read_moves("Contoso CEO Lee Park named to Fortune's most powerful list", *ents) == []
    assert read_moves("Contoso CEO Lee Park named 2015 fellow of the society", *ents) == []
    assert read_moves("Contoso CEO Lee Park announces names and dates of new stores", *ents) == []


def test_a_move_told_as_background_is_not_a_move() -> None:
    ents = (("Contoso", "ORG"), ("Lee Park", "PERSON"))
    assert read_moves("Weeks after being named CEO, Lee Park of Contoso cut prices", *ents) == []
    assert read_moves("Retired Contoso CEO Lee Park gets a $40M pension", *ents) == []
    assert read_moves("Former Contoso CEO Lee Park, who left in 2012, says sell", *ents) == []
    assert read_moves("Best thing Contoso could do is #fire #CEO Lee Park", *ents) == []


def test_a_role_held_at_a_named_organisation_is_a_specific_person() -> None:
    assert read_moves("$CTSO CEO to retire at year end", ("$CTSO", "ORG")) == [
        (None, "$CTSO", "CEO", "leaves")
    ]
    assert read_moves(
        "Northwind's top Asia executive close to departing", ("Northwind", "ORG")
    ) == [(None, "Northwind", "executive", "leaves")]
    assert read_moves("Fabrikam names new chief financial officer", ("Fabrikam", "ORG")) == [
        (None, "Fabrikam", "chief financial officer", "joins")
    ]


def test_more_ways_of_saying_a_person_takes_a_post() -> None:
    assert read_moves(
        "Ana Lind assumes the top job as CEO of Northwind",
        ("Ana Lind", "PERSON"),
        ("Northwind", "ORG"),
    ) == [("Ana Lind", "Northwind", "CEO", "joins")]
    assert read_moves(
        "Contoso chief Bo Berg leaps to CEO job at Fabrikam",
        ("Contoso", "ORG"),
        ("Bo Berg", "PERSON"),
        ("Fabrikam", "ORG"),
    ) == [("Bo Berg", "Fabrikam", "chief", "joins")]


def test_hiring_by_a_named_company_without_a_count() -> None:
    assert read_moves(
        "$CTSO: Contoso quietly hiring battery engineers", ("$CTSO", "ORG"), ("Contoso", "ORG")
    ) == [(None, "Contoso", None, "hiring")]
    assert read_moves("Fabrikam adds 1,200 jobs at its Ohio plant", ("Fabrikam", "ORG")) == [
        (None, "Fabrikam", None, "hiring")
    ]
    # an adviser hired, or a hypothetical hire, is not hiring
    assert (
        read_moves(
            "Contoso hires Northwind Bank to explore a sale",
            ("Contoso", "ORG"),
            ("Northwind Bank", "ORG"),
        )
        == []
    )
    assert (
        read_moves("With that cash Contoso could have hired 9,000 engineers", ("Contoso", "ORG"))
        == []
    )


def test_layoffs_and_job_cuts_by_a_named_company_aremoves() -> None:
    assert read_moves("Up to 9,000 layoffs at Contoso next week", ("Contoso", "ORG")) == [
        (None, "Contoso", None, "layoffs")
    ]
    assert read_moves("$FBKM cuts 1,500 jobs as sales slow", ("$FBKM", "ORG")) == [
        (None, "$FBKM", None, "layoffs")
    ]
    assert read_moves("Northwind takes a $90M charge for job reductions", ("Northwind", "ORG")) == [
        (None, "Northwind", None, "layoffs")
    ]
    assert read_moves("Layoffs are bad for morale, says a coach") == []


def test_hiring_the_noun_and_a_joint_action_are_notmoves() -> None:
    assert (
        read_moves("Contoso settles antitrust hiring case with engineers", ("Contoso", "ORG")) == []
    )
    assert read_moves("Contoso shares up as hiring slowdown ends", ("Contoso", "ORG")) == []
    ents = (("Contoso", "ORG"), ("Fabrikam", "ORG"), ("Lee Park", "PERSON"))
    text = "Contoso joins Fabrikam in calling for the resignation of chief Lee Park"
    assert read_moves(text, *ents) == []
    text = "Join Contoso CEO Lee Park for the quarterly results webcast at 9am"
    assert read_moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")) == []


def test_leave_the_noun_and_succeed_the_verb_of_doing_well_are_notmoves() -> None:
    ents = (("Contoso", "ORG"), ("Lee Park", "PERSON"))
    assert read_moves("Contoso CFO Lee Park is taking a two-year leave", *ents) == []
    assert (
        read_moves("Contoso CFO Lee Park: cost control is key to succeed in a crunch", *ents) == []
    )


def test_a_person_moving_between_two_named_organisations_needs_no_role() -> None:
    ents = (("Contoso", "ORG"), ("Lee Park", "PERSON"), ("Fabrikam", "ORG"))
    assert read_moves("Contoso's Lee Park leaves for Fabrikam", *ents) == [
        ("Lee Park", "Fabrikam", None, "joins")
    ]
    assert read_moves("Lee Park returning to Fabrikam from Contoso", *ents) == [
        ("Lee Park", "Fabrikam", None, "joins")
    ]
    # one organisation only, or no person: not enough
    assert (
        read_moves(
            "Lee Park heads to Fabrikam for talks", ("Lee Park", "PERSON"), ("Fabrikam", "ORG")
        )
        == []
    )
    assert (
        read_moves("Contoso moves to Fabrikam cloud", ("Contoso", "ORG"), ("Fabrikam", "ORG")) == []
    )
    text = "Contoso's Lee Park heads to Fabrikam Square to ask who the CEO is"
    assert (
        read_moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON"), ("Fabrikam Square", "ORG"))
        == []
    )
