"""Moves on posts nobody labelled (issue 13, second round): guesses and hedged estimates,
advisers hired for a deal, hiring limited or asked about, and the organisation of a move."""

from streams.signals.moves import detect_moves
from tests.unit.signals.support import Ent, entities


def _moves(text: str, *ents: Ent) -> list[tuple[object, ...]]:
    return [
        (m.person, m.organisation, m.direction) for m in detect_moves(text, entities(text, *ents))
    ]


def _org(text: str, *ents: Ent) -> list[object]:
    return [m.organisation for m in detect_moves(text, entities(text, *ents))]


# --- speculation and hedged estimates --------------------------------------------------------


def test_a_guess_about_who_will_be_named_is_not_a_move() -> None:
    ents: tuple[Ent, ...] = (("$CTSO", "ORG"), ("Park", "ORG"), ("Ana Lind", "PERSON"))
    text = "Any guesses? Word is Park will name a COO next year at $CTSO. My guess is Ana Lind!"
    assert _moves(text, *ents) == []
    text = "$CTSO: insiders say Park will name a COO next year. I'd bet on Ana Lind"
    assert _moves(text, *ents) == []


def test_a_joke_or_maybe_about_layoffs_is_not_a_layoff() -> None:
    text = "$FBKM halted again... maybe they're laying off the whole floor lol"
    assert _moves(text, ("$FBKM", "ORG")) == []
    text = "Perhaps Fabrikam is firing its board next, who knows"
    assert _moves(text, ("Fabrikam", "ORG")) == []


def test_an_analyst_estimate_of_job_cuts_is_not_a_layoff() -> None:
    ents: tuple[Ent, ...] = (("Contoso", "ORG"), ("Northwind", "ORG"))
    text = "Contoso Northwind Tie-Up Could Mean Up To 6,000 Job Cuts, Analyst Estimates"
    assert _moves(text, *ents) == []
    text = "A Contoso-Northwind merger might lead to layoffs, one analyst says"
    assert _moves(text, *ents) == []
    text = "Contoso upping the offer implies deeper job cuts needed"
    assert _moves(text, ("Contoso", "ORG")) == []
    # a plan or a report is still a layoff
    assert _moves("Contoso plans job cuts at its Ohio plant", ("Contoso", "ORG")) == [
        (None, "Contoso", "layoffs")
    ]
    assert _moves("Contoso to cut 2,000 jobs, sources say", ("Contoso", "ORG")) == [
        (None, "Contoso", "layoffs")
    ]


def test_a_question_about_who_is_hiring_is_not_a_hiring() -> None:
    text = "Who's hiring on Wall St this year? $CTSO is adding, $FBKM shrinking."
    assert _moves(text, ("$CTSO", "ORG"), ("$FBKM", "ORG")) == []
    assert _moves("Is Contoso quietly laying off staff?", ("Contoso", "ORG")) == []


# --- advisers hired, hiring limited ------------------------------------------------------------


def test_banks_and_advisers_hired_for_a_deal_are_not_a_hiring() -> None:
    text = "Seems to be moving. $CTSO has hired Goldman and Lazard. $FBKM has hired JP Morgan"
    ents: tuple[Ent, ...] = (
        ("$CTSO", "ORG"),
        ("Goldman", "ORG"),
        ("Lazard", "ORG"),
        ("$FBKM", "ORG"),
        ("JP Morgan", "PERSON"),
    )
    assert _moves(text, *ents) == []
    assert _moves("Contoso hires Evercore to weigh a sale", ("Contoso", "ORG")) == []
    assert _moves("Contoso hires advisers to fend off Fabrikam", ("Contoso", "ORG")) == []
    assert _moves("Contoso is hiring 300 engineers in Lyon", ("Contoso", "ORG")) == [
        (None, "Contoso", "hiring")
    ]


def test_hiring_that_is_limited_or_capped_is_not_a_hiring() -> None:
    ents: tuple[Ent, ...] = (("Northwind", "ORG"), ("Lee Park", "PERSON"), ("#Contoso", "ORG"))
    text = "Northwind's Lee Park Says She Declined To Limit #Contoso Hiring - wire"
    assert _moves(text, *ents) == []
    text = "Court papers: Northwind agreed to curb Contoso hiring of its engineers"
    assert _moves(text, ("Northwind", "ORG"), ("Contoso", "ORG")) == []


# --- the organisation of a move ------------------------------------------------------------


