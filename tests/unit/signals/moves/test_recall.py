"""Recall of executive moves on headline shapes (``streams.signals.moves``): hand-written posts
with invented names, one family each."""

from tests.unit.signals.support import read_moves


def test_a_company_that_has_a_new_ceo_is_a_join() -> None:
    text = "Big news: Contoso has a new CEO http://example.com/x"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "CEO", "joins")]


def test_announcing_its_new_cfo_is_a_join() -> None:
    text = "$CTSO announced its new CFO this morning"
    assert read_moves(text, ("$CTSO", "ORG")) == [(None, "$CTSO", "CFO", "joins")]


def test_a_new_ceo_commented_on_is_no_move() -> None:
    text = "New Contoso CEO inherits a stack of headaches"
    assert read_moves(text, ("Contoso", "ORG")) == []


def test_the_retirement_of_a_cfo_is_a_departure() -> None:
    text = "More on the retirement of Fabrikam CFO Lee Park: http://example.com/y"
    assert read_moves(text, ("Fabrikam", "ORG"), ("Lee Park", "PERSON")) == [
        ("Lee Park", "Fabrikam", "CFO", "leaves")
    ]


def test_a_call_for_a_resignation_is_no_move() -> None:
    text = "Northwind is calling for immediate resignation of Contoso chief Bo Berg"
    assert read_moves(text, ("Northwind", "ORG"), ("Contoso", "ORG"), ("Bo Berg", "PERSON")) == []


def test_heading_to_a_company_as_cfo_is_a_join() -> None:
    text = "Lee Park heads to $CTSO as CFO after ten years at Fabrikam"
    moves = read_moves(text, ("Lee Park", "PERSON"), ("$CTSO", "ORG"), ("Fabrikam", "ORG"))
    assert [(m[0], m[2], m[3]) for m in moves] == [("Lee Park", "CFO", "joins")]


def test_stepping_down_from_a_board_is_a_departure() -> None:
    text = "Bo Berg Steps Down From Contoso Board -- Update"
    assert read_moves(text, ("Bo Berg", "PERSON"), ("Contoso", "ORG")) == [
        ("Bo Berg", "Contoso", "Board", "leaves")
    ]


def test_jobs_cut_after_the_count_are_layoffs() -> None:
    text = "$CTSO. 4000 jobs cut. Saves a lot of money"
    assert read_moves(text, ("$CTSO", "ORG")) == [(None, "$CTSO", None, "layoffs")]


def test_defecting_to_a_rival_is_a_join() -> None:
    text = "Fabrikam's longtime President Is Defecting To Contoso, sources say"
    moves = read_moves(text, ("Fabrikam", "ORG"), ("Contoso", "ORG"))
    assert [m[2:] for m in moves] == [("President", "joins")]


def test_named_top_executive_of_a_unit_is_a_join() -> None:
    text = "Jane Roe of Northwind Is Named Top Contoso Cloud Executive"
    moves = read_moves(text, ("Jane Roe", "PERSON"), ("Northwind", "ORG"), ("Contoso", "ORG"))
    assert [(m[0], m[3]) for m in moves] == [("Jane Roe", "joins")]


def test_named_top_ceo_on_a_list_stays_an_award() -> None:
    text = "Jane Roe named top CEO of the year by a magazine"
    assert read_moves(text, ("Jane Roe", "PERSON")) == []


def test_a_title_ending_in_head_after_as_is_a_role() -> None:
    text = "$CTSO - Contoso Appoints Lee Park as Nordic Wealth Management Head http://example.com/h"
    assert read_moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")) == [
        ("Lee Park", "Contoso", "Nordic Wealth Management Head", "joins")
    ]


def test_a_named_person_retiring_from_a_named_company_needs_no_title() -> None:
    text = "Bo Berg, Lee Park to Retire from The Contoso Company ... $CTSO http://t.co/x"
    found = read_moves(text, ("Bo Berg", "PERSON"), ("Lee Park", "PERSON"), ("Contoso", "ORG"))
    assert found == [("Lee Park", "Contoso", None, "leaves")]


def test_a_person_hired_from_a_bank_is_no_adviser() -> None:
    text = "Contoso Hires Barclays's Foresti for European FICC Trading http://t.co/x"
    ents = (("Contoso", "ORG"), ("Barclays", "ORG"), ("Foresti", "PERSON"))
    assert read_moves(text, *ents) == [(None, "Contoso", None, "hiring")]


