"""Alert matching against the real Elasticsearch: msearch, claims, stories, bad rules."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar

import pytest
from elasticsearch import AsyncElasticsearch

from models.alerts import Rule
from models.enriched import EnrichedPost, Entity
from models.post import Author
from models.signals import Category, Influence, MASignal, Party
from streams.alerts.matching import (
    AlertClaims,
    RuleCache,
    alerts_for_batch,
    match_batch,
    rules_index_name,
    state_index_name,
)
from streams.index.client import make_async_client, make_client
from streams.index.schema import ensure_posts_index, posts_index_name
from streams.index.sink import BulkSink, write_all
from streams.settings import Settings
from tests.unit.alerts.matching.variants import reposts

pytestmark = pytest.mark.integration

T = TypeVar("T")
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def isolated(base_settings: Settings) -> Iterator[Settings]:
    settings = base_settings.model_copy(update={"index_prefix": f"it-m-{uuid.uuid4().hex[:10]}"})
    es = make_client(settings)
    ensure_posts_index(es, settings)
    yield settings
    try:
        for index in (
            posts_index_name(settings),
            rules_index_name(settings.index_prefix),
            state_index_name(settings.index_prefix),
        ):
            es.indices.delete(index=index, ignore_unavailable=True)
        es.options(ignore_status=404).indices.delete_index_template(
            name=f"{settings.index_prefix}-posts"
        )
    finally:
        es.close()


def _run(settings: Settings, body: Callable[[AsyncElasticsearch], Awaitable[T]]) -> T:
    async def run() -> T:
        client = make_async_client(settings)
        try:
            return await body(client)
        finally:
            await client.close()

    return asyncio.run(run())


def _post(i: int | str, text: str, **extra: Any) -> EnrichedPost:
    return EnrichedPost(
        doc_id=f"doc-{i}",
        post_id=str(i),
        source="test",
        text=text,
        created_at=NOW,
        author=Author(handle=f"author{i}"),
        url=f"https://example.com/p/{i}",
        lang="en",
        entities=extra.pop("entities", ()),
        model="test",
        **extra,
    )


def _rule(rule_id: str, **fields: Any) -> Rule:
    return Rule.model_validate({"id": rule_id, "name": rule_id, "owner": "it", **fields})


async def _put_rules(client: AsyncElasticsearch, settings: Settings, rules: list[Rule]) -> None:
    index = rules_index_name(settings.index_prefix)
    for rule in rules:
        await client.index(index=index, id=rule.id, document=rule.model_dump(mode="json"))
    await client.index(index=index, id="broken", document={"id": "Not Valid!", "name": ""})
    await client.indices.refresh(index=index)


async def _write(client: AsyncElasticsearch, settings: Settings, docs: list[EnrichedPost]) -> None:
    outcome = await write_all(BulkSink(client, settings.posts_alias), docs, cap_s=5)
    assert outcome.indexed == len(docs)


MSFT = Entity(text="Microsoft", label="ORG", start=0, end=9, id="company:MSFT")
DEAL = MASignal(
    is_ma=True,
    score=0.9,
    acquirer=Party(name="Microsoft", id="company:MSFT"),
    target=Party(name="Activision"),
)
RULES = [
    _rule("by-query", query="acquire AND activision", dedup="post"),
    _rule("by-conditions", conditions={"entity_ids": ["company:MSFT"], "signals": ["ma"]}),
    _rule("no-match", query="zebra"),
    _rule("digest-only", query="*", mode="daily"),
]


def _batch() -> list[EnrichedPost]:
    return [
        _post(1, "Microsoft to acquire Activision", entities=(MSFT,), ma=DEAL),
        _post(2, "Sony would acquire Activision, analysts muse"),
        _post(3, "Microsoft ships a new Surface", entities=(MSFT,)),
        _post(
            4,
            "Microsoft buys a gaming studio",
            entities=(MSFT,),
            ma=DEAL,
            influence=Influence(score=42.0),
        ),
    ]


def test_match_batch_runs_each_rule_over_the_batch_only(isolated: Settings) -> None:
    async def body(client: AsyncElasticsearch) -> set[tuple[str, str]]:
        await _put_rules(client, isolated, RULES)
        rules = await RuleCache(client, rules_index_name(isolated.index_prefix), 60).rules()
        assert {r.id for r in rules} == {r.id for r in RULES}  # the invalid one skipped
        await _write(client, isolated, [_post("old", "Microsoft to acquire Activision")])
        docs = _batch()
        await _write(client, isolated, docs)
        matches = await match_batch(client, isolated.posts_alias, rules, [d.doc_id for d in docs])
        assert matches.rejected == []
        return {(rule.id, source["doc_id"]) for rule, source in matches}

    assert _run(isolated, body) == {
        ("by-query", "doc-1"),
        ("by-query", "doc-2"),
        ("by-conditions", "doc-1"),
        ("by-conditions", "doc-4"),
    }


def test_a_batch_alerts_once_even_when_matched_again(isolated: Settings) -> None:
    async def body(client: AsyncElasticsearch) -> None:
        claims = AlertClaims(client, state_index_name(isolated.index_prefix))
        await claims.ensure()
        await claims.ensure()  # idempotent
        docs = _batch()
        await _write(client, isolated, docs)
        ids = [d.doc_id for d in docs]
        first = await alerts_for_batch(
            client, alias=isolated.posts_alias, rules=RULES, claims=claims, doc_ids=ids, now=NOW
        )
        assert sorted((a.rule_id, a.post.doc_id) for a in first.alerts) == [
            ("by-conditions", "doc-1"),
            ("by-conditions", "doc-4"),
            ("by-query", "doc-1"),
            ("by-query", "doc-2"),
        ]
        deal = next(a for a in first.alerts if a.post.doc_id == "doc-4")
        assert deal.post.entity_ids == ("company:MSFT",)
        assert deal.post.influence == 42.0
        assert deal.post.ma is not None and deal.post.ma["acquirer"]["id"] == "company:MSFT"
        assert deal.post.author == "author4"
        again = await alerts_for_batch(
            client, alias=isolated.posts_alias, rules=RULES, claims=claims, doc_ids=ids, now=NOW
        )
        assert again.matched == 4
        assert again.alerts == []

    _run(isolated, body)


def test_200_reposts_over_three_batches_fire_one_story_alert(isolated: Settings) -> None:
    rule = _rule("story", query="activision", dedup="story")
    texts = reposts(100) + reposts(100, seed=11, content_word=True)

    async def body(client: AsyncElasticsearch) -> list[str]:
        claims = AlertClaims(client, state_index_name(isolated.index_prefix))
        await claims.ensure()
        fired: list[str] = []
        for start, stop in ((0, 70), (70, 140), (140, 200)):
            docs = [_post(f"r{i}", texts[i]) for i in range(start, stop)]
            await _write(client, isolated, docs)
            result = await alerts_for_batch(
                client,
                alias=isolated.posts_alias,
                rules=[rule],
                claims=claims,
                doc_ids=[d.doc_id for d in docs],
                now=NOW,
            )
            assert result.matched == len(docs)
            fired.extend(a.alert_id for a in result.alerts)
        other = _post("other", "Activision appoints a new chief financial officer")
        await _write(client, isolated, [other])
        result = await alerts_for_batch(
            client,
            alias=isolated.posts_alias,
            rules=[rule],
            claims=claims,
            doc_ids=[other.doc_id],
            now=NOW,
        )
        fired.extend(a.alert_id for a in result.alerts)
        return fired

    fired = _run(isolated, body)
    assert len(fired) == 2  # the story once, the unrelated post once


def test_a_rule_es_rejects_is_reported_and_the_others_still_match(isolated: Settings) -> None:
    rules = [
        *RULES,
        _rule("bogus-dsl", query_dsl={"bogus": {}}),
        _rule("bad-syntax", query="activision AND (", dedup="post"),
    ]

    async def body(client: AsyncElasticsearch) -> None:
        docs = _batch()
        await _write(client, isolated, docs)
        matches = await match_batch(client, isolated.posts_alias, rules, [d.doc_id for d in docs])
        assert {r.rule_id for r in matches.rejected} == {"bogus-dsl", "bad-syntax"}
        assert all(r.reason for r in matches.rejected)
        assert {(rule.id, s["doc_id"]) for rule, s in matches} == {
            ("by-query", "doc-1"),
            ("by-query", "doc-2"),
            ("by-conditions", "doc-1"),
            ("by-conditions", "doc-4"),
        }

    _run(isolated, body)


def test_invisible_characters_do_not_hide_a_post_from_a_rule_or_a_search(
    isolated: Settings,
) -> None:
    import spacy

    from streams.enrich.enricher import Enricher, NlpModels
    from streams.enrich.sentiment import SentimentScorer
    from streams.index.search import search_posts
    from streams.normalize import parse_post

    enricher = Enricher(NlpModels(ner=spacy.blank("en"), label="blank"), SentimentScorer())
    texts = {
        "zwj": "Micro\u200dsoft eyes Or\u202eacle's Cer\u2066ner unit",
        "plain": "Microsoft eyes Oracle's Cerner unit",
        "other": "Oracle ships a database",
    }
    posts = [
        parse_post(
            json.dumps({"id": key, "source": "test", "text": text}).encode(),
            max_message_bytes=10_000,
            max_text_chars=1000,
        )
        for key, text in texts.items()
    ]
    docs = enricher.enrich(posts)
    assert docs[0].text == texts["zwj"], "the stored text keeps its characters"
    rule = _rule("deal-talk", query="microsoft AND oracle* AND cerner", dedup="post")

    async def body(client: AsyncElasticsearch) -> set[str]:
        await _write(client, isolated, docs)
        matches = await match_batch(client, isolated.posts_alias, [rule], [d.doc_id for d in docs])
        assert matches.rejected == []
        return {source["post_id"] for _, source in matches}

    assert _run(isolated, body) == {"zwj", "plain"}
    es = make_client(isolated)
    try:
        total, found = search_posts(es, isolated.posts_alias, "microsoft", size=10)
    finally:
        es.close()
    assert total == 2
    assert {hit["post_id"] for hit in found} == {"zwj", "plain"}


def test_rules_can_require_news_above_a_signal_by_condition_or_by_lucene_query(
    isolated: Settings,
) -> None:
    """Issue 13 point 6: ``categories``/``min_signal`` conditions and a Lucene
    ``category.label:news`` both keep spam, chatter and unclassified posts out."""
    news = Category(label="news", score=0.9, signal=0.8)
    docs = [
        _post("news", "Microsoft to acquire a games studio", entities=(MSFT,), category=news),
        _post(
            "weak",
            "Microsoft may open a store, says a blog",
            entities=(MSFT,),
            category=Category(label="news", score=0.6, signal=0.3),
        ),
        _post(
            "spam",
            "$MSFT $AAPL $TSLA huge runner alert join now",
            entities=(MSFT,),
            category=Category(label="spam", score=0.95, signal=0.0),
        ),
        _post(
            "chatter",
            "Loading up on MSFT calls into the close",
            entities=(MSFT,),
            category=Category(label="chatter", score=0.8, signal=0.1),
        ),
        _post("unclassified", "Microsoft news from an old enrichment", entities=(MSFT,)),
    ]
    rules = [
        _rule(
            "strong-news",
            dedup="post",
            conditions={
                "entity_ids": ["company:MSFT"],
                "categories": ["news"],
                "min_signal": 0.5,
            },
        ),
        _rule("any-news", dedup="post", conditions={"categories": ["news"]}),
        _rule("lucene-news", dedup="post", query="category.label:news AND microsoft"),
        _rule("lucene-signal", dedup="post", query="category.signal:>=0.5"),
    ]

    async def body(client: AsyncElasticsearch) -> set[tuple[str, str]]:
        await _write(client, isolated, docs)
        matches = await match_batch(client, isolated.posts_alias, rules, [d.doc_id for d in docs])
        assert matches.rejected == []
        return {(rule.id, source["post_id"]) for rule, source in matches}

    assert _run(isolated, body) == {
        ("strong-news", "news"),
        ("any-news", "news"),
        ("any-news", "weak"),
        ("lucene-news", "news"),
        ("lucene-news", "weak"),
        ("lucene-signal", "news"),
    }
