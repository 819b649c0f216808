from datetime import UTC, datetime

from models.enriched import Entity
from models.post import Author, Post
from streams.index import build_document, to_source
from streams.index.schema import load_mapping, posts_index_name, template_body
from streams.settings import Settings


def test_every_indexed_field_is_mapped() -> None:
    post = Post(
        id="1",
        text="t",
        source="s",
        author=Author(handle="h", name="n", followers=1, following=2, listed=3, verified=True),
        url="u",
        lang="en",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    body = to_source(
        build_document(post, [Entity(text="t", label="ORG", start=0, end=1)], model="m"),
        indexed_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    props = load_mapping()["mappings"]["properties"]
    assert set(body) <= set(props)
    assert set(body["author"]) <= set(props["author"]["properties"])
    assert set(body["entities"][0]) <= set(props["entities"]["properties"])


def test_template_targets_the_versioned_index_of_the_prefix() -> None:
    settings = Settings(index_prefix="acme", index_shards=3, index_replicas=1)
    body = template_body(settings)
    assert posts_index_name(settings) == "acme-posts-v1"
    assert body["index_patterns"] == ["acme-posts-v*"]
    assert body["version"] == 1
    assert body["template"]["settings"]["index"]["number_of_shards"] == 3
    assert body["template"]["mappings"]["_meta"]["scout_mapping_version"] == 1


def test_mapping_uses_only_features_of_the_minimal_distribution() -> None:
    # The test ES (integ-test-zip) has no analysis-common, mapper-extras or wildcard.
    text = str(load_mapping())
    for missing in ("match_only_text", "search_as_you_type", "wildcard", "scaled_float", "english"):
        assert missing not in text
