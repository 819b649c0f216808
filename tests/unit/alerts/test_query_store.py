import json

import pytest
from pydantic import ValidationError

from models.alerts import Channel, Conditions, Rule
from streams.alerts.query import LIVE_OR_ALERTING, SILENT_BACKFILL, rule_query
from streams.alerts.store import rule_from_source, rule_to_source
from streams.errors import ConfigError


def test_rule_query_ands_query_conditions_backfill_guard_and_batch() -> None:
    rule = Rule(
        id="deals",
        name="Deals",
        owner="strategy",
        query="acquire OR buy",
        conditions=Conditions(
            entity_ids=("company:MSFT",), signals=("ma",), min_influence=40, languages=("en",)
        ),
    )
    q = rule_query(rule, doc_ids=["a", "b"])["bool"]
    assert q["must"][0]["query_string"]["query"] == "acquire OR buy"
    assert LIVE_OR_ALERTING in q["filter"]
    assert {"terms": {"entity_ids": ["company:MSFT"]}} in q["filter"]
    assert {"term": {"ma.is_ma": True}} in q["filter"]
    assert {"range": {"influence.score": {"gte": 40}}} in q["filter"]
    assert {"terms": {"lang": ["en"]}} in q["filter"]
    assert {"ids": {"values": ["a", "b"]}} in q["filter"]


def test_a_replay_query_takes_backfilled_posts_that_live_matching_skips() -> None:
    rule = Rule(id="acq", name="Acquisitions", owner="o", query="acquire")
    live = rule_query(rule)["bool"]["filter"]
    replay = rule_query(rule, backfilled=True)["bool"]["filter"]
    assert LIVE_OR_ALERTING in live
    assert LIVE_OR_ALERTING not in replay and SILENT_BACKFILL not in replay
    assert SILENT_BACKFILL == {"bool": {"must_not": [LIVE_OR_ALERTING]}}


def test_no_rule_query_is_compiled_around_a_lookup_into_another_index() -> None:
    lookup = {"terms": {"text": {"index": "scout-rules", "id": "a", "path": "channels.secret"}}}
    rule = Rule(id="spy", name="Spy", owner="o", query_dsl={"bool": {"should": [lookup]}})
    for backfilled in (False, True):
        with pytest.raises(ConfigError) as info:
            rule_query(rule, backfilled=backfilled)
        assert info.value.code == "SCOUT-E087"
        assert "query_dsl.bool.should[0].terms.text" in info.value.message


def test_a_rule_without_query_matches_on_conditions_alone() -> None:
    rule = Rule(
        id="any", name="Any competitor", owner="o", conditions=Conditions(signals=("competitor",))
    )
    assert rule_query(rule)["bool"]["must"] == [{"match_all": {}}]


def test_stored_rules_keep_their_secret_but_show_masks_it() -> None:
    rule = Rule(
        id="hook",
        name="h",
        owner="o",
        channels=(Channel(type="webhook", url="https://hooks.example.com/a", secret="s3cr3t"),),  # type: ignore[arg-type]
    )
    source = rule_to_source(rule)
    assert source["channels"][0]["secret"] == "s3cr3t"
    back = rule_from_source(source)
    assert back.channels[0].secret is not None
    assert back.channels[0].secret.get_secret_value() == "s3cr3t"
    assert "s3cr3t" not in back.model_dump_json()


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "Has Spaces", "name": "n", "owner": "o"},
        {"id": "ok", "name": "n", "owner": "o", "mode": "weekly"},
        {
            "id": "ok",
            "name": "n",
            "owner": "o",
            "channels": [{"type": "webhook", "url": "ftp://x.example"}],
        },
        {"id": "ok", "name": "n", "owner": "o", "conditions": {"signals": ["rumour"]}},
    ],
)
def test_bad_rules_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Rule.model_validate(bad)


def test_a_news_rule_filters_on_the_category_label_and_the_signal_score() -> None:
    """Issue 13 point 6: a rule can require news and a minimum signal."""
    rule = Rule(
        id="news",
        name="News",
        owner="o",
        conditions=Conditions(categories=("news",), min_signal=0.5),
    )
    for backfilled in (False, True):  # live matching and replays alike
        filters = rule_query(rule, backfilled=backfilled)["bool"]["filter"]
        assert {"terms": {"category.label": ["news"]}} in filters
        assert {"range": {"category.signal": {"gte": 0.5}}} in filters


def test_a_rule_without_category_conditions_takes_every_post() -> None:
    filters = rule_query(Rule(id="all", name="All", owner="o", query="x"))["bool"]["filter"]
    assert not [f for f in filters if "category" in json.dumps(f)]


@pytest.mark.parametrize(
    "conditions",
    [{"categories": ["rumour"]}, {"min_signal": 1.5}, {"min_signal": -0.1}],
)
def test_unknown_categories_and_signals_outside_0_1_are_refused(
    conditions: dict[str, object],
) -> None:
    with pytest.raises(ValidationError):
        Conditions.model_validate(conditions)
