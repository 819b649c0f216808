"""Kafka admin and producer clients (kafka-python), built once and injected."""

from streams.kafka.admin import ensure_topics
from streams.kafka.producer import make_producer

__all__ = ["ensure_topics", "make_producer"]
