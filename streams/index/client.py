"""Build the Elasticsearch clients once, from settings."""

from __future__ import annotations

from typing import Any

from elasticsearch import AsyncElasticsearch, Elasticsearch

from streams.settings import Settings


def _options(settings: Settings) -> dict[str, Any]:
    options: dict[str, Any] = {"request_timeout": settings.es_timeout_s}
    if settings.es_api_key is not None:
        options["api_key"] = settings.es_api_key.get_secret_value()
    elif settings.es_username and settings.es_password is not None:
        options["basic_auth"] = (settings.es_username, settings.es_password.get_secret_value())
    return options


def make_client(settings: Settings) -> Elasticsearch:
    return Elasticsearch(settings.es_url, **_options(settings))


def make_async_client(settings: Settings) -> AsyncElasticsearch:
    return AsyncElasticsearch(settings.es_url, **_options(settings))