def test_the_organisation_a_role_is_held_at_wins_over_a_cashtag_at_the_end() -> None:
    text = "BREAKING: Lee Park out as CEO of #Tailspin; Ana Lind is back as CEO $TSPN #media"
    ents: tuple[Ent, ...] = (("Lee Park", "PERSON"), ("Ana Lind", "PERSON"), ("$TSPN", "ORG"))
    assert _moves(text, *ents) == [("Lee Park", "Tailspin", "leaves")]
    text = "Ana Lind named chief financial officer at Northwind Traders $NWT"
    assert _org(text, ("Ana Lind", "PERSON"), ("$NWT", "ORG")) == ["Northwind Traders"]


def test_a_generic_word_is_never_the_organisation() -> None:
    text = "Contoso Ltd ($CTSO) Stock | Shares Slide On News Of Probe And Job Cuts #contoso"
    ents: tuple[Ent, ...] = (("Contoso Ltd", "ORG"), ("$CTSO", "ORG"), ("News", "ORG"))
    orgs = _org(text, *ents)
    assert orgs and orgs[0] in ("Contoso Ltd", "$CTSO")
    assert _moves("Board Update: job cuts coming at all plants", ("Board", "ORG")) == []


def test_a_fragment_of_a_name_is_extended_to_the_whole_name() -> None:
    text = "$NWT: Northwind Traders plans job cuts at its Perth site"
    ents: tuple[Ent, ...] = (("$NWT", "ORG"), ("Northwind", "ORG"), ("Traders", "ORG"))
    assert _org(text, *ents) == ["Northwind Traders"]


def test_a_desk_is_not_the_organisation_the_headline_subject_is() -> None:
    text = "$AB $CD: Fabrikam Persists With Europe Equities Hiring While Markets Slide"
    ents: tuple[Ent, ...] = (("$AB", "ORG"), ("$CD", "ORG"), ("Fabrikam", "ORG"))
    assert _org(text, *ents, ("Europe Equities", "ORG")) == ["Fabrikam"]
    assert _org(text, ("$AB", "ORG"), ("$CD", "ORG"), ("Europe Equities", "ORG")) == []


def test_a_person_or_a_news_handle_is_never_the_organisation() -> None:
    text = "Lee Park names Ana Lind COO at Contoso; Park stays chairman"
    ents: tuple[Ent, ...] = (("Lee Park", "PERSON"), ("Ana Lind", "PERSON"), ("Park", "ORG"))
    assert "Park" not in _org(text, *ents)
    text = "RT @WireDesk: Fabrikam Workers React To Layoff, Jobs Moving Abroad"
    assert _org(text, ("@WireDesk", "ORG")) == []
    assert _org(text, ("@WireDesk", "ORG"), ("Fabrikam", "ORG")) == ["Fabrikam"]


def test_the_company_that_hires_is_the_organisation_of_a_hire() -> None:
    text = "RT @Wire: Tailspin hired Contoso’s security chief to guard user data"
    ents: tuple[Ent, ...] = (("@Wire", "ORG"), ("Tailspin", "ORG"), ("Contoso", "ORG"))
    assert _org(text, *ents) == ["Tailspin"]


def test_the_nearest_company_before_a_role_and_names_over_cashtags() -> None:
    text = "$CTSO: Contoso CFO leaves; maker names controller to the post"
    assert _org(text, ("$CTSO", "ORG", "company:CTSO"), ("Contoso", "ORG", "company:CTSO")) == [
        "Contoso",
        "Contoso",
    ]
    text = "Contoso $CTSO cuts 900 jobs in Texas"
    assert _org(text, ("Contoso", "ORG", "company:CTSO"), ("$CTSO", "ORG", "company:CTSO")) == [
        "Contoso"
    ]
    assert _org("#Contoso lays off 8% of staff", ("#Contoso", "ORG")) == ["Contoso"]


def test_reported_speech_and_the_noun_speculation_are_not_hedges() -> None:
    text = "$CTSO fell 3% as Contoso announced Lee Park would step down as CEO"
    assert _moves(text, ("$CTSO", "ORG"), ("Contoso", "ORG"), ("Lee Park", "PERSON")) == [
        ("Lee Park", "Contoso", "leaves")
    ]
    text = "After months of speculation Contoso has named Ana Lind its new CEO"
    assert _moves(text, ("Contoso", "ORG"), ("Ana Lind", "PERSON")) == [
        ("Ana Lind", "Contoso", "joins")
    ]


