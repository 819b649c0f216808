import pytest

from streams.errors import ConfigError
from streams.settings import Settings, load_settings


def test_defaults_point_at_local_services() -> None:
    s = Settings()
    assert s.kafka_bootstrap == "127.0.0.1:9092"
    assert s.es_url == "http://127.0.0.1:9200"
    assert s.topic("posts.raw") == "posts.raw"


def test_environment_is_read_with_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCOUT_TOPIC_PREFIX", "t1.")
    monkeypatch.setenv("SCOUT_BATCH_SIZE", "7")
    s = load_settings()
    assert s.topic("posts.raw") == "t1.posts.raw"
    assert s.batch_size == 7


@pytest.mark.parametrize(
    ("var", "value", "fragment"),
    [
        ("SCOUT_BATCH_SIZE", "many", "SCOUT_BATCH_SIZE"),
        ("SCOUT_KAFKA_BOOTSTRAP", "localhost", "host:port"),
        ("SCOUT_ES_URL", "localhost:9200", "http://"),
        ("SCOUT_TOPIC_PARTITIONS", "0", "SCOUT_TOPIC_PARTITIONS"),
    ],
)
def test_bad_config_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, fragment: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert fragment in str(info.value)


def test_settings_are_frozen_and_secrets_masked() -> None:
    s = Settings(es_password="hunter2", es_username="u")  # type: ignore[arg-type]
    assert "hunter2" not in repr(s)
    with pytest.raises(ValueError, match="frozen"):
        s.batch_size = 3  # type: ignore[misc]


def test_empty_variable_unsets_an_optional_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCOUT_TWEET_NER_MODEL", "")
    monkeypatch.setenv("SCOUT_WEB_PORT", "")
    monkeypatch.setenv("SCOUT_TOPIC_PREFIX", "")
    s = load_settings()
    assert s.tweet_ner_model is None and s.web_port is None and s.topic_prefix == ""
