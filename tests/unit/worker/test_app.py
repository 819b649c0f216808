"""The Faust app's Kafka group settings (no broker: the app is only built)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import pytest

from streams.app import create_app
from streams.errors import ConfigError
from streams.settings import Settings, load_settings
from streams.worker.runtime import Runtime


def _conf(settings: Settings) -> object:
    runtime = cast(Runtime, SimpleNamespace(dispatcher=None, reports=None, outbox=None))
    return create_app(settings, runtime).conf


def test_a_dead_member_is_replaced_in_seconds_not_faust_s_minute(tmp_path: object) -> None:
    # Issue 12 point 5: faust's default session timeout (60 s) left a kill -9'd worker's
    # partitions unread for ~57 s.
    conf = _conf(Settings(data_dir=tmp_path))
    assert conf.broker_session_timeout == 10.0  # type: ignore[attr-defined]
    assert conf.broker_heartbeat_interval == 3.0  # type: ignore[attr-defined]
    assert conf.consumer_group_instance_id is None  # type: ignore[attr-defined]


def test_a_worker_instance_id_makes_a_static_member(tmp_path: object) -> None:
    settings = Settings(
        data_dir=tmp_path, worker_instance_id="worker-0", kafka_session_timeout_s=30
    )
    conf = _conf(settings)
    assert conf.consumer_group_instance_id == "worker-0"  # type: ignore[attr-defined]
    assert conf.broker_session_timeout == 30.0  # type: ignore[attr-defined]


def test_a_heartbeat_too_slow_for_the_session_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCOUT_KAFKA_SESSION_TIMEOUT_S", "9")
    monkeypatch.setenv("SCOUT_KAFKA_HEARTBEAT_S", "4")
    with pytest.raises(ConfigError, match="SCOUT_KAFKA_HEARTBEAT_S: .*a third"):
        load_settings()


def test_the_transient_retry_backoff_is_capped_at_a_few_seconds() -> None:
    # An Elasticsearch outage grew the backoff to 51 s: the worker resumed 20 s late.
    assert Settings().retry_max_s <= 5.0