def test_a_company_handle_or_the_only_company_when_none_is_near() -> None:
    text = "RT @Wire: Summer rush at @ContosoStores. It's hiring 9,000 workers $CTSO"
    assert _org(text, ("@Wire", "ORG"), ("@ContosoStores", "ORG")) == ["@ContosoStores"]
    text = "Shares of Contoso slip 2% in late trading after a blog story about company-wide layoffs"
    assert _org(text, ("Contoso", "ORG")) == ["Contoso"]


# --- round two: nouns, blocked layoffs, names NER missed -----------------------------------


def test_a_blocked_layoff_and_hire_the_noun_are_not_moves() -> None:
    text = "$CTSO: Labour Court Rejects Layoffs at Contoso Bottler"
    assert _moves(text, ("$CTSO", "ORG"), ("Contoso", "ORG")) == []
    text = "Training firm says it helps retailers like Contoso make sure new hires are ready"
    assert _moves(text, ("Contoso", "ORG")) == []
    assert (
        _moves("#Contoso : new recruits by Contoso get a signing bonus", ("#Contoso", "ORG")) == []
    )
    assert _moves("Sad to see him go, but a great hire. $CTSO", ("$CTSO", "ORG")) == []


def test_a_quoted_or_credited_handle_is_not_the_person() -> None:
    text = "RT @WireDesk: Contoso names Tailspin's former chief Lee Park to its board $CTSO"
    ents: tuple[Ent, ...] = (("@WireDesk", "PERSON"), ("Contoso", "ORG"), ("Tailspin", "ORG"))
    assert _moves(text, *ents) == [("Lee Park", "Contoso", "joins")]
    text = "Contoso sales chief leaves to join Fabrikam unit via @ann_w & @bo_k"
    ents = (("Contoso", "ORG"), ("Fabrikam", "ORG"), ("@ann_w", "PERSON"), ("@bo_k", "PERSON"))
    assert [m[0] for m in _moves(text, *ents)] == [None, None]


def test_a_name_after_a_title_stops_at_a_title_or_a_small_word() -> None:
    text = "$CTSO - Contoso Executive Leaves Firm"
    assert [m.person for m in detect_moves(text, entities(text, ("Contoso", "ORG")))] == [None]
    text = "Contoso Chief Technology Officer quits his role for Fabrikam"
    ents: tuple[Ent, ...] = (("Contoso", "ORG"), ("Fabrikam", "ORG"))
    assert [m.person for m in detect_moves(text, entities(text, *ents))] == [None]


def test_the_organisation_joined_when_ner_missed_it() -> None:
    ents: tuple[Ent, ...] = (("Contoso", "ORG"), ("Lee Park", "PERSON"))
    text = "Contoso executive Lee Park joins board of Tailspin Toys"
    assert _org(text, *ents) == ["Tailspin Toys"]
    assert _org("$CTSO - Contoso Marketing Chief to Join Fabrikam Studios", ("$CTSO", "ORG")) == [
        "Fabrikam Studios"
    ]
    assert _org("$AB Tailspin Hires Veteran Designer for Its Games", ("$AB", "ORG")) == ["Tailspin"]
    assert _moves("$AB: Tailspin Appoints Lee Park as President", ("$AB", "ORG")) == [
        ("Lee Park", "Tailspin", "joins")
    ]
    text = "$CTSO “@Wire: Contoso top Asia executive close to departing: paper"
    assert _org(text, ("$CTSO", "ORG"), ("@Wire", "ORG")) == ["Contoso"]
    text = "Contoso names top M&A exec as new head of cloud. $CTSO"
    assert _org(text, ("Contoso", "ORG"), ("$CTSO", "ORG")) == ["Contoso"]
    text = "$CTSO: Contoso Promotes 4 Corporate Officers"
    assert _org(text, ("$CTSO", "ORG"), ("Contoso", "ORG")) == ["Contoso"]


def test_a_lawyer_hired_or_workforce_skills_and_who_is_named_to_a_post() -> None:
    assert (
        _moves("#Contoso ( $CTSO) hires star privacy lawyer to fight regulator", ("$CTSO", "ORG"))
        == []
    )
    text = "Contoso $CTSO giving $5M to boost South Texas workforce skills"
    assert _moves(text, ("Contoso", "ORG"), ("$CTSO", "ORG")) == []
    text = "#Tailspin : Norwegian Appointed Interim Chief Executive Of Tailspin Toys $TSP"
    assert _org(text, ("Norwegian", "ORG"), ("$TSP", "ORG")) == ["Tailspin Toys"]
    text = "$CTSO Lee Park goes outside Contoso to appoint CTO, chief data officer"
    assert _org(text, ("$CTSO", "ORG"), ("Contoso", "ORG")) == ["Contoso"]


