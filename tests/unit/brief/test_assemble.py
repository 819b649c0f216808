"""build_brief on hand-built posts: stories, deals, moves, voices, citations, filters."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from models.brief import Brief, Citation, Development
from models.enriched import EnrichedPost, Entity
from models.signals import Category, ExecMove, MASignal, Party
from streams.brief import BriefLimits, build_brief
from streams.brief.assemble import with_company_counts
from streams.index.leaders import Voice
from tests.unit.brief.records import CHATTER, NOW, SPAM, WINDOW, post

MSFT = "company:MSFT"
DEAL_TEXT = "Microsoft is reportedly in talks to acquire Fabrikam for $2 billion, sources said."
RUMOUR = MASignal(
    is_ma=True,
    score=0.9,
    acquirer=Party(name="Microsoft", id=MSFT),
    target=Party(name="Fabrikam"),
    amount="$2 billion",
    status="rumour",
)


def brief_of(posts: list[EnrichedPost], **kwargs: Any) -> Brief:
    kwargs.setdefault("posts_in_window", len(posts))
    return build_brief(posts, window=WINDOW, generated_at=NOW, **kwargs)


def all_citations(brief: Brief) -> list[tuple[str, tuple[Citation, ...]]]:
    items: list[tuple[str, tuple[Citation, ...]]] = []
    for section in brief.companies:
        items += [(d.headline, d.citations) for d in section.developments]
    items += [(d.headline, d.citations) for d in brief.deals]
    items += [(m.headline, m.citations) for m in brief.moves]
    items += [(v.handle, v.citations) for v in brief.rising_voices]
    return items


def deal_story() -> list[EnrichedPost]:
    return [
        post(
            "orig",
            DEAL_TEXT,
            handle="deal_desk",
            influence=80,
            engagement=900,
            companies=[MSFT],
            ma=RUMOUR,
            hours_ago=10,
        ),
        post(
            "rt",
            f"RT @deal_desk: {DEAL_TEXT}",
            handle="echo",
            influence=5,
            companies=[MSFT],
            ma=RUMOUR,
            repost_of="orig",
            hours_ago=9,
        ),
        post(
            "wow",
            f"Wow!! {DEAL_TEXT} https://t.co/abc #breaking",
            handle="echo2",
            influence=3,
            companies=[MSFT],
            ma=RUMOUR,
            hours_ago=8,
        ),
    ]


def test_reposts_and_near_duplicates_collapse_into_one_development() -> None:
    other = post(
        "azure",
        "Microsoft opens a new Azure region in Norway for cloud customers.",
        handle="cloud",
        influence=40,
        companies=[MSFT],
    )
    brief = brief_of([*deal_story(), other])
    (section,) = brief.companies
    assert section.company_id == MSFT
    assert section.posts == 4
    assert [d.copies for d in section.developments] == [3, 1]
    top = section.developments[0]
    assert top.headline == DEAL_TEXT  # the original leads, not a repost
    assert [c.post_id for c in top.citations] == ["orig", "wow", "rt"]
    assert top.engagement == 900
    assert top.tags == ("ma",)
    assert section.developments[1].citations[0].post_id == "azure"


def test_a_repost_in_other_words_joins_its_original() -> None:
    original = post(
        "o1",
        "Contoso posts record quarterly revenue on strong cloud demand.",
        influence=50,
        companies=[MSFT],
    )
    quote = post("q1", "big if true", influence=5, companies=[MSFT], repost_of="o1")
    (section,) = brief_of([quote, original]).companies
    assert [d.copies for d in section.developments] == [2]
    assert section.developments[0].citations[0].post_id == "o1"


def test_every_claim_is_cited_to_posts_of_the_window() -> None:
    posts = [
        *deal_story(),
        post(
            "move",
            "Intel names Jane Doe as its new chief financial officer.",
            handle="exec",
            companies=["company:INTC"],
            moves=[
                ExecMove(
                    person="Jane Doe",
                    organisation="Intel",
                    organisation_id="company:INTC",
                    role="chief financial officer",
                    direction="joins",
                    cue="names",
                )
            ],
        ),
    ]
    voice = Voice(
        handle="exec",
        posts=1,
        relevant_posts=1,
        max_influence=10,
        engagement=0,
        score=12,
        recent_posts=2,
        growth=3.0,
    )
    brief = brief_of(posts, rising=[voice])
    by_id = {p.post_id: p for p in posts}
    items = all_citations(brief)
    assert len(items) == 2 + 1 + 1 + 1  # MSFT + INTC developments, deal, move, voice
    for claim, cited in items:
        assert cited, claim
        for c in cited:
            assert c.url == by_id[c.post_id].url
            assert c.author == by_id[c.post_id].author.handle  # type: ignore[union-attr]
            assert c.doc_id == by_id[c.post_id].doc_id


def test_a_record_cannot_hold_an_uncited_claim() -> None:
    with pytest.raises(ValidationError):
        Development(headline="Something happened", copies=1, citations=())


def test_deal_status_follows_the_latest_post_and_keeps_the_history() -> None:
    announced = RUMOUR.model_copy(update={"status": "announced", "amount": None})
    posts = [
        *deal_story(),
        post(
            "ann",
            "Microsoft confirms it will buy Fabrikam; the boards approved the deal.",
            handle="wire",
            influence=60,
            companies=[MSFT],
            ma=announced,
            hours_ago=1,
        ),
        post(
            "other",
            "Oracle to acquire Globex for $1 billion.",
            companies=["company:ORCL"],
            ma=MASignal(
                is_ma=True,
                score=0.9,
                acquirer=Party(name="Oracle", id="company:ORCL"),
                target=Party(name="Globex"),
                status="announced",
            ),
            influence=1,
        ),
    ]
    fabrikam, globex = brief_of(posts).deals
    assert fabrikam.acquirer == Party(name="Microsoft", id=MSFT)
    assert fabrikam.target is not None and fabrikam.target.name == "Fabrikam"
    assert fabrikam.status == "announced"
    assert fabrikam.statuses == ("rumour", "announced")
    assert fabrikam.amount == "$2 billion"
    assert fabrikam.copies == 4
    # Independent reports first (one per story), then the copies.
    assert [c.post_id for c in fabrikam.citations] == ["orig", "ann", "wow", "rt"]
    assert globex.target is not None and globex.target.name == "Globex"
    assert [c.post_id for c in globex.citations] == ["other"]


def test_moves_reported_twice_are_one_move_with_both_sources() -> None:
    move = ExecMove(
        person="Jane Doe",
        organisation="Intel",
        role="chief financial officer",
        direction="joins",
        cue="names",
    )
    posts = [
        post(
            "m1",
            "Intel names Jane Doe as its new chief financial officer.",
            influence=30,
            moves=[move],
        ),
        post(
            "m2",
            "Jane Doe joins Intel as CFO after a decade at Contoso.",
            influence=20,
            moves=[move.model_copy(update={"organisation": "INTEL", "cue": "joins"})],
        ),
    ]
    (found,) = brief_of(posts).moves
    assert (found.person, found.organisation, found.direction) == ("Jane Doe", "Intel", "joins")
    assert [c.post_id for c in found.citations] == ["m1", "m2"]
    assert found.copies == 2


def test_posts_outside_the_window_are_left_out() -> None:
    old = post("old", "Microsoft closed an office long ago.", companies=[MSFT], hours_ago=30)
    future = post("future", "Microsoft will do something.", companies=[MSFT], hours_ago=-1)
    brief = brief_of([old, future], posts_in_window=0)
    assert brief.is_empty
    assert brief.posts_considered == 0


def test_company_filter_keeps_only_posts_about_those_companies() -> None:
    posts = [
        *deal_story(),
        post("orcl", "Oracle wins a large cloud contract.", companies=["company:ORCL"]),
    ]
    brief = brief_of(posts, companies=["company:ORCL"], company_names={"company:ORCL": "Oracle"})
    assert [s.company_id for s in brief.companies] == ["company:ORCL"]
    assert brief.companies[0].name == "Oracle"
    assert brief.deals == ()
    assert brief.companies_filter == ("company:ORCL",)


def test_citations_are_capped_but_every_copy_is_counted() -> None:
    posts = deal_story() + [
        post(
            f"rt{i}",
            f"RT @deal_desk: {DEAL_TEXT}",
            influence=1,
            companies=[MSFT],
            ma=RUMOUR,
            repost_of="orig",
        )
        for i in range(8)
    ]
    brief = brief_of(posts, limits=BriefLimits(citations=4))
    top = brief.companies[0].developments[0]
    assert top.copies == 11
    assert len(top.citations) == 4
    assert brief.deals[0].copies == 11


def test_rising_voices_are_cited_to_their_own_posts_or_left_out() -> None:
    mine = [
        post(
            f"v{i}",
            f"Thread {i} on chip supply chains and foundry capacity {i * 7}.",
            handle="Rising_Rita",
            hours_ago=i + 1,
        )
        for i in range(3)
    ]
    voices = [
        Voice(
            handle="rising_rita",
            posts=3,
            relevant_posts=0,
            max_influence=10,
            engagement=5,
            score=20,
            recent_posts=3,
            growth=4.0,
        ),
        Voice(
            handle="ghost",
            posts=2,
            relevant_posts=0,
            max_influence=1,
            engagement=0,
            score=1,
            recent_posts=2,
            growth=2.0,
        ),
    ]
    brief = brief_of([], rising=voices, voice_posts={"rising_rita": mine})
    (voice,) = brief.rising_voices
    assert voice.handle == "rising_rita"
    assert voice.growth == 4.0
    assert {c.post_id for c in voice.citations} <= {"v0", "v1", "v2"}
    assert len(voice.citations) == 3


def test_companies_are_named_from_the_watch_list_else_as_written() -> None:
    posts = [post("a", "Msft ships it.", companies=[MSFT])]
    assert brief_of(posts, company_names={MSFT: "Microsoft"}).companies[0].name == "Microsoft"
    assert brief_of(posts).companies[0].name == "Msft"


def test_counts_over_the_window_are_kept_apart_from_the_sample_read() -> None:
    """Regression (issue 11, point 4): the brief said "1000 about watched companies" and
    "999 posts" for a company with 20,811: the sample's size, not the window's count.
    Issue 13 point 5: the news among them are counted apart, and considered against."""
    sample = [post(f"a{i}", f"Apple note {i}", companies=["company:AAPL"]) for i in range(3)]
    sample.append(post("g0", "Alphabet note", companies=["company:GOOGL"]))
    brief = brief_of(sample, posts_in_window=20_822, posts_about=20_815, posts_news=4_100)
    assert (brief.posts_in_window, brief.posts_about, brief.posts_news) == (
        20_822,
        20_815,
        4_100,
    )
    assert brief.posts_considered == 4
    assert brief.considered == "4 of 4100 considered"

    counted = with_company_counts(
        brief,
        {"company:AAPL": 20_811, "company:GOOGL": 2_458},
        {"company:AAPL": 4_020, "company:GOOGL": 80},
    )
    sections = {s.company_id: s for s in counted.companies}
    assert (sections["company:AAPL"].posts, sections["company:AAPL"].news) == (20_811, 4_020)
    assert sections["company:AAPL"].posts_considered == 3
    assert sections["company:AAPL"].considered == "3 of 4020 considered"
    assert sections["company:GOOGL"].posts == 2_458
    assert counted.model_dump()["companies"][0]["considered"].endswith(" considered")


def test_without_window_counts_the_sample_is_the_whole_window() -> None:
    brief = brief_of([post("a", "Apple note", companies=["company:AAPL"])])
    assert brief.posts_about == brief.posts_considered == 1
    (section,) = brief.companies
    assert section.posts == section.posts_considered == 1
    # A count lower than what was read (the index changed in between) never undercounts.
    assert with_company_counts(brief, {"company:AAPL": 0}).companies[0].posts == 1
    assert with_company_counts(brief, {}, {"company:AAPL": 0}).companies[0].news == 1


# --- issue 13 point 5: the brief leads with news ---------------------------------------

PUMP = MASignal(  # a promotion worded like a takeover: the M&A reader may flag it
    is_ma=True,
    score=0.6,
    acquirer=Party(name="Whales"),
    target=Party(name="Microsoft", id=MSFT),
)


def test_only_news_above_the_signal_makes_developments_deals_moves_and_voices() -> None:
    """Spam, chatter, weak news and posts not classified yet are counted, never shown."""
    hire = ExecMove(
        person="Sam Pike",
        organisation="Microsoft",
        organisation_id=MSFT,
        direction="joins",
        cue="x",
    )
    noise = [
        post(
            "pump",
            "$MSFT whales buying up everything!! join my free alerts room now",
            handle="pumper",
            influence=95,
            companies=[MSFT],
            ma=PUMP,
            category=SPAM,
        ),
        post(
            "calls",
            "Grabbed more MSFT weekly calls, looks ready to break resistance",
            handle="trader",
            influence=90,
            companies=[MSFT],
            category=CHATTER,
        ),
        post(
            "weak",
            "Heard Microsoft might hire someone new, who knows",
            handle="gossip",
            influence=85,
            companies=[MSFT],
            moves=[hire],
            category=Category(label="news", score=0.5, signal=0.2),
        ),
        post(
            "old-enrichment",
            "Microsoft stock thread, part 3",
            handle="Rising_Rita",
            influence=80,
            companies=[MSFT],
            category=None,
        ),
    ]
    rita = Voice(
        handle="rising_rita",
        posts=1,
        relevant_posts=1,
        max_influence=80,
        engagement=0,
        score=20,
        recent_posts=5,
        growth=5.0,
    )
    brief = brief_of([*noise, *deal_story()], rising=[rita])
    cited = {c.post_id for _, citations in all_citations(brief) for c in citations}
    assert cited == {"orig", "rt", "wow"}
    assert [(d.acquirer.name if d.acquirer else None) for d in brief.deals] == ["Microsoft"]
    assert brief.moves == () and brief.rising_voices == ()
    assert (brief.posts_about, brief.posts_news, brief.posts_unclassified) == (7, 3, 1)
    assert brief.posts_by_category == {"chatter": 1, "news": 4, "spam": 1}
    assert brief.companies[0].news == 3 and brief.companies[0].posts == 3

    # A lower threshold takes the weak news post in; spam and chatter stay out.
    loose = brief_of([*noise, *deal_story()], limits=BriefLimits(min_signal=0.1))
    assert [m.person for m in loose.moves] == ["Sam Pike"]
    assert "pump" not in str(all_citations(loose)) and "calls" not in str(all_citations(loose))


def test_a_post_naming_many_tickers_does_not_lift_every_company_it_names() -> None:
    tickers = ["company:AAPL", "company:GOOGL", "company:AMZN", "company:NFLX", "company:META"]
    listing = post(
        "list",
        "Apple, Alphabet, Amazon, Netflix and Meta all report results this week",
        influence=60,
        companies=tickers,
    )
    single = post(
        "tsla",
        "Tesla recalls its new sedan over a steering fault",
        influence=40,
        companies=["company:TSLA"],
    )
    brief = brief_of([listing, single], limits=BriefLimits(companies=1))
    assert [s.company_id for s in brief.companies] == ["company:TSLA"]


def _entity(text: str, mention: str, company: str, source: str) -> Entity:
    start = text.index(mention)
    return Entity(
        text=mention, label="ORG", start=start, end=start + len(mention), id=company, source=source
    )


def test_a_company_named_only_in_a_ticker_list_does_not_list_the_post() -> None:
    text = "Is Initech Ready To Go Public? https://example.org/a $HOOL $GLBX $INTK $VAND"
    tagged = post("ipo", text, influence=50).model_copy(
        update={
            "entities": (
                _entity(text, "Initech", "company:INTK", "alias"),
                _entity(text, "$HOOL", "company:HOOL", "cashtag"),
                _entity(text, "$GLBX", "company:GLBX", "cashtag"),
                _entity(text, "$INTK", "company:INTK", "cashtag"),
            )
        }
    )
    text2 = "Hooli ships its new phone https://example.org/b $HOOL"
    single = post("phone", text2, influence=10).model_copy(
        update={"entities": (_entity(text2, "$HOOL", "company:HOOL", "cashtag"),)}
    )
    brief = brief_of([tagged, single])
    listed = {
        s.company_id: [d.citations[0].post_id for d in s.developments] for s in brief.companies
    }
    assert listed == {"company:INTK": ["ipo"], "company:HOOL": ["phone"]}
