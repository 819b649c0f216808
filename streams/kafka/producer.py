"""A durable, idempotent producer for the CLI (ingest, backfill) and the API's push route."""

from __future__ import annotations

from kafka import KafkaProducer
from kafka.errors import KafkaError

from streams.errors import BrokerUnavailableError
from streams.settings import Settings


def make_producer(
    settings: Settings,
    *,
    client: str = "ingest",
    bootstrap_timeout_ms: int = 30_000,
    max_block_ms: int = 60_000,
) -> KafkaProducer:
    """The producer; ``bootstrap_timeout_ms`` bounds the wait for a first broker and
    ``max_block_ms`` a send waiting for metadata (the API answers sooner than the CLI)."""
    try:
        return KafkaProducer(
            bootstrap_servers=settings.kafka_bootstrap.split(","),
            client_id=f"{settings.app_id}-{client}",
            acks="all",
            enable_idempotence=True,
            linger_ms=20,
            compression_type=None,
            max_request_size=max(settings.max_message_bytes + 65_536, 1_048_576),
            bootstrap_timeout_ms=bootstrap_timeout_ms,
            max_block_ms=max_block_ms,
        )
    except KafkaError as exc:
        raise BrokerUnavailableError(
            f"cannot reach Kafka at {settings.kafka_bootstrap}: {exc}."
            " Is it running? (`scout services status`)"
        ) from exc