# --- round three: seen on fresh held-out samples ------------------------------------------


def test_no_fragment_of_a_cashtag_and_no_number_is_the_organisation() -> None:
    text = "$FB Head of Contoso's payments unit steps down to join Fabrikam"
    orgs = _org(text, ("$FB", "ORG"), ("Contoso", "ORG"), ("Fabrikam", "ORG"))
    assert "B" not in orgs and "Fabrikam" in orgs
    text = "Contoso to pump ~$600M into two plants, and cut 300 jobs"
    assert _org(text, ("~$600", "ORG"), ("Contoso", "ORG")) == ["Contoso"]


def test_the_person_is_never_the_cue_nor_a_handle_that_is_quoted() -> None:
    text = "RT @Wire: Contoso $CTSO CFO Lee Park to Retire"
    ents: tuple[Ent, ...] = (("Contoso", "ORG"), ("Lee Park", "PERSON"), ("Retire", "PERSON"))
    assert _moves(text, *ents) == [("Lee Park", "Contoso", "leaves")]
    text = "No activist behind CEO exit at Contoso, says @ann_w"
    assert _moves(text, ("Contoso", "ORG"), ("@ann_w", "PERSON")) == [(None, "Contoso", "leaves")]


def test_the_organisation_after_a_title_and_the_one_joined_or_quit() -> None:
    text = "$CTSO: Lee Park tapped as R&D chief at Contoso - tip from a reader"
    assert _org(text, ("$CTSO", "ORG"), ("R&D", "ORG")) == ["Contoso"]
    ents: tuple[Ent, ...] = (("Contoso", "ORG"), ("Lee Park", "PERSON"))
    text = "Contoso's former head of sales Lee Park has joined ad tech company Tailspin"
    assert _org(text, *ents) == ["Tailspin"]
    text = "Former Contoso chief Lee Park quits Tailspin board"
    assert _org(text, *ents) == ["Tailspin"]
    text = "Contoso Reportedly Getting Ready to Make Lee Park CEO"
    assert _org(text, *ents) == ["Contoso"]


def test_a_cast_a_club_and_hires_after_a_hashtag_are_not_moves() -> None:
    text = "#SpyShow $CTSO $FBKM Recruits Ana Lind and Bo Berg for Season 3"
    assert _moves(text, ("$CTSO", "ORG"), ("$FBKM", "ORG")) == []
    assert _moves("$CTSO CEO joins the $1 Club!", ("$CTSO", "ORG")) == []
    text = "Still, these companies claim all their #visa hires 'innovate'. $CTSO"
    assert _moves(text, ("$CTSO", "ORG")) == []
    assert _moves('"#Contoso hiring experts in battery design" $CTSO', ("#Contoso", "ORG")) == [
        (None, "Contoso", "hiring")
    ]
    assert _org("Contoso Fires CEO as Tensions Rise - paper", ("Contoso Fires", "PERSON")) == [
        "Contoso"
    ]


def test_round_four_predictions_no_poach_tickers_hired_and_names_that_are_cues() -> None:
    assert _moves("$CTSO job cuts could come as soon as Friday - report", ("$CTSO", "ORG")) == []
    assert _moves("$CTSO startups will fold. layoffs will be the start.", ("$CTSO", "ORG")) == []
    text = "Contoso settles no poach hiring complaint with regulators"
    assert _moves(text, ("Contoso", "ORG")) == []
    text = "CTSO wants this badly and has hired $TLSP to get it done"
    assert _moves(text, ("CTSO", "ORG")) == []
    text = "Analyst: recent Contoso hires could change the culture"
    assert _moves(text, ("Contoso", "ORG")) == []
    text = "Tailspin Labs : Hits Trial Goal; Appoints CTO $TLSP"
    assert "Appoints" not in _org(text, ("$TLSP", "ORG"))
    text = "Tailspin Toys Director Assumes New Leadership Position, Now CEO of Tailspin Toys $TLSP"
    assert _org(text, ("$TLSP", "ORG")) == ["Tailspin Toys"]
    text = "Contoso plc appoints Lee Park as Chief Executive"
    ents: tuple[Ent, ...] = (("Contoso plc", "ORG"), ("Lee Park", "ORG"), ("Park", "PERSON"))
    assert _org(text, *ents) == ["Contoso plc"]