def test_a_bank_hired_to_advise_stays_no_move() -> None:
    text = "Contoso hires Barclays to explore a sale of its chip unit"
    assert read_moves(text, ("Contoso", "ORG"), ("Barclays", "ORG")) == []


def test_a_company_losing_a_banker_to_another_is_a_departure() -> None:
    text = "$CTSO Contoso Loses Top Deal Banker To Fabrikam http://t.co/x"
    assert read_moves(text, ("Contoso", "ORG"), ("Fabrikam", "ORG")) == [
        (None, "Contoso", "Top Deal Banker", "leaves")
    ]


def test_losing_money_or_a_bid_is_no_move() -> None:
    text = "Contoso loses $2bn to Fabrikam in a patent fight; its chief says it will appeal"
    assert read_moves(text, ("Contoso", "ORG"), ("Fabrikam", "ORG")) == []


def test_a_post_introducing_a_named_new_ceo_is_a_join() -> None:
    text = "Who is new Contoso CEO Lee Parkinson? VIDEO: http://example.com/v $CTSO"
    assert read_moves(text, ("Contoso", "ORG"), ("Lee Parkinson", "PERSON")) == [
        ("Lee Parkinson", "Contoso", "CEO", "joins")
    ]


def test_things_to_know_about_a_new_ceo_is_a_join_even_when_ner_missed_the_name() -> None:
    text = "Contoso Corp : Things you need to know about new Contoso CEO Rajan Mehta http://x.co/a"
    assert read_moves(text, ("Contoso", "ORG")) == [("Rajan Mehta", "Contoso", "CEO", "joins")]


def test_who_is_a_named_person_the_next_ceo_is_a_join() -> None:
    text = "$CTSO - Who is Rajan Mehta - Contoso's next CEO? -> http://example.com/b"
    assert read_moves(text, ("Contoso", "ORG"), ("Rajan Mehta", "PERSON")) == [
        ("Rajan Mehta", "Contoso", "CEO", "joins")
    ]


def test_asking_who_the_next_ceo_will_be_is_no_move() -> None:
    for text in (
        "Who is the next CEO of Contoso? $CTSO",
        "Who is the new Contoso CEO going to hire first? $CTSO",
        "Who will be Contoso's next CEO, Lee Park or Bo Berg?",
    ):
        assert read_moves(text, ("Contoso", "ORG")) == [], text


def test_a_management_reshuffle_at_a_named_company_is_a_move() -> None:
    for text, org in (
        ("Management shuffle at Contoso looks overdue to me $CTSO", "Contoso"),
        ("Executive Changes At Contoso Bank ($CTSO) http://example.com/e", "Contoso Bank"),
        ("Contoso : retail unit boss recasts executive team http://example.com/r", "Contoso"),
        ("$CTSO Contoso announces executive management changes http://example.com/m", "Contoso"),
    ):
        assert read_moves(text, (org, "ORG")) == [(None, org, None, "reshuffle")], text


def test_a_reshuffle_asked_for_or_guessed_at_is_no_move() -> None:
    for text in (
        "Will Contoso's new CEO shake up the management team?",
        "Activist calls for management overhaul at Contoso $CTSO",
        "Contoso could see a management shake-up after weak results",
    ):
        assert read_moves(text, ("Contoso", "ORG")) == [], text


def test_turning_to_someone_as_new_chief_is_a_join() -> None:
    text = "$CTSO - Fabrikam Turns to a Former Auditor as New Finance Chief http://example.com/z"
    assert read_moves(text, ("Fabrikam", "ORG")) == [(None, "Fabrikam", "Finance Chief", "joins")]


def test_a_companys_own_layoff_announcement_is_layoffs() -> None:
    text = 'hmm, $CTSO layoff announcement citing "integration synergies". Sounds like a lot.'
    assert read_moves(text, ("$CTSO", "ORG")) == [(None, "$CTSO", None, "layoffs")]


