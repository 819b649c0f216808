"""Install the versioned index template and the posts index behind its alias."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, Elasticsearch, TransportError

from streams.errors import ConfigError, IndexUnavailableError
from streams.settings import Settings

MAPPING_VERSION = 1


def load_mapping(version: int = MAPPING_VERSION) -> dict[str, Any]:
    text = resources.files("streams.index").joinpath(f"mappings/posts.v{version}.json").read_text()
    body: dict[str, Any] = json.loads(text)
    body.pop("_comment", None)
    return body


def posts_index_name(settings: Settings, version: int = MAPPING_VERSION) -> str:
    return f"{settings.index_prefix}-posts-v{version}"


def template_body(settings: Settings, version: int = MAPPING_VERSION) -> dict[str, Any]:
    mapping = load_mapping(version)
    index_settings = dict(mapping["settings"]["index"])
    index_settings["number_of_shards"] = settings.index_shards
    index_settings["number_of_replicas"] = settings.index_replicas
    return {
        "index_patterns": [f"{settings.index_prefix}-posts-v*"],
        "priority": 200,
        "version": version,
        "_meta": {"managed_by": "signal-scout", "mapping_version": version},
        "template": {"settings": {"index": index_settings}, "mappings": mapping["mappings"]},
    }


def ensure_posts_index(client: Elasticsearch, settings: Settings) -> str:
    """Idempotently create the template, the index and the alias. Returns the index name."""
    name = posts_index_name(settings)
    try:
        client.indices.put_index_template(
            name=f"{settings.index_prefix}-posts", **template_body(settings)
        )
        if not client.indices.exists(index=name):
            client.indices.create(
                index=name, aliases={settings.posts_alias: {"is_write_index": True}}
            )
        else:
            # Additive mapping changes reach an existing index (a conflict is an error).
            mappings = template_body(settings)["template"]["mappings"]
            client.indices.put_mapping(index=name, properties=mappings["properties"])
            if not client.indices.exists_alias(name=settings.posts_alias, index=name):
                client.indices.put_alias(index=name, name=settings.posts_alias, is_write_index=True)
    except ApiError as exc:
        if exc.meta.status == 400 and "resource_already_exists" in str(exc):
            return name  # a concurrent setup created it first
        raise ConfigError(
            f"Elasticsearch refused the posts index setup: {exc}", code="SCOUT-E020"
        ) from exc
    except TransportError as exc:
        raise IndexUnavailableError(
            f"cannot reach Elasticsearch: {exc}. Is it running? (`scout services status`)"
        ) from exc
    return name


async def posts_index_ready(client: AsyncElasticsearch, settings: Settings) -> bool:
    """True when the alias exists (``scout setup`` has run)."""
    return bool(await client.indices.exists_alias(name=settings.posts_alias))