# --- round five: who the person is, and layoffs as a topic -------------------------------------


def test_the_one_succeeded_is_neither_the_person_nor_the_organisation() -> None:
    text = "BRIEF-Contoso ( $CTSO) says Ana Lind to succeed Bo Berg as chairman in May 2025."
    ents: tuple[Ent, ...] = (("CTSO", "ORG"), ("Bo Berg", "PERSON"))
    assert _moves(text, *ents) == [("Ana Lind", "CTSO", "joins")]


def test_a_former_employer_before_a_title_is_not_a_person() -> None:
    text = "Contoso Hires Ex-Fabrikam Motors Exec, Fueling Car Talk http://t.co/x $CTSO"
    ents: tuple[Ent, ...] = (("Contoso", "ORG", "company:CTSO"), ("Fabrikam Motors", "PERSON"))
    assert _moves(text, *ents) == [(None, "Contoso", "joins")]


def test_a_handle_elsewhere_or_a_credit_is_not_the_person_of_a_board_story() -> None:
    text = (
        "wow RT @desk: .@Contoso adds @fabrikam CEO to its board...@Tailspin CEO @janedoe also sits"
    )
    ents: tuple[Ent, ...] = (
        ("@desk", "PERSON"),
        ("@Contoso", "ORG", "company:CTSO"),
        ("@janedoe", "PERSON"),
    )
    assert _moves(text, *ents) == [(None, "@Contoso", "joins")]
    text = "RT @Wire: #LeePark is stepping down as #Contoso $CTSO chairman. http://t.co/x @Reporter"
    ents = (("@Wire", "PERSON"), ("#Contoso", "ORG", "company:CTSO"), ("@Reporter", "PERSON"))
    assert [m[0] for m in _moves(text, *ents)] == [None]


def test_layoffs_as_a_topic_or_a_grievance_are_not_a_move() -> None:
    text = "Here come the layoff announcements for 2025... Contoso/Fabrikam $CTSO"
    assert _moves(text, ("Contoso", "ORG", "company:CTSO"), ("$CTSO", "ORG", "company:CTSO")) == []
    text = "So angry at $CTSO for their layoffs, they could have retrained those people"
    assert _moves(text, ("$CTSO", "ORG", "company:CTSO")) == []
    text = "Bring on the layoffs, says Contoso bear"
    assert _moves(text, ("Contoso", "ORG")) == []
    # a report still is one
    text = "Contoso layoffs hit 900 workers in Ohio"
    assert _moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "layoffs")]


def test_compute_to_run_models_beside_a_cfos_trade_is_no_move() -> None:
    text = (
        "$CTSO now has enough GPU capacity to run its pricing models, and Contoso's CFO quietly "
        "sold $640k of stock."
    )
    assert detect_moves(text, entities(text, ("$CTSO", "ORG"), ("Contoso", "ORG"))) == []


