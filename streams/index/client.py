"""Build the Elasticsearch clients once, from settings."""

from __future__ import annotations

import logging
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


def _quiet_wire_log() -> None:
    """``elastic_transport.node`` logs every request and response body at DEBUG: rules with
    their channel secrets and webhook URLs in clear. Keep it at INFO even when the scout
    runs with ``SCOUT_LOG_LEVEL=debug`` (its INFO lines name method, path and status)."""
    wire = logging.getLogger("elastic_transport.node")
    if wire.level < logging.INFO:  # NOTSET (inherits the root's level) or DEBUG
        wire.setLevel(logging.INFO)


# The transport logs every request at INFO and each failed attempt at WARNING with a full
# traceback (three per request while Elasticsearch is down); the node pool a warning each
# time it marks the node dead. The scout's own retry loop (streams.retry) says it once per
# retry, with the next delay.
_CLIENT_LOGS = ("elastic_transport.transport", "elastic_transport.node_pool")


def _quiet_client_logs(settings: Settings) -> None:
    """Leave the client's own logs to ``SCOUT_LOG_LEVEL=debug``; else errors only."""
    _quiet_wire_log()
    if settings.log_level == "debug":
        return
    for name in _CLIENT_LOGS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:  # an operator's explicit level is kept
            logger.setLevel(logging.ERROR)


def make_client(settings: Settings) -> Elasticsearch:
    _quiet_client_logs(settings)
    return Elasticsearch(settings.es_url, **_options(settings))


def make_async_client(settings: Settings) -> AsyncElasticsearch:
    _quiet_client_logs(settings)
    return AsyncElasticsearch(settings.es_url, **_options(settings))
