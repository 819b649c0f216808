"""What a failure to reach Elasticsearch or Kafka looks like to an operator: one coded line.

Third-party clients raise their own errors, nested three or four deep (an
``elastic_transport.ConnectionError`` around another around a ``NewConnectionError``
around a ``ConnectionRefusedError``). :func:`as_scout_error` turns those, and the scout's
own wrappers of them, into one :class:`~streams.errors.ScoutError` that names the service,
its address, the reason in a few words and what to do:

    [SCOUT-E301] Elasticsearch at http://127.0.0.1:9200 is unreachable: Connection refused;
    start it with `scout services up` or set SCOUT_ES_URL

Codes: ``SCOUT-E301`` Elasticsearch unreachable or timing out, ``SCOUT-E302`` Kafka
unreachable, ``SCOUT-E304`` Elasticsearch answered with an error the command did not
expect, ``SCOUT-E305`` Kafka failed otherwise.
"""

from __future__ import annotations

import os
import ssl

import aiokafka.errors
import kafka.errors
from elastic_transport import ConnectionError as EsConnectionError
from elastic_transport import ConnectionTimeout as EsConnectionTimeout
from elastic_transport import TransportError as EsTransportError
from elasticsearch import ApiError

from streams.errors import (
    BrokerUnavailableError,
    IndexUnavailableError,
    ScoutError,
    TransientError,
)
from streams.settings import Settings

__all__ = ["as_scout_error", "causes", "short_reason", "summary"]

_KAFKA_ERRORS = (kafka.errors.KafkaError, aiokafka.errors.KafkaError)
_KAFKA_UNREACHABLE = (
    kafka.errors.KafkaConnectionError,
    kafka.errors.KafkaTimeoutError,
    kafka.errors.NodeNotReadyError,
    aiokafka.errors.KafkaConnectionError,
    aiokafka.errors.KafkaTimeoutError,
    aiokafka.errors.NodeNotReadyError,
)


def causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps, outermost first: ``errors`` (elastic_transport keeps the
    per-attempt errors there), ``__cause__``, ``__context__`` and urllib3's ``reason``."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(chain) < 20:
        seen.add(id(current))
        chain.append(current)
        inner = getattr(current, "errors", None)
        reason = getattr(current, "reason", None)
        if isinstance(inner, tuple | list) and inner and isinstance(inner[-1], BaseException):
            current = inner[-1]
        elif current.__cause__ is not None:
            current = current.__cause__
        elif isinstance(reason, BaseException):
            current = reason
        else:
            current = current.__context__
    return chain


def short_reason(exc: BaseException) -> str:
    """The root of a failure in a few words: ``Connection refused``, ``Name or service not
    known``, ``Connection timed out``; else the innermost error's message."""
    chain = causes(exc)
    for item in reversed(chain):
        if isinstance(item, ssl.SSLError):
            return f"TLS failed ({item.reason or item})"
        if isinstance(item, OSError) and isinstance(item.errno, int) and item.errno > 0:
            return os.strerror(item.errno)
        if isinstance(item, OSError) and item.strerror:
            return str(item.strerror)
    if any(isinstance(item, EsConnectionTimeout | TimeoutError) for item in chain):
        return "timed out"
    innermost = chain[-1]
    text = innermost.message if isinstance(innermost, ScoutError) else str(innermost).strip()
    text = text or type(innermost).__name__
    return text.splitlines()[0][:300]


def summary(exc: BaseException) -> str:
    """A failure in one short line for a log: its code, and for a service that cannot be
    reached, the service and the reason instead of the client's nested messages."""
    code = f"[{exc.code}] " if isinstance(exc, ScoutError) else ""
    chain = causes(exc)
    if any(isinstance(item, EsConnectionTimeout) for item in chain):
        return f"{code}Elasticsearch did not answer in time"
    if any(isinstance(item, EsConnectionError) for item in chain):
        return f"{code}Elasticsearch is unreachable: {short_reason(exc)}"
    if any(isinstance(item, _KAFKA_UNREACHABLE) for item in chain):
        return f"{code}Kafka is unreachable: {short_reason(exc)}"
    text = exc.message if isinstance(exc, ScoutError) else str(exc)
    return code + (text.strip().splitlines() or [type(exc).__name__])[0]


def _es_unreachable(settings: Settings, exc: BaseException) -> IndexUnavailableError:
    timed_out = any(isinstance(item, EsConnectionTimeout) for item in causes(exc))
    state = (
        f"did not answer within {settings.es_timeout_s:g}s (SCOUT_ES_TIMEOUT_S)"
        if timed_out
        else f"is unreachable: {short_reason(exc)}"
    )
    return IndexUnavailableError(
        f"Elasticsearch at {settings.es_url} {state};"
        " start it with `scout services up` or set SCOUT_ES_URL"
    )


def _kafka_unreachable(settings: Settings, exc: BaseException) -> BrokerUnavailableError:
    return BrokerUnavailableError(
        f"Kafka at {settings.kafka_bootstrap} is unreachable: {short_reason(exc)};"
        " start it with `scout services up` or set SCOUT_KAFKA_BOOTSTRAP"
    )


def as_scout_error(exc: BaseException, settings: Settings) -> ScoutError | None:
    """The coded error to show for ``exc``, or None when it is not a service failure (a
    bug keeps its traceback). A ``TransientError`` that wraps a connection failure is
    rewritten the same way, so every command words it alike."""
    if isinstance(exc, ScoutError) and not isinstance(exc, TransientError):
        return exc
    chain = causes(exc)
    if any(isinstance(item, EsConnectionError | EsConnectionTimeout) for item in chain):
        return _es_unreachable(settings, exc)
    if isinstance(exc, BrokerUnavailableError) or any(
        isinstance(item, _KAFKA_UNREACHABLE) for item in chain
    ):
        return _kafka_unreachable(settings, exc)
    if isinstance(exc, ScoutError):
        return exc
    if isinstance(exc, ApiError):
        return ScoutError(
            f"Elasticsearch at {settings.es_url} answered {exc.meta.status}: {exc.message}"
            " (is this the scout's Elasticsearch, and has `scout setup` run?)",
            code="SCOUT-E304",
        )
    if isinstance(exc, EsTransportError):
        return IndexUnavailableError(f"Elasticsearch at {settings.es_url} failed: {exc.message}")
    if isinstance(exc, _KAFKA_ERRORS):
        return ScoutError(
            f"Kafka at {settings.kafka_bootstrap} failed: {short_reason(exc)}", code="SCOUT-E305"
        )
    return None