def test_turns_and_layoff_talk_that_are_nomoves() -> None:
    for text, ents in (
        ("Contoso CEO Lee Park turns to Twitter to answer critics", (("Contoso", "ORG"),)),
        ("Contoso turns to Fabrikam as new supplier of chips, CEO says", (("Contoso", "ORG"),)),
        (
            "Contoso's layoff announcement rumours are false, says its spokesperson",
            (("Contoso", "ORG"),),
        ),
        ("Layoff news from tech is piling up: who is next?", ()),
    ):
        assert read_moves(text, *ents) == [], text


def test_taking_the_reins_is_a_join() -> None:
    text = "Lee Park takes the reins as Contoso CEO today"
    assert read_moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")) == [
        ("Lee Park", "Contoso", "CEO", "joins")
    ]


def test_another_companys_officer_named_to_the_board_joins_the_board() -> None:
    text = "RT @Wire: The Contoso Co. names Fabrikam CEO Lee Park to its board of directors"
    found = read_moves(text, ("Contoso", "ORG"), ("Fabrikam", "ORG"), ("Lee Park", "PERSON"))
    assert found == [("Lee Park", "Contoso", "board", "joins")]


def test_a_company_said_to_hire_is_the_hirer() -> None:
    text = "BREAKING: Contoso said to hire Lee Park, Fabrikam's chairman of Asia banking"
    found = read_moves(text, ("Contoso", "ORG"), ("Fabrikam", "ORG"), ("Lee Park", "PERSON"))
    assert [(m[0], m[1], m[3]) for m in found] == [("Lee Park", "Contoso", "joins")]


def test_a_person_of_another_sentence_is_not_the_one_whomoves() -> None:
    text = "Lee Park was only the start. Contoso's CEO is also retiring this spring."
    found = read_moves(text, ("Lee Park", "PERSON"), ("Contoso", "ORG"))
    assert found == [(None, "Contoso", "CEO", "leaves")]


def test_a_semicolon_keeps_the_subject() -> None:
    # guard: "is Stepping Down; to Join Fabrikam" is one person's two moves
    text = "Head of Contoso Pay Lee Park is Stepping Down; to Join Fabrikam"
    found = read_moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON"), ("Fabrikam", "ORG"))
    assert {m[0] for m in found} == {"Lee Park"}


def test_a_titled_name_of_another_sentence_is_not_the_one_named() -> None:
    text = "$CTSO Defense CEO Bo Berg retiring. Contoso Names Lee Parkes Space President and CEO"
    found = read_moves(text, ("$CTSO", "ORG"), ("Contoso", "ORG"))
    assert ("Bo Berg", "joins") not in {(m[0], m[3]) for m in found}


def test_a_company_with_its_ticker_in_brackets_is_the_one_that_appoints() -> None:
    text = "Contoso Corp (NASDAQ: CTSO) appoints Lee Park as chief financial officer"
    assert read_moves(text, ("Contoso Corp", "ORG"), ("CTSO", "ORG"), ("Lee Park", "PERSON")) == [
        ("Lee Park", "Contoso Corp", "chief financial officer", "joins")
    ]
    text = "#Contoso ( $CTSO) names Bo Berg its new CEO. Read more: http://example.com/z"
    assert read_moves(
        text,
        ("#Contoso", "ORG", "company:CTSO"),
        ("$CTSO", "ORG", "company:CTSO"),
        ("Bo Berg", "PERSON"),
    ) == [("Bo Berg", "Contoso", "CEO", "joins")]


def test_a_title_in_a_post_under_its_companys_ticker_is_that_companys() -> None:
    text = "$CTSO - [$$] http://example.com/a Chief Executive to Step Down -> http://example.com/b"
    assert read_moves(text, ("$CTSO", "ORG", "company:CTSO")) == [
        (None, "$CTSO", "Chief Executive", "leaves")
    ]
    # a ticker no watch list has is still the header's company
    text = "$FBKM gains 4% before the bell on a 2c beat; Appoints new CEO..."
    assert read_moves(text) == [(None, "$FBKM", "CEO", "joins")]


def test_a_ticker_header_is_not_the_company_when_the_post_names_another() -> None:
    text = "$CTSO - [$$] http://example.com/a CEO to Step Down -> http://example.com/b $FBKM"
    assert (
        read_moves(text, ("$CTSO", "ORG", "company:CTSO"), ("$FBKM", "ORG", "company:FBKM")) == []
    )
    text = "$CTSO $FBKM $NWND CEO to step down, which one?"
    assert read_moves(text) == []
    text = "$CTSO $FBKM $NWND: Northwind Payments Chief Said to Leave After Years of Deals"
    assert read_moves(text, ("$CTSO", "ORG", "company:CTSO")) == []