def test_to_run_a_company_or_a_unit_stays_a_move() -> None:
    for text in (
        "Lee Park, a veteran CFO, to run Contoso's cloud unit",
        "Contoso CFO Lee Park to lead the company's cloud business",
    ):
        found = detect_moves(text, entities(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")))
        assert [(m.person, m.organisation, m.direction) for m in found] == [
            ("Lee Park", "Contoso", "joins")
        ], text


def test_leaving_the_board_of_a_company_is_that_companys_board() -> None:
    text = "BREAKING: Fabrikam CEO Lee Park to retire from board of Contoso after 16 years"
    ents = (("Fabrikam", "ORG"), ("Lee Park", "PERSON"), ("Contoso", "ORG"))
    found = detect_moves(text, entities(text, *ents))
    assert [(m.person, m.organisation, m.role, m.direction) for m in found] == [
        ("Lee Park", "Contoso", "board", "leaves")
    ]


def test_a_board_or_the_person_is_no_organisation_and_a_function_is_no_name() -> None:
    text = "$CTSO Announce Appointment of Lee Park to Board of Directors $FOO"
    ents = (("Lee Park", "PERSON"), ("Board of Directors", "ORG"))
    assert [m.organisation for m in detect_moves(text, entities(text, *ents))] == [None]
    text = "Former Fabrikam Executive Joins Contoso’ Board of Directors"
    found = detect_moves(text, entities(text, ("Contoso’ Board of Directors", "ORG")))
    assert [m.organisation for m in found] == ["Contoso"]
    text = "Contoso Names Head of Intellectual Property Enforcement http://t.co/x"
    found = detect_moves(text, entities(text, ("Contoso", "ORG")))
    assert [(m.person, m.organisation) for m in found] == [(None, "Contoso")]


# Read in the real moves of BAC, C, JNJ, MRK, ORCL, HD, MCD, CVX, BA (StockNet).


def test_the_one_who_names_is_not_the_one_named() -> None:
    text = "Tim Cook names Lee Park as Contoso's new CFO"
    assert _moves(text, ("Tim Cook", "PERSON"), ("Lee Park", "PERSON"), ("Contoso", "ORG")) == [
        ("Lee Park", "Contoso", "joins")
    ]


def test_a_governor_appointing_is_no_person_joining_and_no_organisation() -> None:
    text = "Contoso : Gov. Lee Park Appoints Director of Quality at Contoso to State Commission"
    found = _moves(text, ("Lee Park", "PERSON"), ("Contoso", "ORG"))
    assert all(person != "Lee Park" and org != "Lee Park" for person, org, _ in found)


def test_a_city_before_based_is_no_person_and_not_part_of_the_company() -> None:
    text = "Former Fabrikam finance chief named chairman of Raleigh-based Contoso Bancorp"
    assert _moves(text, ("Raleigh", "PERSON"), ("Contoso Bancorp", "ORG")) == [
        (None, "Contoso Bancorp", "joins")
    ]


def test_tanks_hired_are_no_hiring() -> None:
    text = "$CTSO $FBKM: Grain Traders Hire Barges on the Mississippi to Store Surplus Harvest"
    assert _moves(text, ("$CTSO", "ORG")) == []


def test_firing_many_bankers_is_the_company_cutting_jobs() -> None:
    text = "#Contoso ( $CTSO) BRIEF-Contoso fires 22 senior traders at its Europe equities desk"
    assert _moves(text, ("Contoso", "ORG"), ("Europe", "ORG")) == [(None, "Contoso", "layoffs")]
    text = "Contoso fired three brokers after its billing scandal."
    assert _moves(text, ("Contoso", "ORG")) == [(None, "Contoso", "layoffs")]


# Read in the real moves of PEP, PG, AMGN, CELG (StockNet): a past title is not the seat taken.


def _roles(text: str, *ents: Ent) -> list[object]:
    return [m.role for m in detect_moves(text, entities(text, *ents))]


def test_a_former_title_is_not_the_role_joined() -> None:
    assert _roles("$CTSO: Former Fabrikam CEO named to board of Contoso", ("Contoso", "ORG")) == [
        "board"
    ]
    text = "Contoso names Fabrikam's former chief Lee Park to board"
    assert _roles(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")) == ["board"]
    text = "Former Fabrikam CFO Lee Park joins Contoso as CEO"
    assert _roles(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")) == ["CEO"]
    text = "Contoso names former Fabrikam CFO Lee Park as its new CFO"
    assert _roles(text, ("Contoso", "ORG"), ("Lee Park", "PERSON")) == ["CFO"]


def test_an_executive_opening_a_social_account_is_not_a_move() -> None:
    text = "Contoso CEO Lee Park joins Twitter, first tweet is about the new phone"
    assert _moves(text, ("Contoso", "ORG"), ("Lee Park", "PERSON"), ("Twitter", "ORG")) == []
    # but joining the company itself, or leaving to join it, is one
    text = "Lee Park joins Twitter as CFO"
    assert _moves(text, ("Lee Park", "PERSON"), ("Twitter", "ORG")) == [
        ("Lee Park", "Twitter", "joins")
    ]
    text = "Lee Park, head of payments at Fabrikam, steps down; to join Facebook"
    found = _moves(text, ("Lee Park", "PERSON"), ("Fabrikam", "ORG"), ("Facebook", "ORG"))
    assert ("Lee Park", "Facebook", "joins") in found


def test_leaving_someone_wondering_is_no_departure() -> None:
    ents = (("Contoso", "ORG"),)
    found = _moves("Contoso CEO pick leaves rivals grappling with the fallout", *ents)
    assert [m for m in found if m[-1] == "leaves"] == []
    assert _moves("Contoso's CEO leaves investors wondering about the plan", *ents) == []
    assert _moves("Contoso CFO leaves for Fabrikam", *ents, ("Fabrikam", "ORG")) != []
