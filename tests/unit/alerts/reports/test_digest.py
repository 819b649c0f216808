"""Digest assembly from search hits (no Elasticsearch)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models.alerts import Rule
from streams.alerts.reports.digest import build_digest, digest_search, move_summary
from streams.alerts.reports.periods import period_containing

PERIOD = period_containing("hourly", datetime(2026, 3, 2, 10, 30, tzinfo=UTC))


def _hit(i: int, text: str, influence: float = 10.0, **extra: Any) -> dict[str, Any]:
    return {
        "doc_id": f"doc-{i}",
        "post_id": str(i),
        "source": "twitter",
        "text": text,
        "url": f"https://x.example/{i}",
        "author": {"handle": f"user{i}"},
        "created_at": "2026-03-02T10:15:00+00:00",
        "influence": {"score": influence},
        **extra,
    }


def _rule(dedup: str = "story") -> Rule:
    return Rule.model_validate(
        {"id": "daily-ma", "name": "Deals", "owner": "o", "mode": "hourly", "dedup": dedup}
    )


DEAL = {
    "is_ma": True,
    "score": 0.9,
    "acquirer": {"name": "Northwind", "id": "company:NW"},
    "target": {"name": "Tailspin", "id": "company:TS"},
    "status": "announced",
    "amount": "$3bn",
}


def _hits() -> list[dict[str, Any]]:
    # sorted as Elasticsearch returns them: most influential first
    hits = [_hit(0, "Contoso names a new CFO https://news.example/cfo?utm_source=x", 90.0)]
    hits.append(_hit(1, "Northwind agrees to acquire Tailspin for $3bn", 80.0, ma=DEAL))
    hits += [
        _hit(10 + i, f"RT @fan{i}: Northwind agrees to acquire Tailspin for ${i}bn!!", 5.0, ma=DEAL)
        for i in range(5)
    ]
    hits.append(
        _hit(
            20,
            "Jane Doe joins Contoso as CFO, see https://news.example/cfo",
            3.0,
            moves=[
                {
                    "person": "Jane Doe",
                    "organisation": "Contoso",
                    "role": "CFO",
                    "direction": "joins",
                }
            ],
        )
    )
    return hits


AGGS = {
    "entities": {
        "buckets": [{"key": "company:NW", "doc_count": 6}, {"key": "company:TS", "doc_count": 6}]
    },
    "signals": {
        "buckets": {
            "ma": {"doc_count": 6},
            "move": {"doc_count": 1},
            "competitor": {"doc_count": 0},
        }
    },
    "late": {"doc_count": 2},
}


def test_reposts_fold_into_one_top_post_biggest_story_first() -> None:
    digest = build_digest(_rule(), PERIOD, _hits(), AGGS, total=8)
    assert (digest.total, digest.late, digest.period) == (8, 2, "hourly")
    first = digest.top_posts[0]
    assert first.post.post_id == "1" and first.similar == 5  # the original, not a repost
    assert [i.post.post_id for i in digest.top_posts] == ["1", "0", "20"]
    assert (digest.start, digest.end) == (PERIOD.start, PERIOD.end)


def test_post_dedup_keeps_every_post() -> None:
    digest = build_digest(_rule("post"), PERIOD, _hits(), AGGS, total=8)
    assert len(digest.top_posts) == 8 and all(i.similar == 0 for i in digest.top_posts)


def test_signals_are_summarized_once_each_with_counts_over_the_period() -> None:
    digest = build_digest(_rule(), PERIOD, _hits(), AGGS, total=8)
    assert [(s.type, s.summary) for s in digest.signals] == [
        ("ma", "Northwind → Tailspin (announced, $3bn)"),
        ("move", "Jane Doe joins Contoso as CFO"),
    ]
    assert [(c.key, c.count) for c in digest.signal_counts] == [("ma", 6), ("move", 1)]
    assert [(c.key, c.count) for c in digest.entities] == [("company:NW", 6), ("company:TS", 6)]


def test_links_are_counted_after_normalizing_tracking_parameters() -> None:
    digest = build_digest(_rule(), PERIOD, _hits(), AGGS, total=8)
    assert [(c.key, c.count) for c in digest.links] == [
        ("https://news.example/cfo?utm_source=x", 2)
    ]


def test_move_summaries_read_naturally() -> None:
    assert move_summary({"person": "A", "organisation": "B", "direction": "leaves"}) == "A leaves B"
    assert move_summary({"organisation": "B", "role": "engineers", "direction": "hiring"}) == (
        "B hiring engineers"
    )
    assert move_summary(
        {"person": "A", "role": "CEO", "organisation": "B", "direction": "promoted"}
    ) == ("A promoted to CEO at B")
    assert move_summary({"organisation": "B", "direction": "reshuffle"}) == (
        "B reshuffling management"
    )
    assert move_summary({"organisation": "B", "role": "CEO", "direction": "succession"}) == (
        "B choosing a CEO"
    )


def test_digest_search_filters_the_period_and_asks_for_the_parts() -> None:
    body = digest_search(_rule(), PERIOD, delay_s=300, late_s=3600, sample=50)
    assert body["size"] == 50 and body["track_total_hits"] is True
    assert set(body["aggs"]) == {"entities", "signals", "late"}
    assert body["sort"][0] == {"influence.score": {"order": "desc", "missing": "_last"}}
    assert "should" in body["query"]["bool"]["filter"][-1]["bool"]


def test_a_link_in_a_text_stored_as_given_is_the_link_of_its_cleaned_copy() -> None:
    # Texts are stored as given since issue 14: a zero-width space inside a link and
    # a CRLF after it must not make another link than the cleaned text had.
    hits = [
        _hit(1, "Acme deal https://news.example/a\u200bcme\r\nmore"),
        _hit(2, "Acme deal https://news.example/acme more"),
    ]
    digest = build_digest(_rule(), PERIOD, hits, AGGS, total=2)
    assert [(c.key, c.count) for c in digest.links] == [("https://news.example/acme", 2)]
