"""Markdown and HTML renderings: untrusted text escaped, links safe, every citation shown."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from models.brief import Brief
from models.signals import ExecMove, MASignal, Party
from streams.brief import build_brief, render, render_html, render_markdown
from streams.brief.assemble import with_company_counts
from streams.brief.render import safe_url
from tests.unit.brief.records import NOW, WINDOW, post

EVIL = 'Microsoft <script>alert("x")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** & co'


def evil_brief() -> Brief:
    posts = [
        post(
            "p<1>",
            EVIL,
            handle="bad<b>guy",
            companies=["company:MSFT"],
            influence=50,
            url="javascript:alert(document.cookie)",
        ),
        post(
            "p2",
            "Microsoft to acquire Fabrikam <i>Inc</i> for $2 billion.",
            handle="desk",
            companies=["company:MSFT"],
            influence=40,
            url='https://example.org/a b"c<d>',
            ma=MASignal(
                is_ma=True,
                score=1.0,
                acquirer=Party(name="Microsoft", id="company:MSFT"),
                target=Party(name="Fabrikam <i>Inc</i>"),
                amount="$2 billion",
                status="rumour",
            ),
        ),
        post(
            "p3",
            "Intel names Jane <b>Doe</b> as CFO.",
            handle="exec",
            moves=[
                ExecMove(
                    person="Jane <b>Doe</b>",
                    organisation="Intel",
                    role="CFO",
                    direction="joins",
                    cue="names",
                )
            ],
        ),
    ]
    return build_brief(
        posts,
        window=WINDOW,
        generated_at=NOW,
        posts_in_window=3,
        company_names={"company:MSFT": "Micro<soft>"},
    )


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]
        assert not [k for k, _ in attrs if k.startswith("on")], attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_post_text_names_and_handles() -> None:
    page = render_html(evil_brief())
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags
    assert {"img", "i", "b"}.isdisjoint(parsed.tags)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    text = "".join(parsed.text)
    assert EVIL in text  # shown, as text
    assert "Micro<soft>" in text and "bad<b>guy" in text and "Jane <b>Doe</b>" in text


def test_html_links_only_http_urls_and_loads_nothing_from_outside() -> None:
    page = render_html(evil_brief())
    parsed = _Collect()
    parsed.feed(page)
    assert parsed.hrefs, "the https citations are links"
    assert all(h.startswith("https://example.org/") for h in parsed.hrefs)
    assert "https://example.org/a%20b%22c%3Cd%3E" in parsed.hrefs
    assert "javascript" not in " ".join(parsed.hrefs)
    assert {"link", "script", "iframe"}.isdisjoint(parsed.tags)
    assert "default-src 'none'" in page


def test_markdown_escapes_markup_in_post_text() -> None:
    md = render_markdown(evil_brief())
    assert not re.search(r"(?<!\\)<", md), "every < is escaped"
    assert r"\<script\>" in md
    assert r"\[click\](javascript:alert(1))" in md
    assert r"\*\*bold\*\* \& co" in md
    # The only links are the http(s) citations.
    targets = re.findall(r"\]\(([^)]*)\)", md.replace(r"\]", ""))
    assert targets and all(t.startswith("https://example.org/") for t in targets)


def test_every_citation_appears_in_both_renderings() -> None:
    brief = evil_brief()
    md, page = render_markdown(brief), render_html(brief)
    cited = {c.post_id for s in brief.companies for d in s.developments for c in d.citations}
    cited |= {c.post_id for d in brief.deals for c in d.citations}
    cited |= {c.post_id for m in brief.moves for c in m.citations}
    assert cited == {"p<1>", "p2", "p3"}
    for post_id in cited:
        assert f"t:{post_id}".replace("<", r"\<").replace(">", r"\>") in md
        assert f"t:{post_id}".replace("<", "&lt;").replace(">", "&gt;") in page


def test_sections_in_markdown() -> None:
    md = render_markdown(evil_brief())
    for heading in (
        "## Main developments by company",
        "## M&A rumours and announcements",
        "## Executive moves",
        "## Rising voices",
    ):
        assert heading in md
    assert "Microsoft (company:MSFT) → Fabrikam \\<i\\>Inc\\</i\\>, $2 billion, rumour" in md
    assert "### Micro\\<soft\\> (company:MSFT): 2 posts" in md
    assert "Jane \\<b\\>Doe\\</b\\> joins Intel as CFO" in md
    assert "_None in this window._" in md.split("## Rising voices")[1]


def test_an_empty_window_says_so_in_every_format() -> None:
    empty = build_brief([], window=WINDOW, generated_at=NOW, posts_in_window=0)
    assert empty.is_empty
    assert "Nothing in this window: no posts were indexed" in render_markdown(empty)
    assert "Nothing in this window: no posts were indexed" in render_html(empty)
    quiet = build_brief([], window=WINDOW, generated_at=NOW, posts_in_window=12)
    assert "Nothing in this window: none of its posts" in render_markdown(quiet)
    text, media = render(empty, "json")
    assert media == "application/json"
    assert Brief.model_validate_json(text) == empty


def test_json_round_trips_with_a_schema_version() -> None:
    brief = evil_brief()
    text, _ = render(brief, "json")
    assert Brief.model_validate_json(text) == brief
    assert '"schema_version": 2' in text


def test_safe_url_refuses_other_schemes() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,<b>x</b>") is None
    assert safe_url("//example.org/x") is None
    assert safe_url(None) is None
    assert safe_url("https://example.org/x?a=1&b=(2)") == "https://example.org/x?a=1&b=%282%29"


def test_a_sampled_brief_says_how_many_posts_were_considered_in_every_format() -> None:
    sample = [post(f"a{i}", f"Apple note {i}", companies=["company:AAPL"]) for i in range(3)]
    brief = with_company_counts(
        build_brief(
            sample,
            window=WINDOW,
            generated_at=NOW,
            posts_in_window=20_822,
            posts_about=20_811,
            posts_news=4_020,
            posts_unclassified=11,
            posts_by_category={"news": 4_020, "chatter": 9_780, "spam": 7_000},
            company_names={"company:AAPL": "Apple Inc."},
        ),
        {"company:AAPL": 20_811},
        {"company:AAPL": 4_020},
    )
    md = render_markdown(brief)
    assert "20822 posts in the window, 20811 about watched companies" in md
    assert "; 4020 of them news with a signal of at least 0.5" in md
    assert "(left out: 9780 chatter, 7000 spam, 11 not classified yet" in md
    assert "(3 of 4020 considered)" in md
    assert "### Apple Inc. (company:AAPL): 20811 posts, 4020 news (3 of 4020 considered)" in md
    page = render_html(brief)
    assert "20811 posts, 4020 news (3 of 4020 considered)" in page
    assert page.count("3 of 4020 considered") == 2
    as_json = json.loads(render(brief, "json")[0])
    assert as_json["considered"] == "3 of 4020 considered"
    assert (as_json["posts_news"], as_json["posts_unclassified"]) == (4_020, 11)
    assert as_json["companies"][0]["posts"] == 20_811
    assert as_json["companies"][0]["news"] == 4_020
    assert as_json["companies"][0]["considered"] == "3 of 4020 considered"


def test_a_brief_that_read_every_post_does_not_speak_of_a_sample() -> None:
    whole = build_brief(
        [post("a", "Apple note", companies=["company:AAPL"])],
        window=WINDOW,
        generated_at=NOW,
        posts_in_window=5,
    )
    md = render_markdown(whole)
    assert "5 posts in the window, 1 about watched companies" in md
    assert "considered" not in md and "considered" not in render_html(whole)


def test_a_succession_reads_as_a_company_choosing_its_leader() -> None:
    from models.brief import Citation, Move
    from streams.brief.render import _move_line

    cite = Citation(post_id="1", doc_id="twitter:1", source="twitter")
    move = Move(
        organisation="Contoso",
        role="CEO",
        direction="succession",
        headline="h",
        copies=1,
        citations=(cite,),
    )
    assert _move_line(move) == "Contoso is choosing a CEO"