def test_hiring_an_executive_of_a_company_written_as_its_cashtag_is_a_join() -> None:
    text = "Fabrikam hires $CTSO executive Lee Park as CFO"
    ents = (("Fabrikam", "ORG"), ("$CTSO", "ORG", "company:CTSO"), ("Lee Park", "PERSON"))
    assert [m[:2] + m[3:] for m in read_moves(text, *ents)] == [("Lee Park", "Fabrikam", "joins")]
    # a company hired to advise is no hire
    text = "Fabrikam has hired $CTSO to advise on the sale"
    assert read_moves(text, ("Fabrikam", "ORG"), ("$CTSO", "ORG", "company:CTSO")) == []
    # the hirer written as a ticker no watch list has is still the hirer
    text = "$FBKM hires $CTSO exec to run its cloud unit, shares up"
    assert read_moves(text, ("$CTSO", "ORG", "company:CTSO")) == [(None, "$FBKM", "exec", "joins")]


def test_a_company_choosing_its_next_leader_is_a_succession() -> None:
    cases = [
        ("$CTSO Morning Briefing: Contoso CEO Search Nearing End http://example.com/c", "Contoso"),
        ("Contoso board close to finishing its search for a new CEO, people say", "Contoso"),
        ("Inside the long CEO hunt at Contoso http://example.com/d", "Contoso"),
        ("Contoso may name a new CEO within the next two weeks", "Contoso"),
        ("Contoso board lists dozens of potential CEO candidates", "Contoso"),
    ]
    for text, org in cases:
        assert read_moves(text, ("Contoso", "ORG", "company:CTSO")) == [
            (None, org, "CEO", "succession")
        ], text


def test_a_guess_a_question_or_a_successor_in_passing_is_no_succession() -> None:
    ents = (("Contoso", "ORG", "company:CTSO"),)
    assert read_moves("My CEO pick for Contoso: someone from outside", *ents) == []
    assert read_moves("Who is ahead in the Contoso CEO race?", *ents) == []
    assert read_moves("Contoso has no plans to search for a new CEO", *ents) == []
    assert read_moves("The old Contoso boss praised his successor's first year", *ents) == []
    # the company named elsewhere in a ticker list is not the one choosing
    assert (
        read_moves("$FBKM rumours return as CEO hunt drags on $CTSO $NWND", ("$CTSO", *ents[0][1:]))
        == []
    )


def test_people_joining_the_buyer_as_part_of_a_deal_join_it() -> None:
    text = "Fabrikam founders Lee Park and Bo Berg to join Contoso as part of $2B deal"
    ents = (("Fabrikam", "ORG"), ("Lee Park", "PERSON"), ("Bo Berg", "PERSON"), ("Contoso", "ORG"))
    assert [(m[1], m[3]) for m in read_moves(text, *ents)] == [("Contoso", "joins")]
    # joining a company in something else is no move
    text = "Lee Park joins Contoso in praising the deal"
    assert read_moves(text, ("Lee Park", "PERSON"), ("Contoso", "ORG")) == []


def test_the_hirer_named_before_its_cashtag_is_the_hirer_as_written() -> None:
    text = "Fabrikam $FBKM Hires Lee Park from Contoso $CTSO To Lead Payments"
    ents = (("Fabrikam", "ORG"), ("Lee Park", "PERSON"), ("Contoso", "ORG"), ("$CTSO", "ORG"))
    assert [m[1] for m in read_moves(text, *ents)] == ["Fabrikam"]


def test_a_new_leader_named_and_a_new_board_member_announced_are_joins() -> None:
    text = "$CTSO: Contoso Retail Banking Names New Leader in Northern Ohio: http://example.com/l"
    assert read_moves(text, ("Contoso Retail Banking", "ORG")) == [
        (None, "Contoso Retail Banking", "Leader", "joins")
    ]
    text = "Contoso announces its new board member, a former regulator"
    assert read_moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "board member", "joins")]
    # a market leader is no leader named
    assert (
        read_moves("Contoso named a leader in cloud storage by analysts", ("Contoso", "ORG")) == []
    )
