"""Create the scout's topics (idempotent)."""

from __future__ import annotations

from collections.abc import Iterable

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from streams.errors import BrokerUnavailableError, ConfigError
from streams.settings import Settings
from streams.topics import ALL_TOPICS, TopicSpec


def make_admin(settings: Settings) -> KafkaAdminClient:
    try:
        return KafkaAdminClient(
            bootstrap_servers=settings.kafka_bootstrap.split(","),
            client_id=f"{settings.app_id}-admin",
            request_timeout_ms=15_000,
        )
    except KafkaError as exc:
        raise BrokerUnavailableError(
            f"cannot reach Kafka at {settings.kafka_bootstrap}: {exc}."
            " Is it running? (`scout services status`)"
        ) from exc


def ensure_topics(settings: Settings, specs: Iterable[TopicSpec] = ALL_TOPICS) -> dict[str, str]:
    """Create missing topics; report ``{name: 'created' | 'exists (N partitions)'}``."""
    admin = make_admin(settings)
    try:
        existing = set(admin.list_topics())
        report: dict[str, str] = {}
        for spec in specs:
            name = spec.name(settings)
            if name in existing:
                described = admin.describe_topics([name])
                count = len(described[0]["partitions"]) if described else 0
                report[name] = f"exists ({count} partitions)"
                continue
            try:
                admin.create_topics(
                    [
                        NewTopic(
                            name,
                            spec.partition_count(settings),
                            settings.topic_replication,
                            topic_configs=dict(spec.configs),
                        )
                    ]
                )
                report[name] = f"created ({spec.partition_count(settings)} partitions)"
            except TopicAlreadyExistsError:
                report[name] = "exists"
            except KafkaError as exc:
                raise ConfigError(
                    f"Kafka refused to create topic {name!r}: {exc}", code="SCOUT-E030"
                ) from exc
        return report
    finally:
        admin.close()
