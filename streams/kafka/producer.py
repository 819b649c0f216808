"""A durable, idempotent producer for the CLI (ingest, dead letters from ingest)."""

from __future__ import annotations

from kafka import KafkaProducer
from kafka.errors import KafkaError

from streams.errors import BrokerUnavailableError
from streams.settings import Settings


def make_producer(settings: Settings) -> KafkaProducer:
    try:
        return KafkaProducer(
            bootstrap_servers=settings.kafka_bootstrap.split(","),
            client_id=f"{settings.app_id}-ingest",
            acks="all",
            enable_idempotence=True,
            linger_ms=20,
            compression_type=None,
            max_request_size=max(settings.max_message_bytes + 65_536, 1_048_576),
        )
    except KafkaError as exc:
        raise BrokerUnavailableError(
            f"cannot reach Kafka at {settings.kafka_bootstrap}: {exc}."
            " Is it running? (`scout services status`)"
        ) from exc
